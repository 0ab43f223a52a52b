/**
 * The characters that break a line or steer how text is shown without being seen: C0 and C1
 * controls (line feed, carriage return, vertical tab, form feed, next line U+0085, escape …), the
 * line and paragraph separators U+2028 and U+2029, and the format characters (Unicode category
 * Cf: bidi embeddings, overrides, isolates and marks, zero-width spaces, the byte-order mark,
 * soft hyphen, tags). In a one-line field any of them can forge a line ("E-mail: …" under the
 * real one) or reorder what a reader sees. The zero-width joiner and non-joiner are text, not
 * format: emoji sequences and several scripts need them.
 *
 * Imports nothing: the form (refusing them), the command line's output gate and the mail
 * templates (showing them as visible escapes) use the one definition.
 */

/** Any line-breaking, control or format character, joiners excepted. */
const lineOrFormat = /[\p{Cc}\u2028\u2029]|(?![\u200c\u200d])\p{Cf}/u;
const lineOrFormatAll = new RegExp(lineOrFormat.source, 'gu');
/** The same, but tab and line feed stay: the layout of a multi-line text, or of a whole output. */
const hiddenInText = /(?![\t\n])[\p{Cc}\u2028\u2029]|(?![\u200c\u200d])\p{Cf}/gu;

/**
 * Whether a one-line value holds a character that breaks the line or hides itself.
 *
 * @example
 * holdsLineOrFormat('Zoë\u2028E-mail: x@y.nl') // true
 * holdsLineOrFormat('Zoë Ünal-de Wit') // false
 */
export function holdsLineOrFormat(value: string): boolean {
  return lineOrFormat.test(value);
}

/** `\u2028` for U+2028, `\u{e0041}` beyond the basic plane: what JSON and JavaScript read back. */
function escapeOf(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * A one-line value for display: every line-breaking, control and format character written as a
 * visible escape, so data from before the form refused them shows on one line, with what was
 * there in sight.
 *
 * @example
 * oneLineVisible('Zoë\u2028E-mail: x@y.nl') // 'Zoë\\u2028E-mail: x@y.nl'
 * oneLineVisible('a\nb\u202ec') // 'a\\u000ab\\u202ec'
 */
export function oneLineVisible(value: string): string {
  return value.replace(lineOrFormatAll, escapeOf);
}

/**
 * A text for display with its layout kept: tabs and line feeds stay, a carriage return before a
 * line feed goes, every other control, line-separator and format character becomes a visible
 * escape (never a line break, never a hidden reordering).
 *
 * @example
 * textVisible('Regel 1\r\nRegel 2\u2029nep\u001b[2J') // 'Regel 1\nRegel 2\\u2029nep\\u001b[2J'
 */
export function textVisible(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(hiddenInText, escapeOf).toWellFormed();
}
