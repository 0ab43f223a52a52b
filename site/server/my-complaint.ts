// The complainant's own page (/mijn-klacht/, /en/my-complaint/), on demand.
//
// GET ?t=<token>  the personal link from a mail: a page with one button, nothing set or cleared
//                 (my-complaint-link.ts); its POST action=open starts the session.
// GET             with a session: the case; without one: the form that asks for a new link.
// GET ?agenda     with a session: the answer date as a calendar file.
// POST            action=add | answer-question | withdraw-ask | withdraw (with the session and its CSRF value and the
//                 reference the session is for), action=open (a link's button) or action=link
//                 (the lost-link form), both without a session.
// Cross-origin posts are refused (403) by Astro's checkOrigin before this runs; bodies are read
// counting bytes; every response carries the security headers (site/middleware.ts) plus the
// ones in my-complaint-response.ts.
import { referencePattern, type Case } from '../../cases/case.ts';
import { linkGenerationOf, linkStanding } from '../../cases/complainant-token.ts';
import { errorCode } from '../../cases/errors.ts';
import { makeAnswerDateIcs } from '../../cases/ics.ts';
import type { Locale } from '../../cases/locale.ts';
import { makeSatisfactionToken, satisfactionExpiry } from '../../cases/satisfaction-token.ts';
import config from '../../klachten.config.ts';
import { basePath, paths } from '../i18n/ui.ts';
import { getRateLimiter, getStore, log } from './context.ts';
import { deliverInBackground, tokenSecret } from './mail.ts';
import { addInformation, parseAddition, withdraw } from './my-complaint-actions.ts';
import { answerQuestionOnPage } from './my-complaint-questions.ts';
import { openLink, requestLink, showLink } from './my-complaint-link.ts';
import { sendPageMessage } from './my-complaint-mail.ts';
import {
  askLink,
  pageHeaders,
  refused,
  type MyComplaintResponse,
  type MyComplaintView,
} from './my-complaint-response.ts';
import { caseView } from './my-complaint-view.ts';
import { readForm } from './read-form.ts';
import {
  csrfMatches,
  endedSessionCookie,
  makeSessionValue,
  sessionCookie,
  sessionFromRequest,
  type Session,
} from './session.ts';

export type { MyComplaintResponse, MyComplaintView };

/** The page's forms hold at most an addition of 5,000 characters: far below this. */
export const maxBodyBytes = 64 * 1024;

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
    headers: { ...pageHeaders },
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

/** The case of a session, when the page may still show it and no newer link revoked the session's. */
async function sessionCase(session: Session, now: Date): Promise<Case | undefined> {
  const record = await getStore().getCase(session.reference);
  return linkStanding(session, record, now) === 'open' ? record : undefined;
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
    return refused('unavailable');
  }
  try {
    return request.method === 'POST'
      ? await handlePost(request, locale, connection, url, secret, now)
      : await handleGet(request, locale, url, secret, now);
  } catch (error) {
    log('my-complaint.failed', { error: errorCode(error) });
    return refused('unavailable');
  }
}

async function handleGet(request: Request, locale: Locale, url: URL, secret: string, now: Date) {
  const token = url.searchParams.get('t');
  if (token !== null) return showLink(token, secret, now);
  const session = sessionFromRequest(request, secret, now, basePath);
  const record = session === undefined ? undefined : await sessionCase(session, now);
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
  if (!read.ok) return refused('invalid', undefined, read.status);
  const field = (name: string) => {
    const value = read.form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const action = field('action');
  if (action === 'open') return openLink(field('t'), url, locale, secret, now);
  if (action === 'link') return requestLink(request, connection, field('reference'), field('email'), secret, now);

  const session = sessionFromRequest(request, secret, now, basePath);
  // The page's own form (Astro's origin check let it through) without a live session: the session
  // ended while the person wrote. Say so and give back what they typed; nothing of any case is shown.
  if (session === undefined && (action === 'add' || action === 'answer-question')) {
    log('my-complaint.session-ended', { action });
    const kept = action === 'add' ? field('addition') : field(`antwoord-${field('question')}`);
    const named = referencePattern.test(field('reference')) ? field('reference') : undefined;
    return { ...refused('ended', named), view: { kind: 'refused', problem: 'ended', reference: named, kept } };
  }
  // A form of another session, another case or another site: refused, with nothing of any case.
  if (session === undefined || !csrfMatches(session, field('csrf')) || field('reference') !== session.reference) {
    log('my-complaint.forbidden', {});
    return refused('invalid', undefined, 403);
  }
  const record = await getStore().getCase(session.reference);
  const standing = linkStanding(session, record, now);
  if (standing !== 'open' || record === undefined) {
    // This session's own case can no longer be shown (closed too long ago, or a newer link
    // revoked the one it was opened with): the session ends with it.
    const ended = refused(standing === 'closed' ? 'closed' : 'revoked', session.reference);
    return { ...ended, headers: { ...ended.headers, 'Set-Cookie': endedSessionCookie(url, basePath) } };
  }
  const view = caseView(record, config);

  // Each write from the page costs the store (on GitHub a few calls): at most so many an hour per
  // case, whoever holds its session. Over it, the page says so and keeps what was typed.
  if (action === 'add' || action === 'answer-question') {
    const place = await getRateLimiter('page').take(record.reference, now);
    if (!place.ok) {
      log('my-complaint.page-limited', { reference: record.reference, action });
      const extra =
        action === 'add'
          ? { addition: { value: field('addition'), error: 'tooMany' as const } }
          : {
              questionAnswer: {
                id: field('question'),
                value: field(`antwoord-${field('question')}`),
                error: 'tooMany' as const,
              },
            };
      const page = casePage(record, session.csrf, locale, secret, now, extra, 429);
      return { ...page, headers: { ...page.headers, 'Retry-After': String(place.retryAfterSeconds) } };
    }
  }

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
    case 'answer-question': {
      const id = field('question');
      const value = field(`antwoord-${id}`);
      const answered = await answerQuestionOnPage(getStore(), config, record.reference, id, value, now, record);
      if (!answered.ok) {
        const status = answered.error === 'closed' ? 409 : 422;
        return casePage(
          record,
          session.csrf,
          locale,
          secret,
          now,
          { questionAnswer: { id, value, error: answered.error } },
          status,
        );
      }
      log('my-complaint.question-answered', { reference: record.reference, repeated: !answered.answered });
      return casePage(answered.case, session.csrf, locale, secret, now, { notice: 'answered' });
    }
    case 'withdraw-ask':
      if (!view.canWithdraw)
        return casePage(record, session.csrf, locale, secret, now, { notice: 'not-withdrawn' }, 409);
      return {
        status: 200,
        view: { kind: 'confirm-withdraw', reference: record.reference, csrf: session.csrf },
        headers: { ...pageHeaders },
      };
    case 'withdraw': {
      const closed = await withdraw(getStore(), config, record.reference, now);
      if (closed === undefined)
        return casePage(record, session.csrf, locale, secret, now, { notice: 'not-withdrawn' }, 409);
      log('my-complaint.withdrawn', { reference: record.reference });
      deliverInBackground(record.reference);
      // The withdrawal revoked every link, and so every other session; this one goes on, with
      // the new generation and the same CSRF value.
      const renewed = makeSessionValue(
        { reference: closed.reference, generation: linkGenerationOf(closed) },
        secret,
        now,
        Buffer.from(session.csrf, 'base64url'),
      );
      const page = casePage(closed, session.csrf, locale, secret, now, { notice: 'withdrawn' });
      return { ...page, headers: { ...page.headers, 'Set-Cookie': sessionCookie(renewed, url, basePath) } };
    }
    default:
      return casePage(record, session.csrf, locale, secret, now, {}, 400);
  }
}
