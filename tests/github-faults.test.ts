import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Case } from '../cases/case.ts';
import { decodeIssue } from '../cases/stores/github/issue-format.ts';
import { readPageHeader } from '../cases/stores/github/machine-block.ts';
import type { CaseStore } from '../cases/store.ts';
import { makeGitFolderStore } from '../cases/stores/git-folder.ts';
import { makeGitHubStore } from '../cases/stores/github/store.ts';
import { isSynced, makeResilientStore, syncFallback } from '../cases/stores/with-fallback.ts';
import { startGitHubStandIn, type Fault, type FaultKind, type GitHubStandIn } from './github-standin/index.ts';
import { aCase } from './support/case-fixture.ts';
import { standInOctokit } from './support/standin-octokit.ts';
import { seededRandom } from './support/seeded-random.ts';

// 200 complaints filed while GitHub misbehaves in every way the stand-in knows, on 30% of the
// calls; the server's Git folder, itself failing now and then, holds what GitHub does not take.
// Afterwards, with GitHub healthy again, `sync` files what is held. Every complaint must then be
// in GitHub exactly once or have been refused to the complainant's face, and the log must hold no
// personal data and no token.

const submissions = 200;
const faultRate = 0.3;
const kinds: FaultKind[] = [
  'server-error',
  'server-error-after',
  'hang',
  'hang-after',
  'reset',
  'reset-after',
  'secondary-rate-limit',
  'rate-limit',
  'unauthorized',
  'not-found',
];

type Outcome = { submitted: Case } & (
  { kind: 'filed' | 'held'; reference: string } | { kind: 'refused'; error: unknown }
);

let standIn: GitHubStandIn;
let dir: string;
let fallback: CaseStore;
let primary: CaseStore;
const events: string[] = [];
const consoleLines: string[] = [];
const outcomes: Outcome[] = [];
let firstSync: Awaited<ReturnType<typeof syncFallback>>;
let secondSync: Awaited<ReturnType<typeof syncFallback>>;

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')),
    );
  }
  const rng = seededRandom(20_261_126);
  // GitHub's clock runs a minute per millisecond: a day of filings takes 1.4 s, so the look-up
  // for the same submission lists a short stretch of recent issues, as in production.
  const start = Date.now();
  const githubNow = () => new Date(Date.parse('2026-11-02T08:00:00Z') + (Date.now() - start) * 60_000);
  standIn = await startGitHubStandIn({ now: githubNow });
  standIn.faults.decide = ({ operation }): Fault | undefined => {
    if (rng() >= faultRate) return undefined;
    const kind = kinds[Math.floor(rng() * kinds.length)] as FaultKind;
    return {
      kind,
      operation,
      status:
        kind === 'secondary-rate-limit'
          ? rng() < 0.5
            ? 403
            : 429
          : ([500, 502, 503, 504][Math.floor(rng() * 4)] ?? 502),
      hangMs: 300,
      retryAfterSeconds: 1 + Math.floor(rng() * 2),
    };
  };

  dir = await mkdtemp(join(tmpdir(), 'klachten-faults-'));
  const log = (event: string, fields: Record<string, string | number | boolean>) =>
    void events.push(JSON.stringify({ event, ...fields }));
  const octokit = standInOctokit(standIn, { retryAfterUnitMs: 10, log });
  const categories = [{ id: 'onderhoud', label: { nl: 'Onderhoud', en: 'Maintenance' } }];
  primary = makeGitHubStore(
    octokit,
    { owner: 'livable', repo: 'klachten' },
    { context: { categories }, log, budgetMs: 200 },
  );
  fallback = makeGitFolderStore(join(dir, 'cases'));
  // The fallback's disk fails now and then too: those complainants must be told.
  const flaky: CaseStore = {
    ...fallback,
    fileCase: (record) =>
      rng() < 0.15
        ? Promise.reject(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }))
        : fallback.fileCase(record),
  };
  const store = makeResilientStore({ primary, fallback: flaky, log, now: githubNow, budgetMs: 2000 });

  const queue = Array.from({ length: submissions }, (_, i) =>
    aCase({
      receivedAt: githubNow().toISOString(),
      name: `Persoon${i} Achternaam${i}`,
      email: `persoon${i}@voorbeeld.nl`,
      phone: `06 ${String(10_000_000 + i)}`,
      address: `Straatnaam${i} ${i}, Woonplaats${i}`,
      complaint: `Klachttekst${i}: de lift is kapot.${i % 40 === 0 ? ' En verder.'.repeat(8000) : ''}`,
      expectation: `Verwachting${i}`,
    }),
  );
  const worker = async () => {
    for (let submitted = queue.shift(); submitted; submitted = queue.shift()) {
      const record = { ...submitted, receivedAt: githubNow().toISOString() };
      try {
        const filed = await store.fileCase(record);
        outcomes.push({ submitted: record, kind: filed.held ? 'held' : 'filed', reference: filed.case.reference });
      } catch (error) {
        outcomes.push({ submitted: record, kind: 'refused', error });
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));

  // GitHub recovers; calls still hanging finish first.
  standIn.faults.decide = undefined;
  standIn.faults.clear();
  await standIn.idle();
  // `klachten sync` runs outside any request, with the default budget of a filing.
  const syncPrimary = makeGitHubStore(
    octokit,
    { owner: 'livable', repo: 'klachten' },
    { context: { categories }, log },
  );
  firstSync = await syncFallback({ primary: syncPrimary, fallback, log, now: githubNow });
  secondSync = await syncFallback({ primary: syncPrimary, fallback, log, now: githubNow });
}, 120_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await standIn.close();
  await rm(dir, { recursive: true, force: true });
});

function issuesByReference(): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (const issue of standIn.state.repo('livable/klachten').issues) {
    const reference = readPageHeader(issue.body ?? '')?.reference ?? `zonder kenmerk #${issue.number}`;
    found.set(reference, [...(found.get(reference) ?? []), issue.number]);
  }
  return found;
}

describe('200 submissions through 30% faults of every kind', () => {
  it('injected every kind of fault, on about 30% of the calls', () => {
    const injected = new Set(standIn.faults.injected.map((fault) => fault.kind));
    expect([...injected].sort()).toEqual([...kinds].sort());
    const share = standIn.faults.injected.length / standIn.calls.all.length;
    expect(share).toBeGreaterThan(0.15);
    expect(outcomes).toHaveLength(submissions);
    expect(outcomes.filter((outcome) => outcome.kind === 'held').length).toBeGreaterThan(10);
    expect(outcomes.filter((outcome) => outcome.kind === 'refused').length).toBeGreaterThan(0);
  });

  it('gave every complainant whose complaint was filed or held their own reference, and an explicit failure to the rest', () => {
    for (const outcome of outcomes) {
      if (outcome.kind === 'refused') expect(outcome.error).toMatchObject({ tag: 'unavailable' });
      else expect(outcome.reference).toBe(outcome.submitted.reference);
    }
  });

  it('has every filed or held complaint in GitHub exactly once after sync, whole and as submitted', () => {
    const issues = issuesByReference();
    const repo = standIn.state.repo('livable/klachten');
    for (const outcome of outcomes) {
      if (outcome.kind === 'refused') continue;
      expect(issues.get(outcome.submitted.reference), outcome.submitted.reference).toHaveLength(1);
      const issue = repo.issues.find((candidate) => candidate.number === issues.get(outcome.submitted.reference)?.[0]);
      const comments = repo.comments
        .filter((comment) => comment.issueNumber === issue?.number)
        .map((comment) => comment.body);
      const stored = decodeIssue({
        title: issue?.title ?? '',
        body: issue?.body ?? '',
        labels: issue?.labels ?? [],
        comments,
      });
      expect(isDeepStrictEqual(stored, outcome.submitted)).toBe(true);
    }
  });

  it('duplicated nothing: no reference twice, and no issue that is not one of the submissions', () => {
    const submitted = new Set(outcomes.map((outcome) => outcome.submitted.reference));
    for (const [reference, numbers] of issuesByReference()) {
      expect(numbers, reference).toHaveLength(1);
      expect(submitted.has(reference), reference).toBe(true);
    }
    // A refused complaint may have reached GitHub before the answer was lost; never twice.
    const refusedInGitHub = outcomes.filter(
      (outcome) => outcome.kind === 'refused' && issuesByReference().has(outcome.submitted.reference),
    );
    expect(refusedInGitHub.length).toBeLessThanOrEqual(outcomes.filter((outcome) => outcome.kind === 'refused').length);
  });

  it('synced every held complaint exactly once, marked it synced without deleting it, and the second sync did nothing', async () => {
    const held = outcomes.filter((outcome) => outcome.kind === 'held').map((outcome) => outcome.submitted.reference);
    expect([...firstSync.filed, ...firstSync.alreadyThere].sort()).toEqual([...held].sort());
    expect(firstSync.failed).toEqual([]);
    expect(secondSync).toEqual({ filed: [], alreadyThere: [], failed: [] });
    const kept = await fallback.listCases();
    expect(kept.map((record) => record.reference).sort()).toEqual([...held].sort());
    for (const record of kept) expect(isSynced(record)).toBe(true);
  });

  it('logged no personal data and no token, also while failing', () => {
    const logged = [...events, ...consoleLines].join('\n');
    expect(events.length).toBeGreaterThan(submissions);
    expect(logged).not.toContain('test-token');
    expect(logged).not.toMatch(
      /Persoon\d|Achternaam|voorbeeld\.nl|Straatnaam|Woonplaats|Klachttekst|Verwachting\d|06 1\d{7}/,
    );
  });
});
