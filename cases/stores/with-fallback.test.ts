import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubStandIn, type GitHubStandIn } from '../../tests/github-standin/index.ts';
import { aCase } from '../../tests/support/case-fixture.ts';
import { standInOctokit } from '../../tests/support/standin-octokit.ts';
import type { Log, LogFields } from '../log.ts';
import { referenceTakenTag, type CaseStore } from '../store.ts';
import { makeGitFolderStore } from './git-folder.ts';
import { makeGitHubStore } from './github/store.ts';
import { isSynced, makeResilientStore, syncFallback } from './with-fallback.ts';

const categories = [{ id: 'onderhoud', label: { nl: 'Onderhoud', en: 'Maintenance' } }];
const now = () => new Date('2026-10-27T09:00:00Z');
let standIn: GitHubStandIn;
let dir: string;
let events: Array<[string, LogFields]>;
const log: Log = (event, fields) => void events.push([event, fields]);

beforeEach(async () => {
  events = [];
  dir = await mkdtemp(join(tmpdir(), 'klachten-fallback-'));
  standIn = await startGitHubStandIn({ now: () => new Date('2026-10-26T12:00:00Z') });
});
afterEach(async () => {
  await standIn.close();
  await rm(dir, { recursive: true, force: true });
});

function stores(budgetMs = 1000) {
  const octokit = standInOctokit(standIn, { log });
  const primary = makeGitHubStore(
    octokit,
    { owner: 'livable', repo: 'klachten' },
    { context: { categories }, log, budgetMs },
  );
  const fallback = makeGitFolderStore(join(dir, 'cases'));
  return { primary, fallback, store: makeResilientStore({ primary, fallback, log, now }) };
}
const issueCount = () => standIn.state.repo('livable/klachten').issues.length;

describe('the resilient store', () => {
  it('files at GitHub when GitHub works, and holds nothing', async () => {
    const { store, fallback } = stores();
    const record = aCase();
    expect(await store.fileCase(record)).toEqual({ case: record, created: true, held: false });
    expect(issueCount()).toBe(1);
    expect(await fallback.listCases()).toEqual([]);
  });

  it('holds the case in the Git folder when GitHub fails, and the complainant still gets the reference', async () => {
    const { store, fallback } = stores();
    standIn.faults.inject({ kind: 'server-error', times: 10 });
    const record = aCase();
    expect(await store.fileCase(record)).toEqual({ case: record, created: true, held: true });
    expect(await fallback.getCase(record.reference)).toEqual(record);
    expect(issueCount()).toBe(0);
    expect(events).toContainEqual(['store.held-in-fallback', { reference: record.reference, created: true }]);
  });

  it('does not hold a case whose reference GitHub already gave to another complaint: the intake draws anew', async () => {
    const { store, fallback } = stores();
    const first = aCase();
    await store.fileCase(first);
    const other = aCase({ reference: first.reference, name: 'Bob Jansen' });
    await expect(store.fileCase(other)).rejects.toMatchObject({ tag: referenceTakenTag });
    expect(await fallback.listCases()).toEqual([]);
    expect(issueCount()).toBe(1);
  });

  it('holds the case when the primary does not answer within the budget', async () => {
    const fallback = makeGitFolderStore(join(dir, 'cases'));
    const silent: CaseStore = {
      description: 'stil',
      fileCase: () => new Promise(() => {}),
      getCase: () => Promise.resolve(undefined),
      listCases: () => Promise.resolve([]),
      updateCase: () => Promise.reject(new Error('stil')),
    };
    const store = makeResilientStore({ primary: silent, fallback, log, now, budgetMs: 50 });
    const record = aCase();
    expect(await store.fileCase(record)).toMatchObject({ held: true });
    expect(events).toContainEqual(['store.primary-failed', { reference: record.reference, kind: 'budget' }]);
  });

  it('fails explicitly when the fallback fails too, without personal data in the message', async () => {
    const { primary } = stores();
    standIn.faults.inject({ kind: 'unauthorized', times: 10 });
    const broken: CaseStore = {
      ...makeGitFolderStore(join(dir, 'cases')),
      fileCase: () => Promise.reject(new Error('disk full: Anna')),
    };
    const store = makeResilientStore({ primary, fallback: broken, log, now });
    const failure = await store.fileCase(aCase()).catch((error: unknown) => error);
    expect(failure).toMatchObject({ tag: 'unavailable', message: 'De klacht kon nergens worden opgeslagen.' });
    expect(JSON.stringify(events)).not.toContain('Anna');
  });

  it('reads, lists and updates held cases, filing a held case at GitHub before changing it', async () => {
    const { store, fallback } = stores();
    const filed = aCase({ receivedAt: '2026-10-26T09:00:00+01:00' });
    await store.fileCase(filed);
    standIn.faults.inject({ kind: 'server-error', times: 10 });
    const held = aCase({ receivedAt: '2026-10-26T10:00:00+01:00' });
    await store.fileCase(held);
    standIn.faults.clear();
    expect(await store.getCase(held.reference)).toEqual(held);
    expect((await store.listCases()).map((record) => record.reference)).toEqual([filed.reference, held.reference]);

    const updated = await store.updateCase(
      held.reference,
      (current) => ({ ...current, status: 'bevestigd' }),
      'bevestigd',
    );
    expect(updated.status).toBe('bevestigd');
    expect(issueCount()).toBe(2);
    expect(isSynced((await fallback.getCase(held.reference))!)).toBe(true);
    expect((await store.listCases()).map((record) => [record.reference, record.status])).toEqual([
      [filed.reference, 'ontvangen'],
      [held.reference, 'bevestigd'],
    ]);
  });
});

describe('syncing the fallback', () => {
  it('files what is held exactly once, recognises what arrived anyway, keeps every record, and is a no-op the second time', async () => {
    const { primary, fallback } = stores();
    const held = [aCase(), aCase(), aCase()];
    for (const record of held) await fallback.fileCase(record);
    await primary.fileCase(held[1]!);
    // A resubmission of the first one reached GitHub under another reference.
    const resubmitted = aCase({ fingerprint: held[0]!.fingerprint });
    await primary.fileCase(resubmitted);

    const report = await syncFallback({ primary, fallback, log, now });
    expect(report).toEqual({
      filed: [held[2]!.reference],
      alreadyThere: [held[0]!.reference, held[1]!.reference],
      failed: [],
    });
    expect(issueCount()).toBe(3);
    const marks = (await fallback.listCases()).map((record) => record.notices.map((notice) => notice.key));
    expect(marks).toEqual([
      [`synced:${resubmitted.reference}`],
      [`synced:${held[1]!.reference}`],
      [`synced:${held[2]!.reference}`],
    ]);
    expect(await syncFallback({ primary, fallback, log, now })).toEqual({ filed: [], alreadyThere: [], failed: [] });
    expect(issueCount()).toBe(3);
  });

  it('leaves a case held when GitHub still fails, and reports it', async () => {
    const { primary, fallback } = stores();
    const record = aCase();
    await fallback.fileCase(record);
    standIn.faults.inject({ kind: 'server-error', times: 10 });
    expect(await syncFallback({ primary, fallback, log, now })).toEqual({
      filed: [],
      alreadyThere: [],
      failed: [record.reference],
    });
    expect(isSynced((await fallback.getCase(record.reference))!)).toBe(false);
  });
});
