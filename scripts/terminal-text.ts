import { textVisible } from '../cases/format-characters.ts';

/**
 * What the `klachten` command may write to a terminal: text from a case can hold anything a
 * complainant (or a bot) typed, and an escape sequence written raw clears a coordinator's screen,
 * recolours it or fakes output, a line separator (U+2028, U+0085, a vertical tab) starts a fake
 * line, and a bidi override reorders what they read. So every line the command prints keeps its
 * tabs and newlines and shows every other control, line-separator and format character as a
 * visible escape (`\u001b`, `\u2028`, `\u202e`): nothing acts, nothing hides, nothing is lost, and
 * JSON output stays JSON that reads back to the same text.
 *
 * @example
 * terminalText('Zoë\u001b[2J\u2028E-mail: nep\u202e') // 'Zoë\\u001b[2J\\u2028E-mail: nep\\u202e'
 */
export function terminalText(text: string): string {
  return textVisible(text);
}
