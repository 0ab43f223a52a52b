/**
 * The intake queue on unstorage: one key per entry (`entry:<reference>`), one per resubmission key
 * (`fp:<hash>`), the entries set aside (`aside:<reference>`) and a little bookkeeping (`meta:…`).
 * Every value is one JSON text written in one `setItem`, which each driver writes atomically (the
 * file system through `fs-driver.ts`, Redis's `SET`, a blob `PUT`). Leases are the one thing
 * unstorage cannot do portably (no set-if-absent), so the driver's own client does them behind
 * {@link ExclusiveKeys}.
 */
import { randomUUID } from 'node:crypto';
import type { Storage } from 'unstorage';
import { makeBinaryStore } from '../attachments/binary-store.ts';
import { retryWindowDays } from '../mail/due-messages.ts';
import { referencePattern } from '../reference.ts';
import { resubmissionWindowMs } from '../store.ts';
import { parseEntry, type QueueEntry } from './entry.ts';
import type { EntryRead, ExclusiveKeys, IntakeQueue, Lease, QueueListing } from './port.ts';

/** What the adapter needs besides the storage. */
export interface UnstorageQueueOptions {
  exclusive: ExclusiveKeys;
  description: string;
  /** The clock, in ms since the epoch; default `Date.now`. */
  now?: () => number;
  /** Closes the driver's connection, if it has one. */
  dispose?: () => Promise<void>;
}

interface FingerprintNote {
  reference: string;
  receivedAt: string;
}

const fingerprintKey = (fingerprint: string) => `fp:${fingerprint.replace(/[^a-zA-Z0-9]/g, '_')}`;
const referenceOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);

/**
 * Makes the queue on a storage.
 *
 * @example
 * const queue = makeUnstorageQueue(createStorage({ driver: privateFsDriver({ base }) }),
 *   { exclusive: makeFsExclusiveKeys(base), description: `map ${base}` });
 * await queue.put(newEntry(record, new Date()));
 */
export function makeUnstorageQueue(storage: Storage, options: UnstorageQueueOptions): IntakeQueue {
  const now = options.now ?? (() => Date.now());

  async function read(key: string): Promise<EntryRead> {
    const raw = await storage.getItem(key);
    if (raw === null || raw === undefined) return { kind: 'missing' };
    const entry = parseEntry(raw);
    return entry ? { kind: 'entry', entry } : { kind: 'corrupt' };
  }

  const write = (key: string, value: unknown) => storage.setItem(key, JSON.stringify(value));

  async function list(): Promise<QueueListing> {
    const keys = await storage.getKeys('entry');
    const entries: QueueEntry[] = [];
    const corrupt: string[] = [];
    const reads = await Promise.all(keys.map(async (key) => ({ key, found: await read(key) })));
    for (const { key, found } of reads) {
      if (found.kind === 'entry') entries.push(found.entry);
      else if (found.kind === 'corrupt') corrupt.push(referenceOf(key));
    }
    entries.sort((a, b) => Date.parse(a.queuedAt) - Date.parse(b.queuedAt) || a.reference.localeCompare(b.reference));
    return { entries, corrupt: corrupt.sort() };
  }

  return {
    description: options.description,

    put: (entry) => write(`entry:${entry.reference}`, entry),

    get: (reference) => read(`entry:${reference}`),

    list,

    async claim(reference, leaseMs, as = {}) {
      const owner = as.holder === undefined ? randomUUID() : `${as.holder}/${randomUUID()}`;
      const lease: Lease = { reference, owner, until: now() + leaseMs };
      return (await options.exclusive.acquire(`lease:${reference}`, lease.owner, lease.until, now(), as.gone))
        ? lease
        : undefined;
    },

    release: (lease) => options.exclusive.release(`lease:${lease.reference}`, lease.owner),

    markFiled: (entry, filedAs, marks = {}) =>
      write(`entry:${entry.reference}`, {
        v: 1,
        state: 'filed',
        reference: entry.reference,
        queuedAt: entry.queuedAt,
        filedAt: new Date(now()).toISOString(),
        filedAs,
        ...(marks.mailPending === true ? { mailPending: true } : {}),
      } satisfies QueueEntry),

    async setAside(reference) {
      const raw = await storage.getItem(`entry:${reference}`);
      if (raw === null || raw === undefined) return;
      // Kept as text, exactly as found, so a person can repair it; then out of the drainer's way.
      const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
      await write(`aside:${reference}`, { reference, setAsideAt: new Date(now()).toISOString(), text });
      await storage.removeItem(`entry:${reference}`);
    },

    async listAside() {
      return (await storage.getKeys('aside')).map(referenceOf).sort();
    },

    async remove(reference) {
      // A case's bytes (its files waiting for GitHub) hold its reference as their second word.
      const bytes = (await storage.getKeys('bin')).filter((key) => key.split(':')[2] === reference);
      const keys = [`entry:${reference}`, `aside:${reference}`, ...bytes];
      const held = await Promise.all(keys.map((key) => storage.hasItem(key)));
      await Promise.all(keys.map((key) => storage.removeItem(key)));
      return held.some(Boolean);
    },

    rememberFingerprint: (fingerprint, reference, receivedAt) =>
      write(fingerprintKey(fingerprint), { reference, receivedAt } satisfies FingerprintNote),

    async findFingerprint(fingerprint, receivedAt) {
      const note = (await storage.getItem(fingerprintKey(fingerprint))) as FingerprintNote | null;
      if (note === null || typeof note !== 'object' || typeof note.reference !== 'string') return undefined;
      const apart = Math.abs(Date.parse(receivedAt) - Date.parse(note.receivedAt));
      return apart <= resubmissionWindowMs ? note.reference : undefined;
    },

    async getMeta(name) {
      return (await storage.getItem(`meta:${name}`)) ?? undefined;
    },

    setMeta: (name, value) => write(`meta:${name}`, value),

    async prune(at) {
      const oldest = at.getTime() - resubmissionWindowMs;
      let removed = 0;
      for (const key of await storage.getKeys('fp')) {
        const note = (await storage.getItem(key)) as FingerprintNote | null;
        if (note && typeof note === 'object' && Date.parse(note.receivedAt) >= oldest) continue;
        await storage.removeItem(key);
        removed += 1;
      }
      for (const key of await storage.getKeys('meta:receipts')) {
        const kept = await storage.getItem(key);
        if (Array.isArray(kept) && kept.some((moment) => typeof moment === 'number' && moment >= oldest)) continue;
        await storage.removeItem(key);
        removed += 1;
      }
      // The shared rate limit's notes (`rate-limiter.ts`, also the mail budget's) and the
      // honeypot's (site/server/honeypot-memory.ts) say when they expire.
      for (const key of [...(await storage.getKeys('meta:rate')), ...(await storage.getKeys('meta:honeypot'))]) {
        const note = (await storage.getItem(key)) as { expiresAt?: unknown } | null;
        if (note && typeof note === 'object' && typeof note.expiresAt === 'number' && note.expiresAt > at.getTime())
          continue;
        await storage.removeItem(key);
        removed += 1;
      }
      // The mail senders' lease notes (`owner-leases.ts`), once their lease ran out.
      for (const key of await storage.getKeys('meta:owner')) {
        const note = (await storage.getItem(key)) as { until?: unknown } | null;
        if (note && typeof note === 'object' && typeof note.until === 'number' && note.until > at.getTime()) continue;
        await storage.removeItem(key);
        removed += 1;
      }
      // Expired leases of cases no longer queued (Netlify Blobs keeps a released lease as an
      // expired holder; the file system and Redis remove theirs). Only case leases: a rate
      // limit's lease (`rate-…`) is not a case, and stays as its driver leaves it.
      for (const key of await storage.getKeys('lease')) {
        const reference = referenceOf(key);
        if (!referencePattern.test(reference)) continue;
        const holder = (await storage.getItem(key)) as { until?: unknown } | null;
        if (!holder || typeof holder !== 'object' || typeof holder.until !== 'number' || holder.until > at.getTime())
          continue;
        const found = await read(`entry:${reference}`);
        if (found.kind === 'entry' && found.entry.state === 'queued') continue;
        await storage.removeItem(key);
        removed += 1;
      }
      const { entries } = await list();
      // A filed note whose mail is pending stays while that mail is still sent (30 days).
      const oldestPending = at.getTime() - retryWindowDays * 24 * 60 * 60_000;
      for (const entry of entries) {
        if (entry.state !== 'filed' || Date.parse(entry.filedAt) >= oldest) continue;
        if (entry.mailPending === true && Date.parse(entry.filedAt) >= oldestPending) continue;
        await storage.removeItem(`entry:${entry.reference}`);
        removed += 1;
      }
      return removed;
    },

    async close() {
      await options.dispose?.();
    },

    binary: makeBinaryStore(storage, 'bin'),
  };
}
