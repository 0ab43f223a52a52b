/**
 * The token in the satisfaction link ("was your complaint resolved to your satisfaction?").
 *
 * A token names the case and the moment it stops working, signed with HMAC-SHA256 under a secret
 * from the environment (`KLACHTEN_TOKEN_SECRET`): `K-2026-7QF3M9.1767225600.<43 base64url chars>`.
 * It holds no personal data, so it may travel in a URL; the signature makes it unguessable and
 * unchangeable. "Usable once" is not the token's business: the case records the answer, and a case
 * that has one refuses every further answer (see `cases/mail/satisfaction.ts`).
 *
 * Pure: the secret and the moment are parameters.
 */
import { referencePattern } from './case.ts';
import { checkSecret, hasValidSignature, signFields } from './signed-token.ts';

/** What a valid token says. */
export interface SatisfactionClaim {
  reference: string;
  /** The first moment at which the token no longer works. */
  expiresAt: Date;
}

/** Why a token was refused: unreadable, not ours (forged or altered), or too late. */
export type TokenProblem = 'malformed' | 'signature' | 'expired';

/** The outcome of checking a token. */
export type TokenCheck = ({ ok: true } & SatisfactionClaim) | { ok: false; problem: TokenProblem };

// The domain string keeps a signature made for anything else with the same secret from passing here.
const domain = 'klachtenloket/tevredenheid/v1';
const tokenPattern =
  /^(K-\d{4}-(?:[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}|[0-9A-HJKMNP-TV-Z]{6}))\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/**
 * Whether a text has the shape of a token, before any secret, clock or store is asked: the
 * satisfaction page turns anything else away at once.
 *
 * @example
 * hasTokenShape('K-2026-7QF3M9.1797325200.q1w…') // true for a whole token
 * hasTokenShape('<script>') // false
 */
export function hasTokenShape(token: string): boolean {
  return tokenPattern.test(token);
}

/**
 * The moment a link sent at `sentAt` stops working: `validDays` later (config `satisfaction.validDays`).
 *
 * @example
 * satisfactionExpiry(new Date('2026-12-01T09:00:00Z'), 14) // 2026-12-15T09:00:00.000Z
 */
export function satisfactionExpiry(sentAt: Date, validDays: number): Date {
  return new Date(sentAt.getTime() + validDays * 24 * 60 * 60 * 1000);
}

/**
 * Makes the token for one case, valid until `expiresAt` (rounded down to the second).
 *
 * @example
 * makeSatisfactionToken({ reference: 'K-2026-7QF3M9', expiresAt: new Date('2026-12-15T09:00:00Z') }, secret)
 * // 'K-2026-7QF3M9.1797325200.q1w…'
 */
export function makeSatisfactionToken(claim: SatisfactionClaim, secret: string): string {
  checkSecret(secret);
  if (!referencePattern.test(claim.reference)) throw new Error(`Geen geldig kenmerk: ${claim.reference}`);
  const expires = Math.floor(claim.expiresAt.getTime() / 1000);
  if (!Number.isSafeInteger(expires) || expires < 0) throw new Error('Ongeldige vervaldatum voor de link.');
  return `${claim.reference}.${expires}.${signFields(domain, [claim.reference, String(expires)], secret)}`;
}

/**
 * Checks a token from a link: well-formed, signed with this secret, and not yet expired at `now`.
 * Any change to any character is refused, including ones base64url decoding would ignore.
 *
 * @example
 * verifySatisfactionToken(token, secret, new Date()) // { ok: true, reference: 'K-2026-7QF3M9', expiresAt }
 * verifySatisfactionToken('K-2026-7QF3M9.1.xyz', secret, new Date()) // { ok: false, problem: 'malformed' }
 */
export function verifySatisfactionToken(token: string, secret: string, now: Date): TokenCheck {
  checkSecret(secret);
  const match = tokenPattern.exec(token);
  if (!match) return { ok: false, problem: 'malformed' };
  const [, reference = '', expiresText = '', signatureText = ''] = match;
  const expires = Number(expiresText);
  // The fields as signed: the digits as written, so "0017…" never passes for "17…".
  if (String(expires) !== expiresText) return { ok: false, problem: 'signature' };
  if (!hasValidSignature(domain, [reference, expiresText], signatureText, secret)) {
    return { ok: false, problem: 'signature' };
  }
  const expiresAt = new Date(expires * 1000);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, reference, expiresAt };
}
