/**
 * The terms of the klachtenreglement: confirmation within N working days, a reasoned answer within
 * N weeks, once extendable by N weeks; with explanations in Dutch and English.
 *
 * Pure: the receipt moment, the calendar and the settings are parameters; no clock, no I/O.
 */
import { Temporal } from 'temporal-polyfill';
import { toPlainDate } from './calendar.ts';
import type { Bilingual, WorkingDayCalendar } from './calendar.ts';
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

/** The languages of the explanations. */
export type Locale = 'nl' | 'en';

/** One sentence per term, in one language. */
export type TermsExplanation = { confirmBy: string; answerBy: string; extendedAnswerBy: string };

/** The reglement's defaults, the same as `config.terms` has them. */
export const DEFAULT_TERMS_SETTINGS: TermsSettings = {
  timeZone: 'Europe/Amsterdam',
  confirmWorkingDays: 7,
  answerWeeks: 6,
  extensionWeeks: 4,
};

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

/**
 * A date written out in full, without any time-zone shift: "dinsdag 18 april 2028" /
 * "Tuesday 18 April 2028". The parts come from Intl; the order is ours, so it does not depend on
 * the ICU version (en-GB puts a comma after the weekday in some versions).
 *
 * @example
 * formatDate('2028-04-18', 'nl'); // "dinsdag 18 april 2028"
 */
export function formatDate(date: string, locale: Locale): string {
  const parts = dateParts(date, locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** "14 april" / "14 April". */
function formatDayMonth(date: string, locale: Locale): string {
  const parts = dateParts(date, locale, { day: 'numeric', month: 'long' });
  return `${parts.day} ${parts.month}`;
}

function dateParts(date: string, locale: Locale, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const day = toPlainDate(date);
  // A UTC midnight formatted in UTC is the same calendar day everywhere; setUTCFullYear keeps
  // years below 100 from being read as 19xx.
  const moment = new Date(0);
  moment.setUTCFullYear(day.year, day.month - 1, day.day);
  const format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { ...options, timeZone: 'UTC' });
  return Object.fromEntries(format.formatToParts(moment).map((part) => [part.type, part.value]));
}

const WORDS = {
  nl: {
    by: 'uiterlijk',
    and: 'en',
    week: (n: number) => (n === 1 ? 'week' : 'weken'),
    workingDay: (n: number) => (n === 1 ? 'werkdag' : 'werkdagen'),
    afterReceipt: 'na ontvangst',
    on: 'op',
    fallsOn: 'valt op',
    aWeekendDay: (name: string) => `een ${name}`,
    follow: (list: string, many: boolean) => `daarna ${many ? 'volgen' : 'volgt'} ${list}`,
    weekend: 'het weekend',
    weekends: 'de weekenden',
    notCounted: 'niet meegeteld',
    dayOfReceipt: 'de dag van ontvangst',
    extended: (weeks: number) => `als de termijn eenmaal met ${weeks} ${weeks === 1 ? 'week' : 'weken'} wordt verlengd`,
  },
  en: {
    by: 'by',
    and: 'and',
    week: (n: number) => (n === 1 ? 'week' : 'weeks'),
    workingDay: (n: number) => (n === 1 ? 'working day' : 'working days'),
    afterReceipt: 'after receipt',
    on: 'on',
    fallsOn: 'falls on',
    aWeekendDay: (name: string) => `a ${name}`,
    follow: (list: string, many: boolean) => `${list} ${many ? 'follow' : 'follows'}`,
    weekend: 'the weekend',
    weekends: 'the weekends',
    notCounted: 'not counted',
    dayOfReceipt: 'the day of receipt',
    extended: (weeks: number) => `if the term is extended once by ${weeks} ${weeks === 1 ? 'week' : 'weeks'}`,
  },
} as const;

/** "A", "A en B", "A, B en C". */
function joinList(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${WORDS[locale].and} ${items.at(-1)}`;
}

type NamedDay = { date: string; name: string };

/** "Eerste Paasdag" then "Tweede Paasdag": the Dutch pairs that are said together. */
function ordinalPair(first: string, second: string): boolean {
  const [a, ...aTail] = first.split(' ');
  const [b, ...bTail] = second.split(' ');
  return a === 'Eerste' && b === 'Tweede' && aTail.length > 0 && aTail.join(' ') === bTail.join(' ');
}

/**
 * Names of consecutive holidays, with "Eerste Paasdag" + "Tweede Paasdag" merged into "Eerste en
 * Tweede Paasdag" in Dutch (the way people say it), optionally with their dates.
 */
function nameHolidays(days: readonly NamedDay[], locale: Locale, withDates: boolean): string[] {
  const groups: NamedDay[][] = [];
  for (const day of days) {
    const group = groups.at(-1);
    const previous = group?.at(-1);
    if (
      locale === 'nl' &&
      group !== undefined &&
      previous !== undefined &&
      toPlainDate(previous.date).add({ days: 1 }).toString() === day.date &&
      ordinalPair(previous.name, day.name)
    ) {
      group.push(day);
    } else {
      groups.push([day]);
    }
  }
  return groups.map((group) => {
    const first = group[0];
    const last = group.at(-1);
    if (first === undefined || last === undefined) return '';
    const tail = first.name.split(' ').slice(1).join(' ');
    const name =
      group.length === 1
        ? first.name
        : `${joinList(
            group.map((day) => day.name.split(' ')[0] ?? ''),
            locale,
          )} ${tail}`;
    if (!withDates) return name;
    const dates =
      group.length === 1
        ? formatDayMonth(first.date, locale)
        : `${joinList(
            group.slice(0, -1).map((day) => String(toPlainDate(day.date).day)),
            locale,
          )} ${WORDS[locale].and} ${formatDayMonth(last.date, locale)}`;
    return `${name} (${dates})`;
  });
}

/** The non-working days strictly between two dates, split into named closing days and plain weekend days. */
function skippedBetween(
  after: Temporal.PlainDate,
  before: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
  locale: Locale,
): { named: NamedDay[]; weekendDays: Temporal.PlainDate[] } {
  const named: NamedDay[] = [];
  const weekendDays: Temporal.PlainDate[] = [];
  for (let day = after.add({ days: 1 }); Temporal.PlainDate.compare(day, before) < 0; day = day.add({ days: 1 })) {
    const reason = calendar.whyNotWorking(day);
    if (reason === undefined) continue;
    if (isPlainWeekend(day, reason)) weekendDays.push(day);
    else named.push({ date: day.toString(), name: reason[locale] });
  }
  return { named, weekendDays };
}

/** Weekends of which both days are plain weekend days: a Saturday before Eerste Paasdag goes without saying. */
function fullWeekends(days: readonly Temporal.PlainDate[]): number {
  return days.filter((day) => day.dayOfWeek === 6 && days.some((other) => other.equals(day.add({ days: 1 })))).length;
}

/** Weekends touched by at least one plain weekend day. */
function weekendsTouched(days: readonly Temporal.PlainDate[]): number {
  return new Set(days.map((day) => `${day.yearOfWeek}-${day.weekOfYear}`)).size;
}

function isPlainWeekend(day: Temporal.PlainDate, reason: Bilingual): boolean {
  const weekend = day.dayOfWeek === 6 ? 'zaterdag' : day.dayOfWeek === 7 ? 'zondag' : undefined;
  return reason.nl === weekend;
}

/** "uiterlijk …: 6 weken na ontvangst op …" or, when the Atw moved the date, "… valt op …; daarna volgen …". */
function explainWeeksTerm(
  received: Temporal.PlainDate,
  weeks: number,
  due: string,
  calendar: WorkingDayCalendar,
  locale: Locale,
  condition: string | undefined,
): string {
  const w = WORDS[locale];
  const head = `${w.by} ${formatDate(due, locale)}${condition === undefined ? '' : ` ${condition}`}`;
  const span = `${weeks} ${w.week(weeks)} ${w.afterReceipt}`;
  const target = received.add({ weeks });
  const reason = calendar.whyNotWorking(target);
  if (reason === undefined) return `${head}: ${span} ${w.on} ${formatDate(received.toString(), locale)}`;
  const what = isPlainWeekend(target, reason) ? w.aWeekendDay(reason[locale]) : reason[locale];
  const text = `${head}: ${span} ${w.fallsOn} ${what} (${formatDayMonth(target.toString(), locale)})`;
  const { named, weekendDays } = skippedBetween(target, toPlainDate(due), calendar, locale);
  const plainWeekends = fullWeekends(weekendDays);
  const items = [...nameHolidays(named, locale, false), ...(plainWeekends > 0 ? [w.weekend] : [])];
  if (items.length === 0) return text;
  const many = named.length + plainWeekends > 1;
  return `${text}; ${w.follow(joinList(items, locale), many)}`;
}

/** "uiterlijk …: 7 werkdagen na ontvangst op …; niet meegeteld: de dag van ontvangst, Goede Vrijdag (14 april) en het weekend". */
function explainConfirm(
  received: Temporal.PlainDate,
  workingDays: number,
  due: string,
  calendar: WorkingDayCalendar,
  locale: Locale,
): string {
  const w = WORDS[locale];
  const { named, weekendDays } = skippedBetween(received, toPlainDate(due), calendar, locale);
  const plainWeekends = weekendsTouched(weekendDays);
  const skipped = [
    w.dayOfReceipt,
    ...nameHolidays(named, locale, true),
    ...(plainWeekends === 0 ? [] : [plainWeekends === 1 ? w.weekend : w.weekends]),
  ];
  return (
    `${w.by} ${formatDate(due, locale)}: ${workingDays} ${w.workingDay(workingDays)} ${w.afterReceipt} ` +
    `${w.on} ${formatDate(received.toString(), locale)}; ${w.notCounted}: ${joinList(skipped, locale)}`
  );
}

/**
 * One sentence per term saying the date and how it came about, in Dutch or English:
 * "uiterlijk dinsdag 18 april 2028: 6 weken na ontvangst valt op Goede Vrijdag (14 april); daarna
 * volgen Eerste en Tweede Paasdag". Takes the receipt moment, or terms already computed (as stored
 * on a case); the explanation assumes they were computed with this calendar and these settings.
 *
 * @example
 * explainTerms('2028-03-03T10:00:00+01:00', calendar, DEFAULT_TERMS_SETTINGS, 'en').confirmBy;
 * // "by Tuesday 14 March 2028: 7 working days after receipt on Friday 3 March 2028; not counted: the day of receipt and the weekends"
 */
export function explainTerms(
  receivedAtOrTerms: string | Terms,
  calendar: WorkingDayCalendar,
  settings: TermsSettings,
  locale: Locale,
): TermsExplanation {
  const terms =
    typeof receivedAtOrTerms === 'string' ? computeTerms(receivedAtOrTerms, calendar, settings) : receivedAtOrTerms;
  const received = toPlainDate(terms.received);
  const w = WORDS[locale];
  return {
    confirmBy: explainConfirm(received, settings.confirmWorkingDays, terms.confirmBy, calendar, locale),
    answerBy: explainWeeksTerm(received, settings.answerWeeks, terms.answerBy, calendar, locale, undefined),
    extendedAnswerBy: explainWeeksTerm(
      received,
      settings.answerWeeks + settings.extensionWeeks,
      terms.extendedAnswerBy,
      calendar,
      locale,
      w.extended(settings.extensionWeeks),
    ),
  };
}
