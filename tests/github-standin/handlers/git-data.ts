/**
 * Git Data: blobs, trees and commits, made and read as GitHub does, with Git's own object SHAs
 * (a blob's is what `git hash-object` gives), so a client can check what it stored; and deleting
 * a ref. Enough for a case's files on a ref of their own.
 */
import { createHash } from 'node:crypto';
import type { Urls } from '../objects.ts';
import { failed } from '../reply.ts';
import type { RepoState, TreeEntryState } from '../state.ts';
import { fields, type HandlerDeps, type Handlers } from './context.ts';

const sha1 = (kind: string, body: Buffer) =>
  createHash('sha1').update(`${kind} ${body.length}\0`).update(body).digest('hex');

/** Git's SHA of a tree: its entries sorted by name, each mode, name and binary SHA. */
function treeSha(entries: readonly TreeEntryState[]): string {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const body = Buffer.concat(
    sorted.map((entry) => Buffer.concat([Buffer.from(`${entry.mode} ${entry.path}\0`), Buffer.from(entry.sha, 'hex')])),
  );
  return sha1('tree', body);
}

const base = (urls: Urls, repo: RepoState) => `${urls.api}/repos/${repo.owner.login}/${repo.name}`;

function treeObject(urls: Urls, repo: RepoState, sha: string, entries: readonly TreeEntryState[]) {
  return {
    sha,
    url: `${base(urls, repo)}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map((entry) => ({
      ...entry,
      size: repo.blobs.get(entry.sha)?.length ?? 0,
      url: `${base(urls, repo)}/git/blobs/${entry.sha}`,
    })),
  };
}

function commitObject(urls: Urls, repo: RepoState, sha: string) {
  const commit = repo.commits.get(sha);
  const author = commit?.author ?? { name: 'Stand-in', email: 'stand-in@localhost', date: '2026-01-01T00:00:00Z' };
  return {
    sha,
    node_id: Buffer.from(`Commit:${sha}`).toString('base64'),
    url: `${base(urls, repo)}/git/commits/${sha}`,
    html_url: `${urls.web}/${repo.owner.login}/${repo.name}/commit/${sha}`,
    author,
    committer: author,
    message: commit?.message ?? '',
    tree: { sha: commit?.tree ?? '', url: `${base(urls, repo)}/git/trees/${commit?.tree ?? ''}` },
    parents: (commit?.parents ?? []).map((parent) => ({
      sha: parent,
      url: `${base(urls, repo)}/git/commits/${parent}`,
      html_url: `${urls.web}/${repo.owner.login}/${repo.name}/commit/${parent}`,
    })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

/**
 * The handlers of the Git Data operations.
 *
 * @example
 * const handlers = { ...gitDataHandlers({ state, urls }) };
 */
export function gitDataHandlers({ urls }: HandlerDeps) {
  return {
    'git/create-blob': (ctx, repo) => {
      const input = fields(ctx.body);
      if (typeof input['content'] !== 'string') return failed(422, 'Invalid request.\n\n"content" wasn\'t supplied.');
      const bytes = Buffer.from(input['content'], input['encoding'] === 'base64' ? 'base64' : 'utf8');
      const sha = sha1('blob', bytes);
      repo.blobs.set(sha, bytes);
      return { status: 201, body: { sha, url: `${base(urls(), repo)}/git/blobs/${sha}` } };
    },

    'git/get-blob': (ctx, repo) => {
      const sha = ctx.params['file_sha'] ?? '';
      const bytes = repo.blobs.get(sha);
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
      const given = Array.isArray(input['tree']) ? (input['tree'] as Array<Record<string, unknown>>) : [];
      const baseTree = typeof input['base_tree'] === 'string' ? input['base_tree'] : undefined;
      if (baseTree !== undefined && !repo.trees.has(baseTree)) return failed(422, 'Invalid tree info');
      const entries = new Map((baseTree === undefined ? [] : (repo.trees.get(baseTree) ?? [])).map((e) => [e.path, e]));
      for (const item of given) {
        const { path, mode, type, sha } = item;
        if (typeof path !== 'string' || path.includes('/') || mode !== '100644' || type !== 'blob')
          return failed(422, 'Invalid tree info');
        if (typeof sha !== 'string' || !repo.blobs.has(sha)) return failed(422, 'Invalid tree info');
        entries.set(path, { path, mode, type, sha });
      }
      const list = [...entries.values()];
      const sha = treeSha(list);
      repo.trees.set(sha, list);
      return { status: 201, body: treeObject(urls(), repo, sha, list) };
    },

    'git/get-tree': (ctx, repo) => {
      const sha = ctx.params['tree_sha'] ?? '';
      const entries = repo.trees.get(sha);
      return entries === undefined
        ? failed(404, 'Not Found')
        : { status: 200, body: treeObject(urls(), repo, sha, entries) };
    },

    'git/create-commit': (ctx, repo) => {
      const input = fields(ctx.body);
      const tree = String(input['tree'] ?? '');
      const parents = Array.isArray(input['parents']) ? input['parents'].map(String) : [];
      if (!repo.trees.has(tree) || parents.some((parent) => !repo.commits.has(parent)))
        return failed(422, 'Tree SHA does not exist');
      const who = fields(input['author']);
      const date = typeof who['date'] === 'string' ? who['date'] : new Date(0).toISOString();
      const author = { name: String(who['name'] ?? ctx.actor.login), email: String(who['email'] ?? ''), date };
      const message = String(input['message'] ?? '');
      const seconds = Math.floor(Date.parse(date) / 1000);
      const line = `${author.name} <${author.email}> ${seconds} +0000`;
      const text = [
        `tree ${tree}`,
        ...parents.map((p) => `parent ${p}`),
        `author ${line}`,
        `committer ${line}`,
        '',
        message,
      ].join('\n');
      const sha = sha1('commit', Buffer.from(text));
      repo.commits.set(sha, { sha, parent: parents[0] ?? null, parents, message, files: new Map(), tree, author });
      return { status: 201, body: commitObject(urls(), repo, sha) };
    },

    'git/get-commit': (ctx, repo) => {
      const sha = ctx.params['commit_sha'] ?? '';
      return repo.commits.get(sha)?.tree === undefined
        ? failed(404, 'Not Found')
        : { status: 200, body: commitObject(urls(), repo, sha) };
    },

    'git/delete-ref': (ctx, repo) => {
      // GitHub's description gives this operation's 422 no body ("Reference does not exist").
      const ref = `refs/${ctx.params['ref'] ?? ''}`;
      if (ref === `refs/heads/${repo.defaultBranch}` || !repo.refs.delete(ref)) return { status: 422 };
      return { status: 204 };
    },
  } satisfies Handlers;
}
