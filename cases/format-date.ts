/**
 * Calendar dates written out for people, in Dutch or English: "dinsdag 18 april 2028" in the terms,
 * "1 juli 2026" in the report, "14 april" inside a sentence that already names the year.
 *
 * The words come from Intl; the order of the parts is ours, so the text does not change with the
 * ICU version (en-GB puts a comma after the weekday in some versions). No time-zone shift: a date
 * is a calendar day, the same on every machine.
 */
import { toPlainDate } from './calendar.ts';
import type { Locale } from './locale.ts';

/** Which parts of a date to write; every part is written unless it is turned off. */
export type DateParts = {
  /** "dinsdag" / "Tuesday" before the day; off in the report, which names days, not weekdays. */
  weekday?: boolean;
  /** "18"; off for a month: "juli 2026". */
  day?: boolean;
  /** "2028"; off where the sentence already says the year: "14 april". */
  year?: boolean;
};

/**
 * A date `YYYY-MM-DD` written out in full, or with the parts asked for. Refuses anything that is
 * not a real calendar date, with a Dutch message.
 *
 * @example
 * formatDate('2028-04-18', 'nl'); // "dinsdag 18 april 2028"
 * formatDate('2028-04-18', 'en'); // "Tuesday 18 April 2028"
 * formatDate('2026-07-01', 'nl', { weekday: false }); // "1 juli 2026"
 * formatDate('2028-04-14', 'en', { weekday: false, year: false }); // "14 April"
 * formatDate('2026-07-01', 'nl', { weekday: false, day: false }); // "juli 2026"
 */
export function formatDate(date: string, locale: Locale, parts: DateParts = {}): string {
  const { weekday = true, day = true, year = true } = parts;
  // Ask Intl for exactly the parts written: a month can be worded differently alone than beside a day.
  const found = dateParts(date, locale, {
    ...(weekday ? { weekday: 'long' } : {}),
    ...(day ? { day: 'numeric' } : {}),
    month: 'long',
    ...(year ? { year: 'numeric' } : {}),
  });
  return [weekday && found['weekday'], day && found['day'], found['month'], year && found['year']]
    .filter((part) => typeof part === 'string')
    .join(' ');
}

/**
 * The parts Intl gives for a date `YYYY-MM-DD` with these options, by part type, for a text that
 * {@link formatDate} does not write (a chart's short month name).
 *
 * @example
 * dateParts('2026-07-01', 'nl', { month: 'short', year: 'numeric' }); // { month: 'jul.', literal: ' ', year: '2026' }
 */
export function dateParts(date: string, locale: Locale, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const day = toPlainDate(date);
  // A UTC midnight formatted in UTC is the same calendar day everywhere; setUTCFullYear keeps
  // years below 100 from being read as 19xx.
  const moment = new Date(0);
  moment.setUTCFullYear(day.year, day.month - 1, day.day);
  const format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { ...options, timeZone: 'UTC' });
  return Object.fromEntries(format.formatToParts(moment).map((part) => [part.type, part.value]));
}
