/**
 * Erasure that really erases, in a Git folder: every version of a case file is removed from the
 * whole history, the messages of the case's commits lose everything but their first line, and
 * whatever is no longer reachable is pruned from the object store.
 *
 * Why rewrite the history rather than keep personal data out of it: the Git folder promises
 * "every change a commit" (the audit trail of a case: who moved it, when), and folders written
 * before the register already hold personal data in their history, which a split into a
 * versioned and an unversioned file would not reach. So the record stays whole and versioned
 * while the case lives, and erasure rewrites history once for all cases erased in one run:
 * `git filter-branch --index-filter` drops the files from every commit, and its `--msg-filter`
 * cuts the message of every commit that names an erased reference to its subject line. The store
 * writes a subject from the move's note alone (reference and move, never what a person typed),
 * but folders written before that carried comments in the message body — an addition of the
 * complainant's, quoted in full — and those must go with the case. The commits stay, so the trail
 * of moves does. Then the backup refs of filter-branch go, the reflog is expired and
 * `git gc --prune=now` deletes every unreachable object, loose or packed.
 * The cost grows with the length of the history (a few seconds per thousand commits), paid by
 * the daily retention job, not by the site. Commit hashes change: a clone or a backup of the
 * folder made before keeps the old objects, and must be replaced too (docs/retention.md).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

type Git = (...args: string[]) => Promise<{ stdout: string }>;

/**
 * The commits whose message names one of these references, each with the message it gets: its
 * first line alone. A message whose body is empty already is left as it is.
 *
 * @example
 * await messagesNaming(git, ['K-2026-7QF3M9']) // Map { 'a1b2…' => 'K-2026-7QF3M9: aanvulling van de klager\n' }
 */
async function messagesNaming(git: Git, references: readonly string[]): Promise<Map<string, string>> {
  const { stdout } = await git('log', '--all', '--format=%H%x00%B%x00%x1e');
  const rewritten = new Map<string, string>();
  for (const record of stdout.split('\x1e')) {
    const [commit = '', message = ''] = record.replace(/^\n/, '').split('\0');
    if (commit === '' || !references.some((reference) => message.includes(reference))) continue;
    const subject = `${message.split('\n', 1)[0] ?? ''}\n`;
    if (subject !== message.replace(/\n+$/, '\n')) rewritten.set(commit, subject);
  }
  return rewritten;
}

/**
 * Removes these files (case files, by name relative to the folder) from every commit of the
 * repository in `dir`, and prunes every object that is no longer reachable.
 *
 * @example
 * await purgeFromHistory('.data/cases', ['K-2026-7QF3M9.md']);
 */
export async function purgeFromHistory(dir: string, names: readonly string[]): Promise<void> {
  // The names go into a shell snippet that filter-branch evaluates: allow case files (and a
  // case's folder of files, `bijlagen/<reference>`) only.
  for (const name of names) {
    if (!/^(?:bijlagen\/)?K-\d{4}-[0-9A-Z-]+(?:\.md)?$/.test(name)) throw new Error(`Geen dossierbestand: ${name}`);
  }
  // The new message of every commit that names an erased case, one file per commit, read by the
  // message filter (a shell snippet cannot safely carry text). Only subject lines go in them.
  const messages = await mkdtemp(join(tmpdir(), 'klachten-purge-'));
  const git: Git = (...args) =>
    run('sh', ['-c', 'umask 077 && exec git "$@"', 'git', ...fixedConfig, ...args], {
      cwd: dir,
      env: { ...process.env, FILTER_BRANCH_SQUELCH_WARNING: '1', KLACHTEN_MESSAGES: messages },
      maxBuffer: 256 * 1024 * 1024,
    });
  // The cases' references (not the folders of their files), for the messages that name them.
  const references = names.filter((name) => name.endsWith('.md')).map((name) => name.replace(/\.md$/, ''));
  // filter-branch refuses a working copy with changes; a case file edited by hand and not
  // committed is one (`klachten` leaves such a file out, and erasure must still run). Its index
  // entry is marked unchanged for the rewrite, which keeps the file as it is, then unmarked.
  let edited: string[] = [];
  try {
    edited = (await git('diff-files', '--name-only', '-z')).stdout.split('\0').filter(Boolean);
    for (const [commit, message] of await messagesNaming(git, references)) {
      await writeFile(join(messages, commit), message, { mode: 0o600 });
    }
    if (edited.length > 0) await git('update-index', '--assume-unchanged', '--', ...edited);
    await git(
      'filter-branch',
      '--force',
      '--index-filter',
      `git rm -r --cached --ignore-unmatch --quiet -- ${names.join(' ')}`,
      '--msg-filter',
      'if [ -f "$KLACHTEN_MESSAGES/$GIT_COMMIT" ]; then cat "$KLACHTEN_MESSAGES/$GIT_COMMIT"; else cat; fi',
      '--',
      '--all',
    );
  } finally {
    if (edited.length > 0) await git('update-index', '--no-assume-unchanged', '--', ...edited).catch(() => undefined);
    await rm(messages, { recursive: true, force: true });
  }
  const { stdout } = await git('for-each-ref', '--format=%(refname)', 'refs/original/');
  for (const ref of stdout.split('\n').filter(Boolean)) await git('update-ref', '-d', ref);
  await git('reflog', 'expire', '--expire=now', '--expire-unreachable=now', '--all');
  await git('gc', '--prune=now', '--quiet');
}
