import { webcrypto } from 'node:crypto';
import type { ComplaintValues } from '../../cases/complaint.ts';
import { fileComplaint, keepValues, type IntakeContext, type IntakeResult } from '../../cases/intake.ts';
import { silentLog } from '../../cases/log.ts';
import config from '../../klachten.config.ts';
import { afterResponse } from './after-response.ts';
import { clientAddress } from './client-address.ts';
import { calendar, getRateLimiter, getSettings, getStore, log } from './context.ts';
import { filingTimes, filledHoneypot, getHoneypotStore } from './honeypot.ts';
import { kickDrain } from './drain.ts';
import { deliverInBackground } from './mail.ts';
import { readForm } from './read-form.ts';

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
  | { status: 422; result: Extract<IntakeResult, { kind: 'invalid' }> }
  | { status: 429; result: LimitedResult }
  | { status: 503; result: Extract<IntakeResult, { kind: 'failed' }> }
  | { status: 413; result: TooLargeResult }
  | { status: 415; result: { kind: 'unreadable' } };

/** A post over the size limit: the fields that arrived whole, to show the form again with them. */
export interface TooLargeResult {
  kind: 'too-large';
  values: ComplaintValues;
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
  const read = await readForm(request, maxBodyBytes);
  if (!read.ok && read.status === 413) {
    log('intake.too-large', {});
    return { status: 413, result: { kind: 'too-large', values: keepValues(Object.fromEntries(read.partial)) } };
  }
  if (!read.ok) return { status: read.status, result: { kind: 'unreadable' } };
  const raw: Record<string, unknown> = {};
  // A field sent twice is ambiguous: keep the first, as browsers send one per field.
  for (const [name, value] of read.form.entries()) if (!(name in raw)) raw[name] = value;
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
  const honeypot = filledHoneypot(raw);
  // The honeypot files into a store that keeps nothing, so the answer is a real one in every detail.
  const result = honeypot
    ? await fileComplaint(raw, { ...context, store: getHoneypotStore(), log: silentLog })
    : await fileComplaint(raw, context);
  const took = performance.now() - started;
  // Only accepted complaints count: a refused, failed or repeated one gives its place back.
  if (result.kind !== 'filed' || !result.created) await place.giveBack();
  if (honeypot) {
    log('intake.honeypot', result.kind === 'filed' ? { reference: result.case.reference } : {});
    if (result.kind === 'filed') await filingTimes.waitLikeReal(result.created ? 'created' : 'repeated', took);
    return respond(result);
  }
  if (result.kind === 'filed') {
    filingTimes.record(result.created ? 'created' : 'repeated', took);
    // The receipt goes in the background: a mail failure never makes a filed complaint fail. Then
    // the drainer takes the queue to GitHub (a no-op with the Git folder), the receipt's record
    // already on the case, so it travels in the one create call. On a serverless platform
    // the function is asked to stay until that work is done (after-response.ts).
    afterResponse(locals, deliverInBackground(result.case.reference).then(kickDrain));
  }
  return respond(result);
}
