/**
 * Git data: blobs, trees and commits, as the register of a large year is read and written (a file
 * over 1 MB has no content in the contents API; `git/get-blob` gives up to 100 MB). Checked as
 * GitHub checks it, enough to catch our mistakes: an unknown SHA is 404 (a blob) or 422 (a tree
 * or parent), a tree entry must be a blob of mode 100644 with a known SHA, or a null SHA that
 * deletes the path; a commit's tree must exist. Trees are flat (path → content), which is all the
 * stand-in's commits hold.
 */
import { failed, thrown } from '../reply.ts';
import { gitSha, type CommitState, type RepoState } from '../state.ts';
import { fields, type HandlerDeps, type Handlers } from './context.ts';
import type { Urls } from '../objects.ts';

/** GitHub's limit on one blob. */
const blobMaxBytes = 100 * 1024 * 1024;

/**
 * The SHA of a commit's tree.
 *
 * @example
 * treeShaOf(commit) // 40 hex characters
 */
export function treeShaOf(commit: CommitState): string {
  return commit.tree ?? gitSha('tree', commit.sha);
}

// The SHA of every content string seen, so a lookup by SHA hashes a large file once.
const shaOfContent = new Map<string, string>();
function blobSha(content: string): string {
  let sha = shaOfContent.get(content);
  if (sha === undefined) {
    sha = gitSha('blob', content);
    shaOfContent.set(content, sha);
  }
  return sha;
}

/** The content of a blob: one made with `git/create-blob`, or a file of any commit. */
function blobContent(repo: RepoState, sha: string): string | undefined {
  const made = repo.blobs.get(sha);
  if (made !== undefined) return made;
  for (const commit of repo.commits.values()) {
    for (const content of commit.files.values()) if (blobSha(content) === sha) return content;
  }
  return undefined;
}

/** The files of a tree: one made with `git/create-tree`, or a commit's. */
function treeFiles(repo: RepoState, sha: string): Map<string, string> | undefined {
  const made = repo.trees.get(sha);
  if (made !== undefined) return made;
  for (const commit of repo.commits.values()) if (treeShaOf(commit) === sha) return commit.files;
  return undefined;
}

function commitObject(urls: Urls, repo: RepoState, commit: CommitState, at: string) {
  const base = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  const person = { date: at, name: 'klachten-bot', email: 'klachten-bot@users.noreply.stand-in' };
  return {
    sha: commit.sha,
    node_id: Buffer.from(`Commit:${commit.sha}`).toString('base64'),
    url: `${base}/git/commits/${commit.sha}`,
    html_url: `${urls.web}/${repo.owner.login}/${repo.name}/commit/${commit.sha}`,
    author: person,
    committer: person,
    message: commit.message,
    tree: { sha: treeShaOf(commit), url: `${base}/git/trees/${treeShaOf(commit)}` },
    parents:
      commit.parent === null
        ? []
        : [
            {
              sha: commit.parent,
              url: `${base}/git/commits/${commit.parent}`,
              html_url: `${urls.web}/${repo.owner.login}/${repo.name}/commit/${commit.parent}`,
            },
          ],
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

/**
 * The handlers of the Git data operations.
 *
 * @example
 * const handlers = { ...gitDataHandlers({ state, urls }) };
 */
export function gitDataHandlers({ state, urls }: HandlerDeps) {
  const now = () =>
    state
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  return {
    'git/get-blob': (ctx, repo) => {
      const sha = ctx.params['file_sha'] ?? '';
      const content = blobContent(repo, sha);
      if (content === undefined) return failed(404, 'Not Found');
      const base = `${urls().api}/repos/${repo.owner.login}/${repo.name}`;
      return {
        status: 200,
        body: {
          sha,
          node_id: Buffer.from(`Blob:${sha}`).toString('base64'),
          url: `${base}/git/blobs/${sha}`,
          size: Buffer.byteLength(content),
          content: Buffer.from(content).toString('base64'),
          encoding: 'base64',
        },
      };
    },

    'git/create-blob': (ctx, repo) => {
      const input = fields(ctx.body);
      const encoding = input['encoding'] ?? 'utf-8';
      if (typeof input['content'] !== 'string' || (encoding !== 'utf-8' && encoding !== 'base64')) {
        return failed(422, 'Invalid request.');
      }
      const content =
        encoding === 'base64' ? Buffer.from(input['content'], 'base64').toString('utf8') : input['content'];
      if (Buffer.byteLength(content) > blobMaxBytes) return failed(422, 'Blob is too large');
      const sha = blobSha(content);
      repo.blobs.set(sha, content);
      return {
        status: 201,
        body: { sha, url: `${urls().api}/repos/${repo.owner.login}/${repo.name}/git/blobs/${sha}` },
      };
    },

    'git/get-commit': (ctx, repo) => {
      const commit = repo.commits.get(ctx.params['commit_sha'] ?? '');
      return commit ? { status: 200, body: commitObject(urls(), repo, commit, now()) } : failed(404, 'Not Found');
    },

    'git/create-tree': (ctx, repo) => {
      const input = fields(ctx.body);
      const base = typeof input['base_tree'] === 'string' ? treeFiles(repo, input['base_tree']) : new Map();
      if (base === undefined) return failed(422, 'base_tree is not a valid tree oid');
      const files = new Map(base);
      for (const entry of Array.isArray(input['tree']) ? input['tree'] : []) {
        const { path, mode, type, sha } = fields(entry);
        if (typeof path !== 'string' || mode !== '100644' || type !== 'blob') {
          throw thrown(failed(422, 'tree entries must be files (mode 100644, type blob)'));
        }
        if (sha === null) {
          files.delete(path);
          continue;
        }
        const content = typeof sha === 'string' ? blobContent(repo, sha) : undefined;
        if (content === undefined) throw thrown(failed(422, `tree.sha ${String(sha)} is not a valid blob`));
        files.set(path, content);
      }
      const sha = gitSha(
        'tree',
        ...[...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, text]) => `${path}:${blobSha(text)}`),
      );
      repo.trees.set(sha, files);
      const api = `${urls().api}/repos/${repo.owner.login}/${repo.name}`;
      return {
        status: 201,
        body: {
          sha,
          url: `${api}/git/trees/${sha}`,
          truncated: false,
          tree: [...files].map(([path, text]) => ({
            path,
            mode: '100644',
            type: 'blob',
            sha: blobSha(text),
            size: Buffer.byteLength(text),
            url: `${api}/git/blobs/${blobSha(text)}`,
          })),
        },
      };
    },

    'git/create-commit': (ctx, repo) => {
      const input = fields(ctx.body);
      const tree = typeof input['tree'] === 'string' ? input['tree'] : '';
      const files = treeFiles(repo, tree);
      if (files === undefined) return failed(422, 'Tree SHA does not exist');
      const parents = Array.isArray(input['parents']) ? input['parents'].map(String) : [];
      if (parents.length > 1) return failed(422, 'The stand-in makes no merge commits');
      if (parents.some((parent) => !repo.commits.has(parent)))
        return failed(422, 'Parent SHA does not exist or is not a commit object');
      const message = String(input['message'] ?? '');
      const parent = parents[0] ?? null;
      const commit: CommitState = {
        sha: gitSha('commit', parent ?? '', tree, message, now()),
        parent,
        message,
        files,
        tree,
      };
      repo.commits.set(commit.sha, commit);
      return { status: 201, body: commitObject(urls(), repo, commit, now()) };
    },
  } satisfies Handlers;
}

/**
 * Whether `ancestor` is `sha` or one of its parents, however far back: a ref moves without
 * `force` only that way (a fast forward), as on GitHub.
 *
 * @example
 * isAncestor(repo, current, next) // true for a commit made on top of current
 */
export function isAncestor(repo: RepoState, ancestor: string, sha: string): boolean {
  for (let at: string | null = sha; at !== null; at = repo.commits.get(at)?.parent ?? null) {
    if (at === ancestor) return true;
  }
  return false;
}
