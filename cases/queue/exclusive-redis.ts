/**
 * Exclusive keys on Redis, on the ioredis client underneath unstorage's redis driver: `SET key
 * owner PX ttl NX` is Redis's own atomic set-if-absent with expiry, and a release deletes the key
 * only when it still holds our owner (one Lua script, so nothing runs between the check and the
 * delete); a lease whose holder is gone is taken over the same way. unstorage offers neither: its
 * `setItem` always overwrites.
 */
import type { Redis } from 'ioredis';
import type { ExclusiveKeys } from './port.ts';

const releaseScript = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
/** Takes the key over from the holder named, only if that one still holds it. */
const takeOverScript = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) else return false end`;

/**
 * Exclusive keys on a Redis connection, under `prefix` (the queue's keys prefix).
 *
 * @example
 * const keys = makeRedisExclusiveKeys(driver.getInstance(), 'klachten:');
 */
export function makeRedisExclusiveKeys(client: Redis, prefix: string): ExclusiveKeys {
  return {
    async acquire(key, owner, until, now, gone) {
      const ttl = Math.max(1, Math.ceil(until - now));
      if ((await client.set(`${prefix}${key}`, owner, 'PX', ttl, 'NX')) === 'OK') return true;
      if (gone === undefined) return false;
      // Held: by someone whose process is over? Then taken over from exactly that holder.
      const holder = await client.get(`${prefix}${key}`);
      if (holder === null || !gone(holder)) return false;
      return (await client.eval(takeOverScript, 1, `${prefix}${key}`, holder, owner, String(ttl))) === 'OK';
    },
    async release(key, owner) {
      await client.eval(releaseScript, 1, `${prefix}${key}`, owner);
    },
  };
}
