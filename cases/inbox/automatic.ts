/**
 * Mail that no person wrote: auto-replies ("I am out of the office"), bounces and delivery
 * reports, and bulk or list mail. Such a message is never put on a case and never answered
 * (RFC 3834), whatever address or subject it carries: an out-of-office note quotes the answer
 * mail, reference and all.
 *
 * Pure: it reads the raw header lines of one message.
 */

/** One header line as mailparser's `headerLines` gives it: the lowercased name and the raw line. */
export interface HeaderLine {
  key: string;
  line: string;
}

/** Why a message counts as automatic, as a short cause code for the log and the status. */
export type AutomaticCause =
  'auto-submitted' | 'precedence' | 'null-sender' | 'x-autoreply' | 'delivery-report' | 'list';

function valueOf(line: string): string {
  const colon = line.indexOf(':');
  return line
    .slice(colon + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

/**
 * Why this message was written by a machine, or undefined when nothing says so.
 *
 * @example
 * automaticCause([{ key: 'auto-submitted', line: 'Auto-Submitted: auto-replied' }]) // 'auto-submitted'
 * automaticCause([{ key: 'auto-submitted', line: 'Auto-Submitted: no' }])           // undefined
 */
export function automaticCause(headers: readonly HeaderLine[]): AutomaticCause | undefined {
  for (const { key, line } of headers) {
    const value = valueOf(line).toLowerCase();
    switch (key) {
      case 'auto-submitted':
        // "no" (with or without comments) is the one value a person's mail may carry.
        if (value.replace(/\(.*?\)/g, '').trim() !== 'no') return 'auto-submitted';
        break;
      case 'precedence':
        if (['bulk', 'junk', 'list', 'auto_reply'].includes(value.replace(/\(.*?\)/g, '').trim())) return 'precedence';
        break;
      case 'return-path':
        if (/^<\s*>$/.test(value) || value === '') return 'null-sender';
        break;
      case 'x-autoreply':
      case 'x-autorespond':
      case 'x-autoresponse':
        return 'x-autoreply';
      case 'list-id':
      case 'list-unsubscribe':
        return 'list';
      case 'from':
        // A bounce from a server that writes no report still signs as the mail system.
        if (/(^|[<\s"])(mailer-daemon|postmaster)@/.test(value)) return 'delivery-report';
        break;
      case 'content-type':
        if (/^multipart\/report\b/.test(value)) return 'delivery-report';
        break;
      default:
        break;
    }
  }
  return undefined;
}
