/**
 * Date arithmetic fast enough for 100,000 cases: the same answers as `receiptDate` and
 * `workingDaysBetween` in `terms.ts` (the tests check that), with the working days counted once
 * per year instead of day by day for every case.
 */
import type { WorkingDayCalendar } from '../calendar.ts';
import { Temporal } from 'temporal-polyfill';
import { receiptDate } from '../terms.ts';

/** Counts working days like `workingDaysBetween`, from a table built once per year. */
export type WorkingDayCounter = {
  /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
  between(from: string, to: string): number;
};

const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function split(date: string): [year: number, month: number, day: number] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is geen datum: verwacht JJJJ-MM-DD.`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** 0 for 1 January. */
function dayOfYear(year: number, month: number, day: number): number {
  return (MONTH_START[month - 1] ?? 0) + (month > 2 && isLeap(year) ? 1 : 0) + day - 1;
}

function isoDate(year: number, index: number): string {
  const date = new Date(Date.UTC(year, 0, 1 + index));
  return date.toISOString().slice(0, 10);
}

/**
 * A working-day counter over `calendar`: per year a running count of working days, so counting
 * between two dates is one subtraction. Years are added as they are asked for; a year the calendar
 * does not support throws, as the calendar does.
 *
 * @example
 * makeWorkingDayCounter(calendar).between('2028-03-03', '2028-03-14'); // 7
 */
export function makeWorkingDayCounter(calendar: WorkingDayCalendar): WorkingDayCounter {
  const base = calendar.supportedYears.from;
  // running[y - base][i]: working days from 1 January of `base` up to and including day i of year y.
  const running: number[][] = [];

  const yearTable = (year: number): number[] => {
    if (year < base) calendar.isWorkingDay(`${year}-01-01`); // throws the calendar's own message
    while (running.length <= year - base) {
      const current = base + running.length;
      let count = running.at(-1)?.at(-1) ?? 0;
      const days = isLeap(current) ? 366 : 365;
      const table: number[] = [];
      for (let index = 0; index < days; index += 1) {
        if (calendar.isWorkingDay(isoDate(current, index))) count += 1;
        table.push(count);
      }
      running.push(table);
    }
    return running[year - base] ?? [];
  };

  const upTo = (date: string): number => {
    const [year, month, day] = split(date);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      throw new Error(`"${date}" bestaat niet als datum.`);
    }
    return yearTable(year)[dayOfYear(year, month, day)] ?? 0;
  };

  return {
    between(from, to) {
      if (to >= from) return upTo(to) - upTo(from);
      // Backwards, as workingDaysBetween has it: the working days from `to` up to but not including `from`.
      const working = (date: string) => (calendar.isWorkingDay(date) ? 1 : 0);
      return -(upTo(from) - working(from) - (upTo(to) - working(to)));
    },
  };
}

/** Turns an instant into its calendar date in one time zone. */
export type LocalDate = (instant: string) => string;

/**
 * The calendar date of an instant in `timeZone`, as `receiptDate` gives it, but fast enough for
 * 100,000 cases. Why a second way at all: the report dates every event of every case, and Temporal
 * (or Intl) per event costs seconds there; so the zone's offset is looked up once per span between
 * two of its offset changes (Temporal names the changes exactly: `getTimeZoneTransition`), a few a
 * year, and then added; and each local day's text is made once. `dates.test.ts` pins that both
 * ways give the same date, around every local midnight and every offset change. A moment that
 * `Date.parse` cannot read goes to `receiptDate`, which reads it or says why not.
 *
 * @example
 * makeLocalDate('Europe/Amsterdam')('2026-10-25T23:30:00Z'); // "2026-10-26"
 */
export function makeLocalDate(timeZone: string): LocalDate {
  // Refuses an unknown zone now, as before, rather than at the first instant.
  new Intl.DateTimeFormat('en-GB', { timeZone });
  /** Spans [start, end) of epoch milliseconds with one offset; the last one found is tried first. */
  type Span = { start: number; end: number; offset: number };
  const spans: Span[] = [];
  let last: Span | undefined;
  const spanAt = (ms: number): Span => {
    if (last !== undefined && ms >= last.start && ms < last.end) return last;
    const found = spans.find((span) => ms >= span.start && ms < span.end);
    if (found !== undefined) return (last = found);
    const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
    // "previous" is strictly before its instant: from ms + 1 it is a change at ms itself too.
    const previous = Temporal.Instant.fromEpochMilliseconds(ms + 1)
      .toZonedDateTimeISO(timeZone)
      .getTimeZoneTransition('previous');
    const next = zoned.getTimeZoneTransition('next');
    const span = {
      start: previous === null ? -Infinity : previous.epochMilliseconds,
      end: next === null ? Infinity : next.epochMilliseconds,
      offset: zoned.offsetNanoseconds / 1_000_000,
    };
    spans.push(span);
    return (last = span);
  };
  const dayNames = new Map<number, string | undefined>();
  const dayName = (day: number): string | undefined => {
    if (dayNames.has(day)) return dayNames.get(day);
    const text = new Date(day * 86_400_000).toISOString();
    // Outside 0 to 9999 the year has a sign and six digits: receiptDate says it as Temporal does.
    const name = text.length === 24 ? text.slice(0, 10) : undefined;
    dayNames.set(day, name);
    return name;
  };
  return (instant) => {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) return receiptDate(instant, timeZone);
    const name = dayName(Math.floor((ms + spanAt(ms).offset) / 86_400_000));
    return name ?? receiptDate(instant, timeZone);
  };
}
