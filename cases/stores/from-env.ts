import type { Config } from '../config.ts';
import { parseSettings } from '../settings.ts';
import type { CaseStore } from '../store.ts';
import { makeGitFolderStore } from './git-folder.ts';

/** Records what a store did, without personal data. */
export type Log = (event: string, fields: Record<string, string | number | boolean>) => void;

/**
 * Makes the configured store: `KLACHTEN_STORE=git` (default) keeps cases in `$KLACHTEN_DATA_DIR/cases`.
 *
 * @example
 * const store = makeStoreFromEnv(process.env, config, process.cwd());
 */
export function makeStoreFromEnv(
  env: Record<string, string | undefined>,
  _config: Config,
  cwd: string,
  _log: Log = () => {},
): CaseStore {
  const settings = parseSettings(env, cwd);
  if (settings.store === 'github') {
    throw new Error('KLACHTEN_STORE=github: de GitHub-opslag is nog niet beschikbaar in deze versie.');
  }
  return makeGitFolderStore(settings.casesDir);
}
