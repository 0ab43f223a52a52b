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

const isHolder = (value: unknown): value is Holder =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Holder).owner === 'string' &&
  typeof (value as Holder).until === 'number';

/**
 * Exclusive keys in a Netlify Blobs store.
 *
 * @example
 * const keys = makeNetlifyExclusiveKeys(driver.getInstance());
 */
export function makeNetlifyExclusiveKeys(store: Store): ExclusiveKeys {
  const path = (key: string) => key.split(':').join('/');

  async function holderOf(key: string): Promise<Holder | undefined> {
    const found: unknown = await store.get(key, { type: 'json' });
    return isHolder(found) ? found : undefined;
  }

  /** The holder with the ETag to replace it by, the tag read no later than the holder. */
  async function tagged(key: string): Promise<{ holder: Holder | undefined; etag: string } | undefined> {
    const current = await store.getWithMetadata(key, { type: 'json' });
    if (current === null) return undefined;
    if (current.etag) return { holder: isHolder(current.data) ? current.data : undefined, etag: current.etag };
    // `@netlify/blobs`' local BlobsServer (also under `netlify dev`) sends ETags only in listings:
    // the tag first, the holder after, so a write in between fails the condition, never overwritten.
    const listed = (await store.list({ prefix: key })).blobs.find((blob) => blob.key === key);
    return listed?.etag ? { holder: await holderOf(key), etag: listed.etag } : undefined;
  }

  /**
   * Whether the store holds this owner now. `Store.set` with a condition answers `modified: true`
   * to every status but 412, a failure after its retries included, so a won write is read back.
   */
  const holds = async (key: string, owner: string) => (await holderOf(key))?.owner === owner;

  return {
    async acquire(key, owner, until, now) {
      const holder = JSON.stringify({ owner, until } satisfies Holder);
      const fresh = await store.set(path(key), holder, { onlyIfNew: true });
      if (fresh.modified) return holds(path(key), owner);
      const current = await tagged(path(key));
      // A holder that does not parse holds nothing: taken over like an expired one.
      if (current === undefined || (current.holder !== undefined && current.holder.until > now)) return false;
      const taken = await store.set(path(key), holder, { onlyIfMatch: current.etag });
      return taken.modified && holds(path(key), owner);
    },
    async release(key, owner) {
      if (await holds(path(key), owner)) await store.delete(path(key));
    },
  };
}
