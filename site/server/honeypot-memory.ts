// What the honeypot remembers of the forms it took in, so that the same form sent twice gets the
// same reference a second time, as on the real path (cases/store.ts, `findResubmission`): only a
// form's fingerprint with the reference it was given and when, for the resubmission window. No
// field of the form is kept. With the queue the notes are in its storage (`meta:honeypot:<hash>`,
// pruned by the queue like its other notes), so every instance answers alike; otherwise in this
// process's memory, at most `maxNotes` of them.
import { resubmissionWindowMs } from '../../cases/store.ts';
import type { IntakeQueue } from '../../cases/queue/port.ts';

/** A form the honeypot took in: the reference it answered with, and when. */
export interface HoneypotNote {
  reference: string;
  receivedAt: string;
}

/** The port. */
export interface HoneypotMemory {
  /** The note of a form with this fingerprint taken in within the resubmission window of `receivedAt`. */
  recall(fingerprint: string, receivedAt: string): Promise<HoneypotNote | undefined>;
  remember(fingerprint: string, note: HoneypotNote): Promise<void>;
}

const within = (note: HoneypotNote | undefined, receivedAt: string) =>
  note !== undefined && Math.abs(Date.parse(receivedAt) - Date.parse(note.receivedAt)) <= resubmissionWindowMs
    ? note
    : undefined;

/**
 * The memory of one process: the newest `maxNotes` notes, none older than the window.
 *
 * @example
 * const memory = makeMemoryHoneypotMemory();
 * await memory.remember(record.fingerprint, { reference, receivedAt });
 */
export function makeMemoryHoneypotMemory(maxNotes = 10_000): HoneypotMemory {
  // A Map keeps insertion order: the first key is the oldest note.
  const notes = new Map<string, HoneypotNote>();
  return {
    async recall(fingerprint, receivedAt) {
      return within(notes.get(fingerprint), receivedAt);
    },
    async remember(fingerprint, note) {
      notes.delete(fingerprint);
      notes.set(fingerprint, note);
      for (const [key, held] of notes) {
        if (notes.size <= maxNotes && within(held, note.receivedAt) !== undefined) break;
        notes.delete(key);
      }
    },
  };
}

const noteKey = (fingerprint: string) => `honeypot:${fingerprint.replace(/[^a-zA-Z0-9]/g, '_')}`;

/**
 * The memory in the queue's storage, shared by every instance.
 *
 * @example
 * const memory = makeQueueHoneypotMemory(getQueueSetup()!.queue);
 */
export function makeQueueHoneypotMemory(queue: Pick<IntakeQueue, 'getMeta' | 'setMeta'>): HoneypotMemory {
  return {
    async recall(fingerprint, receivedAt) {
      const note = (await queue.getMeta(noteKey(fingerprint))) as Partial<HoneypotNote> | undefined;
      if (typeof note?.reference !== 'string' || typeof note.receivedAt !== 'string') return undefined;
      return within({ reference: note.reference, receivedAt: note.receivedAt }, receivedAt);
    },
    async remember(fingerprint, note) {
      // `expiresAt` lets the queue's prune drop the note without knowing what it is.
      const expiresAt = Date.parse(note.receivedAt) + resubmissionWindowMs;
      await queue.setMeta(noteKey(fingerprint), { ...note, expiresAt });
    },
  };
}
