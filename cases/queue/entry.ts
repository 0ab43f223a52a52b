/**
 * What one queue entry holds, as a zod schema validated on every read: a complaint waiting for
 * GitHub (`queued`: the whole case record, with its mail delivery state, and the drainer's
 * attempts), or the short note left once it is filed (`filed`: references and moments only, kept
 * for a day so a resubmission and a late reader still find where the case went, and while its
 * mail is pending).
 */
import { z } from 'zod';
import { caseSchema, referenceSchema } from '../case.ts';

const instant = z.iso.datetime({ offset: true });

/** A complaint in the queue, not yet at GitHub. */
export const queuedEntrySchema = z.object({
  v: z.literal(1),
  state: z.literal('queued'),
  reference: referenceSchema,
  /** When the queue took it: the intake's moment, the order the drainer files in. */
  queuedAt: instant,
  record: caseSchema,
  /** How often a drainer claimed it to file it; after one, a filing looks at GitHub first. */
  attempts: z.number().int().nonnegative(),
  /** Bumped by every change of the record, so a reader can tell two versions apart. */
  revision: z.number().int().nonnegative(),
  /** Why the last attempt failed: a code, never a message (messages may quote the case). */
  lastError: z.string().optional(),
});

/** A complaint the drainer filed; the case itself now lives at GitHub only. */
export const filedEntrySchema = z.object({
  v: z.literal(1),
  state: z.literal('filed'),
  reference: referenceSchema,
  queuedAt: instant,
  filedAt: instant,
  /** The reference GitHub holds it under: another one when it was a resubmission filed before. */
  filedAs: referenceSchema,
  /**
   * Filed while its mail was not done (the mail server was down, or an attempt outlived the
   * drainer's grace): the drainer sends what is due at GitHub and then drops this (`drain-mail.ts`).
   */
  mailPending: z.literal(true).optional(),
});

/** Any queue entry. */
export const queueEntrySchema = z.discriminatedUnion('state', [queuedEntrySchema, filedEntrySchema]);

export type QueuedEntry = z.output<typeof queuedEntrySchema>;
export type FiledEntry = z.output<typeof filedEntrySchema>;
export type QueueEntry = z.output<typeof queueEntrySchema>;

/**
 * Reads an entry as storage returned it (text or already parsed JSON); undefined when it is not a
 * valid entry, so the caller can set it aside rather than guess.
 *
 * @example
 * parseEntry(await storage.getItem('entry:K-2026-7QF3M9')) // QueueEntry, or undefined when corrupt
 */
export function parseEntry(raw: unknown): QueueEntry | undefined {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  const result = queueEntrySchema.safeParse(value);
  return result.success ? result.data : undefined;
}

/**
 * A new entry for a case the intake just made.
 *
 * @example
 * newEntry(record, new Date()) // { v: 1, state: 'queued', reference: record.reference, attempts: 0, … }
 */
export function newEntry(record: QueuedEntry['record'], now: Date): QueuedEntry {
  return {
    v: 1,
    state: 'queued',
    reference: record.reference,
    queuedAt: now.toISOString(),
    record,
    attempts: 0,
    revision: 0,
  };
}
