/**
 * Git data: blobs, trees and commits, made and read as GitHub does. Two users: a case's files
 * (binary blobs on a ref of their own, checked by the client against Git's own blob SHA, which is
 * what `git hash-object` gives) and the register of a large year (a file over 1 MB has no content
 * in the contents API; `git/get-blob` gives up to 100 MB). Checked as GitHub checks it, enough to
 * catch our mistakes: an unknown SHA is 404 (a blob) or 422 (a tree or parent), a tree entry must
 * be a blob of mode 100644 with a known SHA, or a null SHA that deletes the path; a commit's tree
 * must exist. Trees are flat (a path may hold `/`): the stand-in keeps no subtrees, so the SHA of
 * a tree with folders is not Git's, which no client checks.
 */
import { createHash } from 'node:crypto';
import type { Urls } from '../objects.ts';
import { failed, thrown } from '../reply.ts';
import { gitSha, type CommitState, type RepoState, type TreeEntryState } from '../state.ts';
import { fields, type HandlerDeps, type Handlers } from './context.ts';

/** GitHub's limit on one blob. */
const blobMaxBytes = 100 * 1024 * 1024;

const sha1 = (kind: string, body: Buffer) =>
  createHash('sha1').update(`${kind} ${body.length}\0`).update(body).digest('hex');

/**
 * The SHA of a commit's tree: the one it was made with, or a stand-in SHA for a commit of the
 * contents API (which has files, not a tree).
 *
 * @example
 * treeShaOf(commit) // 40 hex characters
 */
export function treeShaOf(commit: CommitState): string {
  return commit.tree ?? gitSha('tree', commit.sha);
}

/** Git's SHA of a tree: its entries sorted by name, each mode, name and binary SHA. */
function treeSha(entries: readonly TreeEntryState[]): string {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const body = Buffer.concat(
    sorted.map((entry) => Buffer.concat([Buffer.from(`${entry.mode} ${entry.path}\0`), Buffer.from(entry.sha, 'hex')])),
  );
  return sha1('tree', body);
}

// The SHA the contents API gives each content string, so a lookup by SHA hashes a large file once.
const shaOfContent = new Map<string, string>();
function contentSha(content: string): string {
  let sha = shaOfContent.get(content);
  if (sha === undefined) {
    sha = gitSha('blob', content);
    shaOfContent.set(content, sha);
  }
  return sha;
}

/** The bytes of a blob: one made with `git/create-blob`, or a file of any commit. */
function blobBytes(repo: RepoState, sha: string): Buffer | undefined {
  const made = repo.blobs.get(sha);
  if (made !== undefined) return made;
  for (const commit of repo.commits.values()) {
    for (const content of commit.files.values()) if (contentSha(content) === sha) return Buffer.from(content);
  }
  return undefined;
}

/** The entries of a tree: one made with `git/create-tree`, or a commit's. */
function treeEntries(repo: RepoState, sha: string): TreeEntryState[] | undefined {
  const made = repo.trees.get(sha);
  if (made !== undefined) return made;
  for (const commit of repo.commits.values()) {
    if (commit.tree === undefined && treeShaOf(commit) === sha) {
      return [...commit.files].map(([path, content]) => ({
        path,
        mode: '100644',
        type: 'blob',
        sha: contentSha(content),
      }));
    }
  }
  return undefined;
}

const base = (urls: Urls, repo: RepoState) => `${urls.api}/repos/${repo.owner.login}/${repo.name}`;

function treeObject(urls: Urls, repo: RepoState, sha: string, entries: readonly TreeEntryState[]) {
  return {
    sha,
    url: `${base(urls, repo)}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map((entry) => ({
      ...entry,
      size: blobBytes(repo, entry.sha)?.length ?? 0,
      url: `${base(urls, repo)}/git/blobs/${entry.sha}`,
    })),
  };
}

function commitObject(urls: Urls, repo: RepoState, commit: CommitState, now: string) {
  const author = commit.author ?? { name: 'klachten-bot', email: 'klachten-bot@users.noreply.stand-in', date: now };
  const parents = commit.parents ?? (commit.parent === null ? [] : [commit.parent]);
  return {
    sha: commit.sha,
    node_id: Buffer.from(`Commit:${commit.sha}`).toString('base64'),
    url: `${base(urls, repo)}/git/commits/${commit.sha}`,
    html_url: `${urls.web}/${repo.owner.login}/${repo.name}/commit/${commit.sha}`,
    author,
    committer: author,
    message: commit.message,
    tree: { sha: treeShaOf(commit), url: `${base(urls, repo)}/git/trees/${treeShaOf(commit)}` },
    parents: parents.map((parent) => ({
      sha: parent,
      url: `${base(urls, repo)}/git/commits/${parent}`,
      html_url: `${urls.web}/${repo.owner.login}/${repo.name}/commit/${parent}`,
    })),
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
    'git/create-blob': (ctx, repo) => {
      const input = fields(ctx.body);
      const encoding = input['encoding'] ?? 'utf-8';
      if (typeof input['content'] !== 'string' || (encoding !== 'utf-8' && encoding !== 'base64')) {
        return failed(422, 'Invalid request.\n\n"content" wasn\'t supplied.');
      }
      const bytes = Buffer.from(input['content'], encoding === 'base64' ? 'base64' : 'utf8');
      if (bytes.length > blobMaxBytes) return failed(422, 'Blob is too large');
      const sha = sha1('blob', bytes);
      repo.blobs.set(sha, bytes);
      return { status: 201, body: { sha, url: `${base(urls(), repo)}/git/blobs/${sha}` } };
    },

    'git/get-blob': (ctx, repo) => {
      const sha = ctx.params['file_sha'] ?? '';
      const bytes = blobBytes(repo, sha);
      if (bytes === undefined) return failed(404, 'Not Found');
      const body = {
        sha,
        node_id: Buffer.from(`Blob:${sha}`).toString('base64'),
        url: `${base(urls(), repo)}/git/blobs/${sha}`,
        size: bytes.length,
        content: bytes.toString('base64'),
        encoding: 'base64',
      };
      return { status: 200, body };
    },

    'git/create-tree': (ctx, repo) => {
      const input = fields(ctx.body);
      const baseTree = typeof input['base_tree'] === 'string' ? input['base_tree'] : undefined;
      const start = baseTree === undefined ? [] : treeEntries(repo, baseTree);
      if (start === undefined) return failed(422, 'base_tree is not a valid tree oid');
      const entries = new Map(start.map((entry) => [entry.path, entry]));
      for (const item of Array.isArray(input['tree']) ? input['tree'] : []) {
        const { path, mode, type, sha } = fields(item);
        if (typeof path !== 'string' || path === '' || mode !== '100644' || type !== 'blob') {
          throw thrown(failed(422, 'tree entries must be files (mode 100644, type blob)'));
        }
        if (sha === null) {
          entries.delete(path);
          continue;
        }
        if (typeof sha !== 'string' || blobBytes(repo, sha) === undefined) {
          throw thrown(failed(422, `tree.sha ${String(sha)} is not a valid blob`));
        }
        entries.set(path, { path, mode, type, sha });
      }
      const list = [...entries.values()];
      const sha = treeSha(list);
      repo.trees.set(sha, list);
      return { status: 201, body: treeObject(urls(), repo, sha, list) };
    },

    'git/get-tree': (ctx, repo) => {
      const sha = ctx.params['tree_sha'] ?? '';
      const entries = treeEntries(repo, sha);
      return entries === undefined
        ? failed(404, 'Not Found')
        : { status: 200, body: treeObject(urls(), repo, sha, entries) };
    },

    'git/create-commit': (ctx, repo) => {
      const input = fields(ctx.body);
      const tree = typeof input['tree'] === 'string' ? input['tree'] : '';
      const entries = treeEntries(repo, tree);
      if (entries === undefined) return failed(422, 'Tree SHA does not exist');
      const parents = Array.isArray(input['parents']) ? input['parents'].map(String) : [];
      if (parents.length > 1) return failed(422, 'The stand-in makes no merge commits');
      if (parents.some((parent) => !repo.commits.has(parent)))
        return failed(422, 'Parent SHA does not exist or is not a commit object');
      const who = fields(input['author']);
      const date = typeof who['date'] === 'string' ? who['date'] : now();
      const author = { name: String(who['name'] ?? ctx.actor.login), email: String(who['email'] ?? ''), date };
      const message = String(input['message'] ?? '');
      const line = `${author.name} <${author.email}> ${Math.floor(Date.parse(date) / 1000)} +0000`;
      const text = [
        `tree ${tree}`,
        ...parents.map((p) => `parent ${p}`),
        `author ${line}`,
        `committer ${line}`,
        '',
        message,
      ];
      const sha = sha1('commit', Buffer.from(text.join('\n')));
      // The files as text, so the contents API reads a branch moved to this commit.
      const files = new Map(entries.map((entry) => [entry.path, blobBytes(repo, entry.sha)?.toString('utf8') ?? '']));
      repo.commits.set(sha, { sha, parent: parents[0] ?? null, parents, message, files, tree, author });
      return { status: 201, body: commitObject(urls(), repo, repo.commits.get(sha) as CommitState, now()) };
    },

    'git/get-commit': (ctx, repo) => {
      const commit = repo.commits.get(ctx.params['commit_sha'] ?? '');
      return commit ? { status: 200, body: commitObject(urls(), repo, commit, now()) } : failed(404, 'Not Found');
    },

    'git/delete-ref': (ctx, repo) => {
      // GitHub's description gives this operation's 422 no body ("Reference does not exist").
      const ref = `refs/${ctx.params['ref'] ?? ''}`;
      if (ref === `refs/heads/${repo.defaultBranch}` || !repo.refs.delete(ref)) return { status: 422 };
      return { status: 204 };
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
  const seen = new Set<string>();
  const pending = [sha];
  while (pending.length > 0) {
    const at = pending.pop() as string;
    if (at === ancestor) return true;
    if (seen.has(at)) continue;
    seen.add(at);
    const commit = repo.commits.get(at);
    pending.push(...(commit?.parents ?? (commit?.parent ? [commit.parent] : [])));
  }
  return false;
}
