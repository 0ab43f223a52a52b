import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../cases/config.ts';
import type { CliContext } from '../cli-context.ts';
import { run as runCalendar } from './calendar.ts';
import { run as runTerms } from './terms.ts';

const terms: Config['terms'] = {
  timeZone: 'Europe/Amsterdam',
  confirmWorkingDays: 7,
  answerWeeks: 6,
  extensionWeeks: 4,
  extraClosingDays: [],
  removedClosingDays: [],
};

function fakeContext(argv: string[], now = new Date('2026-06-01T10:00:00Z')) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    argv,
    env: {},
    cwd: '/nowhere',
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    now: () => now,
  };
  return { ctx, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('klachten terms', () => {
  it('prints the terms of the reglement’s example as one JSON object', async () => {
    const { ctx, stdout, stderr } = fakeContext(['--received', '2028-03-03T10:00:00+01:00', '--json']);
    expect(await runTerms(ctx, terms)).toBe(0);
    expect(stderr()).toBe('');
    const result = JSON.parse(stdout());
    expect(result).toMatchObject({
      received: '2028-03-03',
      confirmBy: '2028-03-14',
      answerBy: '2028-04-18',
      extendedAnswerBy: '2028-05-12',
    });
    expect(Object.keys(result)).toEqual(['received', 'confirmBy', 'answerBy', 'extendedAnswerBy', 'explanation']);
    expect(result.explanation.nl.answerBy).toBe(
      'uiterlijk dinsdag 18 april 2028: 6 weken na ontvangst valt op Goede Vrijdag (14 april); daarna volgen Eerste en Tweede Paasdag',
    );
    expect(result.explanation.en.confirmBy).toMatch(/^by Tuesday 14 March 2028: 7 working days after receipt/);
  });

  it('reads a late UTC moment as the next day in Amsterdam', async () => {
    const { ctx, stdout } = fakeContext(['--received=2026-10-25T23:30:00Z', '--json']);
    expect(await runTerms(ctx, terms)).toBe(0);
    expect(JSON.parse(stdout()).received).toBe('2026-10-26');
  });

  it('prints readable Dutch without --json', async () => {
    const { ctx, stdout } = fakeContext(['--received', '2028-03-03T10:00:00+01:00']);
    expect(await runTerms(ctx, terms)).toBe(0);
    expect(stdout()).toBe(
      [
        'Klacht ontvangen op vrijdag 3 maart 2028 (2028-03-03).',
        '',
        'Bevestiging met behandelaar en antwoorddatum:',
        '  uiterlijk dinsdag 14 maart 2028: 7 werkdagen na ontvangst op vrijdag 3 maart 2028; niet meegeteld: de dag van ontvangst en de weekenden',
        'Gemotiveerd antwoord:',
        '  uiterlijk dinsdag 18 april 2028: 6 weken na ontvangst valt op Goede Vrijdag (14 april); daarna volgen Eerste en Tweede Paasdag',
        'Na eenmalige verlenging:',
        '  uiterlijk vrijdag 12 mei 2028 als de termijn eenmaal met 4 weken wordt verlengd: 10 weken na ontvangst op vrijdag 3 maart 2028',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['a moment without an offset', ['--received', '2026-03-03T10:00'], /geen tijdzone/],
    ['an impossible date', ['--received', '2026-02-30T10:00Z', '--json'], /geen bestaand tijdstip/],
    ['a date without a time', ['--received', '2026-03-03'], /datum zonder tijdstip/],
    ['no --received at all', ['--json'], /Geef het moment van ontvangst op met --received/],
    ['--received without a value', ['--received'], /mist haar waarde/],
    ['an unknown option', ['--received', '2026-03-03T10:00Z', '--lang', 'en'], /Onbekende optie/],
    ['a stray argument', ['2026-03-03T10:00Z'], /Onverwacht argument/],
    ['a year the calendar does not know', ['--received', '2099-03-03T10:00Z'], /kent het jaar 2099 niet/],
  ])('refuses %s with a Dutch message and exit code 2', async (_what, argv, message) => {
    const { ctx, stdout, stderr } = fakeContext(argv);
    expect(await runTerms(ctx, terms)).toBe(2);
    expect(stdout()).toBe('');
    expect(stderr()).toMatch(message);
  });

  it('computes with the organisation’s own closing days', async () => {
    const own = { ...terms, removedClosingDays: ['2028-04-17'] };
    const { ctx, stdout } = fakeContext(['--received', '2028-03-03T10:00:00+01:00', '--json']);
    expect(await runTerms(ctx, own)).toBe(0);
    expect(JSON.parse(stdout()).answerBy).toBe('2028-04-17');
  });
});

describe('klachten calendar', () => {
  it('lists the non-working weekdays of 2027 as JSON', async () => {
    const { ctx, stdout, stderr } = fakeContext(['--year', '2027', '--json']);
    expect(await runCalendar(ctx, terms)).toBe(0);
    expect(stderr()).toBe('');
    const result = JSON.parse(stdout());
    expect(result.year).toBe(2027);
    expect(
      result.closingDays.map((day: { date: string; name: { nl: string } }) => `${day.date} ${day.name.nl}`),
    ).toEqual([
      '2027-01-01 Nieuwjaarsdag',
      '2027-03-26 Goede Vrijdag',
      '2027-03-29 Tweede Paasdag',
      '2027-04-27 Koningsdag',
      '2027-05-05 Bevrijdingsdag',
      '2027-05-06 Hemelvaartsdag',
      '2027-05-17 Tweede Pinksterdag',
    ]);
  });

  it('lists them as Dutch text, with the organisation’s changes', async () => {
    const own = {
      ...terms,
      extraClosingDays: [{ date: '2027-05-07', name: { nl: 'Brugdag', en: 'Bridge day' } }],
      removedClosingDays: ['2027-05-05'],
    };
    const { ctx, stdout } = fakeContext(['--year', '2027'], new Date('2026-11-20T09:00:00Z'));
    expect(await runCalendar(ctx, own)).toBe(0);
    expect(stdout()).toBe(
      [
        'Niet-werkdagen van maandag tot en met vrijdag in 2027:',
        '',
        '  vrijdag 1 januari 2027  Nieuwjaarsdag',
        '  vrijdag 26 maart 2027   Goede Vrijdag',
        '  maandag 29 maart 2027   Tweede Paasdag',
        '  dinsdag 27 april 2027   Koningsdag',
        '  donderdag 6 mei 2027    Hemelvaartsdag',
        '  vrijdag 7 mei 2027      Brugdag',
        '  maandag 17 mei 2027     Tweede Pinksterdag',
        '',
        'Feestdagen waarop toch gewerkt wordt (removedClosingDays):',
        '  woensdag 5 mei 2027  Bevrijdingsdag',
        '',
        '7 dagen. Zaterdag en zondag zijn nooit werkdagen.',
        '',
      ].join('\n'),
    );
  });

  it('warns on stderr when the calendar’s horizon ends within a year, and still answers', async () => {
    const { ctx, stderr } = fakeContext(['--year', '2040'], new Date('2039-12-01T09:00:00Z'));
    expect(await runCalendar(ctx, terms)).toBe(0);
    expect(stderr()).toMatch(/^Let op: De werkdagenkalender loopt van 2020 tot en met 2040/);
  });

  it.each([
    ['no --year', [], /Geef het jaar op met --year/],
    ['a year that is not a year', ['--year', '27'], /geen jaartal van vier cijfers/],
    ['a year beyond the horizon', ['--year', '2099'], /kent het jaar 2099 niet/],
    ['an unknown option', ['--year', '2027', '--all'], /Onbekende optie/],
  ])('refuses %s with a Dutch message and exit code 2', async (_what, argv, message) => {
    const { ctx, stdout, stderr } = fakeContext(argv);
    expect(await runCalendar(ctx, terms)).toBe(2);
    expect(stdout()).toBe('');
    expect(stderr()).toMatch(message);
  });
});

describe('the klachten command line', () => {
  it('prints the terms as JSON through the dispatcher and the organisation’s config', { timeout: 60_000 }, async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const { stdout } = await promisify(execFile)(
      'npm',
      [
        'exec',
        '--silent',
        '--',
        'node',
        'scripts/klachten.ts',
        'terms',
        '--received',
        '2028-03-03T10:00:00+01:00',
        '--json',
      ],
      { cwd: root },
    );
    expect(JSON.parse(stdout)).toMatchObject({
      received: '2028-03-03',
      confirmBy: '2028-03-14',
      answerBy: '2028-04-18',
      extendedAnswerBy: '2028-05-12',
    });
  });

  it('exits with 2 and a Dutch message for a moment without an offset', { timeout: 60_000 }, async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const failure = await promisify(execFile)(
      'npm',
      ['exec', '--silent', '--', 'node', 'scripts/klachten.ts', 'terms', '--received', '2026-03-03T10:00'],
      { cwd: root },
    ).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/geen tijdzone/);
  });
});
