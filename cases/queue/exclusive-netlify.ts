/**
 * Exclusive keys on Netlify Blobs, on the `Store` underneath unstorage's netlify-blobs driver:
 * Netlify's conditional writes (`onlyIfNew`, and `onlyIfMatch` with the blob's ETag to take over an
 * expired lease) let one writer win; unstorage's `setItem` has no condition.
 */
import type { Store } from '@netlify/blobs';
import type { ExclusiveKeys } from './port.ts';

interface Holder {
  owner: string;
  until: number;
}

/**
 * Exclusive keys in a Netlify Blobs store.
 *
 * @example
 * const keys = makeNetlifyExclusiveKeys(driver.getInstance());
 */
export function makeNetlifyExclusiveKeys(store: Store): ExclusiveKeys {
  const path = (key: string) => key.split(':').join('/');
  return {
    async acquire(key, owner, until, now) {
      const holder = JSON.stringify({ owner, until } satisfies Holder);
      const fresh = await store.set(path(key), holder, { onlyIfNew: true });
      if (fresh.modified) return true;
      const current = await store.getWithMetadata(path(key), { type: 'json' });
      if (current === null || (current.data as Holder).until > now || current.etag === undefined) return false;
      const taken = await store.set(path(key), holder, { onlyIfMatch: current.etag });
      return taken.modified;
    },
    async release(key, owner) {
      const current = await store.get(path(key), { type: 'json' });
      if ((current as Holder | null)?.owner === owner) await store.delete(path(key));
    },
  };
}
