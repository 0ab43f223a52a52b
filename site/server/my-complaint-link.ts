// The personal link's way into the complainant's page, and the form that asks for a new one.
//
// GET ?t=<token>      shows one button ("Open mijn klacht") and changes nothing: no cookie is set
//                     and none is cleared, so a mail scanner or browser that prefetches the link,
//                     or another site that links a visitor to it, starts no session and ends none.
// POST action=open    the button: the token travels in the form, the session starts, and a 303
//                     leads to the plain address, where no token remains. Astro's checkOrigin has
//                     refused the post if it came from another site (403) before this runs.
// POST action=link    the lost-link form: the same answer whether or not the reference and the
//                     address belong together; a new link goes only to the address the case holds.
//
// A link that is refused (not ours, past its days, revoked by a newer one, a withdrawal or an
// erasure) is explained, with the form for a new link; a session the visitor already has stays.
import { randomBytes } from 'node:crypto';
import type { Case } from '../../cases/case.ts';
import { linkGenerationOf, linkStanding, verifyComplainantToken } from '../../cases/complainant-token.ts';
import config from '../../klachten.config.ts';
import { basePath, paths } from '../i18n/ui.ts';
import type { Locale } from '../../cases/locale.ts';
import { clientAddress } from './client-address.ts';
import { getRateLimiter, getSettings, getStore, log } from './context.ts';
import { sendPageMessage } from './my-complaint-mail.ts';
import { askLink, pageHeaders, refused, type MyComplaintResponse } from './my-complaint-response.ts';
import { makeSessionValue, sessionCookie } from './session.ts';

/** A link that may open its case's page now, or the refusal to show instead. */
async function checkLink(
  token: string,
  secret: string,
  now: Date,
): Promise<{ ok: true; record: Case } | { ok: false; refusal: MyComplaintResponse }> {
  const days = config.myComplaint.linkValidDays;
  const check = verifyComplainantToken(token, secret, now, days);
  if (!check.ok) {
    log('my-complaint.link-refused', { problem: check.problem });
    return { ok: false, refusal: refused(check.problem === 'expired' ? 'expired' : 'invalid', check.reference) };
  }
  const record = await getStore().getCase(check.reference);
  const standing = linkStanding(check, record, now);
  if (standing !== 'open' || record === undefined) {
    log('my-complaint.link-refused', { reference: check.reference, problem: standing });
    return { ok: false, refusal: refused(standing === 'closed' ? 'closed' : 'revoked', check.reference) };
  }
  return { ok: true, record };
}

/**
 * The page a personal link opens: its one button, or why it cannot be used. Sets no cookie.
 *
 * @example
 * await showLink(url.searchParams.get('t')!, secret, new Date()) // { status: 200, view: { kind: 'open-link', … } }
 */
export async function showLink(token: string, secret: string, now: Date): Promise<MyComplaintResponse> {
  const link = await checkLink(token, secret, now);
  if (!link.ok) return link.refusal;
  return {
    status: 200,
    view: { kind: 'open-link', reference: link.record.reference, token },
    headers: { ...pageHeaders },
  };
}

/**
 * The button's post: a session for the link's case and a 303 to the plain address; or the refusal,
 * with any session the visitor had left alone.
 *
 * @example
 * await openLink(form.get('t'), url, 'nl', secret, new Date()) // 303 with Set-Cookie
 */
export async function openLink(
  token: string,
  url: URL,
  locale: Locale,
  secret: string,
  now: Date,
): Promise<MyComplaintResponse> {
  const link = await checkLink(token, secret, now);
  if (!link.ok) return link.refusal;
  const { reference } = link.record;
  const value = makeSessionValue(
    { reference, generation: linkGenerationOf(link.record) },
    secret,
    now,
    randomBytes(16),
  );
  log('my-complaint.opened', { reference });
  const headers = {
    ...pageHeaders,
    Location: paths[locale].myComplaint,
    'Set-Cookie': sessionCookie(value, url, basePath),
  };
  return { status: 303, response: new Response(null, { status: 303, headers }), headers: {} };
}

/**
 * The lost-link form: the same answer, status and (about) time whether or not the reference and
 * the address belong together; the link goes only to the address the case holds, within the mail
 * budget (site/server/my-complaint-mail.ts), which answers nothing either.
 *
 * @example
 * await requestLink(request, connection, 'K-2026-7QF3-M9XA', 'zoe@example.nl', new Date()) // { status: 200, … sent: true }
 */
export async function requestLink(
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
    linkStanding({ generation: linkGenerationOf(record) }, record, now) === 'open';
  // Logged without saying whether it matched: the log must not answer what the page does not.
  log('my-complaint.link-asked', {});
  if (matches) sendPageMessage('link', record, secret, now);
  return askLink(200, { sent: true });
}
