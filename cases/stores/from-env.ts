import type { Config } from '../config.ts';
import { parseSettings } from '../settings.ts';
import { silentLog, type Log } from '../log.ts';
import type { CaseStore } from '../store.ts';
import { makeGitFolderStore } from './git-folder.ts';
import { makeGitHubStoresFromEnv } from './github/from-env.ts';

/**
 * Makes the configured store: `KLACHTEN_STORE=git` (default) keeps cases in `$KLACHTEN_DATA_DIR/cases`;
 * `KLACHTEN_STORE=github` keeps them as issues, with that folder as fallback (docs/github.md).
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
  if (settings.store === 'github') return makeGitHubStoresFromEnv(env, config, cwd, log).store;
  return makeGitFolderStore(settings.casesDir);
}
