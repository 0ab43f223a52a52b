/**
 * The terms of a case in words, Dutch or English: one sentence per term saying its date and how it
 * came about ("uiterlijk dinsdag 18 april 2028: 6 weken na ontvangst valt op Goede Vrijdag (14 april);
 * daarna volgen Eerste en Tweede Paasdag"), for the receipt page, the issue and the `terms` command.
 * The dates themselves come from `terms.ts`.
 *
 * Pure: the terms, the calendar and the settings are parameters; no clock, no I/O.
 */
import { Temporal } from 'temporal-polyfill';
import { toPlainDate } from './calendar.ts';
import type { Bilingual, WorkingDayCalendar } from './calendar.ts';
import { formatDate } from './format-date.ts';
import type { Locale } from './locale.ts';
import { computeTerms, type Terms, type TermsSettings } from './terms.ts';

/** One sentence per term, in one language. */
export type TermsExplanation = { confirmBy: string; answerBy: string; extendedAnswerBy: string };

/** "14 april" / "14 April": a date inside a sentence that already names the year. */
function formatDayMonth(date: string, locale: Locale): string {
  return formatDate(date, locale, { weekday: false, year: false });
}

/** The word for one of something, or for more (or none). */
const plural = (one: string, many: string) => (n: number) => (n === 1 ? one : many);
const weekNl = plural('week', 'weken');
const weekEn = plural('week', 'weeks');

const WORDS = {
  nl: {
    by: 'uiterlijk',
    and: 'en',
    week: weekNl,
    workingDay: plural('werkdag', 'werkdagen'),
    afterReceipt: 'na ontvangst',
    on: 'op',
    fallsOn: 'valt op',
    aWeekendDay: (name: string) => `een ${name}`,
    follow: (list: string, many: boolean) => `daarna ${many ? 'volgen' : 'volgt'} ${list}`,
    weekend: 'het weekend',
    weekends: 'de weekenden',
    notCounted: 'niet meegeteld',
    dayOfReceipt: 'de dag van ontvangst',
    extended: (n: number) => `als de termijn eenmaal met ${n} ${weekNl(n)} wordt verlengd`,
  },
  en: {
    by: 'by',
    and: 'and',
    week: weekEn,
    workingDay: plural('working day', 'working days'),
    afterReceipt: 'after receipt',
    on: 'on',
    fallsOn: 'falls on',
    aWeekendDay: (name: string) => `a ${name}`,
    follow: (list: string, many: boolean) => `${list} ${many ? 'follow' : 'follows'}`,
    weekend: 'the weekend',
    weekends: 'the weekends',
    notCounted: 'not counted',
    dayOfReceipt: 'the day of receipt',
    extended: (n: number) => `if the term is extended once by ${n} ${weekEn(n)}`,
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
