/**
 * The drainer's share of the files (`drain.ts` calls these): a queued case's files go onto its
 * ref at GitHub before its issue is created, so the issue links to them from the start; files
 * added later to a filed case go onto the ref, then into the list. Both at the pacer's
 * pace: a batch waits until all its writes (a blob each, tree, commit, ref, and the issue) fit
 * within GitHub's limits, and the throttled client spaces them.
 */
import type { Case } from '../case.ts';
import type { CaseFile, StoredFile } from '../attachments/record.ts';
import { errorCode } from '../errors.ts';
import { filesWrites } from '../stores/github/case-files.ts';
import type { Log } from '../log.ts';
import type { Pacer } from './pacer.ts';
import type { IntakeQueue } from './port.ts';
import { dropQueuedFiles, laterFiles, laterReferences, queuedFiles, setLaterFiles } from './queue-files.ts';

/** What the drainer needs to take files to GitHub (the GitHub store's file calls). */
export interface DrainFiles {
  /** Puts files on the case's ref; safe to repeat (`storeFiles` of the GitHub store). */
  store(reference: string, files: readonly CaseFile[], at: string): Promise<number>;
  /** Adds the records of files now on the ref to the filed case (one issue update). */
  record(reference: string, added: readonly StoredFile[]): Promise<Case>;
}

/** What of the drainer's context the files need (`DrainContext` in `drain.ts` has it all). */
export interface FilesDrainContext {
  queue: IntakeQueue;
  pacer: Pacer;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  log: Log;
  files?: DrainFiles | undefined;
  leaseMs?: number | undefined;
  maxPaceWaitMs?: number | undefined;
}

/**
 * The content writes filing this case costs besides its issue: those of its files.
 *
 * @example
 * fileWritesOf(record) // 0 without files; 6 with three
 */
export function fileWritesOf(record: Case): number {
  return filesWrites(record.attachments?.length ?? 0);
}

/**
 * Before a queued case's issue is created: its files onto its ref at GitHub.
 *
 * @example
 * await storeEntryFiles(context, entry.record);
 */
export async function storeEntryFiles(context: FilesDrainContext, record: Case): Promise<void> {
  const records = record.attachments ?? [];
  if (records.length === 0 || context.files === undefined) return;
  const files = await queuedFiles(context.queue, record.reference, records);
  await context.files.store(record.reference, files, record.receivedAt);
}

/**
 * After a queued case is filed: its files' bytes leave the queue.
 *
 * @example
 * await dropEntryFiles(context, entry.record);
 */
export async function dropEntryFiles(context: FilesDrainContext, record: Case): Promise<void> {
  const names = (record.attachments ?? []).map((file) => file.name);
  if (names.length > 0) await dropQueuedFiles(context.queue, record.reference, names);
}

/**
 * Files added to filed cases: each batch onto its ref and into the issue, then out of the queue.
 * A batch that does not fit the pace waits for the next run; a failure is logged by its code and
 * the batch stays queued.
 *
 * @example
 * const stored = await drainLaterFiles(context); // references whose files are now at GitHub
 */
export async function drainLaterFiles(context: FilesDrainContext): Promise<string[]> {
  const { queue, pacer, log, files } = context;
  if (files === undefined) return [];
  const done: string[] = [];
  for (const reference of await laterReferences(queue)) {
    const lease = await queue.claim(reference, context.leaseMs ?? 2 * 60_000);
    if (!lease) continue;
    try {
      const waiting = await laterFiles(queue, reference);
      if (waiting.length === 0) continue;
      const wait = pacer.delay(filesWrites(waiting.length) + 1);
      if (wait > (context.maxPaceWaitMs ?? 60_000)) break;
      if (wait > 0) await context.sleep(wait);
      const at = waiting[waiting.length - 1]?.addedAt ?? new Date(context.clock()).toISOString();
      await files.store(reference, await queuedFiles(queue, reference, waiting), at);
      await files.record(reference, waiting);
      await setLaterFiles(queue, reference, []);
      await dropQueuedFiles(
        queue,
        reference,
        waiting.map((file) => file.name),
      );
      log('queue.files-filed', { reference, files: waiting.length });
      done.push(reference);
    } catch (error) {
      log('queue.files-failed', { reference, error: errorCode(error) });
    } finally {
      await queue.release(lease);
      await queue.setMeta('pace', pacer.state());
    }
  }
  return done;
}
