/**
 * A case's files in the intake queue until they are at GitHub, on the queue's binary store:
 * `file:<reference>:<name>` the bytes of each, and `later:<reference>` the records of files added
 * to a case that is already filed (from the complainant's page), waiting for the drainer. Every
 * key holds the reference as its second word, so erasing the case from the queue drops them.
 */
import { z } from 'zod';
import { attachmentSchema, type CaseFile, type StoredFile } from '../attachments/record.ts';
import { taggedError } from '../errors.ts';
import type { IntakeQueue } from './port.ts';

const fileKey = (reference: string, name: string) => `file:${reference}:${name}`;
const laterKey = (reference: string) => `later:${reference}`;
const laterSchema = z.array(attachmentSchema);

/**
 * Keeps the bytes of a case's files in the queue.
 *
 * @example
 * await putQueuedFiles(queue, record.reference, files);
 */
export async function putQueuedFiles(queue: IntakeQueue, reference: string, files: readonly CaseFile[]): Promise<void> {
  for (const file of files) await queue.binary.put(fileKey(reference, file.record.name), file.bytes);
}

/**
 * The files these records name, with their bytes from the queue; throws (`files-missing`) when
 * one is not there, so nothing is filed without its files.
 *
 * @example
 * const files = await queuedFiles(queue, record.reference, record.attachments ?? []);
 */
export async function queuedFiles(
  queue: IntakeQueue,
  reference: string,
  records: readonly StoredFile[],
): Promise<CaseFile[]> {
  const files: CaseFile[] = [];
  for (const record of records) {
    const bytes = await queue.binary.get(fileKey(reference, record.name));
    if (bytes === undefined) throw taggedError('files-missing', `De wachtrij mist ${record.name} van ${reference}.`);
    files.push({ record, bytes });
  }
  return files;
}

/**
 * Drops these files' bytes from the queue (once GitHub holds them).
 *
 * @example
 * await dropQueuedFiles(queue, reference, ['bijlage-1.jpg']);
 */
export async function dropQueuedFiles(queue: IntakeQueue, reference: string, names: readonly string[]): Promise<void> {
  for (const name of names) await queue.binary.remove(fileKey(reference, name));
}

/**
 * The records of files added to a filed case that the drainer has not taken to GitHub yet.
 *
 * @example
 * await laterFiles(queue, 'K-2026-7QF3-M9XA') // [] or [{ name: 'bijlage-3.jpg', … }]
 */
export async function laterFiles(queue: IntakeQueue, reference: string): Promise<StoredFile[]> {
  const bytes = await queue.binary.get(laterKey(reference));
  if (bytes === undefined) return [];
  const parsed = laterSchema.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
  if (!parsed.success) throw taggedError('corrupt', `De wachtrij heeft onleesbare bijlagen van ${reference}.`);
  return parsed.data;
}

/**
 * Writes (or, with none, removes) the records of a filed case's files waiting for GitHub.
 *
 * @example
 * await setLaterFiles(queue, reference, [...waiting, ...added]);
 */
export async function setLaterFiles(
  queue: IntakeQueue,
  reference: string,
  records: readonly StoredFile[],
): Promise<void> {
  if (records.length === 0) await queue.binary.remove(laterKey(reference));
  else await queue.binary.put(laterKey(reference), Buffer.from(JSON.stringify(records), 'utf8'));
}

/**
 * The references of filed cases with files waiting for GitHub.
 *
 * @example
 * await laterReferences(queue) // ['K-2026-7QF3-M9XA']
 */
export async function laterReferences(queue: IntakeQueue): Promise<string[]> {
  return (await queue.binary.keys('later'))
    .map((key) => key.split(':')[1] ?? '')
    .filter(Boolean)
    .sort();
}
