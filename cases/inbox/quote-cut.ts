/**
 * What the complainant wrote in a reply, without the history their mail program quoted under it:
 * `email-reply-parser` (Crisp's, after GitHub's) cuts at the quote headers of most languages
 * ("Op … schreef …:", "On … wrote:"), drops `>` lines and the phone's "Verzonden vanaf mijn
 * iPhone"; before it, the headers it does not know are cut here: Outlook's
 * "-----Oorspronkelijk bericht-----" and its "Van:/Verzonden:" block (also "From:/Sent:") whose
 * address has no angle brackets.
 *
 * Pure. The text is bounded before any pattern sees it, so no message can make the patterns slow.
 */
import EmailReplyParser from 'email-reply-parser';

/** At most this much of a mail's text is looked at; a reply is a few paragraphs. */
export const maxReplyScanCharacters = 64 * 1024;

const separator =
  /^\s*-{2,}\s*(oorspronkelijk bericht|original message|doorgestuurd bericht|forwarded message)\s*-{2,}\s*$/i;
const fromLine = /^\s*\*?(van|from)\s?:\*?\s+\S/i;
const blockLine = /^\s*\*?(verzonden|sent|datum|date|aan|to|onderwerp|subject)\s?:\*?\s/i;

/** Cuts at the first Outlook-style header that email-reply-parser would miss. */
function cutOutlookHistory(lines: readonly string[]): readonly string[] {
  for (const [index, line] of lines.entries()) {
    if (separator.test(line)) return lines.slice(0, index);
    // "Van: …" starts a quoted block only when the header lines of the quoted mail follow it.
    if (fromLine.test(line) && lines.slice(index + 1, index + 3).some((next) => blockLine.test(next)))
      return lines.slice(0, index);
  }
  return lines;
}

/**
 * The reply without its quoted history and the phone's signature line, trimmed; '' when nothing
 * is left (a reply that only quotes).
 *
 * @example
 * cutQuotedHistory('Hierbij de foto.\n\nOp 3 dec. 2026 schreef Klachtenloket <k@livable.nl>:\n> Geachte …')
 * // 'Hierbij de foto.'
 */
export function cutQuotedHistory(text: string): string {
  const bounded = text.slice(0, maxReplyScanCharacters).replace(/\r\n?/g, '\n');
  const lines = cutOutlookHistory(bounded.split('\n'));
  const reply = new EmailReplyParser().parseReply(lines.join('\n'));
  return reply.replace(/[ \t]+$/gm, '').trim();
}
