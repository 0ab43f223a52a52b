import { createHash } from 'node:crypto';
import type { Octokit } from '@octokit/rest';
import { parseCase, referencePattern, type Case } from '../../case.ts';
import {
  caseFromIssueForm,
  decodeFailure,
  decodeIssue,
  decodeIssueForm,
  encodeIssue,
  isIssueFormBody,
  isOwnLabel,
  issueFormReceivedAt,
  caseLabel,
  labelDefinitions,
  readPageHeader,
  type EncodedIssue,
  type IssueContext,
  type LabelDefinition,
  type PageHeader,
} from './issue-format.ts';
import type { Config } from '../../config.ts';
import { makeReference } from '../../reference.ts';
import { isOpen, resubmissionWindowMs, type CaseStore, type FiledCase } from '../../store.ts';
import type { Log } from '../../log.ts';
import { withBudget, type GitHubRepository } from './client.ts';

/**
 * The production store: every case is one issue in a private GitHub repository, written by
 * `encodeIssue` (title and labels without personal data, the case in a machine block, the text
 * inert) and read back by `decodeIssue`. All calls go through the Octokit from `github-client.ts`.
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
  /** How many times to try creating after ambiguous failures; default 3. */
  maxCreateAttempts?: number;
  /** To turn issues registered through the issue form into cases; without it they are skipped. */
  adopt?: AdoptOptions;
  /** Monotonic milliseconds, for budgets; default `performance.now`. */
  clock?: () => number;
}

/** What turning an issue-form issue into a case needs. */
export interface AdoptOptions {
  /** The terms for a receipt moment (ISO 8601), as `computeTerms` gives them. */
  termsFor: (receivedAt: string) => Case['terms'];
  fillRandom: (bytes: Uint8Array) => Uint8Array;
}

/** What became of one issue-form issue. */
export interface AdoptionResult {
  issue: number;
  reference?: string;
  /** Dutch names of missing or invalid fields, when the issue could not become a case. */
  problems?: string[];
}

/** The GitHub store, with the extras `klachten setup` and `sync` use. */
export interface GitHubStore extends CaseStore {
  /** Gives every issue-form issue a reference and a machine block; returns what it did. */
  adoptIssueForms(): Promise<AdoptionResult[]>;
}

/** How a failed call ended, as far as the outcome of a write goes. */
export type FailureKind = 'ambiguous' | 'rate-limited' | 'unauthorized' | 'forbidden' | 'not-found' | 'rejected';

/**
 * Sorts a failed GitHub call: did GitHub perhaps do it (`ambiguous`), or certainly not?
 *
 * @example
 * classifyFailure(error) // 'ambiguous' for a 502, a timeout or a reset connection
 */
export function classifyFailure(error: unknown): FailureKind {
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : undefined;
  const response = typeof error === 'object' && error !== null && 'response' in error ? error.response : undefined;
  // No response at all: a timeout, an abort or a broken connection; the write may have happened.
  if (response === undefined || status === undefined || status >= 500) return 'ambiguous';
  const headers = (response as { headers?: Record<string, string | undefined> }).headers ?? {};
  if (
    status === 429 ||
    (status === 403 && (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0'))
  ) {
    return 'rate-limited';
  }
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  return 'rejected';
}

/** Whether an error came from a call to GitHub (and not from our own checks). */
function isCallFailure(error: unknown): boolean {
  if (!(error instanceof Error) || 'kind' in error || decodeFailure(error) !== undefined) return false;
  return 'status' in error || error.name === 'AbortError' || error.name === 'TimeoutError';
}

/** The error a store call ends with: a kind and a status, never a response body or the case. */
function storeError(kind: FailureKind | 'budget', message: string, status?: number): Error {
  return Object.assign(new Error(message), { kind, ...(status === undefined ? {} : { status }) });
}

const statusOf = (error: unknown): number =>
  typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) || 0 : 0;

/** An issue as the listing returns it, reduced to what the store reads. */
interface IssueItem {
  number: number;
  title: string;
  body?: string | null | undefined;
  state: string;
  created_at: string;
  labels: Array<string | { name?: string | undefined }>;
  user: { login: string } | null;
  pull_request?: unknown;
}

interface CommentItem {
  id: number;
  body?: string | undefined;
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
  const maxCreateAttempts = options.maxCreateAttempts ?? 3;
  /** Issue numbers of references seen, so a repeated lookup is one call. */
  const numbers = new Map<string, number>();
  /**
   * Issues as the last listing returned them, by reference, until the case is written: an update
   * given `current` (the daily deadlines job) writes on top of them without reading the issue again.
   */
  const listed = new Map<string, IssueItem>();
  const queues = new Map<string, Promise<unknown>>();

  /** Runs `work` after earlier work on any of the same keys in this process. */
  async function serialised<T>(keys: string[], work: () => Promise<T>): Promise<T> {
    const before = keys.map((key) => queues.get(key) ?? Promise.resolve());
    const run = Promise.all(before.map((promise) => promise.catch(() => undefined))).then(work);
    const settled = run.catch(() => undefined);
    for (const key of keys) queues.set(key, settled);
    try {
      return await run;
    } finally {
      for (const key of keys) if (queues.get(key) === settled) queues.delete(key);
    }
  }

  const request = (deadline: number) => {
    if (clock() >= deadline) throw storeError('budget', 'De tijd voor deze GitHub-opdracht is op.');
    return withBudget(deadline, clock);
  };

  /** Walks the `klacht` issues, newest first; stops when `visit` returns true. */
  async function walkIssues(
    deadline: number,
    filter: { since?: string; state?: 'open' | 'all'; anyLabel?: boolean },
    visit: (issue: IssueItem) => boolean | Promise<boolean>,
  ): Promise<void> {
    const route = 'GET /repos/{owner}/{repo}/issues';
    const params = {
      owner,
      repo,
      // Looking for one case by its machine block, the label is not trusted: GitHub drops labels
      // silently when the caller may not set them, and a coordinator may remove one by hand.
      ...(filter.anyLabel ? {} : { labels: caseLabel }),
      state: filter.state ?? 'all',
      sort: 'created',
      direction: 'desc',
      per_page: 100,
      ...(filter.since === undefined ? {} : { since: filter.since }),
    };
    for await (const page of pages<IssueItem>(route, params, deadline)) {
      for (const issue of page) {
        // The issue list holds pull requests too.
        if (issue.pull_request !== undefined) continue;
        const header = readPageHeader(issue.body ?? '');
        if (header) numbers.set(header.reference, issue.number);
        if (await visit(issue)) return;
      }
    }
  }

  /** The pages of a listing, following GitHub's `Link: <…>; rel="next"`; each call within the deadline. */
  async function* pages<T>(route: string, params: Record<string, unknown>, deadline: number): AsyncGenerator<T[]> {
    let response = await octokit.request(route, { ...params, request: request(deadline) });
    yield response.data as T[];
    for (let next = nextLink(response.headers.link); next !== undefined; next = nextLink(response.headers.link)) {
      response = await octokit.request(`GET ${next}`, { request: request(deadline) });
      yield response.data as T[];
    }
  }

  async function listComments(number: number, deadline: number): Promise<CommentItem[]> {
    const all: CommentItem[] = [];
    const route = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
    for await (const page of pages<CommentItem>(
      route,
      { owner, repo, issue_number: number, per_page: 100 },
      deadline,
    )) {
      all.push(...page);
    }
    return all;
  }

  /** Reads the case of an issue, with its continuation comments when it has any. */
  async function readIssue(issue: IssueItem, deadline: number): Promise<Case> {
    const body = issue.body ?? '';
    const header = readPageHeader(body);
    const comments =
      header && header.parts > 1 ? (await listComments(issue.number, deadline)).map((c) => c.body ?? '') : [];
    return decodeIssue({ title: issue.title, body, labels: labelNames(issue), comments });
  }

  async function getIssue(number: number, deadline: number): Promise<IssueItem | undefined> {
    try {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
        owner,
        repo,
        issue_number: number,
        request: request(deadline),
      });
      return data as IssueItem;
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 410) return undefined;
      throw error;
    }
  }

  /** The issue of a reference: by the remembered number, else by walking all cases. */
  async function findIssue(reference: string, deadline: number, since?: string): Promise<IssueItem | undefined> {
    const known = numbers.get(reference);
    if (known !== undefined) {
      const issue = await getIssue(known, deadline);
      if (issue && readPageHeader(issue.body ?? '')?.reference === reference) return issue;
      numbers.delete(reference);
    }
    let found: IssueItem | undefined;
    await walkIssues(deadline, since === undefined ? { anyLabel: true } : { since, anyLabel: true }, (issue) => {
      if (readPageHeader(issue.body ?? '')?.reference !== reference) return false;
      found = issue;
      return true;
    });
    return found;
  }

  /** The same case among recent issues: the same reference, or the same fingerprint within a day. */
  async function findSame(record: Case, deadline: number): Promise<IssueItem | undefined> {
    const received = Date.parse(record.receivedAt);
    let byFingerprint: IssueItem | undefined;
    let byReference: IssueItem | undefined;
    await walkIssues(deadline, { since: sinceFor(record), anyLabel: true }, (issue) => {
      const header = readPageHeader(issue.body ?? '');
      if (!header) return false;
      if (header.reference === record.reference) {
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
    return byReference ?? byFingerprint;
  }

  /** Posts the continuation pages a case still lacks, checking first when a post was ambiguous. */
  async function completeContinuation(
    number: number,
    pages: readonly string[],
    deadline: number,
    fresh: boolean,
  ): Promise<void> {
    if (pages.length === 0) return;
    const present = new Set<string>();
    if (!fresh) for (const comment of await listComments(number, deadline)) present.add(comment.body ?? '');
    const post = (page: string) =>
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner,
        repo,
        issue_number: number,
        body: page,
        request: request(deadline),
      });
    for (const page of pages) {
      if (present.has(page)) continue;
      try {
        await post(page);
      } catch (error) {
        if (classifyFailure(error) !== 'ambiguous') throw error;
        // Posted or not? Look before posting again; a doubled page would be harmless, but untidy.
        const again = new Set((await listComments(number, deadline)).map((comment) => comment.body ?? ''));
        if (!again.has(page)) await post(page);
      }
    }
  }

  async function createIssue(record: Case, encoded: EncodedIssue, deadline: number): Promise<number> {
    for (let attempt = 1; ; attempt += 1) {
      const started = clock();
      try {
        const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', {
          owner,
          repo,
          title: encoded.title,
          body: encoded.body,
          labels: encoded.labels,
          request: request(deadline),
        });
        log('github.issue-created', { reference: record.reference, attempt, ms: Math.round(clock() - started) });
        return data.number;
      } catch (error) {
        const kind = classifyFailure(error);
        log('github.create-failed', { reference: record.reference, attempt, kind, status: statusOf(error) });
        if (kind !== 'ambiguous')
          throw storeError(kind, `GitHub weigerde de klacht (${statusOf(error)}).`, statusOf(error));
        if (attempt >= maxCreateAttempts) throw storeError('ambiguous', 'GitHub gaf geen duidelijk antwoord.');
        // Never create again blindly: the first call may have landed.
        let found: IssueItem | undefined;
        try {
          found = await findIssue(record.reference, deadline, sinceFor(record));
        } catch (lookup) {
          log('github.reconcile-failed', { reference: record.reference, attempt, status: statusOf(lookup) });
          throw storeError('ambiguous', 'GitHub gaf geen duidelijk antwoord; of de klacht er staat is onbekend.');
        }
        if (found) {
          log('github.reconciled', { reference: record.reference, attempt, found: true });
          return found.number;
        }
        log('github.reconciled', { reference: record.reference, attempt, found: false });
      }
    }
  }

  async function fileCase(input: Case): Promise<FiledCase> {
    const record = parseCase(input);
    const encoded = encodeIssue(record, options.context);
    return serialised([record.reference, record.fingerprint], async () => {
      const deadline = clock() + budgetMs;
      let existing: IssueItem | undefined;
      try {
        existing = await findSame(record, deadline);
      } catch (error) {
        if (!isCallFailure(error)) throw error;
        const kind = classifyFailure(error);
        log('github.lookup-failed', { reference: record.reference, kind, status: statusOf(error) });
        throw storeError(kind, 'GitHub is niet bereikbaar.', statusOf(error));
      }
      if (existing) {
        const header = readPageHeader(existing.body ?? '');
        if (header?.reference === record.reference) {
          // A filing that broke off between the issue and its continuation: finish it.
          await completeContinuation(existing.number, encoded.continuation ?? [], deadline, false);
        }
        log('github.already-filed', {
          reference: record.reference,
          sameReference: header?.reference === record.reference,
        });
        return { case: await readIssue(existing, deadline), created: false };
      }
      const number = await createIssue(record, encoded, deadline);
      numbers.set(record.reference, number);
      await completeContinuation(number, encoded.continuation ?? [], deadline, true);
      return { case: record, created: true };
    });
  }

  async function adopt(issue: IssueItem, deadline: number): Promise<AdoptionResult & { case?: Case }> {
    const decoded = decodeIssueForm(issue.body ?? '', options.context.categories);
    if (!decoded.ok) return { issue: issue.number, problems: decoded.problems };
    if (!options.adopt)
      return { issue: issue.number, problems: ['(de klachtentool kan hier geen termijnen berekenen)'] };
    const receivedAt = issueFormReceivedAt(decoded.fields, issue.created_at);
    const terms = options.adopt.termsFor(receivedAt);
    const record = caseFromIssueForm(decoded.fields, {
      reference: makeReference(Number(terms.received.slice(0, 4)), options.adopt.fillRandom),
      receivedAt,
      terms,
      fingerprint: `sha256:${createHash('sha256').update(JSON.stringify(decoded.fields)).digest('hex')}`,
      by: issue.user?.login ?? 'onbekend',
    });
    const encoded = encodeIssue(record, options.context);
    await writeIssue(issue, record, encoded, deadline, []);
    numbers.set(record.reference, issue.number);
    log('github.form-adopted', { issue: issue.number, reference: record.reference });
    return { issue: issue.number, reference: record.reference, case: record };
  }

  /** Writes title, body, labels and state, then brings the continuation comments in line. */
  async function writeIssue(
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
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner,
        repo,
        issue_number: issue.number,
        body: page,
        request: request(deadline),
      });
    }
    const others = labelNames(issue).filter((name) => !isOwnLabel(name));
    const closed = !isOpen(record);
    await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      owner,
      repo,
      issue_number: issue.number,
      title: encoded.title,
      body: encoded.body,
      labels: [...others, ...encoded.labels],
      state: closed ? 'closed' : 'open',
      ...(closed ? { state_reason: record.status === 'niet-in-behandeling' ? 'not_planned' : 'completed' } : {}),
      request: request(deadline),
    });
    const keep = new Set(pages);
    for (const comment of oldComments) {
      if (keep.has(comment.body ?? '') || readPageHeader(comment.body ?? '') === undefined) continue;
      await octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner,
        repo,
        comment_id: comment.id,
        request: request(deadline),
      });
    }
  }

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

  return {
    description: `GitHub-issues in ${owner}/${repo}`,
    fileCase,

    getCase(reference) {
      if (!referencePattern.test(reference)) return Promise.resolve(undefined);
      return wrapRead('klacht lezen', async () => {
        const deadline = clock() + readBudgetMs;
        const issue = await findIssue(reference, deadline);
        return issue ? readIssue(issue, deadline) : undefined;
      });
    },

    listCases(listOptions = {}) {
      return wrapRead('klachten lijsten', async () => {
        const deadline = clock() + readBudgetMs;
        const cases: Array<{ record: Case; number: number }> = [];
        const issues: IssueItem[] = [];
        // Open cases only: open issues only (writeIssue closes exactly the closed cases), so the
        // daily job reads ceil(open/100) pages however many closed cases pile up.
        await walkIssues(deadline, listOptions.openOnly ? { state: 'open' } : {}, (issue) => {
          issues.push(issue);
          return false;
        });
        for (const issue of issues) {
          const body = issue.body ?? '';
          if (isIssueFormBody(body)) {
            const adopted = await adopt(issue, deadline);
            if (adopted.case) cases.push({ record: adopted.case, number: issue.number });
            else log('github.form-incomplete', { issue: issue.number, fields: (adopted.problems ?? []).length });
            continue;
          }
          if (!readPageHeader(body)) {
            log('github.not-a-case', { issue: issue.number });
            continue;
          }
          try {
            const record = await readIssue(issue, deadline);
            numbers.set(record.reference, issue.number);
            listed.set(record.reference, issue);
            cases.push({ record, number: issue.number });
          } catch (error) {
            // A filing that broke off before its last page is held by the fallback and finished by `sync`.
            if (decodeFailure(error) !== 'incomplete') throw error;
            log('github.case-incomplete', { issue: issue.number });
          }
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
          // The caller just listed this case (`current`): write on top of the listed issue, no read.
          // Only for a one-page case: a longer one needs its comments to rewrite the continuation.
          const known = updateOptions.current === undefined ? undefined : listed.get(reference);
          const reuse = known !== undefined && readPageHeader(known.body ?? '')?.parts === 1;
          const issue = reuse
            ? known
            : referencePattern.test(reference)
              ? await findIssue(reference, deadline)
              : undefined;
          if (!issue) throw new Error(`Geen klacht met kenmerk ${reference}.`);
          const header = readPageHeader(issue.body ?? '') as PageHeader;
          const comments = header.parts > 1 ? await listComments(issue.number, deadline) : [];
          const current =
            reuse && updateOptions.current !== undefined
              ? updateOptions.current
              : decodeIssue({
                  title: issue.title,
                  body: issue.body ?? '',
                  labels: labelNames(issue),
                  comments: comments.map((comment) => comment.body ?? ''),
                });
          const next = parseCase(change(current));
          if (next.reference !== current.reference) throw new Error('Het kenmerk van een klacht verandert nooit.');
          listed.delete(reference);
          await writeIssue(issue, next, encodeIssue(next, options.context), deadline, comments);
          // A caller's comment (a term notice, the answer to a slash command) stands in for the
          // note, and must arrive: its failure fails the update (the case itself is written).
          const comment = updateOptions.comment;
          if (updateOptions.quiet && comment === undefined) {
            log('github.case-updated', { reference, status: next.status });
            return next;
          }
          await octokit
            .request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
              owner,
              repo,
              issue_number: issue.number,
              body: `<!-- klachtenloket:note -->\n${comment ?? note}`,
              request: request(deadline),
            })
            .catch((error: unknown) => {
              log('github.note-failed', { reference, status: statusOf(error) });
              if (comment !== undefined) throw error;
            });
          log('github.case-updated', { reference, status: next.status });
          return next;
        }),
      );
    },

    adoptIssueForms() {
      return wrapRead('formulieren verwerken', async () => {
        const deadline = clock() + readBudgetMs;
        const forms: IssueItem[] = [];
        await walkIssues(deadline, {}, (issue) => {
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

/** The oldest `updated_at` a recent filing of this case can have: a day before its receipt. */
function sinceFor(record: Case): string {
  return new Date(Date.parse(record.receivedAt) - resubmissionWindowMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function nextLink(link: string | undefined): string | undefined {
  return /<([^<>]+)>;\s*rel="next"/.exec(link ?? '')?.[1];
}

function labelNames(issue: IssueItem): string[] {
  return issue.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))).filter(Boolean);
}

/** What `syncLabels` did. */
export interface LabelChanges {
  created: string[];
  updated: string[];
  unchanged: string[];
}

/**
 * Makes the repository's labels match the definitions: creates what is missing, updates colour
 * and description where they changed, deletes nothing. Running it twice changes nothing the second time.
 *
 * @example
 * await syncLabels(octokit, { owner, repo }, labelDefinitions(config.categories)) // { created: [...], updated: [], unchanged: [...] }
 */
export async function syncLabels(
  octokit: Octokit,
  repository: GitHubRepository,
  definitions: readonly LabelDefinition[],
): Promise<LabelChanges> {
  const existing = await octokit.paginate('GET /repos/{owner}/{repo}/labels', { ...repository, per_page: 100 });
  const byName = new Map(existing.map((label) => [label.name.toLowerCase(), label]));
  const changes: LabelChanges = { created: [], updated: [], unchanged: [] };
  for (const definition of definitions) {
    const current = byName.get(definition.name.toLowerCase());
    if (!current) {
      await octokit.request('POST /repos/{owner}/{repo}/labels', { ...repository, ...definition });
      changes.created.push(definition.name);
    } else if (
      current.name !== definition.name ||
      current.color.toLowerCase() !== definition.color.toLowerCase() ||
      (current.description ?? '') !== definition.description
    ) {
      await octokit.request('PATCH /repos/{owner}/{repo}/labels/{name}', {
        ...repository,
        name: current.name,
        new_name: definition.name,
        color: definition.color,
        description: definition.description,
      });
      changes.updated.push(definition.name);
    } else {
      changes.unchanged.push(definition.name);
    }
  }
  return changes;
}

/**
 * The labels for a configuration.
 *
 * @example
 * caseLabels(config) // [{ name: 'klacht', … }, { name: 'status: ontvangen', … }, …]
 */
export function caseLabels(config: Pick<Config, 'categories'>): LabelDefinition[] {
  return labelDefinitions(config.categories);
}
