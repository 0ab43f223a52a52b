import { webcrypto } from 'node:crypto';
import { fileComplaint, type IntakeResult } from '../../cases/intake.ts';
import config from '../../klachten.config.ts';
import { calendar, getStore, log } from './context.ts';
import { deliverInBackground } from './mail.ts';

/** Larger posts are refused before reading: the form's limits add up to well under this. */
export const maxBodyBytes = 256 * 1024;

/** What the submit page shows, with the HTTP status it answers with. */
export type IntakeResponse =
  | { status: 201 | 200; result: Extract<IntakeResult, { kind: 'filed' }> }
  | { status: 422; result: Extract<IntakeResult, { kind: 'invalid' }> }
  | { status: 503; result: Extract<IntakeResult, { kind: 'failed' }> }
  | { status: 413 | 415; result: { kind: 'unreadable' } };

/**
 * Handles a POST of the complaint form. Origin checking (CSRF) happens before this, in Astro.
 * Input problems answer 4xx with the form and everything typed; a store failure answers 503 with
 * the same; nothing here throws for input.
 *
 * @example
 * const { status, result } = await handleIntake(Astro.request);
 */
export async function handleIntake(request: Request): Promise<IntakeResponse> {
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > maxBodyBytes) return { status: 413, result: { kind: 'unreadable' } };
  const type = request.headers.get('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    return { status: 415, result: { kind: 'unreadable' } };
  }
  const body = await readLimited(request, maxBodyBytes);
  if (body === 'too-large') return { status: 413, result: { kind: 'unreadable' } };
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    return { status: 415, result: { kind: 'unreadable' } };
  }
  const raw: Record<string, unknown> = {};
  // A field sent twice is ambiguous: keep the first, as browsers send one per field.
  for (const [name, value] of form.entries()) if (!(name in raw)) raw[name] = value;
  const result = await fileComplaint(raw, {
    store: getStore(),
    config,
    calendar,
    now: new Date(),
    fillRandom: (bytes) => webcrypto.getRandomValues(bytes),
    log,
  });
  switch (result.kind) {
    case 'filed':
      // The receipt goes in the background: a mail failure never makes a filed complaint fail.
      deliverInBackground(result.case.reference);
      return { status: result.created ? 201 : 200, result };
    case 'invalid':
      return { status: 422, result };
    case 'failed':
      return { status: 503, result };
  }
}

/** Reads a request body up to `max` bytes; a chunked upload without a length cannot get round it. */
async function readLimited(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > max) {
      await reader?.cancel();
      return 'too-large';
    }
    chunks.push(next.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
