/**
 * A case's files on GitHub: in the private case repository, on one ref per case,
 * `refs/heads/bijlagen/<reference>`, written with the Git Data API — a blob per file, one tree,
 * one commit, the ref — so no file ever lands on the default branch, and erasure deletes one ref.
 * The issue lists the files with links into that ref, which only the repository's members can
 * open (`readable-copy.ts`).
 *
 * Writing is safe to repeat after an ambiguous failure: blobs and trees are addressed by their
 * content, the commit's moment is fixed (the same commit gets the same SHA), and a file already on
 * the ref with the same bytes is not written again. Each blob GitHub makes is checked against the
 * SHA Git gives those bytes, so what is kept is exactly what was cleaned.
 */
import { createHash } from 'node:crypto';
import type { CaseFile } from '../../attachments/record.ts';
import { taggedError } from '../../errors.ts';
import { statusOf } from './failures.ts';
import type { GitData } from './git-data.ts';
import type { GitHubRepository } from './client.ts';

/**
 * The ref of a case's files, as the Git Data API names it (without `refs/`).
 *
 * @example
 * filesRef('K-2026-7QF3-M9XA') // 'heads/bijlagen/K-2026-7QF3-M9XA'
 */
export function filesRef(reference: string): string {
  return `heads/bijlagen/${reference}`;
}

/**
 * The SHA Git gives a blob of these bytes.
 *
 * @example
 * gitBlobSha(new TextEncoder().encode('hallo\n')) // the same as `git hash-object`
 */
export function gitBlobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/**
 * How many content writes storing `count` new files costs: a blob each, the tree, the commit, the ref.
 *
 * @example
 * filesWrites(3) // 6
 */
export function filesWrites(count: number): number {
  return count === 0 ? 0 : count + 3;
}

/**
 * The address of a kept file on GitHub's web site, for the issue: only members of the private
 * repository can open it. The web address follows from the API's (`api.github.com` →
 * `github.com`; GitHub Enterprise Server's `…/api/v3` → its host).
 *
 * @example
 * fileLink('https://api.github.com', { owner: 'livable', repo: 'klachten' }, 'K-2026-7QF3-M9XA', 'bijlage-1.jpg')
 * // 'https://github.com/livable/klachten/blob/bijlagen/K-2026-7QF3-M9XA/bijlage-1.jpg'
 */
export function fileLink(apiUrl: string, repository: GitHubRepository, reference: string, name: string): string {
  const web = apiUrl
    .replace(/\/+$/, '')
    .replace('://api.', '://')
    .replace(/\/api\/v3$/, '');
  return `${web}/${repository.owner}/${repository.repo}/blob/bijlagen/${reference}/${name}`;
}

/** The files of the cases in one repository. */
export interface GitHubCaseFiles {
  /** Puts these files on the case's ref (on top of what it holds); gives the writes it made. */
  write(reference: string, files: readonly CaseFile[], at: string, deadline: number): Promise<number>;
  /** A kept file's bytes, or undefined. */
  read(reference: string, name: string, deadline: number): Promise<Uint8Array | undefined>;
  /** Deletes the case's ref; false when it had none. */
  erase(reference: string, deadline: number): Promise<boolean>;
}

/**
 * The case files on the Git Data calls of one repository.
 *
 * @example
 * const files = makeGitHubCaseFiles(makeGitHubHelper(octokit, repository));
 * await files.write('K-2026-7QF3-M9XA', namedFiles, record.receivedAt, deadline);
 */
export function makeGitHubCaseFiles(github: GitData): GitHubCaseFiles {
  async function onRef(reference: string, deadline: number) {
    const head = await github.getRef(filesRef(reference), deadline);
    const tree = head === undefined ? undefined : await github.getCommitTree(head, deadline);
    const files = tree === undefined ? [] : await github.getTree(tree, deadline);
    return { head, tree, files };
  }

  async function write(
    reference: string,
    files: readonly CaseFile[],
    at: string,
    deadline: number,
    again = true,
  ): Promise<number> {
    const current = await onRef(reference, deadline);
    const missing = files.filter(
      (file) => current.files.find((held) => held.path === file.record.name)?.sha !== gitBlobSha(file.bytes),
    );
    if (missing.length === 0) return 0;
    const entries = [];
    for (const file of missing) {
      const sha = await github.createBlob(file.bytes, deadline);
      if (sha !== gitBlobSha(file.bytes))
        throw taggedError('blob-mismatch', `GitHub bewaarde ${file.record.name} anders.`);
      entries.push({ path: file.record.name, sha });
    }
    const tree = await github.createTree(entries, current.tree, deadline);
    const parents = current.head === undefined ? [] : [current.head];
    const commit = await github.createCommit({ message: `${reference}: bijlagen`, tree, parents, date: at }, deadline);
    try {
      await github.setRef(filesRef(reference), commit, current.head !== undefined, deadline);
    } catch (error) {
      // Another drainer (or an earlier attempt whose answer got lost) moved the ref meanwhile:
      // look again, once; what is there already is not written twice.
      if (!again || (statusOf(error) !== 422 && statusOf(error) !== 409)) throw error;
      return missing.length + 3 + (await write(reference, files, at, deadline, false));
    }
    return missing.length + 3;
  }

  return {
    write: (reference, files, at, deadline) => write(reference, files, at, deadline),
    async read(reference, name, deadline) {
      const { files } = await onRef(reference, deadline);
      const found = files.find((file) => file.path === name);
      return found === undefined ? undefined : github.getBlob(found.sha, deadline);
    },
    erase: (reference, deadline) => github.deleteRef(filesRef(reference), deadline),
  };
}
