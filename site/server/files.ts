// The site's side of files: the limits where it runs (narrower on Netlify and Vercel, whose
// platforms refuse large bodies before the function runs), the virus scanner `KLACHTEN_CLAMAV`
// names, where files checked at once wait for their form, and taking a post's files through the
// pipeline (cases/attachments/pipeline.ts).
import { join } from 'node:path';
import { createStorage } from 'unstorage';
import { makeBinaryStore } from '../../cases/attachments/binary-store.ts';
import { attachmentLimits, type AttachmentLimits } from '../../cases/attachments/limits.ts';
import {
  prepareFiles,
  type FileRefusal,
  type IncomingFile,
  type PreparedFile,
} from '../../cases/attachments/pipeline.ts';
import { scannerFromEnv, type Scanner } from '../../cases/attachments/scanner.ts';
import { makeStagedFiles, type StagedFiles } from '../../cases/attachments/staging.ts';
import { errorTag } from '../../cases/errors.ts';
import { privateFsDriver } from '../../cases/queue/fs-driver.ts';
import config from '../../klachten.config.ts';
import { getQueueSetup, getSettings, log } from './context.ts';

/**
 * Whether this build is for a serverless platform (KLACHTEN_ADAPTER, written into the bundle).
 *
 * @example
 * serverless() // false on the Node server
 */
export function serverless(): boolean {
  const target = import.meta.env['KLACHTEN_ADAPTER'];
  return target === 'netlify' || target === 'vercel';
}

/**
 * The file limits where the site runs.
 *
 * @example
 * fileLimits().maxFileBytes // 10485760 on the Node server, 4194304 on Netlify or Vercel
 */
export function fileLimits(): AttachmentLimits {
  return attachmentLimits(config.attachments, serverless());
}

let scanner: { value: Scanner | undefined } | undefined;

/** The virus scanner of `KLACHTEN_CLAMAV`, or undefined when scanning is off; made once. */
export function getScanner(): Scanner | undefined {
  scanner ??= { value: scannerFromEnv(process.env) };
  return scanner.value;
}

let staged: StagedFiles | undefined;

/**
 * Where files checked at once wait for their form: the queue's storage with the GitHub store (so
 * every instance finds them), else `$KLACHTEN_DATA_DIR/staging` (0600).
 *
 * @example
 * const id = await getStagedFiles().put(file, new Date());
 */
export function getStagedFiles(): StagedFiles {
  if (staged !== undefined) return staged;
  const queue = getQueueSetup()?.queue;
  const bytes =
    queue?.binary ??
    makeBinaryStore(
      createStorage({ driver: privateFsDriver({ base: join(getSettings().dataDir, 'staging') }) }),
      'bin',
    );
  staged = makeStagedFiles(bytes);
  return staged;
}

/** A file checked at once and still waiting, as the form shows it again after an error. */
export interface KeptFile {
  id: string;
  originalName: string;
  size: number;
}

/** A post's files after the pipeline; not ok when the scanner did not answer (nothing kept). */
export type PreparedUploads =
  { ok: true; prepared: PreparedFile[]; refused: FileRefusal[]; kept: KeptFile[] } | { ok: false };

/**
 * Takes the files of one post through the pipeline: those that came with it and those checked
 * before (by their staged id), at most the limit of one post in all.
 *
 * @example
 * const uploads = await prepareUploads(form.files, form.fields.get('bijlage') ?? [], new Date());
 */
export async function prepareUploads(
  incoming: readonly IncomingFile[],
  stagedIds: readonly string[],
  now: Date,
  reference?: string,
): Promise<PreparedUploads> {
  const limits = fileLimits();
  const prepared: PreparedFile[] = [];
  const refused: FileRefusal[] = [];
  const kept: KeptFile[] = [];
  const ids = stagedIds.filter((id) => id !== '');
  const taken = await getStagedFiles().take(ids.slice(0, limits.maxFilesPerPost), now);
  for (const [index, file] of taken.entries()) {
    if (file === undefined) refused.push({ originalName: '', code: 'expired' });
    else {
      prepared.push(file);
      kept.push({ id: ids[index] ?? '', originalName: file.originalName, size: file.size });
    }
  }
  for (const _id of ids.slice(limits.maxFilesPerPost)) refused.push({ originalName: '', code: 'too-many' });
  try {
    const left = Math.max(0, limits.maxFilesPerPost - ids.length);
    const context = { maxFileBytes: limits.maxFileBytes, scanner: getScanner(), log, reference };
    for (const result of await prepareFiles(incoming, context, left)) {
      if (result.ok) prepared.push(result.file);
      else refused.push(result.refusal);
    }
  } catch (error) {
    if (errorTag(error) !== 'scanner-unavailable') throw error;
    log('attachment.scanner-unavailable', { why: String((error as { why?: unknown }).why ?? 'unknown') });
    return { ok: false };
  }
  return { ok: true, prepared, refused, kept };
}
