/**
 * The drainer: files the queue into GitHub, oldest first, at GitHub's pace, each case exactly once.
 *
 * Per entry: claim it (a lease with an expiry, so two drainers — the server's timer and an Action —
 * never hold the same entry, and a drainer that died frees it in time); count the attempt in the
 * entry; file it with `fileQueued` (straight to the create call; after an earlier attempt, which
 * may have landed, it looks for the issue first, and an ambiguous create is reconciled by
 * reference, never repeated blindly); mark the entry filed; release. The receipt travels in the
 * created issue (the case's `messages`), so a complaint costs one content write, plus one per
 * continuation page of a very long one.
 *
 * An entry whose mail is being sent waits for the next run (the receipt's bookkeeping then stays
 * in the queue instead of costing writes at GitHub). A corrupt entry is set aside and named; it
 * never blocks the rest. A refusal for a rate limit pauses the pacer for the time GitHub asked.
 */
import type { Case } from '../case.ts';
import { errorTag } from '../errors.ts';
import type { Log } from '../log.ts';
import { inFlightTimeoutMs } from '../mail/due-messages.ts';
import type { FiledCase } from '../store.ts';
import { dropEntryFiles, drainLaterFiles, fileWritesOf, storeEntryFiles, type DrainFiles } from './drain-files.ts';
import type { QueuedEntry } from './entry.ts';
import type { Pacer } from './pacer.ts';
import type { IntakeQueue } from './port.ts';

/** What the drainer needs. */
export interface DrainContext {
  queue: IntakeQueue;
  /** The GitHub store's queue filing (`cases/stores/github/store.ts`). */
  github: { fileQueued(record: Case, options: { lookFirst: boolean }): Promise<FiledCase> };
  pacer: Pacer;
  /** The clock, in ms since the epoch (scaled in the benchmark). */
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  log: Log;
  /** The longest the drainer waits for the pace before it leaves the rest to the next run; default 60 s. */
  maxPaceWaitMs?: number;
  /**
   * How long a claim lasts; default 2 minutes, far beyond the 10 s budget of one filing, and what
   * a drainer that died holds its entry up for at most.
   */
  leaseMs?: number;
  /** How long a new entry waits for its receipt to go out before it is filed anyway; default 2 minutes. */
  receiptGraceMs?: number;
  /** At most this many filings in one run; default no limit. */
  maxFilings?: number;
  /** Takes cases' files to GitHub (`drain-files.ts`); without it cases are filed without their files' bytes. */
  files?: DrainFiles;
}

/** What a run did, by reference (references carry no personal data). */
export interface DrainReport {
  filed: string[];
  /** Already at GitHub (an earlier attempt landed); now marked filed. */
  alreadyThere: string[];
  /** Tried and failed; still queued, tried again by the next run. */
  failed: string[];
  /** Left for the next run: their mail was under way, another drainer held them, or the pace. */
  later: string[];
  /** Corrupt entries moved out of the way this run. */
  setAside: string[];
  /** The run stopped early because GitHub's limits asked for a longer wait than it may take. */
  paced: boolean;
}

/** Failures after which GitHub certainly did not create the issue: the attempt does not count. */
const definite = new Set(['rate-limited', 'unauthorized', 'forbidden', 'not-found', 'rejected', 'reference-taken']);

/** Whether the case's mail is settled enough to file: nothing being sent, the receipt not pending. */
function readyToFile(record: Case, now: number, graceMs: number): boolean {
  const sending = record.messages.some(
    (message) =>
      message.sentAt === undefined &&
      message.attemptStartedAt !== undefined &&
      now - Date.parse(message.attemptStartedAt) < inFlightTimeoutMs,
  );
  if (sending) return false;
  const receiptPending = !record.messages.some((message) => message.kind === 'receipt');
  return !(receiptPending && record.status === 'ontvangen' && now - Date.parse(record.receivedAt) < graceMs);
}

/**
 * Drains the queue once: everything that can be filed now, oldest first.
 *
 * @example
 * const report = await drainQueue({ queue, github, pacer, clock: Date.now, sleep, log });
 * report.filed // ['K-2026-7QF3M9', …]
 */
export async function drainQueue(context: DrainContext): Promise<DrainReport> {
  const { queue, pacer, clock, sleep, log } = context;
  const maxPaceWaitMs = context.maxPaceWaitMs ?? 60_000;
  const leaseMs = context.leaseMs ?? 2 * 60_000;
  const graceMs = context.receiptGraceMs ?? 2 * 60_000;
  const report: DrainReport = { filed: [], alreadyThere: [], failed: [], later: [], setAside: [], paced: false };

  pacer.merge(await queue.getMeta('pace'));
  const listing = await queue.list();
  for (const reference of listing.corrupt) {
    await queue.setAside(reference);
    log('queue.set-aside', { reference });
    report.setAside.push(reference);
  }
  const waiting = listing.entries.filter((entry): entry is QueuedEntry => entry.state === 'queued');
  let filings = 0;
  for (const [index, entry] of waiting.entries()) {
    if (context.maxFilings !== undefined && filings >= context.maxFilings) {
      report.later.push(...waiting.slice(index).map((rest) => rest.reference));
      break;
    }
    if (!readyToFile(entry.record, clock(), graceMs)) {
      report.later.push(entry.reference);
      continue;
    }
    // A case with files costs their writes too, all within the pace (drain-files.ts).
    const wait = pacer.delay(1 + fileWritesOf(entry.record));
    if (wait > maxPaceWaitMs) {
      report.paced = true;
      report.later.push(...waiting.slice(index).map((rest) => rest.reference));
      log('queue.paced', { waitMs: Math.round(wait), left: waiting.length - index });
      break;
    }
    if (wait > 0) await sleep(wait);
    const lease = await queue.claim(entry.reference, leaseMs);
    if (!lease) {
      report.later.push(entry.reference);
      continue;
    }
    filings += 1;
    try {
      await fileOne(context, entry.reference, report);
    } finally {
      await queue.release(lease);
      await queue.setMeta('pace', pacer.state());
    }
  }
  if (!report.paced) await drainLaterFiles(context);
  await queue.prune(new Date(clock()));
  log('queue.drained', {
    filed: report.filed.length,
    alreadyThere: report.alreadyThere.length,
    failed: report.failed.length,
    later: report.later.length,
    setAside: report.setAside.length,
  });
  return report;
}

async function fileOne(context: DrainContext, reference: string, report: DrainReport): Promise<void> {
  const { queue, github, log } = context;
  // Read again under the lease: another drainer may have filed it, the mail may have changed it.
  const found = await queue.get(reference);
  if (found.kind === 'corrupt') {
    await queue.setAside(reference);
    log('queue.set-aside', { reference });
    report.setAside.push(reference);
    return;
  }
  if (found.kind !== 'entry' || found.entry.state !== 'queued') return;
  const entry = found.entry;
  const counted: QueuedEntry = { ...entry, attempts: entry.attempts + 1 };
  await queue.put(counted);
  try {
    await storeEntryFiles(context, entry.record);
    const filed = await github.fileQueued(entry.record, { lookFirst: entry.attempts > 0 });
    await queue.markFiled(counted, filed.case.reference);
    await dropEntryFiles(context, entry.record);
    (filed.created ? report.filed : report.alreadyThere).push(reference);
    log('queue.filed', { reference, created: filed.created, attempt: counted.attempts });
  } catch (error) {
    const kind = errorTag(error) ?? (error instanceof Error ? error.name : 'unknown');
    log('queue.file-failed', { reference, kind, attempt: counted.attempts });
    report.failed.push(reference);
    // A definite refusal made nothing at GitHub: the next attempt may go straight to the create.
    const attempts = definite.has(kind) ? entry.attempts : counted.attempts;
    await queue.put({ ...entry, attempts, lastError: kind }).catch(() => undefined);
  }
}
