/**
 * An e-mail address as the mailbox it reaches, so that the mail budget (`mail-budget.ts`) counts
 * one box once however the address is spelt: `Zoe+1@Example.nl`, `zoe+2@example.nl` and
 * `ZOE@example.nl` all reach Zoë. Only for counting: a mail always goes to the address as typed.
 *
 * Folded, because the providers deliver them to one box:
 * - the case of the whole address (RFC 5321 lets a server tell `Zoe` from `zoe`; none of the
 *   common providers does);
 * - a `+tag` at the end of the local part (Gmail, Outlook.com, iCloud, Fastmail, Proton, most
 *   company servers): everything from the first `+`;
 * - for Gmail only, dots in the local part, and `googlemail.com` as `gmail.com`;
 * - the domain's trailing dot, and an international domain as its ASCII form (`münchen.de` and
 *   `xn--mnchen-3ya.de`).
 *
 * Not folded, because whether they reach one box depends on the provider or the owner:
 * a `-tag` (Yahoo's disposable addresses, some self-hosted servers), dots at other providers
 * (Outlook.com delivers `z.oe` and `zoe` to different people), addresses on a subdomain
 * (Fastmail's `anything@zoe.fastmail.com`), catch-all domains, aliases and forwarding, and a
 * quoted local part (only its case is folded). The budget per case (at most three link mails)
 * does not depend on the address at all.
 *
 * Pure.
 */
import { domainToASCII } from 'node:url';

const gmail = new Set(['gmail.com', 'googlemail.com']);

/**
 * The address as the mailbox it reaches, for counting.
 *
 * @example
 * normaliseAddress(' Zoe+klacht3@Example.NL ') // 'zoe@example.nl'
 * normaliseAddress('z.o.e+1@googlemail.com') // 'zoe@gmail.com'
 * normaliseAddress('zoe-1@example.nl') // 'zoe-1@example.nl' (not folded)
 */
export function normaliseAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at <= 0 || at === lower.length - 1) return lower;
  let local = lower.slice(0, at);
  const written = lower.slice(at + 1).replace(/\.$/, '');
  let domain = domainToASCII(written) || written;
  if (!local.startsWith('"')) {
    const plus = local.indexOf('+');
    if (plus > 0) local = local.slice(0, plus);
    if (gmail.has(domain)) {
      local = local.replaceAll('.', '') || local;
      domain = 'gmail.com';
    }
  }
  return `${local}@${domain}`;
}
