/**
 * The intake queue's port: what the queued store, the drainer and `klachten sync` ask of the
 * queue, whatever holds it (the file system, Redis, Netlify Blobs; see `unstorage-queue.ts`).
 * Only type imports: the adapters implement it, the users depend on it.
 */
import type { BinaryStore } from '../attachments/binary-store.ts';
import type { QueueEntry, QueuedEntry } from './entry.ts';

/** A claim on one entry: until `until` (ms since the epoch) no other drainer gets it. */
export interface Lease {
  reference: string;
  /** Who holds it: random per claim, so a release never frees someone else's claim. */
  owner: string;
  until: number;
}

/** What listing the queue found. */
export interface QueueListing {
  /** Valid entries, queued and filed, oldest first. */
  entries: QueueEntry[];
  /** References of entries that are not valid entries (to be set aside, never lost). */
  corrupt: string[];
}

/** The answer of a read: the entry, nothing, or an entry that does not validate. */
export type EntryRead = { kind: 'entry'; entry: QueueEntry } | { kind: 'missing' } | { kind: 'corrupt' };

/**
 * Who claims, for a process that knows more than the clock: its name goes into the lease's owner
 * (`<holder>/<random>`), and `gone` says of another lease's owner that its process is certainly
 * over (a Node server started again on its seat knows this of its killed predecessor,
 * `owner-leases.ts`), so its unexpired lease may be taken over at once.
 */
export interface ClaimOptions {
  holder?: string;
  gone?: (owner: string) => boolean;
}

/**
 * Keys that one caller at a time can hold, with an expiry: what unstorage's portable interface
 * cannot express (it has no set-if-absent), so each driver brings its own (`exclusive-*.ts`).
 */
export interface ExclusiveKeys {
  /**
   * Sets `key` to `owner` until `until`, only when no holder has it that is unexpired and not
   * `gone`; true when this call got it.
   */
  acquire(key: string, owner: string, until: number, now: number, gone?: (owner: string) => boolean): Promise<boolean>;
  /** Frees `key` when `owner` still holds it. */
  release(key: string, owner: string): Promise<void>;
}

/** The durable intake queue. */
export interface IntakeQueue {
  /** Where the queue lives, for a person: "map /srv/klachten/.data/queue", "Redis op host:6379". */
  readonly description: string;
  /** Writes the entry under its reference in one atomic write; writing the same entry again is harmless. */
  put(entry: QueueEntry): Promise<void>;
  get(reference: string): Promise<EntryRead>;
  /** Every entry, oldest first by the moment the queue took it. */
  list(): Promise<QueueListing>;
  /** Claims an entry for `leaseMs`; undefined when someone else holds it. */
  claim(reference: string, leaseMs: number, options?: ClaimOptions): Promise<Lease | undefined>;
  release(lease: Lease): Promise<void>;
  /**
   * Replaces a queued entry by the note that it is filed (the record leaves the queue);
   * `mailPending` when its mail was not done (see `FiledEntry`).
   */
  markFiled(entry: QueuedEntry, filedAs: string, options?: { mailPending?: boolean }): Promise<void>;
  /** Moves an entry that does not validate out of the way, text unchanged, under `aside:`. */
  setAside(reference: string): Promise<void>;
  /** References of the entries set aside. */
  listAside(): Promise<string[]>;
  /**
   * Removes what the queue holds of this reference's case — the entry and a set-aside copy — for
   * erasure (`klachten erase`, `klachten retention`); true when anything was there. A lease holds
   * no personal data and expires by itself.
   */
  remove(reference: string): Promise<boolean>;
  /** Remembers that a submission with this fingerprint became `reference` (for 24 hours). */
  rememberFingerprint(fingerprint: string, reference: string, receivedAt: string): Promise<void>;
  /** The reference of a submission with this fingerprint received within 24 hours of `receivedAt`. */
  findFingerprint(fingerprint: string, receivedAt: string): Promise<string | undefined>;
  /** Small bookkeeping of the queue itself (the drainer's pace, the last alert), as JSON values. */
  getMeta(name: string): Promise<unknown>;
  setMeta(name: string, value: unknown): Promise<void>;
  /** Removes filed notes and fingerprints older than the resubmission window; returns how many. */
  prune(now: Date): Promise<number>;
  /** Closes connections (Redis); the queue is not used after. */
  close(): Promise<void>;
  /**
   * Bytes beside the entries, binary-safe: the files of queued cases until they are at GitHub,
   * and files chosen on the form and checked at once (`cases/attachments/`). `remove(reference)`
   * drops every key whose second word is that reference.
   */
  readonly binary: BinaryStore;
}
