/**
 * Work that must not overlap for the same key: two filings of the same reference or fingerprint
 * in one process run one after the other, so the second sees what the first wrote.
 */

/** Runs `work` after earlier work on any of the same keys; work on other keys runs at once. */
export type KeyedQueue = <T>(keys: readonly string[], work: () => Promise<T>) => Promise<T>;

/**
 * Makes a queue per key. A failure of earlier work does not stop later work.
 *
 * @example
 * const serialised = makeKeyedQueue();
 * await serialised([record.reference, record.fingerprint], () => fileOnce(record));
 */
export function makeKeyedQueue(): KeyedQueue {
  const queues = new Map<string, Promise<unknown>>();
  return async <T>(keys: readonly string[], work: () => Promise<T>): Promise<T> => {
    const before = keys.map((key) => queues.get(key) ?? Promise.resolve());
    const run = Promise.all(before.map((promise) => promise.catch(() => undefined))).then(work);
    const settled = run.catch(() => undefined);
    for (const key of keys) queues.set(key, settled);
    try {
      return await run;
    } finally {
      for (const key of keys) if (queues.get(key) === settled) queues.delete(key);
    }
  };
}
