/**
 * Dates, months and periods as the report names them: "1 juli 2026", "juli 2026", "jul" on a
 * chart's axis, "tweede halfjaar 2026".
 */
import { dateParts, formatDate } from '../format-date.ts';
import type { Locale } from '../locale.ts';
import type { Period } from './period.ts';

/**
 * "1 juli 2026" / "1 July 2026": the parts from Intl, the order ours (stable across ICU versions).
 *
 * @example
 * longDate('2026-07-01', 'en'); // "1 July 2026"
 */
export function longDate(date: string, locale: Locale): string {
  return formatDate(date, locale, { weekday: false });
}

/**
 * "juli 2026" / "July 2026" for a month key `2026-07`.
 *
 * @example
 * monthName('2026-07', 'nl'); // "juli 2026"
 */
export function monthName(key: string, locale: Locale): string {
  return formatDate(`${key}-01`, locale, { weekday: false, day: false });
}

/**
 * A short month name for a chart's axis: "jul", or "jul 2026" when `withYear` (a period that
 * spans more than one year, where "jan" alone would be two months).
 *
 * @example
 * shortMonthName('2026-07', 'en', false); // "Jul"
 */
export function shortMonthName(key: string, locale: Locale, withYear: boolean): string {
  const parts = dateParts(`${key}-01`, locale, { month: 'short', year: 'numeric' });
  const month = (parts['month'] ?? '').replace(/\.$/, '');
  return withYear ? `${month} ${parts['year']}` : month;
}

/**
 * The name of a period for people: "tweede halfjaar 2026", "1 maart tot en met 31 mei 2026".
 *
 * @example
 * periodName({ label: '2026-H2', from: '2026-07-01', to: '2026-12-31' }, 'en'); // "second half of 2026"
 */
export function periodName(period: Period, locale: Locale): string {
  const half = /^(\d{4})-H([12])$/.exec(period.label);
  if (half) {
    const first = half[2] === '1';
    return locale === 'nl'
      ? `${first ? 'eerste' : 'tweede'} halfjaar ${half[1]}`
      : `${first ? 'first' : 'second'} half of ${half[1]}`;
  }
  return `${longDate(period.from, locale)} ${locale === 'nl' ? 'tot en met' : 'to'} ${longDate(period.to, locale)}`;
}

/**
 * The text with its first letter a capital: a period's name at the start of a table cell.
 *
 * @example
 * capitalise('tweede halfjaar 2026'); // "Tweede halfjaar 2026"
 */
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
