/** Crockford's base32 alphabet: no I, L, O or U, so a reference read aloud is not misheard. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const character = '[0-9A-HJKMNP-TV-Z]';

// Since 2026-12 a reference carries 40 random bits in two groups of four (K-2026-7QF3-M9XA):
// with 30 bits the chance of some collision was 4.6 % a year at 10,000 cases. References of the
// old form (K-2026-7QF3M9) stay valid everywhere: they are on letters, mails and issues already.
const code = `(?:${character}{4}-${character}{4}|${character}{6})`;

/**
 * A whole case reference, of the current or the old form.
 *
 * @example
 * referencePattern.test('K-2026-7QF3-M9XA') // true
 * referencePattern.test('K-2026-7QF3M9') // true (old form)
 */
export const referencePattern = new RegExp(`^K-\\d{4}-${code}$`);

/**
 * A case reference inside a longer text (a title, a mail subject); not global, so `exec` is stateless.
 *
 * @example
 * referenceInText.exec('Klacht K-2026-7QF3-M9XA: onderhoud')?.[0] // 'K-2026-7QF3-M9XA'
 */
export const referenceInText = new RegExp(`\\bK-\\d{4}-${code}(?![0-9A-Z-])`);

/**
 * Makes a case reference that is unguessable and says nothing about volume: the year and eight
 * Crockford base32 characters (40 random bits) in two groups of four, easy to read aloud.
 * The randomness is a parameter so tests can pin it; production passes `crypto.getRandomValues`.
 *
 * @example
 * makeReference(2026, (bytes) => crypto.getRandomValues(bytes)) // 'K-2026-7QF3-M9XA'
 */
export function makeReference(year: number, fillRandom: (bytes: Uint8Array) => Uint8Array): string {
  const bytes = fillRandom(new Uint8Array(8));
  // Each byte's low 5 bits pick one character: uniform, since 256 is a multiple of 32.
  const characters = Array.from(bytes, (byte) => alphabet[byte & 31]).join('');
  return `K-${year}-${characters.slice(0, 4)}-${characters.slice(4)}`;
}
