import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasTokenShape,
  makeSatisfactionToken,
  satisfactionExpiry,
  verifySatisfactionToken,
  type SatisfactionClaim,
} from './satisfaction-token.ts';

const secret = 'test-secret-0123456789abcdef0123456789abcdef';
const sentAt = new Date('2026-12-01T09:00:00Z');
const claim: SatisfactionClaim = { reference: 'K-2026-7QF3M9', expiresAt: satisfactionExpiry(sentAt, 14) };
const token = makeSatisfactionToken(claim, secret);

describe('the satisfaction token', () => {
  it('names the case and the expiry and carries nothing else', () => {
    expect(token).toMatch(/^K-2026-7QF3M9\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(encodeURIComponent(token)).toBe(token);
  });

  it('is accepted for its case until just before it expires', () => {
    const justBefore = new Date(claim.expiresAt.getTime() - 1000);
    expect(verifySatisfactionToken(token, secret, sentAt)).toEqual({ ok: true, ...claim });
    expect(verifySatisfactionToken(token, secret, justBefore)).toMatchObject({ ok: true, reference: 'K-2026-7QF3M9' });
  });

  it('expires exactly the configured number of days after sending', () => {
    expect(claim.expiresAt.toISOString()).toBe('2026-12-15T09:00:00.000Z');
    expect(verifySatisfactionToken(token, secret, claim.expiresAt)).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses a token signed with another secret', () => {
    const other = makeSatisfactionToken(claim, 'another-secret-0123456789abcdef0123456789');
    expect(verifySatisfactionToken(other, secret, sentAt)).toEqual({ ok: false, problem: 'signature' });
  });

  it('refuses a token moved to another case or given a later expiry', () => {
    const [, expires, signature] = token.split('.');
    expect(verifySatisfactionToken(`K-2026-7QF3MA.${expires}.${signature}`, secret, sentAt)).toEqual({
      ok: false,
      problem: 'signature',
    });
    expect(verifySatisfactionToken(`K-2026-7QF3M9.${Number(expires) + 86400}.${signature}`, secret, sentAt)).toEqual({
      ok: false,
      problem: 'signature',
    });
  });

  it('refuses a change to any single character, the slack bits of the last one included', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...alphabet), (index, replacement) => {
        fc.pre(token[index] !== replacement);
        const altered = token.slice(0, index) + replacement + token.slice(index + 1);
        expect(verifySatisfactionToken(altered, secret, sentAt).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
    // The last character's two low bits are not part of the signature: flip one of them.
    const base64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const slackSibling = base64url[base64url.indexOf(token.at(-1) ?? 'A') ^ 1] ?? 'A';
    const sameBytes = token.slice(0, -1) + slackSibling;
    expect(Buffer.from(sameBytes.split('.')[2] ?? '', 'base64url')).toEqual(
      Buffer.from(token.split('.')[2] ?? '', 'base64url'),
    );
    expect(verifySatisfactionToken(sameBytes, secret, sentAt)).toEqual({ ok: false, problem: 'signature' });
  });

  it('reads anything that is not a token as malformed, without throwing', () => {
    for (const text of ['', 'null', `${token}.`, ` ${token}`, token.toLowerCase(), `${token}%00`, 'K-2026-7QF3M9..x']) {
      expect(verifySatisfactionToken(text, secret, sentAt)).toMatchObject({ ok: false });
    }
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(verifySatisfactionToken(text, secret, sentAt).ok).toBe(false);
      }),
    );
  });

  it('can be told from anything else by its shape alone, before a secret is asked', () => {
    expect(hasTokenShape(token)).toBe(true);
    for (const text of ['', 'onzin', `${token}.`, ` ${token}`, token.toLowerCase(), 'K-2026-7QF3M9..x']) {
      expect(hasTokenShape(text)).toBe(false);
    }
  });

  it('refuses to sign or check with a secret shorter than 32 characters', () => {
    expect(() => makeSatisfactionToken(claim, 'short')).toThrow(/KLACHTEN_TOKEN_SECRET is te kort/);
    expect(() => verifySatisfactionToken(token, '', sentAt)).toThrow(/te kort/);
  });

  it('refuses to sign for something that is not a reference', () => {
    expect(() => makeSatisfactionToken({ ...claim, reference: 'K-2026-7QF3M9\r\nX' }, secret)).toThrow(/kenmerk/);
  });
});
