import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A Git working copy, driven through the `git` command line. */
export interface GitRepo {
  readonly dir: string;
  /** Creates the repository when it does not exist yet. */
  init(): Promise<void>;
  /** Stages and commits exactly these paths (relative to the repository). */
  commit(paths: string[], message: string): Promise<void>;
  /** Puts these paths back as the last commit has them (or removes them if they were never committed). */
  restore(paths: string[]): Promise<void>;
  /** The subject lines of the history, newest first. */
  log(): Promise<string[]>;
}

/**
 * The `-c` options every git command of the stores runs with. Identity and signing are fixed per
 * command, so a machine's global git config can neither block a commit (missing user.name, gpg
 * prompts) nor change what is recorded.
 *
 * @example
 * await run('git', [...fixedGitConfig, 'commit', '--quiet', '-m', message], { cwd: dir });
 */
export const fixedGitConfig: readonly string[] = [
  '-c',
  'user.name=Klachtenloket',
  '-c',
  'user.email=klachtenloket@localhost',
  '-c',
  'commit.gpgsign=false',
  '-c',
  'core.hooksPath=/dev/null',
];

/**
 * Makes a handle on the Git repository in `dir`.
 *
 * @example
 * const repo = makeGitRepo('/srv/klachten/.data/cases');
 * await repo.init();
 * await repo.commit(['K-2026-7QF3M9.md'], 'K-2026-7QF3M9: klacht ontvangen');
 */
export function makeGitRepo(dir: string): GitRepo {
  // Under umask 077 whatever the service's own umask: the objects, the index and the commit
  // message file hold personal data and must be readable by the service alone.
  const git = async (...args: string[]) =>
    (await run('sh', ['-c', 'umask 077 && exec git "$@"', 'git', ...fixedGitConfig, ...args], { cwd: dir })).stdout;
  return {
    dir,
    async init() {
      // The folder must be a repository of its own. Inside another one — `.data/` of a fresh clone
      // of this project, which that clone's .gitignore leaves out — rev-parse finds the outer
      // repository, whose `git add` then refuses every case file as ignored.
      const top = await git('rev-parse', '--show-toplevel').then(
        (out) => out.trim(),
        () => undefined,
      );
      if (top !== undefined && (await realpath(top)) === (await realpath(dir))) return;
      await git('init', '--quiet', '--initial-branch=main');
    },
    async commit(paths, message) {
      await git('add', '--', ...paths);
      await git('commit', '--quiet', '--no-verify', '-m', message, '--', ...paths);
    },
    async restore(paths) {
      for (const path of paths) {
        const tracked = await git('ls-files', '--error-unmatch', '--', path).then(
          () => true,
          () => false,
        );
        const committed =
          tracked &&
          (await git('cat-file', '-e', `HEAD:${path}`).then(
            () => true,
            () => false,
          ));
        if (committed) await git('checkout', 'HEAD', '--', path);
        else {
          if (tracked) await git('rm', '--cached', '--quiet', '--force', '--', path);
          await run('rm', ['-f', '--', path], { cwd: dir });
        }
      }
    },
    async log() {
      const out = await git('log', '--format=%s').catch(() => '');
      return out.split('\n').filter(Boolean);
    },
  };
}
