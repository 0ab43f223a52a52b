// The complainant's own page (/mijn-klacht/, /en/my-complaint/), on demand.
//
// GET ?t=<token>  the personal link from a mail: checked, then a session cookie and a 303 to the
//                 plain address, so no token stays in the address bar (or in history, or a Referer).
// GET             with a session: the case; without one: the form that asks for a new link.
// GET ?agenda     with a session: the answer date as a calendar file.
// POST            action=add | withdraw-ask | withdraw (with the session and its CSRF value and the
//                 reference the session is for), or action=link (the lost-link form, no session).
// Cross-origin posts are refused (403) by Astro's checkOrigin before this runs; bodies are read
// counting bytes; every response carries the security headers (site/middleware.ts) plus the
// ones below.
import { randomBytes } from 'node:crypto';
import type { Case } from '../../cases/case.ts';
import { pageStillOpen, verifyComplainantToken } from '../../cases/complainant-token.ts';
import { makeAnswerDateIcs } from '../../cases/ics.ts';
import type { Locale } from '../../cases/locale.ts';
import { makeSatisfactionToken, satisfactionExpiry } from '../../cases/satisfaction-token.ts';
import config from '../../klachten.config.ts';
import { paths } from '../i18n/ui.ts';
import { clientAddress } from './client-address.ts';
import { getRateLimiter, getSettings, getStore, log } from './context.ts';
import { deliverInBackground, tokenSecret } from './mail.ts';
import { addInformation, parseAddition, withdraw, type AdditionError } from './my-complaint-actions.ts';
import { sendPageMessage } from './my-complaint-mail.ts';
import { caseView, type CaseView } from './my-complaint-view.ts';
import { readForm } from './read-form.ts';
import { csrfMatches, endedSessionCookie, makeSessionValue, sessionCookie, sessionFromRequest } from './session.ts';

/** The page's forms hold at most an addition of 5,000 characters: far below this. */
export const maxBodyBytes = 64 * 1024;

/** What the page shows. */
export type MyComplaintView =
  | {
      kind: 'case';
      view: CaseView;
      csrf: string;
      addition: { value: string; error?: AdditionError | undefined };
      notice?: 'added' | 'withdrawn' | 'not-withdrawn' | undefined;
      satisfactionUrl?: string | undefined;
      calendarUrl?: string | undefined;
    }
  | { kind: 'confirm-withdraw'; reference: string; csrf: string }
  | {
      kind: 'ask-link';
      values: { reference: string; email: string };
      errors: { reference?: boolean; email?: boolean };
      sent: boolean;
      retryAfterSeconds?: number;
    }
  | { kind: 'refused'; problem: 'invalid' | 'expired' | 'unavailable' };

/** The view, or a ready response (a redirect, a calendar file), with its status and extra headers. */
export interface MyComplaintResponse {
  status: number;
  view?: MyComplaintView;
  response?: Response;
  headers: Record<string, string>;
}

// No Referer from any response of these pages. The HTML itself asks for `same-origin`
// (layouts/Base.astro): with `no-referrer` a browser posts the page's forms with "Origin: null",
// which the CSRF check refuses. The plain address is all a same-origin referrer can carry.
const pageHeaders = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };

function refused(problem: 'invalid' | 'expired' | 'unavailable', status: number, url: URL): MyComplaintResponse {
  return {
    status,
    view: { kind: 'refused', problem },
    headers: { ...pageHeaders, 'Set-Cookie': endedSessionCookie(url) },
  };
}

function askLink(
  status = 200,
  extra: Partial<Extract<MyComplaintView, { kind: 'ask-link' }>> = {},
): MyComplaintResponse {
  return {
    status,
    view: { kind: 'ask-link', values: { reference: '', email: '' }, errors: {}, sent: false, ...extra },
    headers: pageHeaders,
  };
}

function casePage(
  record: Case,
  csrf: string,
  locale: Locale,
  secret: string,
  now: Date,
  extra: Partial<Extract<MyComplaintView, { kind: 'case' }>> = {},
  status = 200,
): MyComplaintResponse {
  const view = caseView(record, config);
  let satisfactionUrl: string | undefined;
  if (view.satisfactionOpen) {
    const expiresAt = satisfactionExpiry(now, config.satisfaction.validDays);
    const token = makeSatisfactionToken({ reference: record.reference, expiresAt }, secret);
    satisfactionUrl = `${paths[locale].satisfaction}?t=${encodeURIComponent(token)}`;
  }
  const calendarUrl = view.calendarDate === undefined ? undefined : `${paths[locale].myComplaint}?agenda`;
  return {
    status,
    view: { kind: 'case', view, csrf, addition: { value: '' }, satisfactionUrl, calendarUrl, ...extra },
    headers: pageHeaders,
  };
}

function calendarFile(record: Case, locale: Locale, now: Date): Response {
  const date = record.extended ? record.terms.extendedAnswerBy : record.terms.answerBy;
  const ics = makeAnswerDateIcs({
    reference: record.reference,
    date,
    locale,
    organisationName: config.organisation.name,
    dtstamp: now.toISOString(),
    siteUrl: config.site.url,
    sequence: record.extended ? 1 : 0,
  });
  const name = locale === 'nl' ? 'antwoorddatum' : 'answer-date';
  return new Response(ics, {
    status: 200,
    headers: {
      ...pageHeaders,
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${record.reference}-${name}.ics"`,
    },
  });
}

/** The case of a session, when the page may still show it. */
async function sessionCase(reference: string, now: Date): Promise<Case | undefined> {
  const record = await getStore().getCase(reference);
  return record !== undefined && pageStillOpen(record, now) ? record : undefined;
}

/**
 * Handles one request of the complainant's page.
 *
 * @example
 * const result = await handleMyComplaint(Astro.request, 'nl', Astro.clientAddress);
 * if (result.response) return result.response;
 */
export async function handleMyComplaint(
  request: Request,
  locale: Locale,
  connection: string | undefined,
): Promise<MyComplaintResponse> {
  const url = new URL(request.url);
  const now = new Date();
  const secret = await tokenSecret().catch(() => undefined);
  if (secret === undefined) {
    log('my-complaint.no-secret', {});
    return refused('unavailable', 503, url);
  }
  try {
    return request.method === 'POST'
      ? await handlePost(request, locale, connection, url, secret, now)
      : await handleGet(request, locale, url, secret, now);
  } catch (error) {
    log('my-complaint.failed', { error: error instanceof Error ? error.name : 'unknown' });
    return refused('unavailable', 503, url);
  }
}

async function handleGet(request: Request, locale: Locale, url: URL, secret: string, now: Date) {
  const token = url.searchParams.get('t');
  if (token !== null) {
    const check = verifyComplainantToken(token, secret, now);
    if (!check.ok)
      return refused(check.problem === 'expired' ? 'expired' : 'invalid', check.problem === 'expired' ? 410 : 400, url);
    const record = await getStore().getCase(check.reference);
    if (record === undefined) return refused('invalid', 400, url);
    if (!pageStillOpen(record, now)) return refused('expired', 410, url);
    const value = makeSessionValue(record.reference, secret, now, randomBytes(16));
    log('my-complaint.opened', { reference: record.reference });
    return {
      status: 303,
      response: new Response(null, {
        status: 303,
        headers: { ...pageHeaders, Location: paths[locale].myComplaint, 'Set-Cookie': sessionCookie(value, url) },
      }),
      headers: {},
    };
  }
  const session = sessionFromRequest(request, secret, now);
  const record = session === undefined ? undefined : await sessionCase(session.reference, now);
  if (session === undefined || record === undefined) return askLink();
  if (url.searchParams.has('agenda')) {
    const view = caseView(record, config);
    if (view.calendarDate !== undefined)
      return { status: 200, response: calendarFile(record, locale, now), headers: {} };
  }
  return casePage(record, session.csrf, locale, secret, now);
}

async function handlePost(
  request: Request,
  locale: Locale,
  connection: string | undefined,
  url: URL,
  secret: string,
  now: Date,
): Promise<MyComplaintResponse> {
  const read = await readForm(request, maxBodyBytes);
  if (!read.ok) return { status: read.status, view: { kind: 'refused', problem: 'invalid' }, headers: pageHeaders };
  const field = (name: string) => {
    const value = read.form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const action = field('action');
  if (action === 'link') return requestLink(request, connection, field('reference'), field('email'), secret, now);

  const session = sessionFromRequest(request, secret, now);
  // A form of another session, another case or another site: refused, with nothing of any case.
  if (session === undefined || !csrfMatches(session, field('csrf')) || field('reference') !== session.reference) {
    log('my-complaint.forbidden', {});
    return { status: 403, view: { kind: 'refused', problem: 'invalid' }, headers: pageHeaders };
  }
  const record = await sessionCase(session.reference, now);
  if (record === undefined) return refused('expired', 410, url);
  const view = caseView(record, config);

  switch (action) {
    case 'add': {
      if (!view.canAdd) return casePage(record, session.csrf, locale, secret, now, {}, 409);
      const parsed = parseAddition(read.form.get('addition'));
      if (!parsed.ok) {
        return casePage(
          record,
          session.csrf,
          locale,
          secret,
          now,
          { addition: { value: field('addition'), error: parsed.error } },
          422,
        );
      }
      const { case: updated, added } = await addInformation(getStore(), config, record.reference, parsed.text, now);
      log('my-complaint.added', { reference: record.reference, repeated: !added });
      if (added) sendPageMessage('addition', updated, secret, now);
      return casePage(updated, session.csrf, locale, secret, now, { notice: 'added' });
    }
    case 'withdraw-ask':
      if (!view.canWithdraw)
        return casePage(record, session.csrf, locale, secret, now, { notice: 'not-withdrawn' }, 409);
      return {
        status: 200,
        view: { kind: 'confirm-withdraw', reference: record.reference, csrf: session.csrf },
        headers: pageHeaders,
      };
    case 'withdraw': {
      const closed = await withdraw(getStore(), config, record.reference, now);
      if (closed === undefined)
        return casePage(record, session.csrf, locale, secret, now, { notice: 'not-withdrawn' }, 409);
      log('my-complaint.withdrawn', { reference: record.reference });
      deliverInBackground(record.reference);
      return casePage(closed, session.csrf, locale, secret, now, { notice: 'withdrawn' });
    }
    default:
      return casePage(record, session.csrf, locale, secret, now, {}, 400);
  }
}

/**
 * The lost-link form: the same answer, status and (about) time whether or not the reference and
 * the address belong together; the link goes only to the address the case holds.
 */
async function requestLink(
  request: Request,
  connection: string | undefined,
  referenceText: string,
  emailText: string,
  secret: string,
  now: Date,
): Promise<MyComplaintResponse> {
  const reference = referenceText.trim().toUpperCase();
  const email = emailText.trim();
  const errors = { ...(reference === '' ? { reference: true } : {}), ...(email === '' ? { email: true } : {}) };
  if (errors.reference || errors.email)
    return askLink(422, { values: { reference: referenceText, email: emailText }, errors });
  const client = clientAddress(request, connection, getSettings().clientAddressHeader);
  const place = await getRateLimiter('link').take(client, now);
  if (!place.ok) {
    log('my-complaint.link-limited', {});
    return askLink(429, {
      values: { reference: referenceText, email: emailText },
      retryAfterSeconds: place.retryAfterSeconds,
    });
  }
  const record = await getStore()
    .getCase(reference)
    .catch(() => undefined);
  const matches =
    record !== undefined &&
    record.email.trim() !== '' &&
    record.email.trim().toLowerCase() === email.toLowerCase() &&
    pageStillOpen(record, now);
  // Logged without saying whether it matched: the log must not answer what the page does not.
  log('my-complaint.link-asked', {});
  if (matches) sendPageMessage('link', record, secret, now);
  return askLink(200, { sent: true });
}
