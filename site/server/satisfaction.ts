import type { Locale } from '../../cases/complaint.ts';
import { receivedAtIso } from '../../cases/intake.ts';
import {
  checkSatisfactionLink,
  parseSatisfactionInput,
  recordSatisfaction,
  type LinkProblem,
  type SatisfactionAnswer,
  type SatisfactionErrors,
} from '../../cases/mail/satisfaction.ts';
import config from '../../klachten.config.ts';
import { getStore, log } from './context.ts';
import { deliverInBackground, tokenSecret } from './mail.ts';

/** The form holds a token, a choice and a remark of at most 2,000 characters: far below this. */
export const maxBodyBytes = 32 * 1024;

/** What the person typed, kept as typed for showing the form again. */
export interface SatisfactionValues {
  answer?: string;
  remark?: string;
}

/** What the satisfaction page shows. */
export type SatisfactionView =
  | {
      kind: 'question';
      token: string;
      reference: string;
      values: SatisfactionValues;
      errors: SatisfactionErrors;
      failed: boolean;
    }
  | { kind: 'thanks'; reference: string; answer: SatisfactionAnswer }
  | { kind: 'refused'; problem: LinkProblem | 'unavailable' };

/** The view with the HTTP status it answers with. */
export interface SatisfactionResponse {
  status: 200 | 400 | 409 | 410 | 413 | 415 | 422 | 503;
  view: SatisfactionView;
}

/**
 * Headers of every satisfaction page. The link's token is in the address: no cache keeps the
 * page, no other site gets the address as referrer (`same-origin`, not `no-referrer`: with that,
 * browsers send "Origin: null" with the form and the CSRF check refuses it), nothing is loaded
 * from elsewhere, and search engines stay out.
 */
export const satisfactionHeaders: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Robots-Tag': 'noindex, nofollow',
  'X-Content-Type-Options': 'nosniff',
};

const refusedStatus: Readonly<Record<LinkProblem, 400 | 409 | 410>> = { invalid: 400, used: 409, expired: 410 };

function refused(problem: LinkProblem | 'unavailable'): SatisfactionResponse {
  return { status: problem === 'unavailable' ? 503 : refusedStatus[problem], view: { kind: 'refused', problem } };
}

/**
 * Handles the satisfaction page: GET shows the question for the link's token (`?t=…`) and records
 * nothing, so a mail scanner opening the link uses nothing up; POST records the answer once.
 * Cross-origin posts are refused before this runs (Astro's checkOrigin).
 *
 * @example
 * const { status, view } = await handleSatisfaction(Astro.request, 'nl');
 */
export async function handleSatisfaction(request: Request, _locale: Locale): Promise<SatisfactionResponse> {
  let secret: string | undefined;
  try {
    secret = await tokenSecret();
  } catch {
    secret = undefined;
  }
  if (secret === undefined) {
    log('satisfaction.no-secret', {});
    return refused('unavailable');
  }
  const store = getStore();
  const now = new Date();
  if (request.method !== 'POST') {
    const token = new URL(request.url).searchParams.get('t') ?? '';
    const link = await checkSatisfactionLink(token, { store, secret, now }).catch(() => undefined);
    if (link === undefined) return refused('unavailable');
    if (!link.ok) return refused(link.problem);
    return {
      status: 200,
      view: { kind: 'question', token, reference: link.reference, values: {}, errors: {}, failed: false },
    };
  }

  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > maxBodyBytes) return { status: 413, view: { kind: 'refused', problem: 'invalid' } };
  const type = request.headers.get('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    return { status: 415, view: { kind: 'refused', problem: 'invalid' } };
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return { status: 415, view: { kind: 'refused', problem: 'invalid' } };
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const token = field('token') ?? '';
  const values: SatisfactionValues = {};
  const answer = field('answer');
  const remark = field('remark');
  if (answer !== undefined) values.answer = answer;
  if (remark !== undefined) values.remark = remark;

  const link = await checkSatisfactionLink(token, { store, secret, now }).catch(() => undefined);
  if (link === undefined) return refused('unavailable');
  if (!link.ok) return refused(link.problem);
  const input = parseSatisfactionInput({ answer, remark });
  if (!input.ok) {
    return {
      status: 422,
      view: { kind: 'question', token, reference: link.reference, values, errors: input.errors, failed: false },
    };
  }
  try {
    const at = receivedAtIso(now, config.terms.timeZone);
    const result = await recordSatisfaction(token, input.input, { store, secret, now, at });
    if (!result.ok) return refused(result.problem);
    log('satisfaction.recorded', { reference: link.reference, answer: input.input.answer });
    // A "no" is due to the coordinators now; the daily run would send it too.
    deliverInBackground(link.reference);
    return { status: 200, view: { kind: 'thanks', reference: link.reference, answer: input.input.answer } };
  } catch (error) {
    log('satisfaction.failed', { reference: link.reference, error: error instanceof Error ? error.name : 'unknown' });
    return {
      status: 503,
      view: { kind: 'question', token, reference: link.reference, values, errors: {}, failed: true },
    };
  }
}
