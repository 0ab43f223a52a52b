/**
 * Exclusive keys on Netlify Blobs, on the `Store` underneath unstorage's netlify-blobs driver:
 * Netlify's conditional writes (`onlyIfNew`, and `onlyIfMatch` with the blob's ETag to take over an
 * expired lease) let one writer win; unstorage's `setItem` has no condition.
 *
 * A release must free only the releaser's own lease. Netlify has no conditional delete, and a
 * delete after a check frees whatever holds the key by then: a drainer whose lease ran out while
 * it worked would free the lease another drainer took meanwhile, and a third could take it while
 * the second still files. So a release overwrites its own holder, on condition of that holder's
 * ETag, with an expired one (`released`): if someone else took the key since, the ETag differs and
 * nothing changes. The next taker takes the expired holder over like any other; the queue's prune
 * removes what is left of filed cases (`unstorage-queue.ts`).
 */
import type { Store } from '@netlify/blobs';
import type { ExclusiveKeys } from './port.ts';

interface Holder {
  owner: string;
  until: number;
}

/** What a released lease holds: no one, expired since the epoch. */
const released: Holder = { owner: '', until: 0 };

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
    async acquire(key, owner, until, now, gone) {
      const holder = JSON.stringify({ owner, until } satisfies Holder);
      const fresh = await store.set(path(key), holder, { onlyIfNew: true });
      if (fresh.modified) return holds(path(key), owner);
      const current = await tagged(path(key));
      // A holder that does not parse holds nothing: taken over like an expired one, or a gone one.
      const held = current?.holder;
      if (current === undefined || (held !== undefined && held.until > now && gone?.(held.owner) !== true))
        return false;
      const taken = await store.set(path(key), holder, { onlyIfMatch: current.etag });
      return taken.modified && holds(path(key), owner);
    },
    async release(key, owner) {
      const current = await tagged(path(key));
      if (current?.holder?.owner !== owner) return;
      await store.set(path(key), JSON.stringify(released), { onlyIfMatch: current.etag });
    },
  };
}
