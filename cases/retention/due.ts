/**
 * Which cases are due for erasure on a day: closed or not taken up at least the configured number
 * of months before, not on hold, not erased yet. Pure: it reads register records, never a clock.
 */
import type { Config } from '../config.ts';
import type { RegisterRecord } from '../register/record.ts';
import { makeLocalDate } from '../report/dates.ts';

/** The statuses in which a case has ended. */
const endStatuses = new Set(['afgesloten', 'niet-in-behandeling']);

/**
 * The calendar date (in `timeZone`) on which a case ended, or undefined while it runs.
 *
 * @example
 * endedOn(record, 'Europe/Amsterdam') // '2026-11-30'
 */
export function endedOn(record: RegisterRecord, timeZone: string): string | undefined {
  if (!endStatuses.has(record.status)) return undefined;
  const last = record.moves.findLast((move) => move.status === record.status);
  return last === undefined ? record.terms.received : localDateIn(timeZone)(last.at);
}

// One converter per time zone: making one costs far more than using it, and a plan reads every
// record of the register (50,000 a year).
const localDates = new Map<string, ReturnType<typeof makeLocalDate>>();
function localDateIn(timeZone: string): ReturnType<typeof makeLocalDate> {
  let made = localDates.get(timeZone);
  if (made === undefined) localDates.set(timeZone, (made = makeLocalDate(timeZone)));
  return made;
}

/**
 * The date `months` calendar months after `date`, clamped to the month's last day.
 *
 * @example
 * addMonths('2024-02-29', 12) // '2025-02-28'
 */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

/**
 * The date from which a case's personal data is due for erasure, or undefined (it runs, or is held).
 *
 * @example
 * erasableFrom(record, { personalDataMonths: 24 }, 'Europe/Amsterdam') // '2028-11-30'
 */
export function erasableFrom(
  record: RegisterRecord,
  retention: Pick<Config['retention'], 'personalDataMonths'>,
  timeZone: string,
): string | undefined {
  const ended = endedOn(record, timeZone);
  return ended === undefined ? undefined : addMonths(ended, retention.personalDataMonths);
}

/** What retention finds on a day. */
export interface RetentionPlan {
  /** References whose personal data is due for erasure, oldest first. */
  due: string[];
  /** References that would be due but are on hold. */
  held: string[];
}

/**
 * The plan of a retention run on `today` (a date in the organisation's time zone).
 *
 * @example
 * planRetention(records, '2029-01-05', config) // { due: ['K-2026-7QF3M9'], held: [] }
 */
export function planRetention(
  records: readonly RegisterRecord[],
  today: string,
  config: Pick<Config, 'retention' | 'terms'>,
): RetentionPlan {
  const plan: RetentionPlan = { due: [], held: [] };
  for (const record of records) {
    if (record.erasedAt !== undefined) continue;
    const from = erasableFrom(record, config.retention, config.terms.timeZone);
    if (from === undefined || from > today) continue;
    (record.heldSince === undefined ? plan.due : plan.held).push(record.reference);
  }
  return plan;
}
