/**
 * Picks the Git-folder store's own erasure out of a store the services made, so the commands need
 * not know which store they were given.
 */
import type { CaseStore } from '../store.ts';
import type { GitFolderStore } from '../stores/git-folder.ts';

/**
 * Whether a store is the Git-folder store (with its register and erasure).
 *
 * @example
 * if (isGitFolderStore(store)) await store.erase(['K-2026-7QF3M9'], at, 'verzoek');
 */
export function isGitFolderStore(store: CaseStore): store is GitFolderStore {
  return 'erase' in store && 'register' in store;
}
