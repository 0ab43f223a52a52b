import { describe, expect, it } from 'vitest';
import { readReplyAddress, signedReplyAddress } from './reply-address.ts';

const secret = 'test-secret-0123456789abcdef0123456789abcdef';
const mailbox = 'klachten@livable.nl';

describe('the signed reply address', () => {
  it('carries the reference and a 10-character signature as sub-address, and reads back', () => {
    const address = signedReplyAddress(mailbox, 'K-2026-7QF3-M9XA', secret);
    expect(address).toMatch(/^klachten\+K-2026-7QF3-M9XA\.[0-9a-f]{10}@livable\.nl$/);
    expect(readReplyAddress([address], mailbox, secret)).toEqual({ kind: 'signed', reference: 'K-2026-7QF3-M9XA' });
  });

  it('reads back after a mail system folded the address to lower or upper case', () => {
    const address = signedReplyAddress(mailbox, 'K-2026-7QF3-M9XA', secret);
    expect(readReplyAddress([address.toLowerCase()], mailbox, secret)).toEqual({
      kind: 'signed',
      reference: 'K-2026-7QF3-M9XA',
    });
    expect(readReplyAddress([address.toUpperCase()], mailbox, secret)).toEqual({
      kind: 'signed',
      reference: 'K-2026-7QF3-M9XA',
    });
  });

  it('refuses a signature made for another case, or with another secret', () => {
    const other = signedReplyAddress(mailbox, 'K-2026-7QF3-M9XB', secret);
    const moved = other.replace('K-2026-7QF3-M9XB', 'K-2026-7QF3-M9XA');
    expect(readReplyAddress([moved], mailbox, secret)).toEqual({
      kind: 'bad-signature',
      reference: 'K-2026-7QF3-M9XA',
    });
    const foreign = signedReplyAddress(mailbox, 'K-2026-7QF3-M9XA', `${secret}-anders`);
    expect(readReplyAddress([foreign], mailbox, secret).kind).toBe('bad-signature');
  });

  it('says nothing for the plain mailbox, another mailbox or another domain', () => {
    const signed = signedReplyAddress(mailbox, 'K-2026-7QF3-M9XA', secret);
    expect(readReplyAddress([mailbox], mailbox, secret)).toEqual({ kind: 'none' });
    expect(readReplyAddress([signed.replace('klachten+', 'info+')], mailbox, secret)).toEqual({ kind: 'none' });
    expect(readReplyAddress([signed.replace('livable.nl', 'evil.example')], mailbox, secret)).toEqual({ kind: 'none' });
  });

  it('finds the signed address among the others a mail was sent to', () => {
    const signed = signedReplyAddress(mailbox, 'K-2026-7QF3-M9XA', secret);
    expect(readReplyAddress(['buurman@example.nl', signed], mailbox, secret)).toEqual({
      kind: 'signed',
      reference: 'K-2026-7QF3-M9XA',
    });
  });

  it('keeps an existing sub-address of the mailbox out of its own', () => {
    expect(signedReplyAddress('klachten+web@livable.nl', 'K-2026-7QF3-M9XA', secret)).toMatch(
      /^klachten\+K-2026-7QF3-M9XA\./,
    );
  });
});
