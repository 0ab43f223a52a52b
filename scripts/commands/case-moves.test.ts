import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../cases/config.ts';
import { aConfig } from '../../tests/support/config-fixture.ts';
import { makeGitFolderStore } from '../../cases/stores/git-folder.ts';
import type { CaseStore } from '../../cases/store.ts';
import { aCase } from '../../tests/support/case-fixture.ts';
import { runCommand } from '../../tests/support/run-command.ts';
import { moveCase, runMove } from './case-moves.ts';
import { defaultTemplatesDir, loadTemplates } from '../../cases/mail/template-files.ts';

const config: Config = aConfig();

let root: string;
let store: CaseStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'klachten-moves-'));
  store = makeGitFolderStore(join(root, 'cases'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const cli = (argv: string[]) =>
  runCommand(runMove, {
    argv,
    cwd: root,
    now: new Date('2026-10-28T09:00:00Z'),
    config,
    services: { makeStore: () => store, loadTemplates: () => loadTemplates(defaultTemplatesDir(process.cwd())) },
  });

describe('klachten cases <move>', () => {
  it('takes a case through its whole life, one commit per move', async () => {
    const { case: record } = await store.fileCase(aCase());
    const ref = record.reference;
    expect(await cli(['confirm', ref, '--handler', 'els'])).toEqual({
      code: 0,
      stdout: `${ref}: bevestigd, behandelaar els.\n`,
      stderr: '',
    });
    expect((await cli(['verdaag', ref, '--reason', 'Rapport van de monteur volgt.'])).code).toBe(0);
    await writeFile(join(root, 'antwoord.md'), 'Wij hebben de monteur gesproken.\n\nUw klacht is gegrond.\n');
    const answered = await cli([
      'beantwoord',
      ref.toLowerCase(),
      '--text-file',
      'antwoord.md',
      '--report',
      'https://example.nl/verslag',
    ]);
    expect(answered.code).toBe(0);
    expect((await cli(['sluit', ref, '--outcome', 'opgelost in overleg'])).stdout).toBe(
      `${ref}: afgesloten: opgelost-in-overleg.\n`,
    );
    const stored = await store.getCase(ref);
    expect(stored?.status).toBe('afgesloten');
    expect(stored?.events.map((event) => [event.status, event.by])).toEqual([
      ['ontvangen', 'website'],
      ['bevestigd', 'klachten-cli'],
      ['verdaagd', 'klachten-cli'],
      ['beantwoord', 'klachten-cli'],
      ['afgesloten', 'klachten-cli'],
    ]);
    expect(stored?.events[1]?.at).toBe('2026-10-28T10:00:00+01:00');
    const log = await promisify(execFile)('git', ['log', '--format=%s'], { cwd: join(root, 'cases') });
    expect(log.stdout.split('\n').filter(Boolean)).toEqual([
      `${ref}: afgesloten: opgelost-in-overleg`,
      `${ref}: beantwoord, met verslag`,
      `${ref}: termijn verdaagd`,
      `${ref}: bevestigd, behandelaar els`,
      `${ref}: klacht ontvangen`,
    ]);
  });

  it('answers with the text and the verslag from their files, as written', async () => {
    const { case: record } = await store.fileCase(aCase({ status: 'bevestigd', handler: 'jan' }));
    await writeFile(join(root, 'antwoord.md'), '## Ons oordeel\r\n\r\nUw klacht is **gegrond**.\r\n');
    await writeFile(join(root, 'verslag.md'), 'Gesprek met de aannemer op 3 november.\n');
    const result = await cli(['answer', record.reference, '--text-file', 'antwoord.md', '--report-file', 'verslag.md']);
    expect(result).toMatchObject({ code: 0, stdout: `${record.reference}: beantwoord, met verslag.\n` });
    expect((await store.getCase(record.reference))?.answers).toEqual([
      {
        at: '2026-10-28T10:00:00+01:00',
        by: 'klachten-cli',
        text: '## Ons oordeel\n\nUw klacht is **gegrond**.',
        report: 'Gesprek met de aannemer op 3 november.',
      },
    ]);
  });

  it('shows the answer mail with --preview and changes nothing', async () => {
    const { case: record } = await store.fileCase(aCase({ status: 'bevestigd', handler: 'jan' }));
    await writeFile(join(root, 'antwoord.md'), 'Wij hebben [de regels](https://example.nl/regels) nagelezen.\n');
    const result = await cli(['answer', record.reference, '--text-file', 'antwoord.md', '--preview']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Onderwerp: Uw klacht ${record.reference} is beantwoord`);
    expect(result.stdout).toContain('Wij hebben de regels (https://example.nl/regels) nagelezen.');
    expect((await store.getCase(record.reference))?.status).toBe('bevestigd');
  });

  it('refuses an answer without text, or with a file that is empty or missing, saying why', async () => {
    const { case: record } = await store.fileCase(aCase({ status: 'bevestigd', handler: 'jan' }));
    await writeFile(join(root, 'leeg.md'), '  \n');
    const none = await cli(['answer', record.reference]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Het antwoord is leeg.*--text-file antwoord\.md/s);
    expect((await cli(['answer', record.reference, '--text-file', 'leeg.md'])).stderr).toMatch(
      /leeg\.md: Het antwoord is leeg/,
    );
    expect((await cli(['answer', record.reference, '--text-file', 'weg.md'])).stderr).toMatch(/weg\.md bestaat niet/);
    expect((await store.getCase(record.reference))?.status).toBe('bevestigd');
  });

  it('records who made the move when --by is given', async () => {
    const { case: record } = await store.fileCase(aCase());
    await cli(['confirm', record.reference, '--handler', 'jan', '--by', 'coord']);
    expect((await store.getCase(record.reference))?.events.at(-1)?.by).toBe('coord');
  });

  it('marks a repeat complaint as not taken up when the earlier case exists', async () => {
    const { case: earlier } = await store.fileCase(aCase());
    const { case: repeat } = await store.fileCase(aCase({ earlier: 'ja', whatIsNew: 'niets' }));
    expect((await cli(['niet-in-behandeling', repeat.reference, '--earlier', earlier.reference])).code).toBe(0);
    expect((await store.getCase(repeat.reference))?.earlierReference).toBe(earlier.reference);
  });

  it('refuses an illegal move with the lifecycle’s reason and exit code 1, changing nothing', async () => {
    const { case: record } = await store.fileCase(aCase());
    const result = await cli(['close', record.reference, '--outcome', 'gegrond']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Sluiten kan pas als de klacht is beantwoord/);
    expect(await store.getCase(record.reference)).toEqual(record);
  });

  it('refuses the person the complaint is about as handler, with exit code 1', async () => {
    const { case: record } = await store.fileCase(aCase({ concerns: 'iemand van Onderhoud' }));
    const result = await cli(['confirm', record.reference, '--handler', 'jan']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/Jan de Vries kan deze klacht niet behandelen/);
  });

  it.each([
    [['confirm', 'K-2026-ZZZZZZ', '--handler', 'jan'], /Geen klacht met kenmerk K-2026-ZZZZZZ/],
    [['confirm', 'K-2026-ZZZZZZ'], /confirm heeft --handler nodig/],
    [['confirm', 'nonsense', '--handler', 'jan'], /"nonsense" is geen kenmerk/],
    [['confirm'], /Geef het kenmerk/],
    [['extend', 'K-2026-ZZZZZZ', '--reason', ' '], /extend heeft --reason nodig/],
    [['close', 'K-2026-ZZZZZZ', '--outcome', 'misschien'], /"misschien" is geen uitkomst/],
    [['close', 'K-2026-ZZZZZZ', '--handler', 'jan', '--outcome', 'gegrond'], /--handler hoort niet bij close/],
    [['answer', 'K-2026-ZZZZZZ', 'extra', 'woorden'], /Onverwacht: extra woorden/],
    [['answer', 'K-2026-ZZZZZZ', '--verslag', 'x'], /Onbekende optie/],
    [['not-taken-up', 'K-2026-ZZZZZZ', '--earlier', 'K-2025-ABCDEF'], /Geen eerdere klacht met kenmerk K-2025-ABCDEF/],
  ])('answers %j with a Dutch message and exit code 2', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('moveCase', () => {
  it('refuses the second of two moves made on the same case at the same time', async () => {
    const { case: record } = await store.fileCase(aCase());
    const context = {
      at: '2026-10-28T10:00:00+01:00',
      by: 'coord',
      timeZone: 'Europe/Amsterdam',
      people: config.people,
    };
    // Both read the case while it was still `ontvangen`; the store serialises the writes.
    const [first, second] = await Promise.all([
      moveCase(store, record.reference, { type: 'confirm', handler: 'jan' }, context, { read: record }),
      moveCase(store, record.reference, { type: 'confirm', handler: 'els' }, context, { read: record }),
    ]);
    expect(first.kind).toBe('moved');
    expect(second).toEqual({ kind: 'refused', reason: expect.stringMatching(/al bevestigd/) });
    expect((await store.getCase(record.reference))?.handler).toBe('jan');
  });
});

describe('the klachten command', () => {
  const klachten = fileURLToPath(new URL('../klachten.ts', import.meta.url));
  const runKlachten = (args: string[]) =>
    promisify(execFile)(process.execPath, [klachten, ...args], {
      cwd: root,
      env: { PATH: process.env['PATH'], KLACHTEN_DATA_DIR: root },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('dispatches the moves and keeps list and show working', async () => {
    const { case: earlier } = await store.fileCase(aCase());
    const { case: repeat } = await store.fileCase(aCase());
    const moved = await runKlachten(['cases', 'not-taken-up', repeat.reference, '--earlier', earlier.reference]);
    expect(moved).toMatchObject({
      code: 0,
      stdout: `${repeat.reference}: niet in behandeling genomen (eerder: ${earlier.reference}).\n`,
    });
    const refused = await runKlachten(['cases', 'extend', earlier.reference, '--reason', 'later']);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/Bevestig de klacht eerst/) });
    const unknown = await runKlachten(['cases', 'sluit', 'K-2026-ZZZZZZ', '--outcome', 'ingetrokken']);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringMatching(/Geen klacht met kenmerk/) });
    expect((await runKlachten(['cases', 'list'])).stdout).toMatch(/2 klacht\(en\)/);
    const shown = await runKlachten(['cases', 'show', repeat.reference]);
    expect(shown.stdout).toMatch(/Eerdere klacht: K-2026-/);
    expect(shown.stdout).toMatch(/niet-in-behandeling\s+klachten-cli/);
  }, 30_000);
});
