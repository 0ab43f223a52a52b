/**
 * The period a report covers: a half-year (`2026-H2`) or any range of calendar dates, both ends
 * included. Pure: no clock.
 */
import { Temporal } from 'temporal-polyfill';
import { toPlainDate } from '../calendar.ts';

/** A reporting period: calendar dates `YYYY-MM-DD`, both included. */
export type Period = {
  /** `2026-H2` for a half-year, `2026-03-01_2026-05-31` for any other range. */
  label: string;
  from: string;
  to: string;
};

/** One calendar month inside a period (clipped to the period). */
export type Month = { key: string; year: number; month: number };

const HALF_YEAR = /^(\d{4})-H([12])$/i;

/**
 * The half-year called `2026-H1` (January to June) or `2026-H2` (July to December).
 *
 * @example
 * halfYear('2026-H2'); // { label: '2026-H2', from: '2026-07-01', to: '2026-12-31' }
 */
export function halfYear(label: string): Period {
  const match = HALF_YEAR.exec(label.trim());
  if (!match) throw new Error(`"${label}" is geen halfjaar: schrijf bijvoorbeeld 2026-H1 of 2026-H2.`);
  const year = Number(match[1]);
  const second = match[2] === '2';
  return {
    label: `${year}-H${second ? 2 : 1}`,
    from: `${year}-${second ? '07' : '01'}-01`,
    to: `${year}-${second ? '12-31' : '06-30'}`,
  };
}

/**
 * Any range of calendar dates, both included; a range that is exactly a half-year gets its label.
 *
 * @example
 * dateRange('2026-03-01', '2026-05-31'); // { label: '2026-03-01_2026-05-31', from: '2026-03-01', to: '2026-05-31' }
 */
export function dateRange(from: string, to: string): Period {
  const start = toPlainDate(from);
  const end = toPlainDate(to);
  if (Temporal.PlainDate.compare(start, end) > 0) {
    throw new Error(`De periode begint (${from}) na haar einde (${to}).`);
  }
  const half = halfYearOf(start, end);
  return half ?? { label: `${start.toString()}_${end.toString()}`, from: start.toString(), to: end.toString() };
}

function halfYearOf(start: Temporal.PlainDate, end: Temporal.PlainDate): Period | undefined {
  for (const half of ['H1', 'H2']) {
    const candidate = halfYear(`${start.year}-${half}`);
    if (candidate.from === start.toString() && candidate.to === end.toString()) return candidate;
  }
  return undefined;
}

/**
 * The period just before: the previous half-year, or for any other range the range of the same
 * number of days that ends the day before it starts.
 *
 * @example
 * previousPeriod(halfYear('2026-H1')).label; // "2025-H2"
 */
export function previousPeriod(period: Period): Period {
  const start = toPlainDate(period.from);
  const end = toPlainDate(period.to);
  const half = HALF_YEAR.exec(period.label);
  if (half) {
    const year = Number(half[1]);
    return halfYear(half[2] === '2' ? `${year}-H1` : `${year - 1}-H2`);
  }
  const days = start.until(end).days;
  const previousEnd = start.subtract({ days: 1 });
  return dateRange(previousEnd.subtract({ days }).toString(), previousEnd.toString());
}

/**
 * Whether a calendar date lies in the period (both ends included). ISO dates compare as text.
 *
 * @example
 * inPeriod('2026-12-31', halfYear('2026-H2')); // true
 */
export function inPeriod(date: string, period: Pick<Period, 'from' | 'to'>): boolean {
  return date >= period.from && date <= period.to;
}

/**
 * The calendar months the period touches, in order: `2026-07` … `2026-12`.
 *
 * @example
 * monthsOf(dateRange('2026-01-15', '2026-03-02')).map((m) => m.key); // ["2026-01", "2026-02", "2026-03"]
 */
export function monthsOf(period: Pick<Period, 'from' | 'to'>): Month[] {
  const last = Temporal.PlainYearMonth.from(period.to.slice(0, 7));
  const months: Month[] = [];
  for (let month = Temporal.PlainYearMonth.from(period.from.slice(0, 7)); ; month = month.add({ months: 1 })) {
    months.push({ key: month.toString(), year: month.year, month: month.month });
    if (Temporal.PlainYearMonth.compare(month, last) >= 0) return months;
  }
}

/**
 * The name used in file names and web addresses: `2026-h2`, `2026-03-01_2026-05-31`.
 *
 * @example
 * periodSlug(halfYear('2026-H2')); // "2026-h2"
 */
export function periodSlug(period: Pick<Period, 'label'>): string {
  return period.label.toLowerCase();
}
