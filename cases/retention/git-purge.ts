/**
 * Erasure that really erases, in a Git folder: every version of a case file is removed from the
 * whole history, and whatever is no longer reachable is pruned from the object store.
 *
 * Why rewrite the history rather than keep personal data out of it: the Git folder promises
 * "every change a commit" (the audit trail of a case: who moved it, when), and folders written
 * before the register already hold personal data in their history, which a split into a
 * versioned and an unversioned file would not reach. So the record stays whole and versioned
 * while the case lives, and erasure rewrites history once for all cases erased in one run:
 * `git filter-branch --index-filter` drops the files from every commit (the commits stay, with
 * their messages, which never hold personal data), then the backup refs of filter-branch go, the
 * reflog is expired and `git gc --prune=now` deletes every unreachable object, loose or packed.
 * The cost grows with the length of the history (a few seconds per thousand commits), paid by
 * the daily retention job, not by the site. Commit hashes change: a clone or a backup of the
 * folder made before keeps the old objects, and must be replaced too (docs/retention.md).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fixedGitConfig } from '../stores/git.ts';

const run = promisify(execFile);

const fixedConfig = [
  ...fixedGitConfig,
  // Keep nothing for later: unreachable objects and reflog entries go at once.
  '-c',
  'gc.reflogExpire=now',
  '-c',
  'gc.reflogExpireUnreachable=now',
  '-c',
  'gc.pruneExpire=now',
];

/**
 * Removes these files (case files, by name relative to the folder) from every commit of the
 * repository in `dir`, and prunes every object that is no longer reachable.
 *
 * @example
 * await purgeFromHistory('.data/cases', ['K-2026-7QF3M9.md']);
 */
export async function purgeFromHistory(dir: string, names: readonly string[]): Promise<void> {
  // The names go into a shell snippet that filter-branch evaluates: allow case files only.
  for (const name of names) {
    if (!/^K-\d{4}-[0-9A-Z-]+\.md$/.test(name)) throw new Error(`Geen dossierbestand: ${name}`);
  }
  const git = (...args: string[]) =>
    run('sh', ['-c', 'umask 077 && exec git "$@"', 'git', ...fixedConfig, ...args], {
      cwd: dir,
      env: { ...process.env, FILTER_BRANCH_SQUELCH_WARNING: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  await git(
    'filter-branch',
    '--force',
    '--index-filter',
    `git rm --cached --ignore-unmatch --quiet -- ${names.join(' ')}`,
    '--',
    '--all',
  );
  const { stdout } = await git('for-each-ref', '--format=%(refname)', 'refs/original/');
  for (const ref of stdout.split('\n').filter(Boolean)) await git('update-ref', '-d', ref);
  await git('reflog', 'expire', '--expire=now', '--expire-unreachable=now', '--all');
  await git('gc', '--prune=now', '--quiet');
}
