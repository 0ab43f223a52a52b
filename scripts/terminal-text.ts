import { displayText } from '../cases/stores/github/inert-text.ts';

/**
 * What the `klachten` command may write to a terminal: text from a case can hold anything a
 * complainant (or a bot) typed, and an escape sequence written raw clears a coordinator's screen,
 * recolours it or fakes output, and a bidi override reorders what they read. So every line the
 * command prints loses its control characters (tab and newline stay) and its bidi and invisible
 * characters, the same set the readable copy of an issue drops.
 *
 * @example
 * terminalText('Zoë\u001b[2J\u202e') // 'Zoë[2J'
 */
export function terminalText(text: string): string {
  return displayText(text);
}
