import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../cases/case.ts';
import { parseConfig } from '../cases/config.ts';
import { decodeRegister } from '../cases/register/codec.ts';
import { makeGitHubHelper } from '../cases/stores/github/github-helper.ts';
import { makeGitHubStore, type GitHubStore } from '../cases/stores/github/store.ts';
import { makeGitFolderStore } from '../cases/stores/git-folder.ts';
import config from '../klachten.config.ts';
import { run as erase } from '../scripts/commands/erase.ts';
import { run as retention } from '../scripts/commands/retention.ts';
import { startGitHubStandIn, type GitHubStandIn, type TokenPermissions } from './github-standin/index.ts';
import { aCase, closedOnOverrides } from './support/case-fixture.ts';
import { runCommand } from './support/run-command.ts';
import { standInGitHubEnv, standInOctokit } from './support/standin-octokit.ts';

const exec = promisify(execFile);
const today = '2028-12-15';
const { categories } = parseConfig(config);
const repository = { owner: 'livable', repo: 'klachten' };
/** Everything but deleting issues: what an App without Administration may do. */
const withoutAdministration: TokenPermissions = { issues: 'write', contents: 'write', metadata: 'read' };

let standIn: GitHubStandIn;
let dataDir: string;
let store: GitHubStore;

async function start(permissions?: TokenPermissions) {
  standIn = await startGitHubStandIn({
    now: () => new Date(`${today}T02:00:00Z`),
    ...(permissions === undefined ? {} : { tokens: [{ token: 'test-token', login: 'klachten-bot', permissions }] }),
  });
  // Filing and holding go through a token with every permission; the commands use `test-token`.
  store = makeGitHubStore(standInOctokit(standIn), repository, { context: { categories } });
}
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'klachten-retention-github-'));
});
afterEach(async () => {
  await standIn.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A case with its own personal data, closed on `closedOn` (or still open). */
function person(tag: string, closedOn?: string, long = false): Case {
  return aCase({
    name: `Persoon ${tag} Gitwisser`,
    email: `persoon.${tag}@github-wissen.example`,
    phone: `+31 6 777${tag.charCodeAt(0)}0202`,
    address: `Issuestraat ${tag.charCodeAt(0)}, Vergeetstad`,
    // A long complaint runs on in continuation comments, which must go with the issue.
    complaint: `Klachttekst van ${tag}: het dak lekt.${long ? ` ${'x'.repeat(90_000)}` : ''}`,
    expectation: `Verwachting van ${tag}.`,
    ...closedOnOverrides(closedOn),
  });
}

const personal = (record: Case) => [
  record.name,
  record.email,
  record.phone ?? '',
  record.address,
  record.complaint.slice(0, 30),
];

/** Everything the stand-in holds: issues, comments, every file of every commit. */
function everythingOnGitHub(): string {
  const repo = standIn.state.repo('livable/klachten');
  const files = [...repo.commits.values()].flatMap((commit) => [...commit.files.values()]);
  return JSON.stringify({ issues: repo.issues, comments: repo.comments, files });
}

/** The register's month files on the default branch, as one text; undefined when there are none. */
function registerFile(): string | undefined {
  const repo = standIn.state.repo('livable/klachten');
  const head = repo.commits.get(repo.refs.get(`refs/heads/${repo.defaultBranch}`) ?? '');
  const months = [...(head?.files ?? [])].filter(([path]) => /^register\/\d{4}-\d{2}\.jsonl$/.test(path));
  return months.length === 0 ? undefined : months.map(([, text]) => text).join('');
}

async function seed() {
  const old = person('G', '2026-11-10', true);
  const recent = person('H', '2027-01-20');
  const open = person('J');
  for (const record of [old, recent, open]) await store.fileCase(record);
  // The old case was also held in the fallback folder during an outage (and synced since).
  const fallback = makeGitFolderStore(join(dataDir, 'cases'));
  await fallback.fileCase(old);
  return { old, recent, open, fallback };
}

const world = (argv: string[]) => ({
  argv,
  env: standInGitHubEnv(standIn, { dataDir }),
  now: new Date(`${today}T03:00:00Z`),
});

describe('klachten retention against the GitHub stand-in', () => {
  it('deletes the issue of the case closed 25 months ago with its comments, erases the fallback copy, and registers it', async () => {
    await start();
    const { old, recent, open, fallback } = await seed();
    const repo = standIn.state.repo('livable/klachten');
    const oldIssue = repo.issues.find((issue) => issue.title.includes(old.reference));
    expect(repo.comments.some((comment) => comment.issueNumber === oldIssue?.number)).toBe(true);

    const result = await runCommand(retention, world(['--today', today]));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`${old.reference}: persoonsgegevens gewist`);
    expect(result.stdout).toContain('1 klacht(en) gewist, 0 bewaard');
    expect(standIn.calls.count('graphql')).toBe(1);

    expect(repo.issues.map((issue) => issue.title).join()).not.toContain(old.reference);
    expect(repo.comments.filter((comment) => comment.issueNumber === oldIssue?.number)).toEqual([]);
    const all = everythingOnGitHub();
    expect(personal(old).filter((value) => all.includes(value))).toEqual([]);
    for (const record of [recent, open]) expect((await store.getCase(record.reference))?.name).toBe(record.name);

    const register = decodeRegister(registerFile() ?? '');
    expect(register.get(old.reference)).toMatchObject({
      status: 'afgesloten',
      outcome: 'gegrond',
      erasedAt: `${today}T03:00:00.000Z`,
      erasedBecause: 'bewaartermijn',
    });
    // The daily batch: the register holds the other cases too.
    expect([...register.keys()].sort()).toEqual([old.reference, recent.reference, open.reference].sort());

    expect(await fallback.getCase(old.reference)).toBeUndefined();
    const objects = await exec('git', ['cat-file', '--batch-all-objects', '--batch', '--unordered'], {
      cwd: join(dataDir, 'cases'),
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(personal(old).filter((value) => objects.stdout.includes(value))).toEqual([]);

    const again = await runCommand(retention, world(['--today', today]));
    expect(again.stdout).toContain('0 klacht(en) gewist');
    expect(standIn.calls.count('graphql')).toBe(1);
  });

  it('keeps a case on hold, which carries the label bewaren', async () => {
    await start();
    const { old } = await seed();
    await store.updateCase(
      old.reference,
      (current) => ({ ...current, hold: { reason: 'bezwaar loopt', at: '2028-12-01T09:00:00+01:00' } }),
      'bewaren',
    );
    const issue = standIn.state.repo('livable/klachten').issues.find((item) => item.title.includes(old.reference));
    expect(issue?.labels).toContain('bewaren');
    const result = await runCommand(retention, world(['--today', today]));
    expect(result.stdout).toContain(`${old.reference}: bewaartermijn voorbij, maar bewaren`);
    expect(standIn.calls.count('graphql')).toBe(0);
    expect((await store.getCase(old.reference))?.name).toBe(old.name);
  });

  it('stops with a plain message and erases nothing when the token may not delete issues', async () => {
    await start(withoutAdministration);
    const { old, recent, fallback } = await seed();
    const before = everythingOnGitHub();

    const result = await runCommand(retention, world(['--today', today]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Administration: read and write');
    expect(result.stderr).toContain('Er is niets gewist.');
    expect(everythingOnGitHub()).toBe(before);
    expect(registerFile()).toBeUndefined();
    expect((await fallback.getCase(old.reference))?.name).toBe(old.name);

    const refused = await runCommand(erase, world([recent.reference, '--reason', 'verzoek per brief']));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Administration: read and write');
    expect(everythingOnGitHub()).toBe(before);
    expect((await store.getCase(recent.reference))?.name).toBe(recent.name);
  });
});

describe('klachten erase against the GitHub stand-in', () => {
  it('deletes the issue now and registers the request and the erasure', async () => {
    await start();
    const { recent } = await seed();
    const result = await runCommand(erase, world([recent.reference, '--reason', 'verzoek per brief']));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(await store.getCase(recent.reference)).toBeUndefined();
    expect(personal(recent).filter((value) => everythingOnGitHub().includes(value))).toEqual([]);
    expect(decodeRegister(registerFile() ?? '').get(recent.reference)).toMatchObject({
      erasedBecause: 'verzoek',
      requests: [{ kind: 'wissen', at: `${today}T03:00:00.000Z` }],
    });
  });
});

describe('the stand-in’s deleteIssue', () => {
  it('checks the query shape, the node id and the permission', async () => {
    await start();
    const { recent } = await seed();
    const github = makeGitHubHelper(standInOctokit(standIn), repository);
    await expect(github.deleteIssue(Buffer.from('Issue:999999').toString('base64'))).rejects.toMatchObject({
      tag: 'not-found',
    });
    const issue = standIn.state.repo('livable/klachten').issues.find((item) => item.title.includes(recent.reference));
    const nodeId = Buffer.from(`Issue:${issue?.id ?? 0}`).toString('base64');
    await expect(standInOctokit(standIn).graphql('query { viewer { login } }', {})).rejects.toThrow();
    expect(standIn.mismatches.splice(0)).toEqual([expect.stringContaining('a query the stand-in does not know')]);
    await github.deleteIssue(nodeId);
    expect(await store.getCase(recent.reference)).toBeUndefined();
  });

  it('refuses a token without Administration: write with GitHub’s FORBIDDEN error', async () => {
    await start(withoutAdministration);
    const { recent } = await seed();
    const issue = standIn.state.repo('livable/klachten').issues.find((item) => item.title.includes(recent.reference));
    const github = makeGitHubHelper(standInOctokit(standIn), repository);
    await expect(github.deleteIssue(Buffer.from(`Issue:${issue?.id ?? 0}`).toString('base64'))).rejects.toMatchObject({
      tag: 'forbidden',
    });
    expect((await store.getCase(recent.reference))?.name).toBe(recent.name);
  });
});
