import type { Octokit } from '@octokit/rest';
import { parseCase, referencePattern, type Case } from '../../case.ts';
import { errorCode, errorTag } from '../../errors.ts';
import type { Log } from '../../log.ts';
import { isOpen } from '../../lifecycle.ts';
import type { CaseStore, FiledCase, UnreadableCase, UpdateOptions } from '../../store.ts';
import type { CaseFile } from '../../attachments/record.ts';
import { makeAdopter, type AdoptionResult, type AdoptOptions } from './adopt.ts';
import { makeGitHubCaseFiles } from './case-files.ts';
import { makeCaseIssues, sinceFor } from './case-issues.ts';
import type { GitHubRepository } from './client.ts';
import { classifyFailure, isCallFailure, statusOf, storeError } from './failures.ts';
import { labelNames, makeGitHubHelper, type CommentItem, type IssueItem } from './github-helper.ts';
import { makeKeyedQueue } from '../../keyed-queue.ts';
import { isIssueFormBody } from './issue-form.ts';
import { decodeIssue, encodeIssue, type EncodedIssue } from './issue-format.ts';
import { readPageHeader, type PageHeader } from './machine-block.ts';
import { refreshIssueIndex, type IndexRefresh, type IssueIndex } from './issue-index.ts';
import type { IssueContext } from './readable-copy.ts';

/**
 * The production store: every case is one issue in a private GitHub repository, written by
 * `encodeIssue` (title and labels without personal data, the case in a machine block, the text
 * inert) and read back by `decodeIssue`. Every REST call is in `github-helper.ts`, on the Octokit
 * from `client.ts`; finding, reading and writing the issue of a case is in `case-issues.ts`.
 *
 * Filing loses nothing and duplicates nothing:
 * - the reference is made before the call and written into the issue, so the issue can be found
 *   again whatever happened to the answer;
 * - first the store looks for the same case among the recently updated issues, whatever their
 *   labels (a plain listing, not the search API, whose index lags): the same reference, or the same
 *   fingerprint received within a day, gives back the case already there;
 * - after an ambiguous failure (5xx, timeout, connection reset) it lists again and creates only when
 *   the issue is not there; after a definite refusal (401, 403, 404, 422) it gives up at once;
 * - the whole filing keeps to its time budget (`budgetMs`): every call is aborted at the deadline;
 * - filings of the same reference or fingerprint in one process wait for each other.
 * When filing fails the error says so; `with-fallback.ts` then keeps the case elsewhere.
 */

/** What the GitHub store needs besides the client. */
export interface GitHubStoreOptions {
  /** Categories, people and term lengths for the readable copy. */
  context: IssueContext;
  log?: Log;
  /** Time budget of one filing (all its calls), in ms; default 10 s. */
  budgetMs?: number;
  /** Time budget of a read or an update, in ms; default 60 s. */
  readBudgetMs?: number;
  /**
   * Time budget of a listing of all cases (or of those changed since a moment), in ms; default
   * 10 minutes: a year of 50,000 cases is 500 pages, which GitHub gives at its own pace. A listing
   * of the open cases keeps `readBudgetMs`.
   */
  listBudgetMs?: number;
  /** How many times to try creating after ambiguous failures; default 3. */
  maxCreateAttempts?: number;
  /** To turn issues registered through the issue form into cases; without it they are skipped. */
  adopt?: AdoptOptions;
  /** Monotonic milliseconds, for budgets; default `performance.now`. */
  clock?: () => number;
  /** Told of each issue a listing leaves out because its machine block cannot be read. */
  onUnreadable?: (unreadable: UnreadableCase) => void;
}

/** The GitHub store, with the extras `klachten setup` and `sync` use. */
export interface GitHubStore extends CaseStore {
  /** Gives every issue-form issue a reference and a machine block; returns what it did. */
  adoptIssueForms(): Promise<AdoptionResult[]>;
  /**
   * Files a case from the intake queue (`cases/queue/drain.ts`): the queue already checked for a
   * resubmission, so the create call goes first, with no listing; only `lookFirst` (an earlier
   * attempt may have landed) looks for the issue before. An ambiguous create is reconciled as always.
   */
  fileQueued(record: Case, options: { lookFirst: boolean; budgetMs?: number }): Promise<FiledCase>;
  /**
   * The index from reference to issue to use from now on (the intake queue's, `issue-index.ts`):
   * lookups then cost one call, and a reference that is no case none.
   */
  useIndex(index: IssueIndex): void;
  /**
   * Builds the index when it is missing, or notes what changed since it was complete (at most
   * every `minIntervalMs`); does nothing without an index. `now` in ms since the epoch.
   */
  refreshIndex(now: number, options?: { minIntervalMs?: number }): Promise<IndexRefresh | undefined>;
  /**
   * Puts a case's files on its ref (`case-files.ts`) before its issue links to them; safe to
   * repeat. Gives the content writes it made (the drainer paces them).
   */
  storeFiles(reference: string, files: readonly CaseFile[], at: string): Promise<number>;
  /** Deletes the ref of a case's files (erasure); false when it had none. */
  eraseFiles(reference: string): Promise<boolean>;
}

/**
 * Makes the GitHub store for one repository.
 *
 * @example
 * const store = makeGitHubStore(makeOctokit(settings), { owner: 'livable', repo: 'klachten' }, { context: config });
 * await store.fileCase(record);
 */
export function makeGitHubStore(
  octokit: Octokit,
  repository: GitHubRepository,
  options: GitHubStoreOptions,
): GitHubStore {
  const { owner, repo } = repository;
  const log = options.log ?? (() => {});
  const clock = options.clock ?? (() => performance.now());
  const budgetMs = options.budgetMs ?? 10_000;
  const readBudgetMs = options.readBudgetMs ?? 60_000;
  const listBudgetMs = options.listBudgetMs ?? 10 * 60_000;
  const maxCreateAttempts = options.maxCreateAttempts ?? 3;
  const github = makeGitHubHelper(octokit, repository, clock);
  const issues = makeCaseIssues(github);
  const caseFiles = makeGitHubCaseFiles(github);
  const adopt = makeAdopter({ context: options.context, adopt: options.adopt, issues, log });
  /**
   * Issues as the last listing returned them, by reference, until the case is written: an update
   * given `current` (the daily deadlines job) writes on top of them without reading the issue again.
   */
  const listed = new Map<string, IssueItem>();
  const serialised = makeKeyedQueue();

  // ---- Filing: find, create (reconciling after an ambiguous failure), complete.

  async function fileCase(input: Case, lookFirst = true, withinMs = budgetMs): Promise<FiledCase> {
    const record = parseCase(input);
    const encoded = encodeIssue(record, options.context);
    return serialised([record.reference, record.fingerprint], async () => {
      const deadline = clock() + Math.min(budgetMs, withinMs);
      const existing = lookFirst ? await find(record, deadline) : undefined;
      if (existing) return complete(existing, record, encoded, deadline);
      const number = await create(record, encoded, deadline);
      await noteCreated(record.reference, number);
      await issues.complete(number, encoded.continuation ?? [], deadline, true);
      return { case: record, created: true };
    });
  }

  /**
   * Notes a new issue in the index. A failed note fails nothing: the issue is there, and the next
   * top-up of the index (it lists what changed) finds it.
   */
  async function noteCreated(reference: string, number: number): Promise<void> {
    try {
      await issues.note(reference, number);
    } catch (error) {
      log('github.index-failed', { reference, error: errorCode(error) });
    }
  }

  /** Find: the same case filed before. Nothing was written yet, so a failed lookup ends the filing. */
  async function find(record: Case, deadline: number): Promise<IssueItem | undefined> {
    try {
      return await issues.findSame(record, deadline);
    } catch (error) {
      if (!isCallFailure(error)) throw error;
      const kind = classifyFailure(error);
      log('github.lookup-failed', { reference: record.reference, kind, status: statusOf(error) });
      throw storeError(kind, 'GitHub is niet bereikbaar.', statusOf(error));
    }
  }

  /** Complete: a case already there, with the pages a filing that broke off did not post yet. */
  async function complete(
    existing: IssueItem,
    record: Case,
    encoded: EncodedIssue,
    deadline: number,
  ): Promise<FiledCase> {
    const sameReference = readPageHeader(existing.body ?? '')?.reference === record.reference;
    if (sameReference) await issues.complete(existing.number, encoded.continuation ?? [], deadline, false);
    log('github.already-filed', { reference: record.reference, sameReference });
    return { case: await issues.read(existing, deadline), created: false };
  }

  /** Create: the issue, once. After an ambiguous failure it is created again only if not found. */
  async function create(record: Case, encoded: EncodedIssue, deadline: number): Promise<number> {
    for (let attempt = 1; ; attempt += 1) {
      const started = clock();
      try {
        const number = await github.createIssue(encoded, deadline);
        log('github.issue-created', { reference: record.reference, attempt, ms: Math.round(clock() - started) });
        return number;
      } catch (error) {
        const kind = classifyFailure(error);
        log('github.create-failed', { reference: record.reference, attempt, kind, status: statusOf(error) });
        if (kind !== 'ambiguous')
          throw storeError(kind, `GitHub weigerde de klacht (${statusOf(error)}).`, statusOf(error));
        if (attempt >= maxCreateAttempts) throw storeError('ambiguous', 'GitHub gaf geen duidelijk antwoord.');
        // Never create again blindly: the first call may have landed.
        const found = await reconcile(record, attempt, deadline);
        if (found !== undefined) return found;
      }
    }
  }

  /** Reconcile: the number of the issue an ambiguous create made after all, if it made one. */
  async function reconcile(record: Case, attempt: number, deadline: number): Promise<number | undefined> {
    let found: IssueItem | undefined;
    try {
      found = await issues.find(record.reference, deadline, sinceFor(record));
    } catch (lookup) {
      log('github.reconcile-failed', {
        reference: record.reference,
        attempt,
        kind: classifyFailure(lookup),
        status: statusOf(lookup),
      });
      throw storeError('ambiguous', 'GitHub gaf geen duidelijk antwoord; of de klacht er staat is onbekend.');
    }
    log('github.reconciled', { reference: record.reference, attempt, found: found !== undefined });
    return found?.number;
  }

  // ---- Reading and updating.

  const wrapRead = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (!isCallFailure(error)) throw error;
      const kind = classifyFailure(error);
      log('github.read-failed', { what, kind, status: statusOf(error) });
      throw storeError(kind, `GitHub: ${what} mislukt (${statusOf(error) || kind}).`, statusOf(error));
    }
  };

  /** The case of a listed issue, adopting an issue form; undefined for an issue that holds none (yet). */
  async function listedCase(issue: IssueItem, deadline: number): Promise<Case | undefined> {
    const body = issue.body ?? '';
    if (isIssueFormBody(body)) {
      const adopted = await adopt(issue, deadline);
      if (!adopted.case)
        log('github.form-incomplete', { issue: issue.number, fields: (adopted.problems ?? []).length });
      return adopted.case;
    }
    if (!readPageHeader(body)) {
      log('github.not-a-case', { issue: issue.number });
      return undefined;
    }
    try {
      const record = await issues.read(issue, deadline);
      issues.remember(record.reference, issue.number);
      listed.set(record.reference, issue);
      return record;
    } catch (error) {
      // A filing that broke off before its last page is held by the fallback and finished by `sync`.
      if (errorTag(error) === 'incomplete') {
        log('github.case-incomplete', { issue: issue.number });
        return undefined;
      }
      // A damaged machine block (edited by hand) hides that case, never the others.
      if (errorTag(error) !== 'invalid') throw error;
      log('github.case-unreadable', { issue: issue.number });
      const reference = readPageHeader(body)?.reference;
      options.onUnreadable?.({
        ...(reference === undefined ? {} : { reference }),
        where: `issue #${issue.number}`,
        code: 'invalid',
        reason: 'het gegevensblok klopt niet',
      });
      return undefined;
    }
  }

  /** The issue of a case to update, the case as it stands, and the comments its rewrite needs. */
  async function toUpdate(
    reference: string,
    given: Case | undefined,
    deadline: number,
  ): Promise<{ issue: IssueItem; current: Case; comments: CommentItem[] }> {
    // The caller just listed this case (`current`): write on top of the listed issue, no read.
    // Only for a one-page case: a longer one needs its comments to rewrite the continuation.
    const known = given === undefined ? undefined : listed.get(reference);
    const reuse = known !== undefined && readPageHeader(known.body ?? '')?.parts === 1;
    const issue = reuse ? known : referencePattern.test(reference) ? await issues.find(reference, deadline) : undefined;
    if (!issue) throw new Error(`Geen klacht met kenmerk ${reference}.`);
    const header = readPageHeader(issue.body ?? '') as PageHeader;
    const comments = header.parts > 1 ? await issues.comments(issue.number, deadline) : [];
    const current =
      reuse && given !== undefined
        ? given
        : decodeIssue({
            title: issue.title,
            body: issue.body ?? '',
            labels: labelNames(issue),
            comments: comments.map((comment) => comment.body ?? ''),
          });
    return { issue, current, comments };
  }

  /**
   * The note on an update. A caller's comment (a term notice, the answer to a slash command)
   * stands in for it, and must arrive: its failure fails the update (the case itself is written).
   */
  async function postNote(
    number: number,
    reference: string,
    note: string,
    updateOptions: UpdateOptions,
    deadline: number,
  ): Promise<void> {
    const comment = updateOptions.comment;
    await github
      .createComment(number, `<!-- klachtenloket:note -->\n${comment ?? note}`, deadline)
      .catch((error: unknown) => {
        const kind = isCallFailure(error) ? classifyFailure(error) : errorCode(error);
        log('github.note-failed', { reference, kind, status: statusOf(error) });
        if (comment !== undefined) throw error;
      });
  }

  const storeFiles = (reference: string, files: readonly CaseFile[], at: string) =>
    wrapRead('bijlagen opslaan', () => caseFiles.write(reference, files, at, clock() + readBudgetMs));

  return {
    description: `GitHub-issues in ${owner}/${repo}`,
    async fileCase(record, files = []) {
      // The files first: the issue links to them from its first version on.
      if (files.length > 0) await storeFiles(record.reference, files, record.receivedAt);
      return fileCase(record);
    },
    // The drainer's filing ends within its lease on the entry (`budgetMs`), never later.
    fileQueued: (record, queued) => fileCase(record, queued.lookFirst, queued.budgetMs),
    useIndex: (index) => issues.useIndex(index),

    refreshIndex(now, refreshOptions = {}) {
      const index = issues.index();
      if (index === undefined) return Promise.resolve(undefined);
      return wrapRead('index bijwerken', async () => {
        const refresh = await refreshIssueIndex(index, issues.indexWalk(clock() + readBudgetMs), now, refreshOptions);
        if (refresh.kind !== 'fresh') log('github.index-refreshed', { kind: refresh.kind, noted: refresh.noted });
        return refresh;
      });
    },

    storeFiles,
    eraseFiles: (reference) => wrapRead('bijlagen wissen', () => caseFiles.erase(reference, clock() + readBudgetMs)),
    readFile: (reference, name) =>
      wrapRead('bijlage lezen', () => caseFiles.read(reference, name, clock() + readBudgetMs)),

    getCase(reference) {
      if (!referencePattern.test(reference)) return Promise.resolve(undefined);
      return wrapRead('klacht lezen', async () => {
        const deadline = clock() + readBudgetMs;
        const issue = await issues.find(reference, deadline);
        if (!issue) return undefined;
        const record = await issues.read(issue, deadline);
        // As after a listing: an update given this case as `current` writes on top, no lookup.
        listed.set(record.reference, issue);
        return record;
      });
    },

    listCases(listOptions = {}) {
      return wrapRead('klachten lijsten', async () => {
        const deadline = clock() + (listOptions.openOnly ? readBudgetMs : listBudgetMs);
        const found: IssueItem[] = [];
        // Open cases only: open issues only (`write` closes exactly the closed cases), so the
        // daily job reads ceil(open/100) pages however many closed cases pile up.
        const filter = {
          ...(listOptions.openOnly ? { state: 'open' as const } : {}),
          ...(listOptions.updatedSince === undefined ? {} : { since: listOptions.updatedSince }),
        };
        await issues.walk(deadline, filter, (issue) => {
          found.push(issue);
          return false;
        });
        const cases: Array<{ record: Case; number: number }> = [];
        for (const issue of found) {
          const record = await listedCase(issue, deadline);
          if (record) cases.push({ record, number: issue.number });
        }
        const sorted = cases
          .sort((a, b) => Date.parse(a.record.receivedAt) - Date.parse(b.record.receivedAt) || a.number - b.number)
          .map((entry) => entry.record);
        return listOptions.openOnly ? sorted.filter(isOpen) : sorted;
      });
    },

    updateCase(reference, change, note, updateOptions = {}) {
      return serialised([reference], () =>
        wrapRead('klacht bijwerken', async () => {
          const deadline = clock() + readBudgetMs;
          const { issue, current, comments } = await toUpdate(reference, updateOptions.current, deadline);
          const next = parseCase(change(current));
          if (next.reference !== current.reference) throw new Error('Het kenmerk van een klacht verandert nooit.');
          listed.delete(reference);
          await issues.write(issue, next, encodeIssue(next, options.context), deadline, comments);
          if (!updateOptions.quiet || updateOptions.comment !== undefined) {
            await postNote(issue.number, reference, note, updateOptions, deadline);
          }
          log('github.case-updated', { reference, status: next.status });
          return next;
        }),
      );
    },

    adoptIssueForms() {
      return wrapRead('formulieren verwerken', async () => {
        const deadline = clock() + readBudgetMs;
        const forms: IssueItem[] = [];
        await issues.walk(deadline, {}, (issue) => {
          if (isIssueFormBody(issue.body ?? '')) forms.push(issue);
          return false;
        });
        const results: AdoptionResult[] = [];
        for (const issue of forms) {
          const { case: _case, ...result } = await adopt(issue, deadline);
          results.push(result);
        }
        return results;
      });
    },
  };
}
