/**
 * The signing under every link and cookie the site hands out: HMAC-SHA256 over a purpose (the
 * domain string) and the token's fields, with the secret from `KLACHTEN_TOKEN_SECRET`. The purpose
 * is signed, not written: a token made for one purpose (the satisfaction question) fails the
 * signature of every other (the complainant's page, its session), with the same secret.
 *
 * Pure: the secret is a parameter.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Fewer characters than this is no secret worth the name: refuse to sign or check with it. */
export const minimumSecretLength = 32;

/**
 * Throws when the secret is too short to sign with.
 *
 * @example
 * checkSecret('kort') // throws "KLACHTEN_TOKEN_SECRET is te kort: …"
 */
export function checkSecret(secret: string): void {
  if (secret.length < minimumSecretLength) {
    throw new Error(
      `KLACHTEN_TOKEN_SECRET is te kort: gebruik minstens ${minimumSecretLength} willekeurige tekens ` +
        '(bijvoorbeeld de uitvoer van `openssl rand -hex 32`).',
    );
  }
}

function mac(purpose: string, fields: readonly string[], secret: string): Buffer {
  return createHmac('sha256', secret)
    .update([purpose, ...fields].join('\n'))
    .digest();
}

/**
 * The signature of `fields` for `purpose`: 43 base64url characters.
 *
 * @example
 * signFields('klachtenloket/tevredenheid/v1', ['K-2026-7QF3M9', '1797325200'], secret) // 'q1w…'
 */
export function signFields(purpose: string, fields: readonly string[], secret: string): string {
  checkSecret(secret);
  return mac(purpose, fields, secret).toString('base64url');
}

/**
 * Whether `signature` is the signature of `fields` for `purpose`, compared in constant time. Only
 * the canonical spelling counts: 43 characters carry 258 bits, and a change in the last two would
 * decode to the same bytes.
 *
 * @example
 * hasValidSignature('klachtenloket/mijn-klacht/v1', [reference, expires], signature, secret) // true or false
 */
export function hasValidSignature(
  purpose: string,
  fields: readonly string[],
  signature: string,
  secret: string,
): boolean {
  checkSecret(secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== 32 || given.toString('base64url') !== signature) return false;
  return timingSafeEqual(given, mac(purpose, fields, secret));
}
