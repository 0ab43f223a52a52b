import type { Config } from '../config.ts';
import { parseSettings } from '../settings.ts';
import { silentLog, type Log } from '../log.ts';
import type { CaseStore, UnreadableCase } from '../store.ts';
import { makeGitFolderStore } from './git-folder.ts';
import { makeQueueSetupFromEnv } from '../queue/setup-from-env.ts';

/** What the caller of {@link makeStoreFromEnv} may add. */
export interface StoreFromEnvOptions {
  /**
   * Told of each case a listing leaves out because it cannot be read; default a log line
   * `store.case-unreadable` naming the file or issue and the reason's code.
   */
  onUnreadable?: (unreadable: UnreadableCase) => void;
}

/**
 * The default for `onUnreadable`: one log line, the place and the code, nothing of the content.
 *
 * @example
 * logUnreadable(log)({ where: 'K-2026-7QF3-M9XA.md', code: 'not-yaml', reason: '…' })
 */
export function logUnreadable(log: Log): (unreadable: UnreadableCase) => void {
  return (unreadable) => log('store.case-unreadable', { where: unreadable.where, error: unreadable.code });
}

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
  options: StoreFromEnvOptions = {},
): CaseStore {
  const settings = parseSettings(env, cwd);
  const onUnreadable = options.onUnreadable ?? logUnreadable(log);
  // Store first: the intake queue in front of GitHub (cases/queue/), its drainer files at GitHub's pace.
  if (settings.store === 'github') return makeQueueSetupFromEnv(env, config, cwd, log, { onUnreadable }).store;
  return makeGitFolderStore(settings.casesDir, { onUnreadable });
}
