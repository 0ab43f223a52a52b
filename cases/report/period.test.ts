import { describe, expect, it } from 'vitest';
import { dateRange, halfYear, inPeriod, monthsOf, periodSlug, previousPeriod } from './period.ts';

describe('a reporting period', () => {
  it('reads 2026-H2 as 1 July to 31 December 2026', () => {
    expect(halfYear('2026-H2')).toEqual({ label: '2026-H2', from: '2026-07-01', to: '2026-12-31' });
  });

  it('reads 2027-h1 in lower case as 1 January to 30 June 2027', () => {
    expect(halfYear('2027-h1')).toEqual({ label: '2027-H1', from: '2027-01-01', to: '2027-06-30' });
  });

  it('refuses a half-year that does not exist, in Dutch', () => {
    expect(() => halfYear('2026-H3')).toThrow(/geen halfjaar/);
    expect(() => halfYear('H2-2026')).toThrow(/geen halfjaar/);
  });

  it('names a range that is exactly a half-year after that half-year', () => {
    expect(dateRange('2026-01-01', '2026-06-30').label).toBe('2026-H1');
  });

  it('names any other range by its dates', () => {
    expect(dateRange('2026-03-01', '2026-05-31')).toEqual({
      label: '2026-03-01_2026-05-31',
      from: '2026-03-01',
      to: '2026-05-31',
    });
  });

  it('refuses a range that ends before it starts and a date that does not exist', () => {
    expect(() => dateRange('2026-05-31', '2026-03-01')).toThrow(/begint .* na haar einde/);
    expect(() => dateRange('2026-02-30', '2026-03-01')).toThrow(/bestaat niet/);
  });

  it('takes the second half of last year as the period before a first half', () => {
    expect(previousPeriod(halfYear('2026-H1'))).toEqual(halfYear('2025-H2'));
    expect(previousPeriod(halfYear('2026-H2'))).toEqual(halfYear('2026-H1'));
  });

  it('takes the same number of days just before as the period before any other range', () => {
    expect(previousPeriod(dateRange('2026-03-01', '2026-03-31'))).toEqual(dateRange('2026-01-29', '2026-02-28'));
  });

  it('counts both ends of the period as inside it', () => {
    const period = halfYear('2026-H2');
    expect(['2026-06-30', '2026-07-01', '2026-12-31', '2027-01-01'].map((date) => inPeriod(date, period))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('lists the months a period touches, across a new year', () => {
    expect(monthsOf(dateRange('2026-11-15', '2027-02-01')).map((month) => month.key)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
  });

  it('uses the label in lower case in file names and web addresses', () => {
    expect(periodSlug(halfYear('2026-H2'))).toBe('2026-h2');
  });
});
