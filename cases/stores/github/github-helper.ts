import type { Octokit } from '@octokit/rest';
import { withBudget, type BudgetedRequest, type GitHubRepository } from './client.ts';
import { statusOf, storeError } from './failures.ts';
import { makeGitData, type GitData } from './git-data.ts';
import type { LabelDefinition } from './labels.ts';

/**
 * Every REST call the GitHub store and the label sync make, one typed wrapper each, so what we
 * ask of GitHub can be read in one place (and checked against GitHub's API description); the
 * GraphQL calls `deleteIssue` and `pinIssue`; the files of the register (`register/`, read as
 * blobs and written in one commit with the Git data API); and the Git data calls that keep a
 * case's files on a ref of their own (`case-files.ts`). The Projects calls are in `project-calls.ts`.
 *
 * Time: a call of the store is given the deadline of its filing, read or update. A wrapper checks
 * the deadline before anything is sent and, when the time is up, throws a `budget` store error at
 * once, where the call is made (the wrappers are not `async` for that reason: the check throws
 * before the caller's `.catch` is attached, as a call that never started should). The call itself
 * is aborted at the deadline (`withBudget`).
 *
 * Retries — what is repeated, and what never is:
 * - A call refused for a rate limit (403/429 with `retry-after`, or `x-ratelimit-remaining: 0`) is
 *   retried by the throttling plugin (`client.ts`) after the wait GitHub asks, at most twice, and
 *   only when that wait fits the call's deadline. GitHub did not carry out such a call, so
 *   repeating it cannot make a duplicate.
 * - Nothing else is retried here: not a 5xx, a timeout or a reset connection. After such an
 *   ambiguous failure (`classifyFailure`) a write may or may not have landed. Creating an issue
 *   is therefore never retried blindly: that is how duplicates are made. The store first lists the
 *   issues again and creates only when the case is not there; before posting a continuation page
 *   again it reads the comments.
 * - Writes are spaced by the client (`writeIntervalMs`), so a burst does not trip GitHub's
 *   secondary rate limit in the first place.
 */

/** An issue as the listing returns it, reduced to what the store reads. */
export interface IssueItem {
  number: number;
  /** The GraphQL id, which `deleteIssue` takes (the REST API has no way to delete an issue). */
  node_id?: string | undefined;
  /** The issue's page, for links to it (the workload table). */
  html_url?: string | undefined;
  title: string;
  body?: string | null | undefined;
  state: string;
  created_at: string;
  labels: Array<string | { name?: string | undefined }>;
  user: { login: string } | null;
  pull_request?: unknown;
}

/** A comment on an issue, reduced to what the store reads. */
export interface CommentItem {
  id: number;
  body?: string | undefined;
}

/** A label of the repository, reduced to what the label sync compares. */
export interface LabelItem {
  name: string;
  color: string;
  description?: string | null | undefined;
}

/** Which issues a listing returns; always newest first, 100 a page. */
export interface IssueListing {
  /** Only issues with this label; all issues (and pull requests) without it. */
  labels?: string;
  state: 'open' | 'all';
  /** Only issues updated at or after this moment (ISO 8601). */
  since?: string;
}

/** What a new issue is made with. */
export interface NewIssue {
  title: string;
  body: string;
  labels: string[];
}

/** What an update of an issue writes: everything the store mirrors. */
export interface IssuePatch {
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  state_reason?: 'completed' | 'not_planned';
}

/** The REST calls, each within a deadline (milliseconds on the store's clock) where it takes one. */
export interface GitHubHelper extends GitData {
  /** The pages of a listing of issues, following GitHub's `Link: <…>; rel="next"`. */
  issuePages(listing: IssueListing, deadline: number): AsyncGenerator<IssueItem[]>;
  /** One issue, or undefined when it does not exist (404) or was deleted (410). */
  getIssue(number: number, deadline: number): Promise<IssueItem | undefined>;
  /** Creates an issue and gives its number. */
  createIssue(issue: NewIssue, deadline: number): Promise<number>;
  patchIssue(number: number, patch: IssuePatch, deadline: number): Promise<void>;
  /** All comments of an issue, oldest first. */
  listComments(number: number, deadline: number): Promise<CommentItem[]>;
  createComment(number: number, body: string, deadline: number): Promise<void>;
  deleteComment(id: number, deadline: number): Promise<void>;
  /** All labels of the repository (no deadline: `klachten setup` runs without one). */
  listLabels(): Promise<LabelItem[]>;
  createLabel(definition: LabelDefinition): Promise<void>;
  /** Renames (to the definition's spelling) and recolours the label now called `name`. */
  updateLabel(name: string, definition: LabelDefinition): Promise<void>;
  /**
   * Deletes an issue with its comments (GraphQL `deleteIssue`; the token needs Administration:
   * write). A refusal is a `forbidden` store error, an unknown id `not-found`. No deadline: only
   * the retention and erase commands call it.
   */
  deleteIssue(nodeId: string): Promise<void>;
  /**
   * Pins an issue to the top of the repository's issue list (GraphQL `pinIssue`; the REST API
   * cannot). No deadline: only the workload's first publication calls it.
   */
  pinIssue(nodeId: string): Promise<void>;
  /** The files of a folder on the default branch, with their blob sha; none when it is missing. */
  listFolder(path: string): Promise<FileItem[]>;
  /** A blob (a file's content by its sha, as `listFolder` gives it) as text: up to 100 MB, where the contents API stops at 1 MB. */
  readBlob(sha: string): Promise<string>;
  /**
   * Writes several files (`text`) and deletes others (`null`) in one commit on the default branch,
   * through the Git data API (blobs, a tree, a commit, then the branch moved forward). The branch
   * moves only from the commit it was read at: a concurrent write is refused (422), never lost.
   */
  commitFiles(files: ReadonlyArray<{ path: string; text: string | null }>, message: string): Promise<void>;
}

/** A file in a folder of the repository. */
export interface FileItem {
  name: string;
  path: string;
  sha: string;
}

/** The mutation that deletes an issue; `tests/github-standin/handlers/graphql.ts` knows this shape. */
const deleteIssueMutation = `mutation ($issueId: ID!) {
  deleteIssue(input: { issueId: $issueId }) { clientMutationId }
}`;

/** The mutation that pins an issue; `tests/github-standin/handlers/graphql.ts` knows this shape. */
const pinIssueMutation = `mutation ($issueId: ID!) {
  pinIssue(input: { issueId: $issueId }) { issue { id } }
}`;

/**
 * Makes the REST calls for one repository.
 *
 * @example
 * const github = makeGitHubHelper(octokit, { owner: 'livable', repo: 'klachten' });
 * const number = await github.createIssue({ title, body, labels }, performance.now() + 10_000);
 */
export function makeGitHubHelper(
  octokit: Octokit,
  repository: GitHubRepository,
  clock: () => number = () => performance.now(),
): GitHubHelper {
  const { owner, repo } = repository;

  const budget = (deadline: number): BudgetedRequest => {
    if (clock() >= deadline) throw storeError('budget', 'De tijd voor deze GitHub-opdracht is op.');
    return withBudget(deadline, clock);
  };

  /**
   * One call on this repository within the deadline, resolving to the response's data. Not
   * `async`: `budget` must throw where the call is made (see above).
   */
  const call = (route: string, params: Record<string, unknown>, deadline: number): Promise<unknown> =>
    octokit.request(route, { owner, repo, ...params, request: budget(deadline) }).then(({ data }) => data as unknown);

  /** The pages of a listing; each call within the deadline. */
  async function* pages<T>(route: string, params: Record<string, unknown>, deadline: number): AsyncGenerator<T[]> {
    let response = await octokit.request(route, { ...params, request: budget(deadline) });
    yield response.data as T[];
    for (let next = nextLink(response.headers.link); next !== undefined; next = nextLink(response.headers.link)) {
      response = await octokit.request(`GET ${next}`, { request: budget(deadline) });
      yield response.data as T[];
    }
  }

  return {
    issuePages(listing, deadline) {
      return pages<IssueItem>(
        'GET /repos/{owner}/{repo}/issues',
        {
          owner,
          repo,
          ...(listing.labels === undefined ? {} : { labels: listing.labels }),
          state: listing.state,
          sort: 'created',
          direction: 'desc',
          per_page: 100,
          ...(listing.since === undefined ? {} : { since: listing.since }),
        },
        deadline,
      );
    },

    async getIssue(number, deadline) {
      const route = 'GET /repos/{owner}/{repo}/issues/{issue_number}';
      try {
        return (await call(route, { issue_number: number }, deadline)) as IssueItem;
      } catch (error) {
        if (statusOf(error) === 404 || statusOf(error) === 410) return undefined;
        throw error;
      }
    },

    createIssue(issue, deadline) {
      const { title, body, labels } = issue;
      return call('POST /repos/{owner}/{repo}/issues', { title, body, labels }, deadline).then(
        (data) => (data as { number: number }).number,
      );
    },

    patchIssue(number, patch, deadline) {
      const route = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}';
      return call(route, { issue_number: number, ...patch }, deadline).then(() => undefined);
    },

    async listComments(number, deadline) {
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
    },

    createComment(number, body, deadline) {
      const route = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
      return call(route, { issue_number: number, body }, deadline).then(() => undefined);
    },

    deleteComment(id, deadline) {
      const route = 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}';
      return call(route, { comment_id: id }, deadline).then(() => undefined);
    },

    listLabels() {
      return octokit.paginate('GET /repos/{owner}/{repo}/labels', { owner, repo, per_page: 100 });
    },

    createLabel(definition) {
      return octokit.request('POST /repos/{owner}/{repo}/labels', { owner, repo, ...definition }).then(() => undefined);
    },

    updateLabel(name, definition) {
      return octokit
        .request('PATCH /repos/{owner}/{repo}/labels/{name}', {
          owner,
          repo,
          name,
          new_name: definition.name,
          color: definition.color,
          description: definition.description,
        })
        .then(() => undefined);
    },

    async deleteIssue(nodeId) {
      try {
        await octokit.graphql(deleteIssueMutation, { issueId: nodeId });
      } catch (error) {
        // GraphQL answers 200 with `errors`; their type says what GitHub refused.
        const type = (error as { errors?: Array<{ type?: string }> }).errors?.[0]?.type;
        if (type === 'FORBIDDEN') throw storeError('forbidden', 'GitHub staat het verwijderen van issues niet toe.');
        if (type === 'NOT_FOUND') throw storeError('not-found', 'GitHub kent dit issue niet (meer).');
        throw error;
      }
    },

    async pinIssue(nodeId) {
      await octokit.graphql(pinIssueMutation, { issueId: nodeId });
    },

    async listFolder(path) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path });
        return Array.isArray(data)
          ? data.filter((item) => item.type === 'file').map(({ name, path: at, sha }) => ({ name, path: at, sha }))
          : [];
      } catch (error) {
        if (statusOf(error) === 404) return [];
        throw error;
      }
    },

    async readBlob(sha) {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
        owner,
        repo,
        file_sha: sha,
      });
      return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
    },

    ...makeGitData(call),

    async commitFiles(files, message) {
      const { data: repository } = await octokit.request('GET /repos/{owner}/{repo}', { owner, repo });
      const ref = `heads/${repository.default_branch}`;
      const { data: head } = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner, repo, ref });
      const { data: parent } = await octokit.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
        owner,
        repo,
        commit_sha: head.object.sha,
      });
      const tree = [];
      for (const file of files) {
        if (file.text === null) {
          tree.push({ path: file.path, mode: '100644' as const, type: 'blob' as const, sha: null });
          continue;
        }
        const { data: blob } = await octokit.request('POST /repos/{owner}/{repo}/git/blobs', {
          owner,
          repo,
          content: Buffer.from(file.text, 'utf8').toString('base64'),
          encoding: 'base64',
        });
        tree.push({ path: file.path, mode: '100644' as const, type: 'blob' as const, sha: blob.sha });
      }
      const { data: made } = await octokit.request('POST /repos/{owner}/{repo}/git/trees', {
        owner,
        repo,
        base_tree: parent.tree.sha,
        tree,
      });
      const { data: commit } = await octokit.request('POST /repos/{owner}/{repo}/git/commits', {
        owner,
        repo,
        message,
        tree: made.sha,
        parents: [head.object.sha],
      });
      await octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner, repo, ref, sha: commit.sha });
    },
  };
}

function nextLink(link: string | undefined): string | undefined {
  return /<([^<>]+)>;\s*rel="next"/.exec(link ?? '')?.[1];
}

/**
 * The names of an issue's labels, however the listing spelled them.
 *
 * @example
 * labelNames({ labels: ['klacht', { name: 'spoed' }] }) // ['klacht', 'spoed']
 */
export function labelNames(issue: Pick<IssueItem, 'labels'>): string[] {
  return issue.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))).filter(Boolean);
}
