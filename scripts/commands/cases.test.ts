import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeGitFolderStore } from '../../cases/stores/git-folder.ts';
import { nameFiles } from '../../cases/attachments/names.ts';
import { preparedTrio } from '../../tests/support/attachment-files.ts';
import { aCase } from '../../tests/support/case-fixture.ts';
import { runCommand } from '../../tests/support/run-command.ts';
import { run } from './cases.ts';

let dataDir: string;
const klachtenCases = (...argv: string[]) =>
  runCommand(run, { argv, env: { KLACHTEN_DATA_DIR: dataDir }, now: new Date('2026-11-25T12:00:00Z') });

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'klachten-cli-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('klachten cases', () => {
  it('says so when there are no cases yet, naming where it looked', async () => {
    const listed = await klachtenCases('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe(`Nog geen klachten in Git-map ${join(dataDir, 'cases')}.\n`);
  });

  it('lists cases oldest first, without personal data in the overview', async () => {
    const store = makeGitFolderStore(join(dataDir, 'cases'));
    const later = aCase({ receivedAt: '2026-11-02T09:00:00+01:00' });
    const earlier = aCase({ receivedAt: '2026-10-30T09:00:00+01:00' });
    await store.fileCase(later);
    await store.fileCase(earlier);
    const listed = await klachtenCases('list');
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines[0]).toContain(earlier.reference);
    expect(lines[1]).toContain(later.reference);
    expect(listed.stdout).not.toContain(earlier.name);
    const json = await klachtenCases('list', '--json');
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { reference: string }[]).map((c) => c.reference)).toEqual([
      earlier.reference,
      later.reference,
    ]);
  });

  it('shows one case as JSON with the reference, status, receipt moment, role, category and the form fields', async () => {
    const record = aCase({ complaint: 'Lekkage 💧\nin de badkamer', phone: '06 12345678' });
    await makeGitFolderStore(join(dataDir, 'cases')).fileCase(record);
    const shown = await klachtenCases('show', record.reference, '--json');
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      reference: record.reference,
      status: 'ontvangen',
      receivedAt: record.receivedAt,
      role: 'bewoner',
      category: 'onderhoud',
      name: record.name,
      email: record.email,
      phone: '06 12345678',
      address: record.address,
      complaint: 'Lekkage 💧\nin de badkamer',
      expectation: record.expectation,
      earlier: 'nee',
    });
  });

  it('shows the case’s files by our names and sizes, with the sender’s name as text', async () => {
    const files = nameFiles([], await preparedTrio(), '2026-11-02T10:00:00+01:00', 'formulier');
    const record = aCase({ attachments: files.map((file) => file.record) });
    await makeGitFolderStore(join(dataDir, 'cases')).fileCase(record, files);
    const shown = await klachtenCases('show', record.reference);
    expect(shown.stdout).toMatch(
      /Bijlagen:\n {2}bijlage-1\.jpg {2}\d+ kB {2}2026-11-02T10:00:00\+01:00 {2}\(IMG_0001\.JPG\)\n/,
    );
    expect(shown.stdout).toContain('bijlage-3.pdf');
  });

  it('shows the questions with their answers and the answer as sent', async () => {
    const at = '2026-11-02T10:00:00+01:00';
    const record = aCase({
      status: 'beantwoord',
      questions: [{ id: 'v1', at, by: 'jdevries', text: 'Welke verdieping?', answer: { at, text: 'De derde.' } }],
      answers: [{ at, by: 'jdevries', text: 'Uw klacht is gegrond.', report: 'Gesprek op 1 november.' }],
    });
    await makeGitFolderStore(join(dataDir, 'cases')).fileCase(record);
    const shown = await klachtenCases('show', record.reference);
    expect(shown.stdout).toContain(
      'Vragen aan de klager:\n  v1  2026-11-02T10:00:00+01:00  jdevries\nWelke verdieping?',
    );
    expect(shown.stdout).toContain('De derde.');
    expect(shown.stdout).toContain('Antwoord (zoals verstuurd):');
    expect(shown.stdout).toContain('Uw klacht is gegrond.\n  Verslag:\nGesprek op 1 november.');
  });

  it('refuses an unknown reference and bad arguments with exit code 2 and a message', async () => {
    const unknown = await klachtenCases('show', 'K-2026-ZZZZZZ');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Geen klacht met kenmerk K-2026-ZZZZZZ');
    expect((await klachtenCases('show')).code).toBe(2);
    const bogus = await klachtenCases('list', '--bogus');
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/^Onbekende optie\. \(Unknown option '--bogus'/);
    const dance = await klachtenCases('dance');
    expect(dance.code).toBe(2);
    expect(dance.stderr).toContain('Gebruik:');
  });
});

describe('the klachten command line', () => {
  it('runs through npm and exits 2 on an unknown command', async () => {
    const result = await promisify(execFile)('npm', ['run', '--silent', 'klachten', '--', 'bogus'], {
      env: { ...process.env, KLACHTEN_DATA_DIR: dataDir },
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in result && result.code).toBe(2);
    expect('stderr' in result && result.stderr).toContain('Onbekende opdracht: bogus');
  });
});
