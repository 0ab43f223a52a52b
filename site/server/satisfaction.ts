import type { Locale } from '../../cases/locale.ts';
import { errorCode } from '../../cases/errors.ts';
import { receivedAtIso } from '../../cases/intake.ts';
import {
  checkSatisfactionLink,
  parseSatisfactionInput,
  recordSatisfaction,
  type LinkProblem,
  type SatisfactionAnswer,
  type SatisfactionErrors,
} from '../../cases/mail/satisfaction.ts';
import { makeMoveContext } from '../../cases/move-context.ts';
import { hasTokenShape } from '../../cases/satisfaction-token.ts';
import config from '../../klachten.config.ts';
import { calendar, getStore, log } from './context.ts';
import { deliverInBackground, tokenSecret } from './mail.ts';
import { readForm } from './read-form.ts';

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

const refusedStatus: Readonly<Record<LinkProblem, 400 | 409 | 410>> = { invalid: 400, used: 409, expired: 410 };

function refused(problem: LinkProblem | 'unavailable'): SatisfactionResponse {
  return { status: problem === 'unavailable' ? 503 : refusedStatus[problem], view: { kind: 'refused', problem } };
}

/**
 * Handles the satisfaction page: GET shows the question for the link's token (`?t=…`) and records
 * nothing, so a mail scanner opening the link uses nothing up; POST records the answer once.
 * Cross-origin posts are refused before this runs (Astro's checkOrigin). The link's token is in
 * the address, so the page's headers (site/middleware.ts) keep it out of caches, search engines
 * and other sites' referrers. A body is read counting bytes, and a token without the shape of one
 * is refused before the secret, the clock or the store is asked.
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

  const read = await readForm(request, maxBodyBytes);
  if (!read.ok) return { status: read.status, view: { kind: 'refused', problem: 'invalid' } };
  const field = (name: string) => {
    const value = read.form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const token = field('token') ?? '';
  if (!hasTokenShape(token)) return refused('invalid');
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
    // A "nee" reopens the case in the same write: `by` says the complainant did, never who.
    const reopen = { ...makeMoveContext(config, at, 'klager', calendar), coordinators: config.coordinators };
    const result = await recordSatisfaction(token, input.input, { store, secret, now, at, reopen });
    if (!result.ok) return refused(result.problem);
    log('satisfaction.recorded', { reference: link.reference, answer: input.input.answer });
    // A "no" is due to the coordinators now (and, when it reopened the case, to the handler and
    // the complainant); the daily run would send it too.
    deliverInBackground(link.reference);
    return { status: 200, view: { kind: 'thanks', reference: link.reference, answer: input.input.answer } };
  } catch (error) {
    log('satisfaction.failed', { reference: link.reference, error: errorCode(error) });
    return {
      status: 503,
      view: { kind: 'question', token, reference: link.reference, values, errors: {}, failed: true },
    };
  }
}
