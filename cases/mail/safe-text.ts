/**
 * Making what a complainant typed safe to quote in a mail sent under the organisation's name.
 *
 * The web form lets anyone put text into a mail that goes to any address they type: without care
 * it is a way to send phishing that passes every check, since it really comes from us. So quoted
 * text is "defanged": web addresses lose their power to be links (`example[.]com`, `hxxps[:]//`),
 * also in mail clients that turn anything looking like an address into a link; invisible
 * characters that could hide or reorder text are dropped. Escaping for HTML happens when the
 * mail is rendered (`render-template.ts`); header fields get {@link headerText}.
 *
 * Pure.
 */

// Characters IDNA (and so browsers and mail clients) read as a dot between domain labels.
const dots = '.\u3002\uFF0E\uFF61\u2024';
const label = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}_-]*[\\p{L}\\p{N}\\p{M}])?';
const hostLike = new RegExp(`${label}(?:[${dots}]${label})+`, 'gu');
const dotsInHost = new RegExp(`[${dots}]`, 'gu');
// Any scheme followed by `//` (http://, hxxp:// excepted since it is already harmless).
const schemeWithSlashes = /([a-z][a-z0-9+.-]{0,30}):(?:\/\/|\\\\)/gi;
// Schemes that are live without slashes.
const bareScheme = /(mailto|javascript|vbscript|data|file|tel|sms|callto|skype|facetime|whatsapp|news|nntp):/gi;
// "www." starts a link in many clients even before the rest of the name is there.
const wwwDot = new RegExp(`www[${dots}]`, 'giu');
// Bidi overrides and isolates, zero-width and other format characters (Cf) can make text read
// differently from what it is; the zero-width joiner stays, emoji sequences need it.
const invisible = /(?!\u200D)[\p{Cf}]|(?![\t\n])\p{Cc}/gu;

/**
 * Drops characters that are invisible or steer the reading direction, and turns every kind of
 * line break into `\n`.
 *
 * @example
 * stripInvisible('pay\u202Egnp.exe\r\nnow') // 'paygnp.exe\nnow'
 */
export function stripInvisible(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').replace(invisible, '');
}

/** Whether a dotted run of labels could be read as a host name by a mail client. */
function looksLikeHost(candidate: string): boolean {
  const labels = candidate.split(dotsInHost);
  // Any label after a dot could end a host name a client links ("evil.com.5" holds "evil.com"),
  // if it could be a top-level domain: two or more characters, one a letter. "3.5" and "o.a." stay.
  if (labels.slice(1).some((part) => part.length >= 2 && /\p{L}/u.test(part))) return true;
  // An IPv4 address.
  return labels.length >= 4 && labels.every((part) => /^\d{1,3}$/.test(part));
}

/**
 * Makes complainant text safe to quote: no live links, no hidden characters. The text stays
 * readable: a person sees what was written, with its addresses visibly disarmed.
 *
 * @example
 * defang('Zie https://evil.example.com/login of www.bank.nl') // 'Zie hxxps[:]//evil[.]example[.]com/login of www[.]bank[.]nl'
 */
export function defang(text: string): string {
  return stripInvisible(text)
    .replace(schemeWithSlashes, (_match, scheme: string) => `${disarmScheme(scheme)}[:]//`)
    .replace(bareScheme, (_match, scheme: string) => `${scheme}[:]`)
    .replace(hostLike, (candidate) => (looksLikeHost(candidate) ? candidate.replace(dotsInHost, '[.]') : candidate))
    .replace(wwwDot, (match) => `${match.slice(0, 3)}[.]`);
}

function disarmScheme(scheme: string): string {
  if (/^https?$/i.test(scheme)) return `hxxp${scheme.length === 5 ? 's' : ''}`;
  return /^ftp$/i.test(scheme) ? 'fxp' : scheme;
}

/**
 * One line for a mail header: no line breaks or other control characters (so nothing can add a
 * header), runs of white space made one space, and at most `max` characters.
 *
 * @example
 * headerText('Uw klacht\r\nBcc: iemand@example.nl') // 'Uw klacht Bcc: iemand@example.nl'
 */
export function headerText(text: string, max = 200): string {
  const line = stripInvisible(text).replace(/\s+/gu, ' ').trim();
  return [...line].slice(0, max).join('');
}

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * escapeHtml('<b>"Tom & Jerry"</b>') // '&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
