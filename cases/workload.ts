/**
 * The workload (werkvoorraad): every open case in the order of the next term to run out, with
 * working days left, and the counts per status and per handler — what a coordinator with thirty
 * open cases looks at first. The same data feeds the pinned issue on GitHub, `klachten
 * werkvoorraad` on any store and the fields of a GitHub Project. Only staff data and dates: the
 * reference, the category, the status, the handler's name; never a complainant's name or text.
 *
 * Pure: the cases, today's date, the calendar and the configuration are parameters.
 */
import type { Case, Status } from './case.ts';
import { statuses } from './case.ts';
import type { WorkingDayCalendar } from './calendar.ts';
import type { Config } from './config.ts';
import { answerTerm, workingDaysLeft } from './deadlines.ts';
import { awaitsAnswer, isOpen } from './lifecycle.ts';
import { findPerson } from './people.ts';

/** Within this many working days of its end a term is marked as running out soon. */
export const soonWorkingDays = 2;

/** The term that runs out next: the confirmation (with the handler's name), or the reasoned answer. */
export type NextTerm = 'bevestigen' | 'antwoorden';

/** A term past its end, or one within `soonWorkingDays` of it. */
export type TermMark = 'verlopen' | 'bijna';

/** One open case in the workload. */
export interface WorkloadRow {
  reference: string;
  /** The category's Dutch label (its id when it is no longer configured). */
  category: string;
  status: Status;
  /** The handler's configured name; undefined while there is none. */
  handler: string | undefined;
  /** The next term; undefined for a case answered and waiting to be closed. */
  nextTerm: NextTerm | undefined;
  /** The last day of that term, `YYYY-MM-DD`. */
  date: string | undefined;
  /** Working days from today to that day: 0 on the day itself, negative once it has passed. */
  workingDaysLeft: number | undefined;
  mark: TermMark | undefined;
}

/** The workload of a day. */
export interface Workload {
  /** The day it describes, `YYYY-MM-DD`. */
  today: string;
  rows: WorkloadRow[];
  /** Open cases per status, in the order of a case's life; statuses with none left out. */
  perStatus: Array<{ status: Status; count: number }>;
  /** Open cases per handler, most first; `handler` undefined for the cases without one. */
  perHandler: Array<{ handler: string | undefined; count: number }>;
}

/** The term a case is held to next, and its last day. */
function nextTermOf(record: Case): { nextTerm: NextTerm; date: string } | undefined {
  if (record.status === 'ontvangen') return { nextTerm: 'bevestigen', date: record.terms.confirmBy };
  if (awaitsAnswer(record)) return { nextTerm: 'antwoorden', date: answerTerm(record) };
  return undefined;
}

function markOf(left: number | undefined): TermMark | undefined {
  if (left === undefined) return undefined;
  if (left < 0) return 'verlopen';
  return left <= soonWorkingDays ? 'bijna' : undefined;
}

/**
 * The workload of `today`: the open cases among `cases`, the next term to run out first (then by
 * reference), those without a running term last.
 *
 * @example
 * workloadOf(await store.listCases({ openOnly: true }), '2026-11-02', calendar, config).rows[0]
 * // { reference: 'K-2026-7QF3-M9XA', nextTerm: 'bevestigen', date: '2026-11-04', workingDaysLeft: 2, mark: 'bijna', … }
 */
export function workloadOf(
  cases: readonly Case[],
  today: string,
  calendar: WorkingDayCalendar,
  config: Pick<Config, 'categories' | 'people'>,
): Workload {
  const rows: WorkloadRow[] = cases.filter(isOpen).map((record) => {
    const next = nextTermOf(record);
    const left = next === undefined ? undefined : workingDaysLeft(today, next.date, calendar);
    const person = record.handler === undefined ? undefined : findPerson(config.people, record.handler);
    return {
      reference: record.reference,
      category: config.categories.find((category) => category.id === record.category)?.label.nl ?? record.category,
      status: record.status,
      // Only a configured person's name, looked up by id: never a login or an unknown string.
      handler: person?.id === record.handler ? person?.name : undefined,
      nextTerm: next?.nextTerm,
      date: next?.date,
      workingDaysLeft: left,
      mark: markOf(left),
    };
  });
  rows.sort(
    (a, b) =>
      (a.date === b.date ? 0 : a.date === undefined ? 1 : b.date === undefined ? -1 : a.date < b.date ? -1 : 1) ||
      (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
  );
  const perStatus = statuses
    .map((status) => ({ status, count: rows.filter((row) => row.status === status).length }))
    .filter((entry) => entry.count > 0);
  const handlers = new Map<string | undefined, number>();
  for (const row of rows) handlers.set(row.handler, (handlers.get(row.handler) ?? 0) + 1);
  const perHandler = [...handlers]
    .map(([handler, count]) => ({ handler, count }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.handler === undefined ? 1 : b.handler === undefined ? -1 : a.handler.localeCompare(b.handler, 'nl')),
    );
  return { today, rows, perStatus, perHandler };
}
