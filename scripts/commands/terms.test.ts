import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { aConfig } from '../../tests/support/config-fixture.ts';
import { runCommand, type CommandWorld } from '../../tests/support/run-command.ts';
import { closingDays2027, reglementTerms } from '../../tests/support/terms-fixture.ts';
import { run as runCalendar } from './calendar.ts';
import { run as runTerms } from './terms.ts';

const config = aConfig({ terms: reglementTerms });

const klachtenTerms = (argv: string[], world: CommandWorld = {}) =>
  runCommand(runTerms, { argv, config, cwd: '/nowhere', ...world });
const klachtenCalendar = (argv: string[], world: CommandWorld = {}) =>
  runCommand(runCalendar, { argv, config, cwd: '/nowhere', ...world });

/** The JSON a command printed, expecting it to have succeeded without a word on stderr. */
async function printedJson(output: Promise<{ code: number; stdout: string; stderr: string }>) {
  const { code, stdout, stderr } = await output;
  expect(code).toBe(0);
  expect(stderr).toBe('');
  return JSON.parse(stdout);
}

describe('klachten terms', () => {
  it('prints the terms of the reglement’s example as one JSON object', async () => {
    const result = await printedJson(klachtenTerms(['--received', '2028-03-03T10:00:00+01:00', '--json']));
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
    const { code, stdout } = await klachtenTerms(['--received=2026-10-25T23:30:00Z', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).received).toBe('2026-10-26');
  });

  it('prints readable Dutch without --json', async () => {
    const { code, stdout } = await klachtenTerms(['--received', '2028-03-03T10:00:00+01:00']);
    expect(code).toBe(0);
    expect(stdout).toBe(
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
    const { code, stdout, stderr } = await klachtenTerms(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('computes with the organisation’s own closing days', async () => {
    const own = aConfig({ terms: { ...reglementTerms, removedClosingDays: ['2028-04-17'] } });
    const { code, stdout } = await klachtenTerms(['--received', '2028-03-03T10:00:00+01:00', '--json'], {
      config: own,
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).answerBy).toBe('2028-04-17');
  });
});

describe('klachten calendar', () => {
  it('lists the non-working weekdays of 2027 as JSON', async () => {
    const result = await printedJson(klachtenCalendar(['--year', '2027', '--json']));
    expect(result.year).toBe(2027);
    expect(
      result.closingDays.map((day: { date: string; name: { nl: string } }) => `${day.date} ${day.name.nl}`),
    ).toEqual(closingDays2027);
  });

  it('lists them as Dutch text, with the organisation’s changes', async () => {
    const own = aConfig({
      terms: {
        ...reglementTerms,
        extraClosingDays: [{ date: '2027-05-07', name: { nl: 'Brugdag', en: 'Bridge day' } }],
        removedClosingDays: ['2027-05-05'],
      },
    });
    const now = new Date('2026-11-20T09:00:00Z');
    const { code, stdout } = await klachtenCalendar(['--year', '2027'], { config: own, now });
    expect(code).toBe(0);
    expect(stdout).toBe(
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
    const { code, stderr } = await klachtenCalendar(['--year', '2040'], { now: new Date('2039-12-01T09:00:00Z') });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^Let op: De werkdagenkalender loopt van 2020 tot en met 2040/);
  });

  it.each([
    ['no --year', [], /Geef het jaar op met --year/],
    ['a year that is not a year', ['--year', '27'], /geen jaartal van vier cijfers/],
    ['a year beyond the horizon', ['--year', '2099'], /kent het jaar 2099 niet/],
    ['an unknown option', ['--year', '2027', '--all'], /Onbekende optie/],
  ])('refuses %s with a Dutch message and exit code 2', async (_what, argv, message) => {
    const { code, stdout, stderr } = await klachtenCalendar(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
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
