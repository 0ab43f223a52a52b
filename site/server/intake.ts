import { webcrypto } from 'node:crypto';
import type { IncomingFile } from '../../cases/attachments/pipeline.ts';
import type { ComplaintValues } from '../../cases/complaint.ts';
import { fileComplaint, keepValues, type IntakeContext, type IntakeResult } from '../../cases/intake.ts';
import { silentLog } from '../../cases/log.ts';
import config from '../../klachten.config.ts';
import { afterResponse } from './after-response.ts';
import { clientAddress } from './client-address.ts';
import { calendar, getRateLimiter, getSettings, getStore, log } from './context.ts';
import { filingTimes, filledHoneypot, getHoneypotStore, honeypotFiles } from './honeypot.ts';
import { kickDrain } from './drain.ts';
import { deliverInBackground } from './mail.ts';
import { fileLimits, getStagedFiles, prepareUploads, type KeptFile } from './files.ts';
import { readForm } from './read-form.ts';
import { readMultipart } from './read-multipart.ts';

/** Larger posts are refused before reading: the form's limits add up to well under this. */
export const maxBodyBytes = 256 * 1024;

/** Too many accepted complaints from this client in the past hour: the form again, as typed. */
export interface LimitedResult {
  kind: 'limited';
  values: ComplaintValues;
  /** When the client may send again (also the `Retry-After` header). */
  retryAfterSeconds: number;
}

/** What the submit page shows, with the HTTP status it answers with. */
export type IntakeResponse =
  | { status: 201 | 200; result: Extract<IntakeResult, { kind: 'filed' }> }
  | {
      status: 422;
      result: Extract<IntakeResult, { kind: 'invalid' }> & {
        /** How many files the post carried: without JavaScript they must be chosen again. */
        filesSent?: number;
        /** Files checked at once (with JavaScript) that wait still: the form lists them again. */
        keptFiles?: KeptFile[];
      };
    }
  | { status: 429; result: LimitedResult }
  | { status: 503; result: Extract<IntakeResult, { kind: 'failed' }> & { reason?: 'scanner' } }
  | { status: 413; result: TooLargeResult }
  | { status: 415; result: { kind: 'unreadable' } };

/** A post over the size limit: the fields that arrived whole, to show the form again with them. */
export interface TooLargeResult {
  kind: 'too-large';
  values: ComplaintValues;
}

/** The name of the form's file field, and of the ids of files checked at once (with JavaScript). */
export const fileFieldName = 'bestanden';
export const stagedFieldName = 'bijlage';

/** A posted form: its text fields (the first value of each), its files, the ids of files checked before. */
interface PostedForm {
  raw: Record<string, unknown>;
  files: IncomingFile[];
  stagedIds: string[];
}

/**
 * Reads the form, urlencoded (no files) or multipart (files streamed within their limits); over
 * the limit, with the fields that arrived whole before it.
 */
async function readPosted(
  request: Request,
): Promise<PostedForm | { status: 413; partial: Record<string, unknown> } | { status: 415 }> {
  const raw: Record<string, unknown> = {};
  if (/^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '')) {
    const limits = fileLimits();
    const read = await readMultipart(request, {
      maxFileBytes: limits.maxFileBytes,
      maxFiles: limits.maxFilesPerPost,
      // Room to read past a file that is too large and still answer with the form and its messages.
      maxBodyBytes: 2 * limits.maxPostBytes,
      maxFieldBytes: maxBodyBytes,
    });
    if (!read.ok) return read.status === 413 ? { status: 413, partial: firstValues(read.partial) } : { status: 415 };
    Object.assign(raw, firstValues(read.form.fields));
    return { raw, files: read.form.files, stagedIds: read.form.fields.get(stagedFieldName) ?? [] };
  }
  const read = await readForm(request, maxBodyBytes);
  if (!read.ok)
    return read.status === 413 ? { status: 413, partial: Object.fromEntries(read.partial) } : { status: 415 };
  // A field sent twice is ambiguous: keep the first, as browsers send one per field.
  for (const [name, value] of read.form.entries()) if (!(name in raw)) raw[name] = value;
  const stagedIds = read.form.getAll(stagedFieldName).filter((value): value is string => typeof value === 'string');
  return { raw, files: [], stagedIds };
}

/** The first value of each field (a field sent twice is ambiguous: browsers send one per field). */
function firstValues(fields: ReadonlyMap<string, readonly string[]>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [name, values] of fields) if (values[0] !== undefined) raw[name] = values[0];
  return raw;
}

function respond(result: IntakeResult): IntakeResponse {
  switch (result.kind) {
    case 'filed':
      return { status: result.created ? 201 : 200, result };
    case 'invalid':
      return { status: 422, result };
    case 'failed':
      return { status: 503, result };
  }
}

/**
 * Handles a POST of the complaint form. Origin checking (CSRF) happens before this, in Astro.
 * Input problems answer 4xx with the form and everything typed; a store failure answers 503 with
 * the same; nothing here throws for input. Past the limit per client (settings), 429. A post that
 * filled the honeypot gets the answer a person would get — after the same limit, with the same
 * reference for the same form sent again, in about the same time — and nothing is filed or mailed.
 *
 * @example
 * const { status, result } = await handleIntake(Astro.request, Astro.clientAddress, Astro.locals);
 */
export async function handleIntake(
  request: Request,
  connection: string | undefined,
  locals: unknown = undefined,
): Promise<IntakeResponse> {
  // Timed from the start, reading the body included: the honeypot mirrors the whole answer's time.
  const started = performance.now();
  const posted = await readPosted(request);
  if ('status' in posted) {
    if (posted.status === 413) {
      log('intake.too-large', {});
      return { status: 413, result: { kind: 'too-large', values: keepValues(posted.partial) } };
    }
    return { status: posted.status, result: { kind: 'unreadable' } };
  }
  const { raw } = posted;
  const context: IntakeContext = {
    store: getStore(),
    config,
    calendar,
    now: new Date(),
    fillRandom: (bytes) => webcrypto.getRandomValues(bytes),
    log,
  };

  // The limit comes first for everyone, a program that filled the honeypot too: it must meet the
  // same 429 a person meets, or it could tell the two paths apart.
  const client = clientAddress(request, connection, getSettings().clientAddressHeader);
  const place = await getRateLimiter().take(client, context.now);
  if (!place.ok) {
    log('intake.limited', {});
    return {
      status: 429,
      result: { kind: 'limited', values: keepValues(raw), retryAfterSeconds: place.retryAfterSeconds },
    };
  }
  if (filledHoneypot(raw)) {
    // Filed into a store that keeps nothing, so the answer is a real one in every detail.
    const files = { prepared: await honeypotFiles(posted.files, fileLimits().maxFilesPerPost), refused: [] };
    const result = await fileComplaint(raw, { ...context, store: getHoneypotStore(), log: silentLog }, files);
    const took = performance.now() - started;
    if (result.kind !== 'filed' || !result.created) await place.giveBack();
    log('intake.honeypot', result.kind === 'filed' ? { reference: result.case.reference } : {});
    if (result.kind === 'filed') await filingTimes.waitLikeReal(result.created ? 'created' : 'repeated', took);
    return respond(result);
  }
  // The files after the limit, so a flood of posts costs no cleaning of photos.
  const uploads = await prepareUploads(posted.files, posted.stagedIds, context.now);
  if (!uploads.ok) {
    await place.giveBack();
    return { status: 503, result: { kind: 'failed', values: keepValues(raw), reason: 'scanner' } };
  }
  const result = await fileComplaint(raw, context, uploads);
  const took = performance.now() - started;
  // Only accepted complaints count: a refused, failed or repeated one gives its place back.
  if (result.kind !== 'filed' || !result.created) await place.giveBack();
  if (result.kind === 'invalid') {
    return { status: 422, result: { ...result, filesSent: posted.files.length, keptFiles: uploads.kept } };
  }
  if (result.kind === 'filed') {
    await getStagedFiles().remove(posted.stagedIds);
    filingTimes.record(result.created ? 'created' : 'repeated', took);
    // The receipt goes in the background: a mail failure never makes a filed complaint fail. Then
    // the drainer takes the queue to GitHub (a no-op with the Git folder), the receipt's record
    // already on the case, so it travels in the one create call. On a serverless platform
    // the function is asked to stay until that work is done (after-response.ts).
    afterResponse(locals, deliverInBackground(result.case.reference).then(kickDrain));
  }
  return respond(result);
}
