/** Crockford's base32 alphabet: no I, L, O or U, so a reference read aloud is not misheard. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Makes a case reference that is unguessable and says nothing about volume.
 * The randomness is a parameter so tests can pin it; production passes `crypto.getRandomValues`.
 *
 * @example
 * makeReference(2026, (bytes) => crypto.getRandomValues(bytes)) // 'K-2026-7QF3M9'
 */
export function makeReference(year: number, fillRandom: (bytes: Uint8Array) => Uint8Array): string {
  const bytes = fillRandom(new Uint8Array(6));
  // Each byte's low 5 bits pick one character: uniform, since 256 is a multiple of 32.
  const code = Array.from(bytes, (byte) => alphabet[byte & 31]).join('');
  return `K-${year}-${code}`;
}
