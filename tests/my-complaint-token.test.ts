// The personal link's token, the session cookie and its CSRF value, as sentences.
import { describe, expect, it } from 'vitest';
import { aCase } from './support/case-fixture.ts';
import {
  daysAfterClosing,
  makeComplainantToken,
  pageStillOpen,
  verifyComplainantToken,
} from '../cases/complainant-token.ts';
import { makeSatisfactionToken, verifySatisfactionToken } from '../cases/satisfaction-token.ts';
import {
  csrfMatches,
  endedSessionCookie,
  makeSessionValue,
  readSessionValue,
  sessionCookie,
  sessionFromRequest,
  sessionMinutes,
} from '../site/server/session.ts';

const secret = 'test-secret-0123456789abcdef0123456789abcdef';
const now = new Date('2026-11-02T10:00:00Z');
const reference = 'K-2026-7QF3M9';
const random = new Uint8Array(16).fill(7);

describe('the personal link token', () => {
  it('names the case and opens while it has not expired', () => {
    const token = makeComplainantToken(reference, secret, now);
    expect(verifyComplainantToken(token, secret, now)).toMatchObject({ ok: true, reference });
  });

  it('holds no personal data: only the reference, a time and a signature', () => {
    expect(makeComplainantToken(reference, secret, now)).toMatch(/^K-2026-7QF3M9\.\d+\.[A-Za-z0-9_-]{43}$/);
  });

  it('is refused when any character was changed', () => {
    const token = makeComplainantToken(reference, secret, now);
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyComplainantToken(tampered, secret, now)).toEqual({ ok: false, problem: 'signature' });
    const otherCase = token.replace(reference, 'K-2026-7QF3M8');
    expect(verifyComplainantToken(otherCase, secret, now)).toEqual({ ok: false, problem: 'signature' });
  });

  it('is refused once it expired', () => {
    const token = makeComplainantToken(reference, secret, now);
    const later = new Date(now.getTime() + 366 * 24 * 60 * 60 * 1000);
    expect(verifyComplainantToken(token, secret, later)).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses a satisfaction token, and a satisfaction link refuses it', () => {
    const satisfaction = makeSatisfactionToken({ reference, expiresAt: new Date('2027-01-01T00:00:00Z') }, secret);
    expect(verifyComplainantToken(satisfaction, secret, now)).toEqual({ ok: false, problem: 'signature' });
    const mine = makeComplainantToken(reference, secret, now);
    expect(verifySatisfactionToken(mine, secret, now)).toEqual({ ok: false, problem: 'signature' });
  });

  it('refuses anything without the shape of a token', () => {
    expect(verifyComplainantToken('<script>', secret, now)).toEqual({ ok: false, problem: 'malformed' });
  });

  it('opens the page while the case is open and for 60 days after it closed', () => {
    const open = aCase({ status: 'bevestigd' });
    expect(pageStillOpen(open, now)).toBe(true);
    const closedAt = '2026-09-01T10:00:00+02:00';
    const closed = aCase({
      status: 'afgesloten',
      outcome: 'gegrond',
      events: [{ at: closedAt, status: 'afgesloten', outcome: 'gegrond' }],
    });
    const day = 24 * 60 * 60 * 1000;
    expect(pageStillOpen(closed, new Date(Date.parse(closedAt) + (daysAfterClosing - 1) * day))).toBe(true);
    expect(pageStillOpen(closed, new Date(Date.parse(closedAt) + daysAfterClosing * day))).toBe(false);
  });
});

describe('the session cookie', () => {
  it('holds the case, its end and a CSRF value, and is read back', () => {
    const value = makeSessionValue(reference, secret, now, random);
    const session = readSessionValue(value, secret, now);
    expect(session?.reference).toBe(reference);
    expect(session?.expiresAt.getTime()).toBe(now.getTime() + sessionMinutes * 60 * 1000);
    expect(session?.csrf).toBe(Buffer.from(random).toString('base64url'));
  });

  it('ends after its minutes', () => {
    const value = makeSessionValue(reference, secret, now, random);
    expect(readSessionValue(value, secret, new Date(now.getTime() + sessionMinutes * 60 * 1000))).toBeUndefined();
  });

  it('is refused when changed: another case, another CSRF value, or a link token passed off as one', () => {
    const value = makeSessionValue(reference, secret, now, random);
    expect(readSessionValue(value.replace(reference, 'K-2026-7QF3M8'), secret, now)).toBeUndefined();
    const [ref, expires, , signature] = value.split('.');
    expect(readSessionValue(`${ref}.${expires}.${'B'.repeat(22)}.${signature}`, secret, now)).toBeUndefined();
    expect(readSessionValue(makeComplainantToken(reference, secret, now), secret, now)).toBeUndefined();
  });

  it('is found among the other cookies of a request', () => {
    const value = makeSessionValue(reference, secret, now, random);
    const request = new Request('https://klachten.example.nl/mijn-klacht/', {
      headers: { cookie: `a=b; klachten-sessie=${value}; c=d` },
    });
    expect(sessionFromRequest(request, secret, now)?.reference).toBe(reference);
  });

  it('accepts only its own CSRF value in a form', () => {
    const session = readSessionValue(makeSessionValue(reference, secret, now, random), secret, now);
    if (session === undefined) throw new Error('no session');
    expect(csrfMatches(session, session.csrf)).toBe(true);
    expect(csrfMatches(session, 'B'.repeat(22))).toBe(false);
    expect(csrfMatches(session, undefined)).toBe(false);
  });

  it('is HttpOnly, SameSite=Strict and Secure, except on plain-http loopback', () => {
    const secure = sessionCookie('v', new URL('https://klachten.example.nl/'));
    expect(secure).toContain('HttpOnly');
    expect(secure).toContain('SameSite=Strict');
    expect(secure).toContain('Path=/');
    expect(secure).toContain('; Secure');
    expect(sessionCookie('v', new URL('http://127.0.0.1:4321/'))).not.toContain('Secure');
    expect(sessionCookie('v', new URL('http://klachten.example.nl/'))).toContain('; Secure');
    expect(endedSessionCookie(new URL('https://klachten.example.nl/'))).toContain('Max-Age=0');
  });
});
