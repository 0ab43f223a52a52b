import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, makeAnswerDateIcs, type AnswerDateIcsInput } from './ics.ts';

const base: AnswerDateIcsInput = {
  reference: 'K-2028-7QF3M9',
  date: '2028-04-18',
  locale: 'nl',
  organisationName: 'Livable',
  dtstamp: '2028-03-03T10:15:30.123+01:00',
  siteUrl: 'https://klachten.livable.nl/',
};

type Property = { name: string; params: Record<string, string>; value: string };

/**
 * A deliberately independent reader for what the maker writes: unfold (RFC 5545 §3.1), split
 * name;params:value, unescape TEXT. Enough for one VEVENT; not a general iCalendar parser.
 */
function parseIcs(text: string): Property[] {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      const [name = '', ...params] = line.slice(0, colon).split(';');
      return {
        name,
        params: Object.fromEntries(params.map((param) => param.split('=') as [string, string])),
        value: line
          .slice(colon + 1)
          .replace(/\\([\\;,nN])/g, (_match, c: string) => (c === 'n' || c === 'N' ? '\n' : c)),
      };
    });
}

const valueOf = (properties: Property[], name: string) => properties.find((property) => property.name === name)?.value;

describe('the answer-date calendar file', () => {
  it('writes exactly these bytes for the reglement’s example', () => {
    expect(makeAnswerDateIcs(base)).toBe(
      'BEGIN:VCALENDAR\r\n' +
        'VERSION:2.0\r\n' +
        'PRODID:-//Klachtenloket//Antwoorddatum//NL\r\n' +
        'CALSCALE:GREGORIAN\r\n' +
        'METHOD:PUBLISH\r\n' +
        'BEGIN:VEVENT\r\n' +
        'UID:antwoorddatum-K-2028-7QF3M9@klachten.livable.nl\r\n' +
        'SEQUENCE:0\r\n' +
        'DTSTAMP:20280303T091530Z\r\n' +
        'DTSTART;VALUE=DATE:20280418\r\n' +
        'DTEND;VALUE=DATE:20280419\r\n' +
        'SUMMARY;LANGUAGE=nl:Uiterste antwoorddatum klacht K-2028-7QF3M9 (Livable)\r\n' +
        'DESCRIPTION;LANGUAGE=nl:Uiterlijk op deze dag krijgt u van Livable een antw\r\n' +
        ' oord op uw klacht met kenmerk K-2028-7QF3M9. Wordt de termijn verlengd\\, d\r\n' +
        ' an hoort u dat vooraf.\\nMeer informatie: https://klachten.livable.nl/\r\n' +
        'URL:https://klachten.livable.nl/\r\n' +
        'TRANSP:TRANSPARENT\r\n' +
        'END:VEVENT\r\n' +
        'END:VCALENDAR\r\n',
    );
  });

  it('reads back as one all-day event on the answer date', () => {
    const properties = parseIcs(makeAnswerDateIcs({ ...base, locale: 'en', sequence: 2 }));
    expect(properties.map((property) => property.name)).toEqual([
      'BEGIN',
      'VERSION',
      'PRODID',
      'CALSCALE',
      'METHOD',
      'BEGIN',
      'UID',
      'SEQUENCE',
      'DTSTAMP',
      'DTSTART',
      'DTEND',
      'SUMMARY',
      'DESCRIPTION',
      'URL',
      'TRANSP',
      'END',
      'END',
    ]);
    const start = properties.find((property) => property.name === 'DTSTART');
    expect(start).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20280418' });
    expect(valueOf(properties, 'UID')).toBe('antwoorddatum-K-2028-7QF3M9@klachten.livable.nl');
    expect(valueOf(properties, 'SEQUENCE')).toBe('2');
    expect(valueOf(properties, 'SUMMARY')).toBe('Latest answer date, complaint K-2028-7QF3M9 (Livable)');
    expect(valueOf(properties, 'DESCRIPTION')).toBe(
      'By this day Livable will answer your complaint with reference K-2028-7QF3M9. ' +
        'If the term is extended, you will be told beforehand.\nMore information: https://klachten.livable.nl/',
    );
  });

  it('escapes and folds an awkward organisation name and reads it back unchanged', () => {
    const organisationName = 'Woonstichting "Één; Twee, Drie" \\ Noord\nen Zuid — 住宅 🏠'.repeat(3);
    const ics = makeAnswerDateIcs({ ...base, organisationName });
    for (const line of ics.split('\r\n')) {
      const bytes = new TextEncoder().encode(line);
      expect(bytes.length).toBeLessThanOrEqual(75);
      // A fold in the middle of a UTF-8 sequence would make the line undecodable on its own.
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    }
    expect(valueOf(parseIcs(ics), 'SUMMARY')).toBe(
      `Uiterste antwoorddatum klacht K-2028-7QF3M9 (${organisationName.trim()})`,
    );
  });

  it('keeps the same UID for the same case, so an extended date replaces the event', () => {
    const first = parseIcs(makeAnswerDateIcs(base));
    const extended = parseIcs(makeAnswerDateIcs({ ...base, date: '2028-05-12', sequence: 1 }));
    expect(valueOf(extended, 'UID')).toBe(valueOf(first, 'UID'));
    expect(valueOf(extended, 'DTSTART')).toBe('20280512');
  });

  it('spans the year end with DTEND on the next day', () => {
    const properties = parseIcs(makeAnswerDateIcs({ ...base, date: '2027-12-31' }));
    expect(valueOf(properties, 'DTEND')).toBe('20280101');
  });

  it.each([
    [{ reference: 'K 2028/<x>' }, /Kenmerk/],
    [{ date: '2028-02-30' }, /2028-02-30/],
    [{ dtstamp: '2028-03-03T10:15:00' }, /dtstamp/],
    [{ siteUrl: 'klachten.livable.nl' }, /siteUrl/],
    [{ organisationName: '  ' }, /organisationName/],
    [{ sequence: -1 }, /sequence/],
  ] as const)('refuses %o', (change, message) => {
    expect(() => makeAnswerDateIcs({ ...base, ...change })).toThrow(message);
  });
});

describe('the iCalendar text rules', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('drops control characters that TEXT may not contain, but keeps a tab', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
  });

  it('leaves a line of exactly 75 octets alone and folds the 76th onto a new line', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    expect(foldLine('x'.repeat(150))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n x`);
  });

  it('moves a multi-octet character to the next line rather than splitting it', () => {
    expect(foldLine(`${'x'.repeat(74)}é`)).toBe(`${'x'.repeat(74)}\r\n é`);
  });
});
