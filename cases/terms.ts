/**
 * The terms of the klachtenreglement: confirmation within N working days, a reasoned answer within
 * N weeks, once extendable by N weeks (the reglement's numbers are `DEFAULT_TERMS_SETTINGS` in
 * `default-terms.ts`). The arithmetic only; `terms-explanation.ts` says in words how each date came
 * about.
 *
 * Pure: the receipt moment, the calendar and the settings are parameters; no clock, no I/O.
 */
import { Temporal } from 'temporal-polyfill';
import { toPlainDate } from './calendar.ts';
import type { WorkingDayCalendar } from './calendar.ts';
import type { Config } from './config.ts';

/** The terms of one case, all calendar dates `YYYY-MM-DD` in the organisation's time zone. */
export type Terms = {
  /** The receipt date: the calendar date of the moment received. */
  received: string;
  /** Latest date of the confirmation naming the handler and the answer date. */
  confirmBy: string;
  /** Latest date of the reasoned answer. */
  answerBy: string;
  /** Latest date of the answer when the term is extended once. */
  extendedAnswerBy: string;
};

/** The part of `config.terms` that the terms depend on (the closing days live in the calendar). */
export type TermsSettings = Pick<Config['terms'], 'timeZone' | 'confirmWorkingDays' | 'answerWeeks' | 'extensionWeeks'>;

type DateInput = Temporal.PlainDate | string;

/**
 * The receipt date: the calendar date, in `timeZone`, of the moment received. The moment must be
 * ISO 8601 with an offset or Z; a moment without one is ambiguous and is refused, as is a moment
 * that does not exist (2026-02-30T10:00Z). Errors are in Dutch, fit for a person to read.
 *
 * @example
 * receiptDate('2026-10-25T23:30:00Z', 'Europe/Amsterdam'); // "2026-10-26"
 */
export function receiptDate(receivedAt: string, timeZone: string): string {
  let instant: Temporal.Instant;
  try {
    instant = Temporal.Instant.from(receivedAt);
  } catch {
    throw new Error(describeBadMoment(receivedAt));
  }
  try {
    return instant.toZonedDateTimeISO(timeZone).toPlainDate().toString();
  } catch {
    throw new Error(`"${timeZone}" is geen bekende tijdzone (bijvoorbeeld Europe/Amsterdam).`);
  }
}

/** Why a string is not a usable moment, in Dutch. */
function describeBadMoment(text: string): string {
  const example = 'Gebruik bijvoorbeeld 2028-03-03T14:30:00+01:00 of 2028-03-03T13:30:00Z.';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && parses(() => Temporal.PlainDate.from(text, { overflow: 'reject' }))) {
    return `"${text}" is een datum zonder tijdstip en tijdzone; de dag van ontvangst volgt uit het moment zelf. ${example}`;
  }
  if (parses(() => Temporal.PlainDateTime.from(text, { overflow: 'reject' }))) {
    return `Het tijdstip "${text}" heeft geen tijdzone (geen +01:00 of Z erachter), dus de dag van ontvangst is niet zeker. ${example}`;
  }
  return `"${text}" is geen bestaand tijdstip volgens ISO 8601. ${example}`;
}

function parses(attempt: () => unknown): boolean {
  try {
    attempt();
    return true;
  } catch {
    return false;
  }
}

/**
 * The date `n` working days after `date` (before it when `n` is negative); `date` itself never
 * counts. With `n` 0 the date is returned as given, working day or not.
 *
 * @example
 * addWorkingDays('2028-03-03', 7, calendar); // "2028-03-14"
 */
export function addWorkingDays(date: DateInput, n: number, calendar: WorkingDayCalendar): string {
  if (!Number.isInteger(n)) throw new Error(`Het aantal werkdagen moet een geheel getal zijn, niet ${n}.`);
  const step = n < 0 ? -1 : 1;
  let day = toPlainDate(date);
  for (let left = Math.abs(n); left > 0;) {
    day = day.add({ days: step });
    if (calendar.isWorkingDay(day)) left -= 1;
  }
  return day.toString();
}

/**
 * The number of working days from `from` to `to`: working days after `from` up to and including
 * `to`; negative when `to` lies before `from` (then the working days from `to` up to but not
 * including `from`). So `workingDaysBetween(d, addWorkingDays(d, n, c), c) === n` for every n ≠ 0.
 *
 * @example
 * workingDaysBetween('2028-03-03', '2028-03-14', calendar); // 7
 */
export function workingDaysBetween(from: DateInput, to: DateInput, calendar: WorkingDayCalendar): number {
  const start = toPlainDate(from);
  const end = toPlainDate(to);
  const order = Temporal.PlainDate.compare(start, end);
  if (order > 0) return -workingDaysBetween(end.subtract({ days: 1 }), start.subtract({ days: 1 }), calendar);
  let count = 0;
  for (let day = start.add({ days: 1 }); Temporal.PlainDate.compare(day, end) <= 0; day = day.add({ days: 1 })) {
    if (calendar.isWorkingDay(day)) count += 1;
  }
  return count;
}

/**
 * The date itself when it is a working day, else the next working day: how the Algemene
 * termijnenwet art. 1 extends a term that ends on a Saturday, Sunday or holiday.
 *
 * @example
 * onOrAfterWorkingDay('2028-04-14', calendar); // "2028-04-18" (Goede Vrijdag, weekend, Tweede Paasdag)
 */
export function onOrAfterWorkingDay(date: DateInput, calendar: WorkingDayCalendar): string {
  let day = toPlainDate(date);
  while (!calendar.isWorkingDay(day)) day = day.add({ days: 1 });
  return day.toString();
}

/**
 * The terms for a receipt date already known (e.g. as stored on a case).
 *
 * @example
 * termsForReceiptDate('2028-03-03', calendar, DEFAULT_TERMS_SETTINGS).answerBy; // "2028-04-18"
 */
export function termsForReceiptDate(
  received: DateInput,
  calendar: WorkingDayCalendar,
  settings: Omit<TermsSettings, 'timeZone'>,
): Terms {
  const day = toPlainDate(received);
  return {
    received: day.toString(),
    confirmBy: addWorkingDays(day, settings.confirmWorkingDays, calendar),
    answerBy: onOrAfterWorkingDay(day.add({ weeks: settings.answerWeeks }), calendar),
    // The extension runs from receipt (receipt + answer + extension weeks), not from an answer
    // date that the Atw already moved: the reglement extends the term, not the moved end.
    extendedAnswerBy: onOrAfterWorkingDay(day.add({ weeks: settings.answerWeeks + settings.extensionWeeks }), calendar),
  };
}

/**
 * The terms of a complaint received at `receivedAt` (ISO 8601 with offset or Z).
 *
 * @example
 * computeTerms('2028-03-03T10:00:00+01:00', calendar, DEFAULT_TERMS_SETTINGS);
 * // { received: '2028-03-03', confirmBy: '2028-03-14', answerBy: '2028-04-18', extendedAnswerBy: '2028-05-12' }
 */
export function computeTerms(receivedAt: string, calendar: WorkingDayCalendar, settings: TermsSettings): Terms {
  return termsForReceiptDate(receiptDate(receivedAt, settings.timeZone), calendar, settings);
}
