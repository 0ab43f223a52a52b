/**
 * Reopening: a case that was answered or closed, but whose complaint was not resolved (the
 * complainant answered "nee" to the satisfaction question, or a coordinator saw it), goes back to
 * work as `heropend`, with a new answer term. The reglement aims at "herstel van de verstoorde
 * relatie"; a case may be reopened once, and again only when a coordinator does so on purpose.
 *
 * Pure: the case, the moment, the calendar and the number of weeks are parameters.
 */
import type { Case, CaseEvent } from './case.ts';
import type { WorkingDayCalendar } from './calendar.ts';
import { onOrAfterWorkingDay, receiptDate } from './terms.ts';
import { Temporal } from 'temporal-polyfill';

/**
 * The reopenings of a case, oldest first.
 *
 * @example
 * reopenings(record).length // 0, 1 (or more, each beyond the first made on purpose)
 */
export function reopenings(record: Pick<Case, 'events'>): CaseEvent[] {
  return record.events.filter((event) => event.status === 'heropend');
}

/**
 * The new answer term of a reopening at `at`: `weeks` weeks after the day of reopening (in
 * `timeZone`), moved to the next working day as the Algemene termijnenwet moves any term.
 *
 * @example
 * reopenAnswerBy('2026-12-14T10:00:00+01:00', 'Europe/Amsterdam', calendar, 4) // '2027-01-11'
 */
export function reopenAnswerBy(at: string, timeZone: string, calendar: WorkingDayCalendar, weeks: number): string {
  const day = Temporal.PlainDate.from(receiptDate(at, timeZone));
  return onOrAfterWorkingDay(day.add({ weeks }), calendar);
}

/**
 * The answer term that applies to a case now: the term of its last reopening once it was reopened,
 * else the extended term once it was extended, else the answer term set at receipt.
 *
 * @example
 * answerTermOf({ extended: true, terms, events }) // terms.extendedAnswerBy
 */
export function answerTermOf(record: Pick<Case, 'extended' | 'terms' | 'events'>): string {
  const reopened = record.events.findLast((event) => event.status === 'heropend' && event.answerBy !== undefined);
  if (reopened?.answerBy !== undefined) return reopened.answerBy;
  return record.extended ? record.terms.extendedAnswerBy : record.terms.answerBy;
}
