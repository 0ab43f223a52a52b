// A register year of 50,000 cases on GitHub (about 25 MB: over the contents API's 1 MB a file's
// content is left out): the report, `register export` and `retention --dry-run` read it through
// the Git data API; the daily retention run moves it into month files with a stamp, in one
// commit; after that the report reads a dozen files and lists only the cases changed since.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../cases/config.ts';
import { encodeRegisterLine } from '../cases/register/codec.ts';
import type { RegisterRecord } from '../cases/register/record.ts';
import { makeGitHubStore } from '../cases/stores/github/store.ts';
import config from '../klachten.config.ts';
import { run as register } from '../scripts/commands/register.ts';
import { run as report } from '../scripts/commands/report.ts';
import { run as retention } from '../scripts/commands/retention.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';
import { aCase } from './support/case-fixture.ts';
import { runCommand } from './support/run-command.ts';
import { standInGitHubEnv, standInOctokit } from './support/standin-octokit.ts';
import { syntheticRecords } from './support/synthetic-cases.ts';

const year = 50_000;
const fullName = 'livable/klachten';
const { categories } = parseConfig(config);

let standIn: GitHubStandIn;
let dataDir: string;
let records: RegisterRecord[];
const open = [1, 2, 3].map((n) =>
  aCase({ reference: `K-2026-ZZZZ-ZZZ${n}`, receivedAt: '2026-12-01T10:00:00+01:00', name: `Open Zaak ${n}` }),
);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'klachten-register-scale-'));
  standIn = await startGitHubStandIn({ now: () => new Date('2027-01-05T03:00:00Z') });
  records = syntheticRecords(year);
  // An older repository's register: one file for the year, one line per case.
  const repo = standIn.state.repo(fullName);
  repo.commits
    .get(repo.refs.get('refs/heads/main') ?? '')
    ?.files.set('register/2026.jsonl', records.map(encodeRegisterLine).join(''));
  const store = makeGitHubStore(
    standInOctokit(standIn),
    { owner: 'livable', repo: 'klachten' },
    { context: { categories } },
  );
  for (const record of open) await store.fileCase(record);
}, 120_000);
afterAll(async () => {
  await standIn.close();
  await rm(dataDir, { recursive: true, force: true });
});

const cli = (command: typeof report, argv: string[]) =>
  runCommand(command, {
    argv,
    env: standInGitHubEnv(standIn, { dataDir }),
    cwd: dataDir,
    now: new Date('2027-01-05T03:00:00Z'),
    config,
  });
const head = () => {
  const repo = standIn.state.repo(fullName);
  return repo.commits.get(repo.refs.get('refs/heads/main') ?? '');
};
const inHalf = () => records.filter((record) => record.terms.received >= '2026-07-01').length;

describe('a register year of 50,000 cases on GitHub', () => {
  it('is too large for the contents API: the file comes without its content', () => {
    expect(Buffer.byteLength(head()?.files.get('register/2026.jsonl') ?? '')).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('gives the report every case, the erased and closed ones from the register included', async () => {
    const result = await cli(report, ['--period', '2026-H2', '--out', 'rapport.md']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`gemaakt uit ${inHalf() + open.length} ontvangen klachten`);
    const text = await readFile(join(dataDir, 'rapport.md'), 'utf8');
    expect(text).toContain('## Heropend');
  }, 120_000);

  it('exports one row per case of the year', async () => {
    const result = await cli(register, ['export', '--from', '2026-01-01', '--to', '2026-12-31', '--format', 'json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<{ reference: string }>;
    expect(rows).toHaveLength(year + open.length);
  }, 120_000);

  it('plans retention without writing anything (--dry-run)', async () => {
    const before = head()?.sha;
    const result = await cli(retention, ['--dry-run', '--today', '2028-12-31']);
    expect(result.code).toBe(0);
    // Ended (closed or not taken up) on or before 2026-12-31: 24 months before.
    const due = records.filter((record) => {
      if (record.status !== 'afgesloten' && record.status !== 'niet-in-behandeling') return false;
      const ended = record.moves.findLast((move) => move.status === record.status)?.at.slice(0, 10) ?? '';
      return ended <= '2026-12-31';
    }).length;
    expect(due).toBeGreaterThan(1000);
    expect(result.stdout).toContain(`${due} klacht(en) zou wissen`);
    expect(head()?.sha).toBe(before);
  }, 120_000);

  it('is moved into month files with a stamp by the daily run, in one commit; the report then takes a dozen calls', async () => {
    const before = head()?.sha;
    const result = await cli(retention, ['--today', '2027-01-05']);
    expect(result.stderr).toBe('');
    const files = head()?.files ?? new Map<string, string>();
    expect(head()?.parent).toBe(before);
    const months = [...files.keys()].filter((path) => /^register\/2026-\d{2}\.jsonl$/.test(path)).sort();
    expect(months).toHaveLength(12);
    expect(files.has('register/2026.jsonl')).toBe(false);
    expect(files.get('register/stand.json')).toMatch(/^\{"complete":"2027-01-05T03:00:00\.000Z"\}\n$/);
    const lines = months.flatMap((path) => (files.get(path) ?? '').split('\n').filter(Boolean));
    expect(lines).toHaveLength(year + open.length);
    for (const path of months) expect(Buffer.byteLength(files.get(path) ?? '')).toBeLessThan(5 * 1024 * 1024);

    standIn.calls.reset();
    const again = await cli(report, ['--period', '2026-H2', '--out', 'rapport-2.md']);
    expect(again.stdout).toContain(`gemaakt uit ${inHalf() + open.length} ontvangen klachten`);
    // The folder, 12 months and the stamp as blobs, the cases changed since the stamp, the action points.
    expect(standIn.calls.count('git/get-blob')).toBe(13);
    expect(standIn.calls.count()).toBeLessThanOrEqual(17);
  }, 180_000);
});
