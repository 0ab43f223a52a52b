import type { Config } from '../config.ts';
import { parseSettings } from '../settings.ts';
import { silentLog, type Log } from '../log.ts';
import type { CaseStore } from '../store.ts';
import { makeGitFolderStore } from './git-folder.ts';
import { makeQueueSetupFromEnv } from '../queue/setup-from-env.ts';

/**
 * Makes the configured store: `KLACHTEN_STORE=git` (default) keeps cases in `$KLACHTEN_DATA_DIR/cases`;
 * `KLACHTEN_STORE=github` keeps them as issues, filed through the intake queue (`KLACHTEN_QUEUE`, docs/github.md).
 *
 * @example
 * const store = makeStoreFromEnv(process.env, config, process.cwd());
 */
export function makeStoreFromEnv(
  env: Record<string, string | undefined>,
  config: Config,
  cwd: string,
  log: Log = silentLog,
): CaseStore {
  const settings = parseSettings(env, cwd);
  // Store first: the intake queue in front of GitHub (cases/queue/), its drainer files at GitHub's pace.
  if (settings.store === 'github') return makeQueueSetupFromEnv(env, config, cwd, log).store;
  return makeGitFolderStore(settings.casesDir);
}
