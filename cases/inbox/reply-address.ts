/**
 * The signed reply address: the mails to a complainant carry, as `Reply-To`, the reply mailbox
 * with the case's reference and a short signature as sub-address —
 * `klachten+K-2026-7QF3-M9XA.q8f2c41d0e@livable.nl` — so a reply is matched to its case by the
 * address it was sent to, and an address made up by someone else matches nothing.
 *
 * The signature is 10 lowercase hex characters (40 bits) of the HMAC of the reference under a
 * purpose of its own (`signed-token.ts`): lowercase, since mail systems may fold the case of a
 * local part; the reference is read back case-insensitively for the same reason. It is no
 * password: what it guards is only which case a reply is put on, and a reply is inert text.
 *
 * Pure: the secret is a parameter.
 */
import { timingSafeEqual } from 'node:crypto';
import { referencePattern } from '../case.ts';
import { signFields } from '../signed-token.ts';

const purpose = 'klachtenloket/antwoordadres/v1';
const signatureLength = 10;

function signatureOf(reference: string, secret: string): string {
  return Buffer.from(signFields(purpose, [reference], secret), 'base64url')
    .toString('hex')
    .slice(0, signatureLength);
}

/**
 * The reply address of a case: the mailbox with `+<reference>.<signature>` before the `@`.
 *
 * @example
 * signedReplyAddress('klachten@livable.nl', 'K-2026-7QF3-M9XA', secret) // 'klachten+K-2026-7QF3-M9XA.q8f2c41d0e@livable.nl'
 */
export function signedReplyAddress(mailbox: string, reference: string, secret: string): string {
  const at = mailbox.lastIndexOf('@');
  if (at < 1) throw new Error('Het antwoordadres is geen e-mailadres.');
  const local = mailbox.slice(0, at).split('+')[0] ?? '';
  return `${local}+${reference}.${signatureOf(reference, secret)}${mailbox.slice(at)}`;
}

/** What the sub-address of an address sent to says. */
export type ReplyAddressCheck =
  { kind: 'none' } | { kind: 'signed'; reference: string } | { kind: 'bad-signature'; reference: string };

const reference = referencePattern.source.slice(1, -1);
const subAddress = new RegExp(`^(${reference})\\.([0-9a-f]{${signatureLength}})$`, 'i');

/**
 * Reads a signed reply address among the addresses a mail was sent to (To, Cc, Delivered-To …):
 * the first one of the reply mailbox that carries a reference as sub-address decides. An address
 * of another mailbox, or of this one without a sub-address, says nothing.
 *
 * @example
 * readReplyAddress(['klachten+K-2026-7QF3-M9XA.q8f2c41d0e@livable.nl'], 'klachten@livable.nl', secret)
 * // { kind: 'signed', reference: 'K-2026-7QF3-M9XA' }
 */
export function readReplyAddress(addresses: readonly string[], mailbox: string, secret: string): ReplyAddressCheck {
  const at = mailbox.lastIndexOf('@');
  const local = mailbox.slice(0, at).split('+')[0]?.toLowerCase() ?? '';
  const domain = mailbox.slice(at + 1).toLowerCase();
  for (const address of addresses) {
    const split = address.lastIndexOf('@');
    if (split < 1 || address.slice(split + 1).toLowerCase() !== domain) continue;
    const [base, ...rest] = address.slice(0, split).split('+');
    if (base?.toLowerCase() !== local || rest.length === 0) continue;
    const match = subAddress.exec(rest.join('+'));
    if (!match) continue;
    const found = (match[1] ?? '').toUpperCase();
    const given = Buffer.from((match[2] ?? '').toLowerCase());
    const expected = Buffer.from(signatureOf(found, secret));
    return timingSafeEqual(given, expected)
      ? { kind: 'signed', reference: found }
      : { kind: 'bad-signature', reference: found };
  }
  return { kind: 'none' };
}
