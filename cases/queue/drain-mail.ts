/**
 * The drainer's mail: whatever drains the queue also sends the messages due for the entries it
 * touches — the receipt above all — so a receipt never waits for the daily run.
 *
 * - Before filing an entry, what is due goes out (through the queued store, as the intake sends
 *   it), so its record travels in the one create call. An attempt another process has
 *   under way is left to it: the entry waits for it, at most the grace time after it began, then
 *   is filed anyway and the mail's bookkeeping follows to GitHub (one more write, only then).
 * - An attempt whose owner is gone (its lease ran out, `cases/mail/attempts.ts`) is not waited
 *   for: its message is due again and goes now.
 * - A case filed while its mail was not done (the mail server down, an attempt past the grace) is
 *   marked `mailPending` on its filed note; later runs send what is due for it at GitHub, and
 *   clear the mark once nothing is left.
 * - Once a send fails for the mail server itself (refused, no answer, no `SMTP_URL`), the run sends
 *   nothing more: the rest is filed without waiting, and the next run tries again.
 *
 * Reads the queue and the owners' leases; writes only through `DrainMail.deliver` and the filed
 * notes' mark.
 */
import { errorCode } from '../errors.ts';
import type { Log } from '../log.ts';
import { attemptsToAsk, attemptsUnderWay, type AttemptOwners } from '../mail/attempts.ts';
import type { DeliveryReport } from '../mail/deliver.ts';
import { dueMessages } from '../mail/due-messages.ts';
import type { Case } from '../case.ts';
import type { FiledEntry } from './entry.ts';
import type { Pacer } from './pacer.ts';
import type { ClaimOptions, IntakeQueue } from './port.ts';

/** How the drainer sends: one case's due messages, through the store the site files into. */
export interface DrainMail {
  /** Sends what is due for this case now and records it; rejects only when mail cannot be made at all (no `SMTP_URL`). */
  deliver(reference: string): Promise<DeliveryReport>;
}

/** What the drainer's mail needs of its run. */
export interface DrainMailContext {
  queue: IntakeQueue;
  mail?: DrainMail | undefined;
  owners?: AttemptOwners | undefined;
  pacer: Pacer;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  log: Log;
  graceMs: number;
  maxPaceWaitMs: number;
  /** The drainer's lease on an entry, held while it sees to a filed case's mail, and how it claims. */
  leaseMs: number;
  claims?: ClaimOptions | undefined;
}

/**
 * Whether a failure code says the mail server (or the mail set-up) is out, rather than this one
 * message: then nothing more is tried in this run.
 *
 * @example
 * mailServerDown('smtp-refused') // true
 * mailServerDown('smtp-rejected') // false: the server refused this message (address unknown), not all
 */
export function mailServerDown(code: string): boolean {
  return code.startsWith('smtp-') && code !== 'smtp-rejected';
}

/** One run's mail. */
export interface RunMail {
  /** Sends what is due for a queued case before it is filed; true when it did anything (read the entry again). */
  beforeFiling(record: Case): Promise<boolean>;
  /** Until when (ms) an attempt under way holds the filing of this case; undefined when nothing does. */
  holdsFiling(record: Case): Promise<number | undefined>;
  /** Whether this case, as filed, still has mail to send or an attempt under way. */
  pending(record: Case): Promise<boolean>;
  /** Sends what is due for cases filed with their mail pending, and clears the mark when done. */
  followUp(notes: readonly FiledEntry[]): Promise<void>;
  /** Messages this run sent. */
  readonly mailed: number;
}

/**
 * Makes the mail of one drainer run.
 *
 * @example
 * const runMail = makeRunMail({ queue, mail, owners, pacer, clock, sleep, log, graceMs: 120_000, maxPaceWaitMs: 60_000 });
 * if (await runMail.beforeFiling(entry.record)) entry = await queue.get(entry.reference);
 */
export function makeRunMail(context: DrainMailContext): RunMail {
  const { queue, mail, owners, log } = context;
  let down: string | undefined;
  let mailed = 0;

  async function running(record: Case): Promise<ReadonlySet<string> | undefined> {
    const asked = attemptsToAsk(record);
    if (owners === undefined) return undefined;
    return asked.length === 0 ? new Set() : owners.stillRunning(asked);
  }

  /** Delivers for one case; notes a mail server that is out. */
  async function deliver(reference: string): Promise<DeliveryReport | undefined> {
    if (mail === undefined || down !== undefined) return undefined;
    let report: DeliveryReport;
    try {
      report = await mail.deliver(reference);
    } catch (error) {
      down = errorCode(error);
      log('queue.mail-unavailable', { error: down });
      return undefined;
    }
    mailed += report.sent;
    const out = report.outcomes.find((outcome) => outcome.result === 'failed' && mailServerDown(outcome.error ?? ''));
    if (out?.error !== undefined) {
      down = out.error;
      log('queue.mail-unavailable', { error: down, reference });
    }
    return report;
  }

  return {
    get mailed() {
      return mailed;
    },

    async beforeFiling(record) {
      if (mail === undefined || down !== undefined) return false;
      const now = new Date(context.clock());
      if (dueMessages(record, now, await running(record)).length === 0) return false;
      await deliver(record.reference);
      return true;
    },

    async holdsFiling(record) {
      const now = new Date(context.clock());
      let until: number | undefined;
      for (const attempt of attemptsUnderWay(record, now, await running(record))) {
        const graceEnds = attempt.startedAt + context.graceMs;
        if (graceEnds <= now.getTime()) continue;
        // Look again when the grace ends, or sooner when the attempt's lease runs out unrenewed.
        const again = attempt.until > now.getTime() ? Math.min(graceEnds, attempt.until) : graceEnds;
        until = Math.min(until ?? again, again);
      }
      return until;
    },

    async pending(record) {
      const now = new Date(context.clock());
      const live = await running(record);
      return dueMessages(record, now, live).length > 0 || attemptsUnderWay(record, now, live).length > 0;
    },

    async followUp(notes) {
      for (const note of notes) {
        if (mail === undefined || down !== undefined) return;
        // These cost GitHub calls (a read, and a write for each message sent): at GitHub's pace.
        const wait = context.pacer.delay();
        if (wait > context.maxPaceWaitMs) return;
        if (wait > 0) await context.sleep(wait);
        // One drainer at a time per case: at GitHub a claim is a read and a write, with nothing
        // in between to stop a second drainer claiming the same message.
        const lease = await queue.claim(note.reference, context.leaseMs, context.claims);
        if (lease === undefined) continue;
        try {
          const report = await deliver(note.filedAs);
          if (report === undefined || report.failed > 0 || report.underWay > 0) continue;
          // Cleared on the note as it is now: it may have been erased or settled meanwhile.
          const found = await queue.get(note.reference);
          if (found.kind !== 'entry' || found.entry.state !== 'filed' || found.entry.mailPending !== true) continue;
          const { mailPending: _done, ...settled } = found.entry;
          await queue.put(settled);
          log('queue.mail-settled', { reference: note.reference, sent: report.sent });
        } finally {
          await queue.release(lease);
        }
      }
    },
  };
}
