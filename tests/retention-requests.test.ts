import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GitFolderStore } from '../cases/stores/git-folder.ts';
import { run as cases } from '../scripts/commands/cases.ts';
import { run as erase } from '../scripts/commands/erase.ts';
import { run as exportCase } from '../scripts/commands/export.ts';
import { nameFiles } from '../cases/attachments/names.ts';
import { preparedTrio } from './support/attachment-files.ts';
import { aCase } from './support/case-fixture.ts';
import { runCommand } from './support/run-command.ts';
import { useTempGitFolder } from './support/temp-git-folder.ts';

let dataDir: string;
let store: GitFolderStore;
useTempGitFolder('klachten-requests-', (dir, made) => ((dataDir = dir), (store = made)));

const world = (argv: string[]) => ({
  argv,
  cwd: dataDir,
  env: { KLACHTEN_DATA_DIR: dataDir },
  now: new Date('2027-03-01T10:00:00Z'),
  services: { makeStore: () => store },
});

describe('the data subject’s requests', () => {
  it('export writes the files the case holds too, as kept, beside the JSON and Markdown', async () => {
    const files = nameFiles([], await preparedTrio(), '2027-02-01T10:00:00+01:00', 'formulier');
    const record = aCase({ attachments: files.map((file) => file.record) });
    await store.fileCase(record, files);
    const result = await runCommand(exportCase, world([record.reference, '--out', 'inzage']));
    expect(result.code, result.stderr).toBe(0);
    for (const file of files) {
      const written = await readFile(join(dataDir, 'inzage', `${record.reference}-bijlagen`, file.record.name));
      expect(Buffer.compare(written, Buffer.from(file.bytes))).toBe(0);
    }
    expect(result.stdout).toContain(`${record.reference}-bijlagen/bijlage-3.pdf`);
  });

  it('export writes every field that cases show --json holds, as JSON and as Markdown, and registers the request', async () => {
    const record = aCase({ phone: '+31 6 12345678', concerns: 'de huismeester' });
    await store.fileCase(record);
    const shown = await runCommand(cases, world(['show', record.reference, '--json']));
    const result = await runCommand(exportCase, world([record.reference, '--out', 'inzage']));
    expect(result.code).toBe(0);
    const json = await readFile(join(dataDir, 'inzage', `${record.reference}.json`), 'utf8');
    expect(json).toBe(shown.stdout);
    const markdown = await readFile(join(dataDir, 'inzage', `${record.reference}.md`), 'utf8');
    for (const key of Object.keys(JSON.parse(shown.stdout) as object)) {
      if (!['events', 'notices', 'messages', 'answers', 'questions', 'answerDraft'].includes(key))
        expect(markdown).toContain(`**${key}**`);
    }
    for (const value of [record.name, record.email, record.phone ?? '', record.address, record.complaint]) {
      expect(markdown).toContain(value);
    }
    const registered = (await store.register.read()).find((entry) => entry.reference === record.reference);
    expect(registered?.requests).toEqual([{ kind: 'inzage', at: '2027-03-01T10:00:00.000Z' }]);
  });

  it('export holds the answer as sent, its verslag, and the questions with the answers, as text', async () => {
    const record = aCase({
      status: 'beantwoord',
      answers: [
        {
          at: '2027-02-01T10:00:00+01:00',
          by: 'jan',
          text: 'Wij hebben de ketel vervangen.',
          report: 'Gesprek op 3 februari.',
        },
      ],
      questions: [
        {
          id: 'v1',
          at: '2027-01-20T10:00:00+01:00',
          text: 'Op welke verdieping woont u?',
          answer: { at: '2027-01-21T09:00:00+01:00', text: 'Op de derde.' },
        },
      ],
    });
    await store.fileCase(record);
    expect((await runCommand(exportCase, world([record.reference, '--out', 'inzage']))).code).toBe(0);
    const markdown = await readFile(join(dataDir, 'inzage', `${record.reference}.md`), 'utf8');
    expect(markdown).toContain(
      '## Ons antwoord (zoals verstuurd), 2027-02-01T10:00:00+01:00\n\nWij hebben de ketel vervangen.',
    );
    expect(markdown).toContain('### Verslag\n\nGesprek op 3 februari.');
    expect(markdown).toContain('Op welke verdieping woont u?\n\n2027-01-21T09:00:00+01:00: Op de derde.');
    const json = JSON.parse(
      await readFile(join(dataDir, 'inzage', `${record.reference}.json`), 'utf8'),
    ) as typeof record;
    expect(json.answers).toEqual(record.answers);
  });

  it('erase of an unknown reference exits 2 and says so', async () => {
    const result = await runCommand(erase, world(['K-2026-ZZZZZZ', '--reason', 'verzoek per brief']));
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain('Geen klacht met kenmerk K-2026-ZZZZZZ');
  });

  it('erase of a case on hold exits 2 with the reason, and keeps it; after unhold it erases, and show says so', async () => {
    const record = aCase();
    await store.fileCase(record);
    expect((await runCommand(cases, world(['hold', record.reference, '--reason', 'bezwaar loopt']))).code).toBe(0);
    const refused = await runCommand(erase, world([record.reference, '--reason', 'verzoek']));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('bezwaar loopt');
    expect((await store.getCase(record.reference))?.name).toBe(record.name);

    expect((await runCommand(cases, world(['unhold', record.reference]))).code).toBe(0);
    const erased = await runCommand(erase, world([record.reference, '--reason', 'verzoek']));
    expect(erased.code).toBe(0);
    expect(await store.getCase(record.reference)).toBeUndefined();
    const registered = (await store.register.read()).find((entry) => entry.reference === record.reference);
    expect(registered).toMatchObject({ erasedBecause: 'verzoek', requests: [{ kind: 'wissen' }] });
    const shown = await runCommand(cases, world(['show', record.reference]));
    expect(shown.stdout).toContain(
      'De gegevens van deze klacht zijn op 1 maart 2027 verwijderd, op verzoek van de betrokkene.',
    );
  });
});
