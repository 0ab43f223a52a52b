/**
 * The drainer: files the queue into GitHub, oldest first, at GitHub's pace, each case exactly once.
 *
 * Per entry: send what mail is due for it (`drain-mail.ts`: the receipt, when the intake did not,
 * or its attempt died with its process); claim it (a lease with an expiry, so two drainers — the
 * server's timer and an Action — never hold the same entry, and a drainer that died frees it in
 * time); count the attempt in the entry; file it with `fileQueued` (straight to the create call;
 * after an earlier attempt, which may have landed, it looks for the issue first, and an ambiguous
 * create is reconciled by reference, never repeated blindly), within what is left of the lease;
 * mark the entry filed; release. The receipt travels in the created issue (the case's `messages`),
 * so a complaint costs one content write, plus one per continuation page of a very long one.
 *
 * An entry whose mail another process is sending waits for it, but no longer than the grace time
 * after the attempt began; then it is filed and the mail's bookkeeping follows it to GitHub (the
 * filed note says `mailPending`, and later runs see to it). A corrupt entry is set aside and named;
 * it never blocks the rest. A refusal for a rate limit pauses the pacer for the time GitHub asked.
 */
import type { Case } from '../case.ts';
import { errorCode, errorTag } from '../errors.ts';
import type { Log } from '../log.ts';
import type { AttemptOwners } from '../mail/attempts.ts';
import type { FiledCase } from '../store.ts';
import { dropEntryFiles, drainLaterFiles, fileWritesOf, storeEntryFiles, type DrainFiles } from './drain-files.ts';
import { makeRunMail, type DrainMail, type RunMail } from './drain-mail.ts';
import type { FiledEntry, QueuedEntry } from './entry.ts';
import type { Pacer } from './pacer.ts';
import type { ClaimOptions, IntakeQueue, Lease } from './port.ts';

/** What the drainer needs. */
export interface DrainContext {
  queue: IntakeQueue;
  /** The GitHub store's queue filing (`cases/stores/github/store.ts`). */
  github: { fileQueued(record: Case, options: { lookFirst: boolean; budgetMs?: number }): Promise<FiledCase> };
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
  /**
   * How long an entry waits for a mail attempt another process has under way before it is filed
   * anyway (the attempt's record then follows to GitHub); default 2 minutes.
   */
  receiptGraceMs?: number;
  /** At most this many filings in one run; default no limit. */
  maxFilings?: number;
  /** Takes cases' files to GitHub (`drain-files.ts`); without it cases are filed without their files' bytes. */
  files?: DrainFiles;
  /** Sends the mail due for the entries the run touches (`drain-mail.ts`); without it, the run files only. */
  mail?: DrainMail;
  /** The mail senders' leases: which attempts still run (`cases/mail/attempts.ts`). */
  owners?: AttemptOwners;
  /** How this drainer claims entries: a restarted server takes its killed predecessor's leases over (`owner-leases.ts`). */
  claims?: ClaimOptions;
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
  /** Messages the run sent itself. */
  mailed: number;
  /** When (ms) an entry held back for a mail attempt may be filed: the moment to run again. */
  nextAt?: number;
}

/** Failures after which GitHub certainly did not create the issue: the attempt does not count. */
const definite = new Set(['rate-limited', 'unauthorized', 'forbidden', 'not-found', 'rejected', 'reference-taken']);

/** What of a lease a filing may use: the rest is left so the release comes before the lease runs out. */
const leaseShare = 0.8;

/**
 * Drains the queue once: everything that can be filed now, oldest first, with the mail due for it.
 *
 * @example
 * const report = await drainQueue({ queue, github, pacer, clock: Date.now, sleep, log, mail, owners });
 * report.filed // ['K-2026-7QF3M9', …]
 */
export async function drainQueue(context: DrainContext): Promise<DrainReport> {
  const { queue, pacer, clock, sleep, log } = context;
  const maxPaceWaitMs = context.maxPaceWaitMs ?? 60_000;
  const leaseMs = context.leaseMs ?? 2 * 60_000;
  const graceMs = context.receiptGraceMs ?? 2 * 60_000;
  const report: DrainReport = {
    filed: [],
    alreadyThere: [],
    failed: [],
    later: [],
    setAside: [],
    paced: false,
    mailed: 0,
  };
  const runMail = makeRunMail({ ...context, graceMs, maxPaceWaitMs, leaseMs });

  pacer.merge(await queue.getMeta('pace'));
  const listing = await queue.list();
  for (const reference of listing.corrupt) {
    await queue.setAside(reference);
    log('queue.set-aside', { reference });
    report.setAside.push(reference);
  }
  const waiting = listing.entries.filter((entry): entry is QueuedEntry => entry.state === 'queued');
  let filings = 0;
  for (const [index, listed] of waiting.entries()) {
    if (context.maxFilings !== undefined && filings >= context.maxFilings) {
      report.later.push(...waiting.slice(index).map((rest) => rest.reference));
      break;
    }
    // The mail due goes first, so its record travels in the create call.
    let record = listed.record;
    if (await runMail.beforeFiling(record)) {
      const found = await queue.get(listed.reference);
      if (found.kind !== 'entry' || found.entry.state !== 'queued') continue;
      record = found.entry.record;
    }
    const held = await runMail.holdsFiling(record);
    if (held !== undefined) {
      report.later.push(listed.reference);
      report.nextAt = Math.min(report.nextAt ?? held, held);
      continue;
    }
    // A case with files costs their writes too, all within the pace (drain-files.ts).
    const wait = pacer.delay(1 + fileWritesOf(record));
    if (wait > maxPaceWaitMs) {
      report.paced = true;
      report.later.push(...waiting.slice(index).map((rest) => rest.reference));
      log('queue.paced', { waitMs: Math.round(wait), left: waiting.length - index });
      break;
    }
    if (wait > 0) await sleep(wait);
    const claimedAt = clock();
    const lease = await queue.claim(listed.reference, leaseMs, context.claims);
    if (!lease) {
      report.later.push(listed.reference);
      continue;
    }
    filings += 1;
    try {
      // The filing must be over before the lease is: no second drainer may take the entry while
      // a create call of ours could still land. (Measured on our clock: the lease's own moments
      // are the queue's, which a drainer with a clock of its own does not share.)
      const endsAt = claimedAt + leaseMs * leaseShare;
      await fileOne(context, lease, endsAt, runMail, report);
    } finally {
      await queue.release(lease);
      await queue.setMeta('pace', pacer.state());
    }
  }
  // Cases filed before their mail was done: what is due goes now, at GitHub.
  await runMail.followUp(
    listing.entries.filter((entry): entry is FiledEntry => entry.state === 'filed' && entry.mailPending === true),
  );
  report.mailed = runMail.mailed;
  if (!report.paced) await drainLaterFiles(context);
  await queue.prune(new Date(clock()));
  log('queue.drained', {
    filed: report.filed.length,
    alreadyThere: report.alreadyThere.length,
    failed: report.failed.length,
    later: report.later.length,
    setAside: report.setAside.length,
    mailed: report.mailed,
  });
  return report;
}

async function fileOne(
  context: DrainContext,
  lease: Lease,
  endsAt: number,
  runMail: RunMail,
  report: DrainReport,
): Promise<void> {
  const { queue, github, log, clock } = context;
  const reference = lease.reference;
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
  // Nothing left of the lease after the reads and writes above: the next run files it.
  if (endsAt - clock() <= 0) {
    report.later.push(reference);
    return;
  }
  try {
    await storeEntryFiles(context, entry.record);
    // The create call gets what is left of the lease once the files are at GitHub; the files
    // are written idempotently, so a later run that finds them there writes them no more.
    const left = Math.floor(endsAt - clock());
    if (left <= 0) {
      report.later.push(reference);
      return;
    }
    const filed = await github.fileQueued(entry.record, { lookFirst: entry.attempts > 0, budgetMs: left });
    const mailPending = await runMail.pending(entry.record).catch(() => true);
    await queue.markFiled(counted, filed.case.reference, { mailPending });
    await dropEntryFiles(context, entry.record);
    (filed.created ? report.filed : report.alreadyThere).push(reference);
    log('queue.filed', { reference, created: filed.created, attempt: counted.attempts, mailPending });
  } catch (error) {
    const kind = errorCode(error);
    log('queue.file-failed', { reference, error: kind, attempt: counted.attempts });
    report.failed.push(reference);
    // A definite refusal made nothing at GitHub: the next attempt may go straight to the create.
    const attempts = definite.has(errorTag(error) ?? '') ? entry.attempts : counted.attempts;
    await queue.put({ ...entry, attempts, lastError: kind }).catch(() => undefined);
  }
}
