import type { Case } from '../../case.ts';
import { isOpen } from '../../lifecycle.ts';
import { referenceTaken, resubmissionWindowMs } from '../../store.ts';
import { classifyFailure } from './failures.ts';
import { caseLabel, isOwnLabel } from './labels.ts';
import { decodeIssue, type EncodedIssue } from './issue-format.ts';
import { readPageHeader } from './machine-block.ts';
import { labelNames, type CommentItem, type GitHubHelper, type IssueItem } from './github-helper.ts';
import type { IndexWalk, IssueIndex } from './issue-index.ts';

/**
 * The issues that hold cases: finding the issue of a case, reading the case from it, and writing
 * a case over it, comments included. Remembers the issue number of every reference it sees, so a
 * repeated lookup is one call; with an index (`issue-index.ts`) a lookup in any process is one
 * call, and a reference that is no case none. The store decides when; this module knows how.
 */

/** Which issues a walk visits: all, or open ones; since a moment; with the case label or any. */
export interface WalkFilter {
  since?: string;
  state?: 'open' | 'all';
  /** Every issue, not only those with the case label. */
  anyLabel?: boolean;
}

/** Finding, reading and writing the issues of cases in one repository. */
export interface CaseIssues {
  /** Notes the issue that holds a reference, in this process. */
  remember(reference: string, number: number): void;
  /** Notes it in the index too: an issue this store just made a case of (created, adopted). */
  note(reference: string, number: number): Promise<void>;
  /** Gives the index to use from now on (the queue's, once the queue set-up is made). */
  useIndex(index: IssueIndex): void;
  /** The index, if there is one. */
  index(): IssueIndex | undefined;
  /** Every issue updated since a moment (all when undefined), for building and topping up the index. */
  indexWalk(deadline: number): IndexWalk;
  /** Visits the issues, newest first; stops when `visit` returns true. Pull requests are skipped. */
  walk(deadline: number, filter: WalkFilter, visit: (issue: IssueItem) => boolean | Promise<boolean>): Promise<void>;
  /**
   * The issue of a reference: by the remembered or indexed number, else by walking the issues.
   * With `since` (reconciling an ambiguous create) it always walks: the index may not know yet.
   */
  find(reference: string, deadline: number, since?: string): Promise<IssueItem | undefined>;
  /**
   * The same case among recent issues: the same fingerprint, with the same reference or within a
   * day. Throws `referenceTaken` when only another case holds the reference.
   */
  findSame(record: Case, deadline: number): Promise<IssueItem | undefined>;
  /** All comments of an issue. */
  comments(number: number, deadline: number): Promise<CommentItem[]>;
  /** Reads the case of an issue, with its continuation comments when it has any. */
  read(issue: IssueItem, deadline: number): Promise<Case>;
  /** Writes title, body, labels and state, then brings the continuation comments in line. */
  write(
    issue: IssueItem,
    record: Case,
    encoded: EncodedIssue,
    deadline: number,
    oldComments: readonly CommentItem[],
  ): Promise<void>;
  /**
   * Posts the continuation pages an issue still lacks (`fresh`: a new issue, so none are there
   * yet), checking first when a post was ambiguous.
   */
  complete(number: number, pages: readonly string[], deadline: number, fresh: boolean): Promise<void>;
}

/**
 * Makes the case issues of one repository on top of its REST calls.
 *
 * @example
 * const issues = makeCaseIssues(makeGitHubHelper(octokit, repository, clock));
 * const issue = await issues.find('K-2026-7QF3M9', deadline);
 */
export function makeCaseIssues(github: GitHubHelper): CaseIssues {
  const numbers = new Map<string, number>();
  // The index from reference to issue, once the queue set-up gives one (`useIndex`).
  let durable: IssueIndex | undefined;

  async function walk(
    deadline: number,
    filter: WalkFilter,
    visit: (issue: IssueItem) => boolean | Promise<boolean>,
  ): Promise<void> {
    const listing = {
      // Looking for one case by its machine block, the label is not trusted: GitHub drops labels
      // silently when the caller may not set them, and a coordinator may remove one by hand.
      ...(filter.anyLabel ? {} : { labels: caseLabel }),
      state: filter.state ?? 'all',
      ...(filter.since === undefined ? {} : { since: filter.since }),
    };
    for await (const page of github.issuePages(listing, deadline)) {
      for (const issue of page) {
        // The issue list holds pull requests too.
        if (issue.pull_request !== undefined) continue;
        const header = readPageHeader(issue.body ?? '');
        if (header) numbers.set(header.reference, issue.number);
        if (await visit(issue)) return;
      }
    }
  }

  async function find(reference: string, deadline: number, since?: string): Promise<IssueItem | undefined> {
    const holds = (issue: IssueItem | undefined): issue is IssueItem =>
      issue !== undefined && readPageHeader(issue.body ?? '')?.reference === reference;
    const remembered = numbers.get(reference);
    if (remembered !== undefined) {
      const issue = await github.getIssue(remembered, deadline);
      if (holds(issue)) return issue;
      numbers.delete(reference);
    }
    const indexed = durable === undefined ? undefined : await durable.lookup(reference);
    if (indexed?.kind === 'issue') {
      const issue = indexed.number === remembered ? undefined : await github.getIssue(indexed.number, deadline);
      if (holds(issue)) {
        numbers.set(reference, issue.number);
        return issue;
      }
      // Gone (erased) or no longer this case's: a complete index holds no other issue for it.
      await durable?.forget(reference);
      if (since === undefined && (await durable?.state()) !== undefined) return undefined;
    }
    // A complete index that does not know the reference: it is no case, and GitHub is not asked.
    if (indexed?.kind === 'absent' && since === undefined) return undefined;
    let found: IssueItem | undefined;
    await walk(deadline, since === undefined ? { anyLabel: true } : { since, anyLabel: true }, (issue) => {
      if (readPageHeader(issue.body ?? '')?.reference !== reference) return false;
      found = issue;
      return true;
    });
    if (found !== undefined) await durable?.note(reference, found.number);
    return found;
  }

  async function findSame(record: Case, deadline: number): Promise<IssueItem | undefined> {
    const received = Date.parse(record.receivedAt);
    let byFingerprint: IssueItem | undefined;
    let byReference: IssueItem | undefined;
    let referenceHeld = false;
    await walk(deadline, { since: sinceFor(record), anyLabel: true }, (issue) => {
      const header = readPageHeader(issue.body ?? '');
      if (!header) return false;
      if (header.reference === record.reference) {
        // The same reference is the same case only with the same fingerprint; otherwise another
        // complaint drew it, and handing that one back would show one person another's complaint.
        if (header.fingerprint !== record.fingerprint) {
          referenceHeld = true;
          return false;
        }
        byReference = issue;
        return true;
      }
      if (
        byFingerprint === undefined &&
        header.fingerprint === record.fingerprint &&
        header.receivedAt !== undefined &&
        Math.abs(Date.parse(header.receivedAt) - received) <= resubmissionWindowMs
      ) {
        byFingerprint = issue;
      }
      return false;
    });
    const same = byReference ?? byFingerprint;
    if (same === undefined && referenceHeld) throw referenceTaken(record);
    return same;
  }

  async function read(issue: IssueItem, deadline: number): Promise<Case> {
    const body = issue.body ?? '';
    const header = readPageHeader(body);
    const comments =
      header && header.parts > 1 ? (await github.listComments(issue.number, deadline)).map((c) => c.body ?? '') : [];
    return decodeIssue({ title: issue.title, body, labels: labelNames(issue), comments });
  }

  async function write(
    issue: IssueItem,
    record: Case,
    encoded: EncodedIssue,
    deadline: number,
    oldComments: readonly CommentItem[],
  ): Promise<void> {
    const pages = encoded.continuation ?? [];
    // New pages first: until the body points at them, the old ones stay valid, so a break-off
    // at any moment leaves a readable case.
    const have = new Set(oldComments.map((comment) => comment.body ?? ''));
    for (const page of pages) {
      if (have.has(page)) continue;
      await github.createComment(issue.number, page, deadline);
    }
    const others = labelNames(issue).filter((name) => !isOwnLabel(name));
    const closed = !isOpen(record);
    await github.patchIssue(
      issue.number,
      {
        title: encoded.title,
        body: encoded.body,
        labels: [...others, ...encoded.labels],
        state: closed ? 'closed' : 'open',
        ...(closed ? { state_reason: record.status === 'niet-in-behandeling' ? 'not_planned' : 'completed' } : {}),
      },
      deadline,
    );
    const keep = new Set(pages);
    for (const comment of oldComments) {
      if (keep.has(comment.body ?? '') || readPageHeader(comment.body ?? '') === undefined) continue;
      await github.deleteComment(comment.id, deadline);
    }
  }

  async function complete(number: number, pages: readonly string[], deadline: number, fresh: boolean): Promise<void> {
    if (pages.length === 0) return;
    const present = new Set<string>();
    if (!fresh) for (const comment of await github.listComments(number, deadline)) present.add(comment.body ?? '');
    for (const page of pages) {
      if (present.has(page)) continue;
      try {
        await github.createComment(number, page, deadline);
      } catch (error) {
        if (classifyFailure(error) !== 'ambiguous') throw error;
        // Posted or not? Look before posting again; a doubled page would be harmless, but untidy.
        const again = new Set((await github.listComments(number, deadline)).map((comment) => comment.body ?? ''));
        if (!again.has(page)) await github.createComment(number, page, deadline);
      }
    }
  }

  return {
    remember: (reference, number) => void numbers.set(reference, number),
    async note(reference, number) {
      numbers.set(reference, number);
      await durable?.note(reference, number);
    },
    useIndex: (given) => void (durable = given),
    index: () => durable,
    indexWalk: (deadline) => async (since, visit) => {
      await walk(deadline, since === undefined ? { anyLabel: true } : { since, anyLabel: true }, async (issue) => {
        await visit(issue.number, issue.body ?? '');
        return false;
      });
    },
    walk,
    find,
    findSame,
    comments: (number, deadline) => github.listComments(number, deadline),
    read,
    write,
    complete,
  };
}

/**
 * The oldest `updated_at` a recent filing of this case can have: a day before its receipt.
 *
 * @example
 * sinceFor({ receivedAt: '2026-10-26T00:30:00+01:00' }) // '2026-10-24T23:30:00Z'
 */
export function sinceFor(record: Pick<Case, 'receivedAt'>): string {
  return new Date(Date.parse(record.receivedAt) - resubmissionWindowMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
