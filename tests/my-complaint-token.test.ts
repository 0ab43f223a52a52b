// The personal link's token, its generations, the session cookie and its CSRF value, as sentences.
import { describe, expect, it } from 'vitest';
import { aCase } from './support/case-fixture.ts';
import { signFields } from '../cases/signed-token.ts';
import {
  daysAfterClosing,
  linkGenerationOf,
  linkStanding,
  makeComplainantToken,
  pageStillOpen,
  revokeLinks,
  verifyComplainantToken,
} from '../cases/complainant-token.ts';
import { makeSatisfactionToken, verifySatisfactionToken } from '../cases/satisfaction-token.ts';
import {
  cookieScope,
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
const link = { reference, generation: 0 };
const random = new Uint8Array(16).fill(7);
const day = 24 * 60 * 60 * 1000;
const later = (days: number) => new Date(now.getTime() + days * day);

describe('the personal link token', () => {
  it('names the case and its link generation, and opens while it has not expired', () => {
    const token = makeComplainantToken({ reference, generation: 3 }, secret, now);
    expect(verifyComplainantToken(token, secret, now)).toMatchObject({ ok: true, reference, generation: 3 });
  });

  it('holds no personal data: only the reference, the generation, a time and a signature', () => {
    expect(makeComplainantToken(link, secret, now)).toMatch(/^K-2026-7QF3M9\.0\.\d+\.[A-Za-z0-9_-]{43}$/);
  });

  it('is refused when any character was changed, the generation too', () => {
    const token = makeComplainantToken(link, secret, now);
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyComplainantToken(tampered, secret, now)).toMatchObject({ ok: false, problem: 'signature' });
    const otherCase = token.replace(reference, 'K-2026-7QF3M8');
    expect(verifyComplainantToken(otherCase, secret, now)).toMatchObject({ ok: false, problem: 'signature' });
    const newer = token.replace(`${reference}.0.`, `${reference}.9.`);
    expect(verifyComplainantToken(newer, secret, now)).toMatchObject({ ok: false, problem: 'signature' });
  });

  it('works 90 days from the mail that carried it, and not a day longer', () => {
    const token = makeComplainantToken(link, secret, now);
    expect(verifyComplainantToken(token, secret, later(89.9)).ok).toBe(true);
    expect(verifyComplainantToken(token, secret, later(90))).toEqual({ ok: false, problem: 'expired', reference });
  });

  it('works as many days as the configuration says', () => {
    const token = makeComplainantToken(link, secret, now, 14);
    expect(verifyComplainantToken(token, secret, later(13), 14).ok).toBe(true);
    expect(verifyComplainantToken(token, secret, later(14), 14)).toMatchObject({ ok: false, problem: 'expired' });
  });

  it('still opens a link of the first form, as generation 0, for 90 days from the day it was made', () => {
    // The first form: REF.EXPIRES.SIGNATURE, made for a year.
    const expires = String(Math.floor(later(365).getTime() / 1000));
    const first = `${reference}.${expires}.${signFields('klachtenloket/mijn-klacht/v1', [reference, expires], secret)}`;
    expect(verifyComplainantToken(first, secret, later(89))).toMatchObject({ ok: true, reference, generation: 0 });
    expect(verifyComplainantToken(first, secret, later(91))).toMatchObject({ ok: false, problem: 'expired' });
  });

  it('refuses a satisfaction token, and a satisfaction link refuses it', () => {
    const satisfaction = makeSatisfactionToken({ reference, expiresAt: new Date('2027-01-01T00:00:00Z') }, secret);
    expect(verifyComplainantToken(satisfaction, secret, now)).toMatchObject({ ok: false, problem: 'signature' });
    const mine = makeComplainantToken(link, secret, now);
    expect(verifySatisfactionToken(mine, secret, now)).toMatchObject({ ok: false });
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
    expect(pageStillOpen(closed, new Date(Date.parse(closedAt) + (daysAfterClosing - 1) * day))).toBe(true);
    expect(pageStillOpen(closed, new Date(Date.parse(closedAt) + daysAfterClosing * day))).toBe(false);
  });
});

describe('revoking links', () => {
  it('starts a case at generation 0, and each revocation makes every earlier link useless', () => {
    const record = aCase({ status: 'bevestigd' });
    expect(linkGenerationOf(record)).toBe(0);
    expect(linkStanding({ generation: 0 }, record, now)).toBe('open');
    const once = revokeLinks(record);
    expect(linkStanding({ generation: 0 }, once, now)).toBe('revoked');
    expect(linkStanding({ generation: 1 }, once, now)).toBe('open');
    expect(linkStanding({ generation: 1 }, revokeLinks(once), now)).toBe('revoked');
  });

  it('calls the link of a case that is no longer held revoked (erased), and one of a case closed long ago closed', () => {
    expect(linkStanding({ generation: 0 }, undefined, now)).toBe('revoked');
    const closed = aCase({
      status: 'afgesloten',
      outcome: 'gegrond',
      events: [{ at: '2026-01-05T10:00:00+01:00', status: 'afgesloten', outcome: 'gegrond' }],
    });
    expect(linkStanding({ generation: 0 }, closed, now)).toBe('closed');
  });
});

describe('the session cookie', () => {
  it('holds the case, the link generation, its end and a CSRF value, and is read back', () => {
    const value = makeSessionValue({ reference, generation: 2 }, secret, now, random);
    const session = readSessionValue(value, secret, now);
    expect(session?.reference).toBe(reference);
    expect(session?.generation).toBe(2);
    expect(session?.expiresAt.getTime()).toBe(now.getTime() + sessionMinutes * 60 * 1000);
    expect(session?.csrf).toBe(Buffer.from(random).toString('base64url'));
  });

  it('ends after its minutes', () => {
    const value = makeSessionValue(link, secret, now, random);
    expect(readSessionValue(value, secret, new Date(now.getTime() + sessionMinutes * 60 * 1000))).toBeUndefined();
  });

  it('is refused when changed: another case, generation or CSRF value, or a link token passed off as one', () => {
    const value = makeSessionValue(link, secret, now, random);
    expect(readSessionValue(value.replace(reference, 'K-2026-7QF3M8'), secret, now)).toBeUndefined();
    expect(readSessionValue(value.replace(`${reference}.0.`, `${reference}.1.`), secret, now)).toBeUndefined();
    const [ref, generation, expires, , signature] = value.split('.');
    expect(
      readSessionValue(`${ref}.${generation}.${expires}.${'B'.repeat(22)}.${signature}`, secret, now),
    ).toBeUndefined();
    expect(readSessionValue(makeComplainantToken(link, secret, now), secret, now)).toBeUndefined();
  });

  it('is found among the other cookies of a request, by the name it has there', () => {
    const value = makeSessionValue(link, secret, now, random);
    const atRoot = new Request('https://klachten.example.nl/mijn-klacht/', {
      headers: { cookie: `a=b; __Host-klachten-sessie=${value}; c=d` },
    });
    expect(sessionFromRequest(atRoot, secret, now, '/')?.reference).toBe(reference);
    // The plain name is not the secure site's cookie: a cookie set over plain http cannot pass for it.
    const plainName = new Request('https://klachten.example.nl/mijn-klacht/', {
      headers: { cookie: `klachten-sessie=${value}` },
    });
    expect(sessionFromRequest(plainName, secret, now, '/')).toBeUndefined();
    const local = new Request('http://127.0.0.1:4321/mijn-klacht/', {
      headers: { cookie: `klachten-sessie=${value}` },
    });
    expect(sessionFromRequest(local, secret, now, '/')?.reference).toBe(reference);
  });

  it('accepts only its own CSRF value in a form', () => {
    const session = readSessionValue(makeSessionValue(link, secret, now, random), secret, now);
    if (session === undefined) throw new Error('no session');
    expect(csrfMatches(session, session.csrf)).toBe(true);
    expect(csrfMatches(session, 'B'.repeat(22))).toBe(false);
    expect(csrfMatches(session, undefined)).toBe(false);
  });

  it('is HttpOnly, SameSite=Strict and a Secure __Host- cookie at a domain root', () => {
    const secure = sessionCookie('v', new URL('https://klachten.example.nl/mijn-klacht/'), '/');
    expect(secure).toBe('__Host-klachten-sessie=v; Max-Age=1800; Path=/; HttpOnly; SameSite=Strict; Secure');
    expect(sessionCookie('v', new URL('http://klachten.example.nl/'), '/')).toContain('; Secure');
    expect(endedSessionCookie(new URL('https://klachten.example.nl/'), '/')).toContain('Max-Age=0');
  });

  it('goes only to the site’s own path when the site lives under one, as a __Secure- cookie', () => {
    const cookie = sessionCookie('v', new URL('https://livable.nl/klachten/mijn-klacht/'), '/klachten/');
    expect(cookie).toBe('__Secure-klachten-sessie=v; Max-Age=1800; Path=/klachten/; HttpOnly; SameSite=Strict; Secure');
  });

  it('has no prefix and no Secure on plain-http loopback, where a browser would drop them', () => {
    expect(cookieScope(new URL('http://127.0.0.1:4321/'), '/klachten/')).toEqual({
      name: 'klachten-sessie',
      path: '/klachten/',
      secure: false,
    });
    expect(sessionCookie('v', new URL('http://127.0.0.1:4321/'), '/')).not.toContain('Secure');
  });
});
