import { describe, expect, it } from 'vitest';
import { normaliseAddress } from './normalise-address.ts';

describe('an address as the mailbox it reaches', () => {
  it('folds case and blanks, as every common provider delivers', () => {
    expect(normaliseAddress(' Zoe.Unal@Example.NL ')).toBe('zoe.unal@example.nl');
  });

  it('folds a +tag, whatever it says', () => {
    for (const tagged of ['zoe+1@example.nl', 'zoe+klacht@example.nl', 'zoe+@example.nl', 'zoe+a+b@example.nl'])
      expect(normaliseAddress(tagged)).toBe('zoe@example.nl');
  });

  it('folds Gmail’s dots and googlemail.com, and only Gmail’s', () => {
    expect(normaliseAddress('z.o.e+8@googlemail.com')).toBe('zoe@gmail.com');
    expect(normaliseAddress('Zo.e@gmail.com')).toBe('zoe@gmail.com');
    expect(normaliseAddress('z.oe@outlook.com')).toBe('z.oe@outlook.com');
  });

  it('folds an international domain into its ASCII form, and a trailing dot', () => {
    expect(normaliseAddress('zoe@münchen.de')).toBe(normaliseAddress('zoe@xn--mnchen-3ya.de'));
    expect(normaliseAddress('zoe@example.nl.')).toBe('zoe@example.nl');
  });

  it('leaves what only some providers fold: a -tag, a subdomain, a quoted local part', () => {
    expect(normaliseAddress('zoe-1@example.nl')).toBe('zoe-1@example.nl');
    expect(normaliseAddress('iets@zoe.fastmail.com')).toBe('iets@zoe.fastmail.com');
    expect(normaliseAddress('"zoe+1"@example.nl')).toBe('"zoe+1"@example.nl');
  });

  it('keeps a text that is no address as it is, in lower case', () => {
    expect(normaliseAddress('Geen adres')).toBe('geen adres');
    expect(normaliseAddress('+tag@example.nl')).toBe('+tag@example.nl');
  });
});
