/**
 * Exclusive keys on the file system: a lease is a file that appears whole or not at all — its
 * holder is written to a file of its own first, then hard-linked into place, and `link` fails when
 * the name exists, so the kernel lets exactly one creator make it. (Creating the lease itself with
 * `O_EXCL` and writing into it after would show others an empty file for a moment, which they would
 * take for an expired lease: two holders.) An expired lease (or one whose holder is gone) is taken
 * over by renaming it away first: of two drainers that both see it expired, one rename succeeds and the other finds the file
 * gone, so only one of them gets to create the new one.
 */
import { randomUUID } from 'node:crypto';
import { link, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ensurePrivateDir, privateFileMode } from '../private-files.ts';
import { keyPath } from './fs-driver.ts';
import type { ExclusiveKeys } from './port.ts';

interface Holder {
  owner: string;
  until: number;
}

async function readHolder(path: string): Promise<Holder | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Holder;
  } catch {
    // Not a holder (a file from before leases were linked into place, or a damaged disk): as good as expired.
    return { owner: '', until: 0 };
  }
}

async function create(path: string, holder: Holder): Promise<boolean> {
  // Named like the driver's own temporary files, which no listing of keys shows.
  const whole = join(dirname(path), `.tmp-${randomUUID()}`);
  const file = await open(whole, 'wx', privateFileMode);
  try {
    await file.writeFile(JSON.stringify(holder));
  } finally {
    await file.close();
  }
  try {
    await link(whole, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(whole).catch(() => undefined);
  }
}

/**
 * Exclusive keys as files below `base`.
 *
 * @example
 * const keys = makeFsExclusiveKeys('/srv/klachten/queue');
 * await keys.acquire('lease:K-2026-7QF3M9', owner, Date.now() + 60_000, Date.now()) // true once
 */
export function makeFsExclusiveKeys(base: string): ExclusiveKeys {
  return {
    async acquire(key, owner, until, now, gone) {
      const path = keyPath(base, key);
      await ensurePrivateDir(dirname(path));
      if (await create(path, { owner, until })) return true;
      const holder = await readHolder(path);
      if (holder !== undefined && holder.until > now && gone?.(holder.owner) !== true) return false;
      const away = `${path}.expired-${randomUUID()}`;
      try {
        await rename(path, away);
      } catch {
        return false; // another taker renamed it first (or its holder released it): try again later
      }
      await rm(away, { force: true });
      return create(path, { owner, until });
    },
    async release(key, owner) {
      const path = keyPath(base, key);
      const holder = await readHolder(path);
      // Between this read and the unlink an expired lease could change hands; leases outlast the
      // work they guard by far, so a holder releasing late is the only way, and it is harmless.
      if (holder?.owner === owner) await unlink(path).catch(() => undefined);
    },
  };
}
