/**
 * Where each case's issue is, kept outside GitHub, so that a public request never walks the
 * issues: looking up a case by its reference costs one call (the issue itself, two when it runs on
 * in continuation comments), and a reference that is no case costs none. Without it, finding a
 * reference GitHub does not hold means listing every issue (100 a page): at 10,000 cases one
 * lost-link post took 100 calls, and a few clients at the hourly limit used the App's whole
 * budget. The index lives with the intake queue (`cases/queue/issue-index.ts`), shared by every
 * instance, and is told of each issue the store creates or adopts.
 *
 * "Complete" means: every case issue updated before `since` is in it. An issue the store did not
 * make itself (a form adopted by a job without the queue, a case typed in by hand) is found by the
 * next top-up (`refreshIssueIndex`, from `klachten sync` and the server's timer), which lists only
 * what changed since. An index that is missing (a new queue, one that was lost) answers "do not
 * know", and lookups walk as before until `klachten sync` has built it again.
 */
import { readPageHeader } from './machine-block.ts';

/** What the index says of a reference. */
export type IndexAnswer =
  /** The issue that holds it. */
  | { kind: 'issue'; number: number }
  /** The index is complete and has no such case: it is no case at GitHub. */
  | { kind: 'absent' }
  /** The index is missing (never built, or lost): look at GitHub. */
  | { kind: 'unknown' };

/** The index's own bookkeeping. */
export interface IndexState {
  /** GitHub's `updated_at` before which every case issue is noted (ISO). */
  since: string;
  /** When it was last brought up to date (ISO). */
  checkedAt: string;
}

/** The storage of the index: one entry per reference, and its state. */
export interface IssueIndex {
  lookup(reference: string): Promise<IndexAnswer>;
  note(reference: string, number: number): Promise<void>;
  forget(reference: string): Promise<void>;
  state(): Promise<IndexState | undefined>;
  setState(state: IndexState): Promise<void>;
}

/** What a rebuild or top-up walks: issues updated since a moment, every one (labels are not trusted). */
export type IndexWalk = (
  since: string | undefined,
  visit: (number: number, body: string) => Promise<void>,
) => Promise<void>;

/** What `refreshIssueIndex` did. */
export interface IndexRefresh {
  kind: 'built' | 'topped-up' | 'fresh';
  /** References noted in this run. */
  noted: number;
}

/** How far back a top-up looks past `since`: GitHub's clock and ours may differ by this much. */
export const clockMarginMs = 10 * 60 * 1000;

/**
 * Brings the index up to date: builds it from every issue when it is missing, otherwise notes
 * the issues updated since it was complete (minus a margin for clock skew), at most every
 * `minIntervalMs` (a quiet repository costs one listing call). `now` is ours, in ms.
 *
 * @example
 * await refreshIssueIndex(index, walk, Date.now(), { minIntervalMs: 10 * 60_000 }) // { kind: 'topped-up', noted: 2 }
 */
export async function refreshIssueIndex(
  index: IssueIndex,
  walk: IndexWalk,
  now: number,
  options: { minIntervalMs?: number } = {},
): Promise<IndexRefresh> {
  const state = await index.state();
  if (state !== undefined && now - Date.parse(state.checkedAt) < (options.minIntervalMs ?? 0)) {
    return { kind: 'fresh', noted: 0 };
  }
  const since =
    state === undefined
      ? undefined
      : new Date(Date.parse(state.since) - clockMarginMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let noted = 0;
  const pending: Promise<void>[] = [];
  await walk(since, async (number, body) => {
    const header = readPageHeader(body);
    if (header === undefined) return;
    pending.push(index.note(header.reference, number));
    noted += 1;
    // A few writes at a time: a build notes every case, and a store over the network is slow one by one.
    if (pending.length >= 32) await Promise.all(pending.splice(0));
  });
  await Promise.all(pending);
  // Complete up to the moment this walk started: whatever changed during it is seen next time.
  const at = new Date(now).toISOString();
  await index.setState({ since: at, checkedAt: at });
  return { kind: state === undefined ? 'built' : 'topped-up', noted };
}
