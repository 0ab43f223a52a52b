import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPageHeader } from '../../cases/stores/github/machine-block.ts';
import { makeGitFolderStore } from '../../cases/stores/git-folder.ts';
import { makeGitHubStore } from '../../cases/stores/github/store.ts';
import { isSynced } from '../../cases/stores/with-fallback.ts';
import config from '../../klachten.config.ts';
import { aCase } from '../../tests/support/case-fixture.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../../tests/github-standin/index.ts';
import { runCommand } from '../../tests/support/run-command.ts';
import type { Services } from '../cli-context.ts';
import { standInGitHubEnv, standInOctokit } from '../../tests/support/standin-octokit.ts';
import { newEntry } from '../../cases/queue/entry.ts';
import { makeFsQueue } from '../../cases/queue/from-env.ts';
import { keepingMailer } from '../../tests/support/queue-bed.ts';
import { run } from './sync.ts';

let standIn: GitHubStandIn;
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'klachten-sync-'));
  standIn = await startGitHubStandIn({ now: () => new Date('2026-10-27T09:00:00Z') });
});
afterEach(async () => {
  await standIn.close();
  await rm(dataDir, { recursive: true, force: true });
});

const sync = (env: Record<string, string> = {}, argv: string[] = [], services: Partial<Services> = {}) =>
  runCommand(run, {
    argv,
    env: { ...standInGitHubEnv(standIn, { dataDir }), ...env },
    cwd: dataDir,
    now: new Date('2026-10-27T09:00:00Z'),
    services,
  });

const issuesByReference = () => {
  const counts = new Map<string, number>();
  for (const issue of standIn.state.repo('livable/klachten').issues) {
    const reference = readPageHeader(issue.body ?? '')?.reference ?? '?';
    counts.set(reference, (counts.get(reference) ?? 0) + 1);
  }
  return counts;
};

describe('klachten sync', () => {
  it('files each held case into GitHub exactly once, marks it synced, and does nothing the second time', async () => {
    const fallback = makeGitFolderStore(join(dataDir, 'cases'));
    const held = [aCase(), aCase(), aCase({ complaint: 'lang '.repeat(20_000) })];
    for (const record of held) await fallback.fileCase(record);
    // The first one reached GitHub after all (the answer timed out before the case was held).
    const octokit = standInOctokit(standIn);
    await makeGitHubStore(octokit, { owner: 'livable', repo: 'klachten' }, { context: config }).fileCase(held[0]!);

    const first = await sync();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`  ${held[0]?.reference}: stond al in GitHub, nu gemarkeerd als overgezet\n`);
    expect(first.stdout).toContain(`  ${held[1]?.reference}: in GitHub gezet\n`);
    expect(first.stdout).toContain('Overgezet: 2 nieuw, 1 stond er al; 0 nog in de noodopslag.');
    expect(issuesByReference()).toEqual(new Map(held.map((record) => [record.reference, 1])));
    for (const record of held) expect(isSynced((await fallback.getCase(record.reference))!)).toBe(true);

    standIn.calls.reset();
    const second = await sync();
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('niets over te zetten');
    expect(standIn.calls.count('issues/create')).toBe(0);
    expect(issuesByReference().size).toBe(3);
  });

  it('keeps what it could not file, says so and exits 1, then files it on a later run', async () => {
    const fallback = makeGitFolderStore(join(dataDir, 'cases'));
    const record = aCase();
    await fallback.fileCase(record);
    standIn.faults.inject({ kind: 'unauthorized', times: 100 });
    const failed = await sync();
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`  ${record.reference}: nog niet gelukt, blijft in de noodopslag\n`);
    expect(isSynced((await fallback.getCase(record.reference))!)).toBe(false);
    expect(failed.stdout + failed.stderr).not.toMatch(/Anna|Lindenlaan|anna@|lift/);

    standIn.faults.clear();
    const later = await sync();
    expect(later.code).toBe(0);
    expect(issuesByReference()).toEqual(new Map([[record.reference, 1]]));
  });

  it('has nothing to do for the Git-folder store', async () => {
    const result = await sync({ KLACHTEN_STORE: 'git' });
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('geen noodopslag') });
    expect(standIn.calls.count()).toBe(0);
  });

  it('files the intake queue into GitHub, and says how the queue stands with --status', async () => {
    const queue = makeFsQueue(join(dataDir, 'queue'));
    const records = [aCase(), aCase()];
    for (const record of records) await queue.put(newEntry(record, new Date('2026-10-27T08:50:00Z')));

    const before = await sync({}, ['--status']);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain(`wachtend: 2 (oudste ${records[0]?.reference}, 10 min oud)`);
    expect(before.stdout).toContain('GitHub staat nog toe: 80 schrijfopdrachten deze minuut, 500 dit uur');
    expect(standIn.calls.count()).toBe(0);

    const synced = await sync();
    expect(synced.code).toBe(0);
    expect(synced.stdout).toContain(`  ${records[0]?.reference}: in GitHub gezet\n`);
    expect(synced.stdout).toContain(
      'Wachtrij: 2 in GitHub gezet, 0 stond er al, 0 mislukt, 0 volgende keer; 0 bericht(en) verstuurd.',
    );
    expect(issuesByReference()).toEqual(new Map(records.map((record) => [record.reference, 1])));

    const after = await sync({}, ['--status']);
    expect(after.stdout).toContain('wachtend: 0\n');
    expect(after.stdout).toContain(
      'GitHub staat nog toe: 78 schrijfopdrachten deze minuut, 498 dit uur; 4999 verzoeken',
    );
  });

  it('exits 1 and mails the coordinators once while a complaint waits longer than 30 minutes', async () => {
    const queue = makeFsQueue(join(dataDir, 'queue'));
    const record = aCase();
    await queue.put(newEntry(record, new Date('2026-10-27T08:00:00Z')));
    standIn.faults.inject({ kind: 'unauthorized', times: 100 });
    const mailer = keepingMailer();
    const services = { makeMailer: () => mailer };

    const failed = await sync({}, [], services);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('1 klacht(en) wachten langer dan 30 minuten op GitHub');
    expect(mailer.sent.map((mail) => mail.subject)).toEqual(['Klachtenloket: 1 klacht(en) wachten op GitHub']);
    expect(mailer.sent[0]?.text).toContain(record.reference);
    const status = await sync({}, ['--status'], services);
    expect(status.code).toBe(1);
    // The cause of the last failure, as a code: where a person looks first.
    expect(status.stdout).toMatch(/ {2}laatste fout: github-unauthorized \(github\.[a-z-]+-failed\b/);
    expect((await sync({}, [], services)).code).toBe(1);
    expect(mailer.sent).toHaveLength(1);

    standIn.faults.clear();
    expect((await sync({}, [], services)).code).toBe(0);
    expect(issuesByReference()).toEqual(new Map([[record.reference, 1]]));
  });
});
