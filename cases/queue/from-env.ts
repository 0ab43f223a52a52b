/**
 * The queue `KLACHTEN_QUEUE` names: `fs` (default, the folder `$KLACHTEN_DATA_DIR/queue`), a
 * `redis://` or `rediss://` URL (Redis, Upstash, Valkey: unstorage's redis driver on ioredis), or
 * `netlify-blobs` (unstorage's netlify-blobs driver, the store `klachten-queue` of the site; on
 * Netlify it needs nothing more, elsewhere `NETLIFY_SITE_ID` and `NETLIFY_API_TOKEN`; see
 * `netlify-blobs-access.ts`).
 */
import { join } from 'node:path';
import { createStorage } from 'unstorage';
import { parseSettings } from '../settings.ts';
import { makeFsExclusiveKeys } from './exclusive-fs.ts';
import { makeNetlifyExclusiveKeys } from './exclusive-netlify.ts';
import { makeRedisExclusiveKeys } from './exclusive-redis.ts';
import { privateFsDriver } from './fs-driver.ts';
import { netlifyBlobsAccess } from './netlify-blobs-access.ts';
import type { IntakeQueue } from './port.ts';
import { withQueueCauses } from './queue-failures.ts';
import { makeUnstorageQueue } from './unstorage-queue.ts';

/** The prefix of every queue key in a Redis database, which may hold other things too. */
export const redisPrefix = 'klachten:queue:';

/**
 * Which queue the environment asks for, without connecting: for messages and `--status`.
 *
 * @example
 * queueKind({ KLACHTEN_QUEUE: 'rediss://default:…@eu1.upstash.io:6379' }) // 'redis'
 */
export function queueKind(env: Record<string, string | undefined>): 'fs' | 'redis' | 'netlify-blobs' {
  const value = (env['KLACHTEN_QUEUE'] ?? '').trim();
  if (value === '' || value === 'fs') return 'fs';
  if (value === 'netlify-blobs') return 'netlify-blobs';
  if (/^rediss?:\/\//.test(value) && URL.canParse(value)) return 'redis';
  throw new Error('KLACHTEN_QUEUE: kies "fs", "netlify-blobs" of een redis://- of rediss://-adres.');
}

/**
 * A queue whose driver is loaded on first use: the store is made synchronously at start-up, and
 * Redis or Netlify Blobs bring their client only where they are chosen.
 */
function lazyQueue(description: string, make: () => Promise<IntakeQueue>): IntakeQueue {
  let made: Promise<IntakeQueue> | undefined;
  const ready = () => {
    made ??= make().catch((error: unknown) => {
      made = undefined;
      throw error;
    });
    return made;
  };
  return {
    description,
    put: async (entry) => (await ready()).put(entry),
    get: async (reference) => (await ready()).get(reference),
    list: async () => (await ready()).list(),
    claim: async (reference, leaseMs, as) => (await ready()).claim(reference, leaseMs, as),
    release: async (lease) => (await ready()).release(lease),
    markFiled: async (entry, filedAs, marks) => (await ready()).markFiled(entry, filedAs, marks),
    setAside: async (reference) => (await ready()).setAside(reference),
    listAside: async () => (await ready()).listAside(),
    remove: async (reference) => (await ready()).remove(reference),
    rememberFingerprint: async (fingerprint, reference, receivedAt) =>
      (await ready()).rememberFingerprint(fingerprint, reference, receivedAt),
    findFingerprint: async (fingerprint, receivedAt) => (await ready()).findFingerprint(fingerprint, receivedAt),
    getMeta: async (name) => (await ready()).getMeta(name),
    setMeta: async (name, value) => (await ready()).setMeta(name, value),
    prune: async (now) => (await ready()).prune(now),
    close: async () => {
      if (made) await (await made).close();
    },
    binary: {
      put: async (key, bytes) => (await ready()).binary.put(key, bytes),
      get: async (key) => (await ready()).binary.get(key),
      remove: async (key) => (await ready()).binary.remove(key),
      keys: async (prefix) => (await ready()).binary.keys(prefix),
    },
  };
}

async function makeRedisQueue(url: URL, description: string): Promise<IntakeQueue> {
  const { default: redisDriver } = await import('unstorage/drivers/redis');
  // A command waits for at most two reconnections while the server is away, then fails: the
  // intake then answers 503 and keeps the person's input instead of hanging.
  const driver = redisDriver({
    url: url.href,
    base: redisPrefix.slice(0, -1),
    maxRetriesPerRequest: 2,
    connectTimeout: 5000,
  });
  const client = driver.getInstance?.();
  if (!client) throw new Error('KLACHTEN_QUEUE: de Redis-driver gaf geen verbinding.');
  // Without a listener ioredis prints every failed reconnection as "Unhandled error event: Error…"
  // on stderr. Each command that fails meanwhile is logged by its caller, with its cause code
  // (`queue-unreachable`), which is what a person reading the log needs.
  client.on('error', () => {});
  return makeUnstorageQueue(createStorage({ driver }), {
    exclusive: makeRedisExclusiveKeys(client, redisPrefix),
    description,
    dispose: async () => void (await driver.dispose?.()),
  });
}

async function makeNetlifyQueue(env: Record<string, string | undefined>, description: string): Promise<IntakeQueue> {
  const { default: netlifyDriver } = await import('unstorage/drivers/netlify-blobs');
  // Strong reads: Netlify's default reads from the edge cache can be a minute behind, and a drainer
  // that saw a filed entry still queued would file it twice.
  const driver = netlifyDriver({ name: 'klachten-queue', consistency: 'strong', ...netlifyBlobsAccess(env) });
  const store = driver.getInstance?.();
  if (!store) throw new Error('KLACHTEN_QUEUE: de Netlify Blobs-driver gaf geen opslag.');
  return makeUnstorageQueue(createStorage({ driver }), { exclusive: makeNetlifyExclusiveKeys(store), description });
}

/**
 * Makes the queue the environment names (drivers other than the file system load on first use).
 * Its failures name their cause (`queue-unreachable`, `queue-read-only`: `queue-failures.ts`).
 *
 * @example
 * const queue = makeQueueFromEnv(process.env, process.cwd());
 */
export function makeQueueFromEnv(env: Record<string, string | undefined>, cwd: string): IntakeQueue {
  const kind = queueKind(env);
  if (kind === 'redis') {
    const url = new URL((env['KLACHTEN_QUEUE'] ?? '').trim());
    const description = `Redis op ${url.hostname}:${url.port || '6379'}`;
    return withQueueCauses(lazyQueue(description, () => makeRedisQueue(url, description)));
  }
  if (kind === 'netlify-blobs') {
    const description = 'Netlify Blobs (klachten-queue)';
    return withQueueCauses(lazyQueue(description, () => makeNetlifyQueue(env, description)));
  }
  return makeFsQueue(join(parseSettings(env, cwd).dataDir, 'queue'));
}

/**
 * The queue in a folder: files 0600 in folders 0700, written atomically.
 *
 * @example
 * const queue = makeFsQueue('/srv/klachten/.data/queue');
 */
export function makeFsQueue(base: string): IntakeQueue {
  const queue = makeUnstorageQueue(createStorage({ driver: privateFsDriver({ base }) }), {
    exclusive: makeFsExclusiveKeys(base),
    description: `map ${base}`,
  });
  return withQueueCauses(queue);
}
