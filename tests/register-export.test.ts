// `klachten register export` on the Git folder: one row per case of the period, read back by an
// RFC 4180 parser (d3-dsv, which vega reads CSV with) exactly as typed, accents included, and a
// category whose name is a formula coming out as text.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { read } from 'vega';
import { describe, expect, it } from 'vitest';
import type { GitFolderStore } from '../cases/stores/git-folder.ts';
import { run } from '../scripts/commands/register.ts';
import { aCase } from './support/case-fixture.ts';
import { aConfig } from './support/config-fixture.ts';
import { runCommand } from './support/run-command.ts';
import { useTempGitFolder } from './support/temp-git-folder.ts';

let dataDir: string;
let store: GitFolderStore;
useTempGitFolder('klachten-register-export-', (dir, made) => ((dataDir = dir), (store = made)));

const formula = '=HYPERLINK("https://example.com/?x=1","Klik hier")';
const config = aConfig({
  categories: [
    { id: 'onderhoud', label: { nl: 'Onderhoud, reparatie en "klein" werk', en: 'Maintenance' } },
    { id: 'overig', label: { nl: formula, en: formula } },
  ],
});
const now = new Date('2027-01-05T09:00:00Z');
const cli = (argv: string[]) =>
  runCommand(run, {
    argv,
    env: { KLACHTEN_DATA_DIR: dataDir },
    cwd: dataDir,
    now,
    config,
    services: { makeStore: () => store },
  });

/** Answered in time, closed, satisfied; reopened later; one received after the period. */
async function seed() {
  const answered = aCase({
    status: 'afgesloten',
    outcome: 'deels-gegrond',
    handler: 'jan',
    name: 'Zoë Ñúñez',
    events: [
      { at: '2026-10-26T00:30:00+01:00', status: 'ontvangen' },
      { at: '2026-10-28T10:00:00+01:00', status: 'bevestigd', handler: 'jan' },
      { at: '2026-11-20T10:00:00+01:00', status: 'beantwoord' },
      { at: '2026-11-27T10:00:00+01:00', status: 'afgesloten', outcome: 'deels-gegrond' },
    ],
    satisfaction: { answer: 'ja', at: '2026-11-28T10:00:00+01:00' },
  });
  const reopened = aCase({
    status: 'heropend',
    category: 'overig',
    handler: 'jan',
    events: [
      { at: '2026-10-26T00:30:00+01:00', status: 'ontvangen' },
      { at: '2026-11-09T10:00:00+01:00', status: 'bevestigd', handler: 'jan' },
      { at: '2026-12-10T10:00:00+01:00', status: 'beantwoord' },
      { at: '2026-12-11T10:00:00+01:00', status: 'heropend', reason: 'x', answerBy: '2027-01-08' },
    ],
    satisfaction: { answer: 'nee', at: '2026-12-11T10:00:00+01:00' },
  });
  const later = aCase({
    receivedAt: '2027-01-04T10:00:00+01:00',
    terms: { received: '2027-01-04', confirmBy: '2027-01-13', answerBy: '2027-02-15', extendedAnswerBy: '2027-03-15' },
  });
  for (const record of [answered, reopened, later]) await store.fileCase(record);
  return { answered, reopened, later };
}

describe('klachten register export', () => {
  it('writes a CSV that a spreadsheet parser reads back exactly, formulas kept as text', async () => {
    const { answered, reopened } = await seed();
    const result = await cli(['export', '--from', '2026-07-01', '--to', '2026-12-31', '--out', 'register.csv']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^2 klacht\(en\) van 2026-07-01 tot en met 2026-12-31 geschreven naar register\.csv/);
    const path = join(dataDir, 'register.csv');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = read(text, { type: 'csv' }) as Array<Record<string, string>>;
    expect(rows.map((row) => row['reference'])).toEqual([answered.reference, reopened.reference].sort());
    const first = rows.find((row) => row['reference'] === answered.reference);
    expect(first).toMatchObject({
      received: '2026-10-26',
      category: 'onderhoud',
      category_label: 'Onderhoud, reparatie en "klein" werk',
      status: 'afgesloten',
      confirmed_on: '2026-10-28',
      confirmed_in_time: 'ja',
      answer_by: '2026-12-07',
      answered_on: '2026-11-20',
      answered_in_time: 'ja',
      extended: 'nee',
      reopened: 'nee',
      outcome: 'deels-gegrond',
      satisfaction: 'ja',
      erased: 'nee',
    });
    const second = rows.find((row) => row['reference'] === reopened.reference);
    // The formula is text: a quote before it, as the spreadsheet shows it; nothing runs.
    expect(second?.['category_label']).toBe(`'${formula}`);
    expect(second).toMatchObject({
      confirmed_in_time: 'nee',
      reopened: 'ja',
      reopened_on: '2026-12-11',
      reopen_answer_by: '2027-01-08',
      reanswered_on: '',
      reanswered_in_time: '',
      satisfaction: 'nee',
    });
    // No personal data in the file.
    expect(text).not.toContain('Zoë');
    expect(text).not.toContain(answered.email);
  });

  it('gives the same rows as JSON, yes and no as true and false', async () => {
    const { reopened } = await seed();
    const result = await cli(['export', '--from', '2026-01-01', '--to', '2027-12-31', '--format', 'json']);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(3);
    expect(rows.find((row) => row['reference'] === reopened.reference)).toMatchObject({
      reopened: true,
      category_label: formula,
      reanswered_on: null,
    });
  });

  it('refuses a missing or impossible period and an unknown format, saying why', async () => {
    expect(await cli(['export', '--from', '2026-01-01'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--from en --to/),
    });
    expect(await cli(['export', '--from', '2026-02-30', '--to', '2026-03-01'])).toMatchObject({ code: 2 });
    expect(await cli(['export', '--from', '2026-12-01', '--to', '2026-01-01'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/begint \(2026-12-01\) na haar einde/),
    });
    expect(await cli(['export', '--from', '2026-01-01', '--to', '2026-12-31', '--format', 'xlsx'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/csv of json/),
    });
    expect(await cli(['import'])).toMatchObject({ code: 2 });
  });
});
