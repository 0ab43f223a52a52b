/**
 * The Git Data calls of the GitHub helper (`github-helper.ts`, which spreads them into itself, so
 * every call still goes through its one `call` with the deadline): refs, blobs, trees and commits,
 * for a case's files on a ref of their own (`case-files.ts`). Apart only to keep files short.
 */
import { statusOf } from './failures.ts';

/** The helper's one call: a route with its parameters, within a deadline, giving the data. */
export type Call = (route: string, params: Record<string, unknown>, deadline: number) => Promise<unknown>;

/** The Git Data calls, each within a deadline. */
export interface GitData {
  /** The commit a ref (`heads/…`) points at, or undefined when there is no such ref. */
  getRef(ref: string, deadline: number): Promise<string | undefined>;
  /** Points a ref at a commit: creates it, or moves it forward (never forced). */
  setRef(ref: string, sha: string, exists: boolean, deadline: number): Promise<void>;
  /** Deletes a ref; false when there was none. */
  deleteRef(ref: string, deadline: number): Promise<boolean>;
  /** A blob of these bytes; gives its SHA. */
  createBlob(bytes: Uint8Array, deadline: number): Promise<string>;
  getBlob(sha: string, deadline: number): Promise<Uint8Array>;
  /** A tree of files (path → blob SHA) on top of `base`; gives its SHA. */
  createTree(files: readonly GitFile[], base: string | undefined, deadline: number): Promise<string>;
  /** The files of a tree (one level). */
  getTree(sha: string, deadline: number): Promise<GitFile[]>;
  /** A commit of a tree, at a fixed moment (the same commit again gets the same SHA); gives its SHA. */
  createCommit(commit: NewCommit, deadline: number): Promise<string>;
  /** The tree of a commit. */
  getCommitTree(sha: string, deadline: number): Promise<string>;
}

/** A file in a Git tree. */
export interface GitFile {
  path: string;
  sha: string;
}

/** What a commit is made of. */
export interface NewCommit {
  message: string;
  tree: string;
  parents: string[];
  /** ISO 8601; author and committer both. */
  date: string;
}

/** The author and committer of the tooling's commits. */
const tooling = { name: 'Klachtenloket', email: 'klachtenloket@users.noreply.github.com' };

/** A ref as the Git Data API returns it. */
interface GitObject {
  object: { sha: string };
}

/**
 * The Git Data calls on one repository's `call`.
 *
 * @example
 * const git = makeGitData(call);
 * await git.createBlob(bytes, deadline);
 */
export function makeGitData(call: Call): GitData {
  return {
    async getRef(ref, deadline) {
      try {
        const data = (await call('GET /repos/{owner}/{repo}/git/ref/{ref}', { ref }, deadline)) as GitObject;
        return data.object.sha;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },

    setRef(ref, sha, exists, deadline) {
      return (
        exists
          ? call('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ref, sha, force: false }, deadline)
          : call('POST /repos/{owner}/{repo}/git/refs', { ref: `refs/${ref}`, sha }, deadline)
      ).then(() => undefined);
    },

    async deleteRef(ref, deadline) {
      try {
        await call('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { ref }, deadline);
        return true;
      } catch (error) {
        // GitHub answers 422 ("Reference does not exist") or 404 for a ref that is not there.
        if (statusOf(error) === 404 || statusOf(error) === 422) return false;
        throw error;
      }
    },

    createBlob(bytes, deadline) {
      const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
      return call('POST /repos/{owner}/{repo}/git/blobs', { content, encoding: 'base64' }, deadline).then(
        (data) => (data as { sha: string }).sha,
      );
    },

    getBlob(sha, deadline) {
      return call('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { file_sha: sha }, deadline).then((data) => {
        const blob = data as { content: string; encoding: string };
        return new Uint8Array(Buffer.from(blob.content, blob.encoding === 'base64' ? 'base64' : 'utf8'));
      });
    },

    createTree(files, base, deadline) {
      const tree = files.map((file) => ({ path: file.path, mode: '100644', type: 'blob', sha: file.sha }));
      const params = { tree, ...(base === undefined ? {} : { base_tree: base }) };
      return call('POST /repos/{owner}/{repo}/git/trees', params, deadline).then(
        (data) => (data as { sha: string }).sha,
      );
    },

    getTree(sha, deadline) {
      return call('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { tree_sha: sha }, deadline).then((data) =>
        (data as { tree: Array<{ path?: string; sha?: string; type?: string }> }).tree.flatMap((item) =>
          item.type === 'blob' && item.path && item.sha ? [{ path: item.path, sha: item.sha }] : [],
        ),
      );
    },

    createCommit(commit, deadline) {
      // GitHub wants `YYYY-MM-DDTHH:MM:SSZ`; the moment is fixed, so the same commit gets the same SHA.
      const who = { ...tooling, date: new Date(commit.date).toISOString().replace(/\.\d{3}Z$/, 'Z') };
      const params = {
        message: commit.message,
        tree: commit.tree,
        parents: commit.parents,
        author: who,
        committer: who,
      };
      return call('POST /repos/{owner}/{repo}/git/commits', params, deadline).then(
        (data) => (data as { sha: string }).sha,
      );
    },

    getCommitTree(sha, deadline) {
      return call('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { commit_sha: sha }, deadline).then(
        (data) => (data as { tree: { sha: string } }).tree.sha,
      );
    },
  };
}
