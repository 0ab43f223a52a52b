/**
 * An unstorage driver for the queue on the file system. unstorage's own `fs` and `fs-lite` write
 * in place (a crash mid-write leaves half a file) and with the umask's modes (a complaint readable
 * by every local account); this one writes each value to a temporary file (0600) and renames it
 * over the old one, so a reader sees the old value or the new, never a mix, and every folder is
 * 0700 (`private-files.ts`). Keys map to paths as in `fs-lite` (`entry:K-…` → `entry/K-…`).
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { defineDriver } from 'unstorage';
import { ensurePrivateDir, privateFileMode } from '../private-files.ts';

/** Folders this process made private already. */
const madeDirs = new Set<string>();

/** Temporary files start with this; listings skip them. */
const temporaryPrefix = '.tmp-';

/**
 * The path of a key below `base`; refuses a key that would leave it.
 *
 * @example
 * keyPath('/srv/queue', 'entry:K-2026-7QF3M9') // '/srv/queue/entry/K-2026-7QF3M9'
 */
export function keyPath(base: string, key: string): string {
  const path = resolve(base, ...key.split(':'));
  if (path !== base && !path.startsWith(base + sep)) throw new Error(`Ongeldige sleutel in de wachtrij: ${key}`);
  return path;
}

/**
 * Writes `text` at `path` atomically, readable by the service alone; `durable` waits for the disk
 * (fsync) before the rename, so the write survives a power cut, not only a crash.
 *
 * @example
 * await writeAtomically('/srv/queue/entry/K-2026-7QF3M9', '{"v":1,…}');
 */
export async function writeAtomically(path: string, text: string | Uint8Array, durable = true): Promise<void> {
  // Made (0700) once per process: two syscalls less on every write on the intake's path.
  if (!madeDirs.has(dirname(path))) {
    await ensurePrivateDir(dirname(path));
    madeDirs.add(dirname(path));
  }
  const temporary = join(dirname(path), `${temporaryPrefix}${randomUUID()}`);
  try {
    await writeFile(temporary, text, { mode: privateFileMode, flush: durable });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    // The folder went away behind our back (a person cleaned up): make it again, once.
    if (missing(error) && madeDirs.delete(dirname(path))) return writeAtomically(path, text, durable);
    throw error;
  }
}

const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

async function keysBelow(base: string, dir: string): Promise<string[]> {
  const found = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    if (missing(error)) return [];
    throw error;
  });
  const keys: string[] = [];
  for (const item of found) {
    if (item.name.startsWith(temporaryPrefix)) continue;
    const path = join(dir, item.name);
    if (item.isDirectory()) keys.push(...(await keysBelow(base, path)));
    else keys.push(relative(base, path).split(sep).join(':'));
  }
  return keys;
}

/**
 * The driver for a queue folder.
 *
 * @example
 * const storage = createStorage({ driver: privateFsDriver({ base: '/srv/klachten/queue' }) });
 */
export const privateFsDriver = defineDriver((options: { base: string }) => {
  const base = resolve(options.base);
  return {
    name: 'klachten-private-fs',
    options,
    async hasItem(key) {
      return (await readFile(keyPath(base, key), 'utf8').catch(() => undefined)) !== undefined;
    },
    async getItem(key) {
      return readFile(keyPath(base, key), 'utf8').catch((error: unknown) => {
        if (missing(error)) return null;
        throw error;
      });
    },
    async getItemRaw(key) {
      return readFile(keyPath(base, key)).catch((error: unknown) => {
        if (missing(error)) return null;
        throw error;
      });
    },
    setItemRaw(key, value: Uint8Array) {
      return writeAtomically(keyPath(base, key), value, true);
    },
    setItem(key, value) {
      // Entries hold the complaints: on disk before the complainant hears "filed". The rest
      // (resubmission keys, bookkeeping) is rebuilt or harmless when lost, and not worth an fsync
      // each on the intake's path.
      return writeAtomically(keyPath(base, key), value, key.startsWith('entry:'));
    },
    async removeItem(key) {
      await unlink(keyPath(base, key)).catch((error: unknown) => {
        if (!missing(error)) throw error;
      });
    },
    getKeys(prefix) {
      return keysBelow(base, prefix ? keyPath(base, prefix) : base);
    },
    async clear(prefix) {
      madeDirs.clear();
      await rm(prefix ? keyPath(base, prefix) : base, { recursive: true, force: true });
    },
  };
});
