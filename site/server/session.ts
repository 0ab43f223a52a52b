// The complainant's short session on their own page, started by the button behind a personal
// link (never by the link itself): a signed cookie holding the case's reference, the link
// generation it was opened with, the moment it ends and a CSRF secret, so no token stays in the
// address bar and every form on the page proves it came from this session. A session opened with
// a link that a newer one revoked ends with it (see cases/complainant-token.ts).
//
// The cookie lives under the site's own path (the base of site.url), never the whole domain: at
// the domain root it is a `__Host-` cookie, under a path a `__Secure-` one; on plain-http
// loopback (the tests) neither prefix can be used, so there it is plain `klachten-sessie`.
// Pure: the secret, the clock, the random bytes and the base path are parameters.
import { timingSafeEqual } from 'node:crypto';
import { referencePattern } from '../../cases/case.ts';
import { hasValidSignature, signFields } from '../../cases/signed-token.ts';

/** The cookie's name without its prefix. */
export const sessionCookieBaseName = 'klachten-sessie';

/** How long a session lasts: long enough to read and write, short enough to forget. */
export const sessionMinutes = 30;

/** The signed purpose: a link's or a satisfaction token never passes as a session. */
const purpose = 'klachtenloket/sessie/v2';

const cookiePattern = new RegExp(
  `^(${referencePattern.source.slice(1, -1)})\\.(0|[1-9]\\d{0,8})\\.([1-9]\\d{0,11})\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})$`,
);

/** A valid session: which case, opened with which link generation, until when, and its forms' secret. */
export interface Session {
  reference: string;
  generation: number;
  expiresAt: Date;
  csrf: string;
}

/**
 * A new session's cookie value for one case, ending {@link sessionMinutes} after `now`.
 *
 * @example
 * makeSessionValue({ reference: 'K-2026-7QF3M9', generation: 2 }, secret, new Date(), randomBytes(16))
 * // 'K-2026-7QF3M9.2.1797325200.Ab3….Zx9…'
 */
export function makeSessionValue(
  opened: { reference: string; generation: number },
  secret: string,
  now: Date,
  random: Uint8Array,
): string {
  const { reference } = opened;
  if (!referencePattern.test(reference)) throw new Error(`Geen geldig kenmerk: ${reference}`);
  if (!Number.isSafeInteger(opened.generation) || opened.generation < 0) throw new Error('Ongeldige generatie.');
  if (random.byteLength !== 16) throw new Error('Een sessie heeft 16 willekeurige bytes nodig.');
  const generation = String(opened.generation);
  const expires = String(Math.floor(now.getTime() / 1000) + sessionMinutes * 60);
  const csrf = Buffer.from(random).toString('base64url');
  const fields = [reference, generation, expires, csrf];
  return `${fields.join('.')}.${signFields(purpose, fields, secret)}`;
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
  const [, reference = '', generation = '', expires = '', csrf = '', signature = ''] = match;
  if (!hasValidSignature(purpose, [reference, generation, expires, csrf], signature, secret)) return undefined;
  const expiresAt = new Date(Number(expires) * 1000);
  if (now.getTime() >= expiresAt.getTime()) return undefined;
  return { reference, generation: Number(generation), expiresAt, csrf };
}

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Where the cookie goes, what it is called there, and whether it is `Secure`. */
export interface CookieScope {
  name: string;
  path: string;
  secure: boolean;
}

/**
 * The session cookie's name, path and `Secure` flag for a request to `address` on a site built
 * under `base` ('/' or '/klachten/'). `Secure` everywhere but plain http to a loopback address (a
 * browser drops a Secure cookie there); then the prefix that the browser enforces: `__Host-` at
 * the domain root (Secure, Path=/, no Domain), `__Secure-` under a path.
 *
 * @example
 * cookieScope(new URL('https://klachten.livable.nl/mijn-klacht/'), '/') // { name: '__Host-klachten-sessie', path: '/', secure: true }
 * cookieScope(new URL('https://livable.nl/klachten/mijn-klacht/'), '/klachten/') // { name: '__Secure-klachten-sessie', path: '/klachten/', … }
 */
export function cookieScope(address: URL, base: string): CookieScope {
  const path = base.endsWith('/') ? base : `${base}/`;
  const secure = !(address.protocol === 'http:' && loopback.has(address.hostname));
  const prefix = !secure ? '' : path === '/' ? '__Host-' : '__Secure-';
  return { name: `${prefix}${sessionCookieBaseName}`, path, secure };
}

/**
 * The session cookie from a request's `Cookie` header, if it holds a valid one.
 *
 * @example
 * sessionFromRequest(request, secret, new Date(), '/') // Session or undefined
 */
export function sessionFromRequest(request: Request, secret: string, now: Date, base: string): Session | undefined {
  const { name: wanted } = cookieScope(new URL(request.url), base);
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === wanted) {
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

/**
 * The `Set-Cookie` header of a session: `HttpOnly; SameSite=Strict`, the site's path, and
 * `Secure` with its prefix except on plain http to a loopback address (see {@link cookieScope}).
 *
 * @example
 * sessionCookie(value, new URL('https://klachten.livable.nl/'), '/')
 * // '__Host-klachten-sessie=…; Max-Age=1800; Path=/; HttpOnly; SameSite=Strict; Secure'
 */
export function sessionCookie(value: string, address: URL, base: string): string {
  const scope = cookieScope(address, base);
  const secure = scope.secure ? '; Secure' : '';
  return `${scope.name}=${value}; Max-Age=${sessionMinutes * 60}; Path=${scope.path}; HttpOnly; SameSite=Strict${secure}`;
}

/**
 * The `Set-Cookie` header that ends a session (when its case can no longer be shown).
 *
 * @example
 * endedSessionCookie(new URL('https://klachten.livable.nl/'), '/') // '__Host-klachten-sessie=; Max-Age=0; …'
 */
export function endedSessionCookie(address: URL, base: string): string {
  return sessionCookie('', address, base).replace(/Max-Age=\d+/, 'Max-Age=0');
}
