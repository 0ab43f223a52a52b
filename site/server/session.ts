// The complainant's short session on their own page, after the personal link was opened: a
// signed cookie holding the case's reference, the moment it ends and a CSRF secret, so no token
// stays in the address bar and every form on the page proves it came from this session.
// Pure: the secret, the clock and the random bytes are parameters.
import { timingSafeEqual } from 'node:crypto';
import { referencePattern } from '../../cases/case.ts';
import { hasValidSignature, signFields } from '../../cases/signed-token.ts';

/** The cookie's name; not `__Host-`, which browsers refuse without `Secure` (plain-http localhost). */
export const sessionCookieName = 'klachten-sessie';

/** How long a session lasts: long enough to read and write, short enough to forget. */
export const sessionMinutes = 30;

/** The signed purpose: a link's or a satisfaction token never passes as a session. */
const purpose = 'klachtenloket/sessie/v1';

const cookiePattern =
  /^(K-\d{4}-(?:[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}|[0-9A-HJKMNP-TV-Z]{6}))\.([1-9]\d{0,11})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** A valid session: which case, until when, and the secret its forms must carry. */
export interface Session {
  reference: string;
  expiresAt: Date;
  csrf: string;
}

/**
 * A new session's cookie value for one case, ending {@link sessionMinutes} after `now`.
 *
 * @example
 * makeSessionValue('K-2026-7QF3M9', secret, new Date(), randomBytes(16)) // 'K-2026-7QF3M9.1797325200.Ab3….Zx9…'
 */
export function makeSessionValue(reference: string, secret: string, now: Date, random: Uint8Array): string {
  if (!referencePattern.test(reference)) throw new Error(`Geen geldig kenmerk: ${reference}`);
  if (random.byteLength !== 16) throw new Error('Een sessie heeft 16 willekeurige bytes nodig.');
  const expires = String(Math.floor(now.getTime() / 1000) + sessionMinutes * 60);
  const csrf = Buffer.from(random).toString('base64url');
  return `${reference}.${expires}.${csrf}.${signFields(purpose, [reference, expires, csrf], secret)}`;
}

/**
 * The session a cookie value holds, when it is ours, unchanged and not yet ended; else undefined.
 *
 * @example
 * readSessionValue(value, secret, new Date())?.reference // 'K-2026-7QF3M9'
 */
export function readSessionValue(value: string, secret: string, now: Date): Session | undefined {
  const match = cookiePattern.exec(value);
  if (!match) return undefined;
  const [, reference = '', expires = '', csrf = '', signature = ''] = match;
  if (!hasValidSignature(purpose, [reference, expires, csrf], signature, secret)) return undefined;
  const expiresAt = new Date(Number(expires) * 1000);
  if (now.getTime() >= expiresAt.getTime()) return undefined;
  return { reference, expiresAt, csrf };
}

/**
 * The session cookie from a request's `Cookie` header, if it holds a valid one.
 *
 * @example
 * sessionFromRequest(request, secret, new Date()) // Session or undefined
 */
export function sessionFromRequest(request: Request, secret: string, now: Date): Session | undefined {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === sessionCookieName) {
      const session = readSessionValue(rest.join('='), secret, now);
      if (session !== undefined) return session;
    }
  }
  return undefined;
}

/**
 * Whether a posted CSRF value is this session's, compared in constant time.
 *
 * @example
 * csrfMatches(session, form.get('csrf')) // true only for the value the page put in its forms
 */
export function csrfMatches(session: Session, posted: unknown): boolean {
  if (typeof posted !== 'string') return false;
  const given = Buffer.from(posted);
  const expected = Buffer.from(session.csrf);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The `Set-Cookie` header of a session: `HttpOnly; SameSite=Strict; Path=/`, and `Secure` except
 * on plain http to a loopback address (the tests; a browser would drop a Secure cookie there).
 *
 * @example
 * sessionCookie(value, new URL('https://klachten.livable.nl/')) // 'klachten-sessie=…; Max-Age=1800; Path=/; HttpOnly; SameSite=Strict; Secure'
 */
export function sessionCookie(value: string, address: URL): string {
  const plainLoopback = address.protocol === 'http:' && loopback.has(address.hostname);
  const secure = plainLoopback ? '' : '; Secure';
  return `${sessionCookieName}=${value}; Max-Age=${sessionMinutes * 60}; Path=/; HttpOnly; SameSite=Strict${secure}`;
}

/**
 * The `Set-Cookie` header that ends a session (after a withdrawal, or a refused link).
 *
 * @example
 * endedSessionCookie(new URL('https://klachten.livable.nl/')) // 'klachten-sessie=; Max-Age=0; …'
 */
export function endedSessionCookie(address: URL): string {
  return sessionCookie('', address).replace(/Max-Age=\d+/, 'Max-Age=0');
}
