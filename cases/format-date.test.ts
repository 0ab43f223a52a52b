import { describe, expect, it } from 'vitest';
import { dateParts, formatDate } from './format-date.ts';

describe('a date written out', () => {
  it.each([
    ['2028-04-18', 'nl', 'dinsdag 18 april 2028'],
    ['2028-04-18', 'en', 'Tuesday 18 April 2028'],
    ['2026-10-25', 'nl', 'zondag 25 oktober 2026'],
    ['2026-03-29', 'en', 'Sunday 29 March 2026'],
    ['2027-01-01', 'nl', 'vrijdag 1 januari 2027'],
  ] as const)('writes %s in %s as "%s", whatever the machine’s time zone', (date, locale, text) => {
    expect(formatDate(date, locale)).toBe(text);
  });

  it('leaves out the weekday where the report names a day', () => {
    expect(formatDate('2026-07-01', 'nl', { weekday: false })).toBe('1 juli 2026');
    expect(formatDate('2026-12-31', 'en', { weekday: false })).toBe('31 December 2026');
  });

  it('leaves out the year where the sentence already says it', () => {
    expect(formatDate('2028-04-14', 'nl', { weekday: false, year: false })).toBe('14 april');
    expect(formatDate('2026-12-25', 'en', { weekday: false, year: false })).toBe('25 December');
  });

  it('writes a month with its year when the day is left out', () => {
    expect(formatDate('2026-07-01', 'nl', { weekday: false, day: false })).toBe('juli 2026');
    expect(formatDate('2026-07-01', 'en', { weekday: false, day: false })).toBe('July 2026');
  });

  it('keeps a year below 100 as that year, not as 19xx', () => {
    expect(formatDate('0042-03-01', 'en', { weekday: false })).toBe('1 March 42');
  });

  it('refuses what is not a calendar date, in Dutch', () => {
    expect(() => formatDate('2026-02-30', 'nl')).toThrow(/bestaat niet als datum/);
    expect(() => formatDate('18 april 2028', 'nl')).toThrow(/geen datum/);
  });
});

describe('the parts of a date', () => {
  it('gives the words Intl has for the parts asked for, by type', () => {
    const parts = dateParts('2026-07-01', 'en', { month: 'short', year: 'numeric' });
    expect(parts['month']).toBe('Jul');
    expect(parts['year']).toBe('2026');
    expect(parts['day']).toBeUndefined();
  });
});
