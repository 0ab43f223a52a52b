import { makeCalendar, type WorkingDayCalendar } from './calendar.ts';
import type { Config } from './config.ts';
import type { MoveContext } from './lifecycle.ts';

/**
 * What every move needs from the configuration, in one place: the time zone, the people, and for
 * a reopening the calendar and its number of weeks.
 *
 * @example
 * applyMove(record, move, makeMoveContext(config, '2026-10-28T10:00:00+01:00', 'coordinator'))
 */
export function makeMoveContext(
  config: Pick<Config, 'terms' | 'people'>,
  at: string,
  by: string,
  calendar: WorkingDayCalendar = makeCalendar(config.terms),
): MoveContext {
  return {
    at,
    by,
    timeZone: config.terms.timeZone,
    people: config.people,
    calendar,
    reopenWeeks: config.terms.reopenWeeks,
  };
}
