// A data folder of a test's own with a Git-folder store in its `cases/`: made before each test,
// removed after, so that no test sees another's cases.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { makeGitFolderStore, type GitFolderStore } from '../../cases/stores/git-folder.ts';

/**
 * Makes a fresh data folder (named after `prefix`) and its store before each test, and removes
 * it after; `onReady` receives both. Call it at the top level of the test file.
 *
 * @example
 * let dataDir: string;
 * let store: GitFolderStore;
 * useTempGitFolder('klachten-requests-', (dir, made) => ((dataDir = dir), (store = made)));
 */
export function useTempGitFolder(prefix: string, onReady: (dataDir: string, store: GitFolderStore) => void): void {
  let dataDir: string | undefined;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), prefix));
    onReady(dataDir, makeGitFolderStore(join(dataDir, 'cases')));
  });
  afterEach(() => (dataDir === undefined ? undefined : rm(dataDir, { recursive: true, force: true })));
}
