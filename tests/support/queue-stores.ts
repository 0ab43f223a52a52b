// The stores a queue can live in, for tests that open one store from several instances: a temp
// folder (the fs queue) and a database of a real Redis server; each can list what it holds.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { makeFsQueue, makeQueueFromEnv, redisPrefix } from '../../cases/queue/from-env.ts';
import type { IntakeQueue } from '../../cases/queue/port.ts';

/** One store, opened by as many instances as a test asks for. */
export interface QueueStore {
  open(): IntakeQueue;
  /** Everything the store holds, one `key value` line per key or file, keys as `a:b:c`. */
  dump(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A temp folder holding an fs queue.
 *
 * @example
 * const store = await fsQueueStore('klachten-rate-');
 * const [first, second] = [store.open(), store.open()];
 */
export async function fsQueueStore(prefix: string): Promise<QueueStore> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return {
    open: () => makeFsQueue(dir),
    async dump() {
      const found: string[] = [];
      for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
        if (!entry.isFile()) continue;
        const path = join(entry.parentPath, entry.name);
        found.push(
          `${path
            .slice(dir.length + 1)
            .split('/')
            .join(':')} ${await readFile(path, 'utf8')}`,
        );
      }
      return found;
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * A Redis database (`redis://…/3`), emptied before and after.
 *
 * @example
 * const store = await redisQueueStore(`${redis().url}/3`);
 */
export async function redisQueueStore(url: string): Promise<QueueStore> {
  const admin = new Redis(url);
  await admin.flushdb();
  return {
    open: () => makeQueueFromEnv({ KLACHTEN_QUEUE: url }, '/'),
    async dump() {
      const keys = (await admin.keys('*')).sort();
      return Promise.all(keys.map(async (key) => `${key.slice(redisPrefix.length)} ${await admin.get(key)}`));
    },
    async close() {
      await admin.flushdb();
      admin.disconnect();
    },
  };
}
