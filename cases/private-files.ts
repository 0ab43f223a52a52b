import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

// Personal data lives in these folders. Modes are set explicitly, not left to the umask: a
// service started with the common umask 022 would otherwise leave every complaint readable by
// every local account.

/** The mode of a folder that holds personal data: the service alone may enter it. */
export const privateDirMode = 0o700;
/** The mode of a file that holds personal data: the service alone may read and write it. */
export const privateFileMode = 0o600;

/**
 * Creates `dir` (and missing parents) and makes sure the folder itself is `0700`, also when it
 * already existed with wider permissions.
 *
 * @example
 * await ensurePrivateDir('/var/lib/klachten/cases');
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: privateDirMode });
  await chmod(dir, privateDirMode);
}

/** A path that others than the service may read, write or enter, with its mode in octal. */
export interface WidePermission {
  path: string;
  mode: string;
}

/**
 * Lists every folder and file below `dir` (itself included) that grants any permission to the
 * group or others, down to `depth` levels below `dir` (default: all), so `klachten` can warn
 * about it. A folder that does not exist lists nothing.
 *
 * @example
 * await findWidePermissions('.data') // [{ path: '.data/cases/K-2026-7QF3M9.md', mode: '644' }]
 * await findWidePermissions('.data', { depth: 1 }) // the folder and what it holds directly
 */
export async function findWidePermissions(dir: string, options: { depth?: number } = {}): Promise<WidePermission[]> {
  const found: WidePermission[] = [];
  const maxDepth = options.depth ?? Number.POSITIVE_INFINITY;
  const visit = async (path: string, depth: number): Promise<void> => {
    const info = await stat(path).catch(() => undefined);
    if (!info) return;
    if ((info.mode & 0o077) !== 0) found.push({ path, mode: (info.mode & 0o777).toString(8) });
    if (!info.isDirectory() || depth >= maxDepth) return;
    for (const name of await readdir(path)) await visit(join(path, name), depth + 1);
  };
  await visit(dir, 0);
  return found;
}
