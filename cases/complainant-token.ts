/**
 * The token in the complainant's personal link to their own page (`/mijn-klacht/?t=…`).
 *
 * The same shape and signing as the satisfaction link (`REF.EXPIRES.SIGNATURE`, see
 * `signed-token.ts`), under a purpose of its own: a satisfaction token is refused here and this
 * token there, even with the same secret. It holds no personal data. The token says until when it
 * may be used; the case decides the rest: a link opens the page while the case is open and for
 * {@link daysAfterClosing} days after it closed (see {@link pageStillOpen}).
 *
 * Pure: the secret and the moment are parameters.
 */
import { referencePattern, type Case } from './case.ts';
import { isOpen } from './lifecycle.ts';
import { checkSecret, hasValidSignature, signFields } from './signed-token.ts';

/** The signed purpose: never the same as another token's. */
const purpose = 'klachtenloket/mijn-klacht/v1';

/** A link opens the page for this long after it was sent (a case rarely lasts three months). */
export const linkValidDays = 365;

/** After a case closed, its page can be opened for this many days more. */
export const daysAfterClosing = 60;

const dayMs = 24 * 60 * 60 * 1000;

const tokenPattern =
  /^(K-\d{4}-(?:[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}|[0-9A-HJKMNP-TV-Z]{6}))\.([1-9]\d{0,11})\.([A-Za-z0-9_-]{43})$/;

/** Why a token was refused: unreadable, not ours or not for this page, or too late. */
export type ComplainantTokenCheck =
  { ok: true; reference: string; expiresAt: Date } | { ok: false; problem: 'malformed' | 'signature' | 'expired' };

/**
 * Makes the personal link's token for one case, valid for {@link linkValidDays} days from `now`.
 *
 * @example
 * makeComplainantToken('K-2026-7QF3M9', secret, new Date()) // 'K-2026-7QF3M9.1828861200.Zx9…'
 */
export function makeComplainantToken(reference: string, secret: string, now: Date): string {
  checkSecret(secret);
  if (!referencePattern.test(reference)) throw new Error(`Geen geldig kenmerk: ${reference}`);
  const expires = String(Math.floor((now.getTime() + linkValidDays * dayMs) / 1000));
  return `${reference}.${expires}.${signFields(purpose, [reference, expires], secret)}`;
}

/**
 * Checks a personal link's token: its shape, its signature for this purpose, and its expiry.
 *
 * @example
 * verifyComplainantToken(token, secret, new Date()) // { ok: true, reference: 'K-2026-7QF3M9', expiresAt }
 * verifyComplainantToken(satisfactionToken, secret, new Date()) // { ok: false, problem: 'signature' }
 */
export function verifyComplainantToken(token: string, secret: string, now: Date): ComplainantTokenCheck {
  checkSecret(secret);
  const match = tokenPattern.exec(token);
  if (!match) return { ok: false, problem: 'malformed' };
  const [, reference = '', expires = '', signature = ''] = match;
  if (!hasValidSignature(purpose, [reference, expires], signature, secret)) return { ok: false, problem: 'signature' };
  const expiresAt = new Date(Number(expires) * 1000);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, reference, expiresAt };
}

/**
 * Whether the complainant's page of this case may still be opened: while it is open, and for
 * {@link daysAfterClosing} days after its last move closed it.
 *
 * @example
 * pageStillOpen(closedTwoMonthsAgo, new Date()) // false
 */
export function pageStillOpen(record: Pick<Case, 'status' | 'events'>, now: Date): boolean {
  if (isOpen(record)) return true;
  const closedAt = record.events.findLast((event) => event.status === record.status)?.at;
  if (closedAt === undefined) return false;
  return now.getTime() < Date.parse(closedAt) + daysAfterClosing * dayMs;
}
