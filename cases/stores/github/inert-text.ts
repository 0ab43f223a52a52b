/**
 * Text a person typed, made inert for the readable copy of an issue: hidden characters dropped,
 * and shown only inside a fenced code block that nothing inside can close.
 */

/**
 * Characters dropped from the displayed copy: C0 and C1 controls (tab and newline stay), bidi
 * embeddings, overrides, isolates and marks, and invisible zero-width characters. ZWJ and ZWNJ
 * stay: emoji sequences and several scripts need them.
 */
const hiddenCharacters =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/**
 * The displayed copy of a text a person typed: line endings as `\n`, hidden characters dropped,
 * unpaired surrogates replaced. The machine block keeps the original.
 *
 * @example
 * displayText('a\u202Eb\r\nc') // 'ab\nc'
 */
export function displayText(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(hiddenCharacters, '')
    .toWellFormed();
}

/**
 * A fenced code block around a displayed text: the fence is one backtick longer than the longest
 * run of backticks inside, so nothing inside can close it, and nothing inside is ever rendered as
 * Markdown or HTML by GitHub (no mentions, references or autolinks in code either).
 *
 * @example
 * fence('a ``` b') // '````text\na ``` b\n````'
 */
export function fence(text: string): string {
  const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
  const ticks = '`'.repeat(Math.max(3, longestRun + 1));
  return `${ticks}text\n${text}\n${ticks}`;
}

/**
 * Splits a displayed text into pieces of at most `max` code units, preferring line breaks and
 * never splitting a surrogate pair.
 *
 * @example
 * splitForDisplay('ab\ncd', 3) // ['ab', 'cd']
 */
export function splitForDisplay(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = max;
    // Never split a surrogate pair.
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(rest[cut] === '\n' ? cut + 1 : cut);
  }
  pieces.push(rest);
  return pieces;
}
