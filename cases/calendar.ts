/**
 * The working-day calendar of the complaints procedure: Monday to Friday, minus the holidays of
 * the Algemene termijnenwet (Atw) art. 3, plus or minus the organisation's own closing days.
 *
 * Pure: no clock, no I/O. The holiday data comes from `date-holidays` (NL), selected by rule
 * identity and cross-checked against an independent computation of the same Atw rules.
 */
import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import { errorTag, taggedError } from './errors.ts';

/** A text in Dutch and English. */
export type Bilingual = { nl: string; en: string };

/** A day on which no working days are counted, with its name. */
export type ClosingDay = { date: string; name: Bilingual };

/** An inclusive range of calendar years. */
export type YearRange = { from: number; to: number };

/** One holiday as `date-holidays` reports it: its local date and the rule that produced it. */
export type HolidayRecord = { date: string; rule: string };

/** What {@link makeCalendar} needs; `extraClosingDays` and `removedClosingDays` come from `config.terms`. */
export type CalendarSettings = {
  /** Days the organisation is closed on top of the Atw holidays. */
  extraClosingDays: readonly ClosingDay[];
  /** Atw holidays on which the organisation works after all (`YYYY-MM-DD`). */
  removedClosingDays: readonly string[];
  /** Years the calendar answers for; defaults to {@link DEFAULT_SUPPORTED_YEARS}. */
  supportedYears?: YearRange;
  /** Source of holiday data; defaults to `date-holidays` NL. Tests pass a stand-in. */
  holidayData?: (year: number) => readonly HolidayRecord[];
};

/** Answers "is this a working day, and if not, why not?" for the supported years. */
export type WorkingDayCalendar = {
  /** The years this calendar answers for; any other year throws. */
  readonly supportedYears: YearRange;
  /** True on a working day. Throws for a date outside {@link WorkingDayCalendar.supportedYears}. */
  isWorkingDay(date: Temporal.PlainDate | string): boolean;
  /** Why a day is not a working day ("Tweede Paasdag", "zaterdag"), or undefined on a working day. */
  whyNotWorking(date: Temporal.PlainDate | string): Bilingual | undefined;
  /** The year's non-working weekdays (holidays and extra closing days on Monday to Friday), in date order. */
  closingDays(year: number): ClosingDay[];
};

/**
 * The years the calendar answers for unless told otherwise.
 *
 * Why a bound at all, when date-holidays computes any year: the list of holidays is law, and law
 * changes (Koninginnedag became Koningsdag on another date in 2014; days can be equated by decree).
 * A calendar that silently answers for 2060 would count working days by rules nobody checked.
 * So the calendar answers only inside this horizon, and within it every year's date-holidays data
 * is cross-checked against an independent computation of the Atw rules (Easter by the Gregorian
 * computus, the fixed dates, the Koningsdag-on-Sunday rule) before it is used.
 * From 2020: the system holds no case older than that, and the Koningsdag rule in force since 2014
 * applies throughout. Until 2040: far enough for any term of a case received today; the horizon
 * test (see {@link horizonWarning}) fails one year before the bound is reached, so that someone
 * re-reads the Atw and raises it deliberately.
 */
export const DEFAULT_SUPPORTED_YEARS: YearRange = { from: 2020, to: 2040 };

type AtwHoliday = {
  /** The rule text with which date-holidays (NL) identifies this holiday. */
  rule: string;
  name: Bilingual;
  /** Independent computation of the date, for the cross-check. */
  expected: (year: number, easter: Temporal.PlainDate) => Temporal.PlainDate;
};

const fixed = (month: number, day: number) => (year: number) => Temporal.PlainDate.from({ year, month, day });
const fromEaster = (days: number) => (_year: number, easter: Temporal.PlainDate) => easter.add({ days });

/**
 * The Atw art. 3 holidays, keyed by date-holidays' rule. Selected by identity, not by type:
 * date-holidays types Goede Vrijdag and Bevrijdingsdag as `school` and Oudejaarsavond as `bank`,
 * so filtering on `public` would drop two Atw days, and filtering on "not observance" would add one.
 */
const ATW_HOLIDAYS: readonly AtwHoliday[] = [
  { rule: '01-01', name: { nl: 'Nieuwjaarsdag', en: "New Year's Day" }, expected: fixed(1, 1) },
  { rule: 'easter -2', name: { nl: 'Goede Vrijdag', en: 'Good Friday' }, expected: fromEaster(-2) },
  { rule: 'easter', name: { nl: 'Eerste Paasdag', en: 'Easter Sunday' }, expected: fromEaster(0) },
  { rule: 'easter 1', name: { nl: 'Tweede Paasdag', en: 'Easter Monday' }, expected: fromEaster(1) },
  {
    rule: '04-27 if sunday then previous saturday since 2014',
    name: { nl: 'Koningsdag', en: "King's Day" },
    expected: (year) => {
      const day = Temporal.PlainDate.from({ year, month: 4, day: 27 });
      return day.dayOfWeek === 7 ? day.subtract({ days: 1 }) : day;
    },
  },
  { rule: '05-05', name: { nl: 'Bevrijdingsdag', en: 'Liberation Day' }, expected: fixed(5, 5) },
  { rule: 'easter 39', name: { nl: 'Hemelvaartsdag', en: 'Ascension Day' }, expected: fromEaster(39) },
  { rule: 'easter 49', name: { nl: 'Eerste Pinksterdag', en: 'Whit Sunday' }, expected: fromEaster(49) },
  { rule: 'easter 50', name: { nl: 'Tweede Pinksterdag', en: 'Whit Monday' }, expected: fromEaster(50) },
  { rule: '12-25', name: { nl: 'Eerste Kerstdag', en: 'Christmas Day' }, expected: fixed(12, 25) },
  { rule: '12-26', name: { nl: 'Tweede Kerstdag', en: 'Boxing Day' }, expected: fixed(12, 26) },
];

const WEEKEND: Readonly<Record<number, Bilingual>> = {
  6: { nl: 'zaterdag', en: 'Saturday' },
  7: { nl: 'zondag', en: 'Sunday' },
};

/**
 * Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher),
 * independent of date-holidays so the two can check each other.
 *
 * @example
 * easterSunday(2028).toString(); // "2028-04-16"
 */
export function easterSunday(year: number): Temporal.PlainDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({ year, month, day });
}

/**
 * Reads a calendar date given as `YYYY-MM-DD` (or a PlainDate); refuses anything else, including
 * impossible dates such as 2026-02-30, with a Dutch message.
 *
 * @example
 * toPlainDate('2028-04-18').dayOfWeek; // 2
 */
export function toPlainDate(date: Temporal.PlainDate | string): Temporal.PlainDate {
  if (typeof date !== 'string') return date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new Error(`"${date}" is geen datum: verwacht JJJJ-MM-DD, bijvoorbeeld 2028-04-18.`);
  }
  try {
    return Temporal.PlainDate.from(date, { overflow: 'reject' });
  } catch {
    throw new Error(`"${date}" bestaat niet als datum.`);
  }
}

let defaultHolidays: Holidays | undefined;

/** date-holidays' NL holidays of one year, reduced to date and rule. */
function dateHolidaysNl(year: number): HolidayRecord[] {
  defaultHolidays ??= new Holidays('NL');
  return defaultHolidays.getHolidays(year).map((holiday) => ({ date: holiday.date.slice(0, 10), rule: holiday.rule }));
}

/** The Atw holidays of one year from the data source, refused loudly when it disagrees with the law's rules. */
function atwHolidaysOf(year: number, source: (year: number) => readonly HolidayRecord[]): ClosingDay[] {
  const records = source(year);
  const easter = easterSunday(year);
  const problems: string[] = [];
  const days: ClosingDay[] = [];
  for (const holiday of ATW_HOLIDAYS) {
    const found = records.filter((record) => record.rule === holiday.rule);
    const expected = holiday.expected(year, easter).toString();
    if (found.length !== 1 || found[0]?.date !== expected) {
      const got = found.map((record) => record.date).join(', ') || 'niets';
      problems.push(`${holiday.name.nl}: verwacht ${expected}, date-holidays geeft ${got}`);
    } else {
      days.push({ date: expected, name: holiday.name });
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `De feestdagen voor ${year} uit date-holidays kloppen niet met de Algemene termijnenwet:\n` +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        '\nControleer de versie van date-holidays en de regels in cases/calendar.ts voordat u termijnen berekent.',
    );
  }
  return days;
}

const UNSUPPORTED_YEAR = 'KLACHTEN_UNSUPPORTED_YEAR';

/**
 * True for the error a calendar throws when asked about a year outside its horizon, so that a
 * command can call it a bad argument (exit 2) rather than a fault.
 *
 * @example
 * try { calendar.isWorkingDay('2099-01-05'); } catch (error) { isUnsupportedYearError(error); } // true
 */
export function isUnsupportedYearError(error: unknown): boolean {
  return error instanceof Error && errorTag(error) === UNSUPPORTED_YEAR;
}

function assertSupported(year: number, range: YearRange): void {
  if (!Number.isInteger(year) || year < range.from || year > range.to) {
    const message =
      `De werkdagenkalender kent het jaar ${year} niet (ondersteund: ${range.from} tot en met ${range.to}). ` +
      'Controleer de feestdagen van de Algemene termijnenwet voor dat jaar en verruim dan supportedYears ' +
      '(standaard DEFAULT_SUPPORTED_YEARS in cases/calendar.ts). Zonder die controle rekent de kalender niet.';
    throw taggedError(UNSUPPORTED_YEAR, message);
  }
}

/**
 * Builds the working-day calendar from the organisation's settings (`config.terms`).
 * Throws at once when a removed closing day is not an Atw holiday (a typo would otherwise
 * silently keep the holiday closed) or when the year range is not a range.
 *
 * @example
 * const calendar = makeCalendar({ extraClosingDays: [], removedClosingDays: [] });
 * calendar.isWorkingDay('2028-04-17'); // false
 * calendar.whyNotWorking('2028-04-17'); // { nl: 'Tweede Paasdag', en: 'Easter Monday' }
 */
export function makeCalendar(settings: CalendarSettings): WorkingDayCalendar {
  const range = settings.supportedYears ?? DEFAULT_SUPPORTED_YEARS;
  if (!Number.isInteger(range.from) || !Number.isInteger(range.to) || range.from > range.to) {
    throw new Error(`supportedYears ${range.from}–${range.to} is geen geldige reeks jaren.`);
  }
  const source = settings.holidayData ?? dateHolidaysNl;
  const extra = settings.extraClosingDays.map((day) => ({ date: toPlainDate(day.date).toString(), name: day.name }));
  const removed = new Set(settings.removedClosingDays.map((date) => toPlainDate(date).toString()));
  const byYear = new Map<number, Map<string, Bilingual>>();

  const closedOn = (year: number): Map<string, Bilingual> => {
    assertSupported(year, range);
    let days = byYear.get(year);
    if (days === undefined) {
      days = new Map();
      for (const day of extra) if (day.date.startsWith(`${year}-`)) days.set(day.date, day.name);
      // Atw names win over a configured name for the same day: they are the legal reason.
      for (const day of atwHolidaysOf(year, source)) if (!removed.has(day.date)) days.set(day.date, day.name);
      byYear.set(year, days);
    }
    return days;
  };

  for (const date of removed) {
    const year = Number(date.slice(0, 4));
    assertSupported(year, range);
    if (!atwHolidaysOf(year, source).some((day) => day.date === date)) {
      throw new Error(
        `removedClosingDays bevat ${date}, maar dat is geen feestdag van de Algemene termijnenwet. Klopt de datum?`,
      );
    }
  }

  const whyNotWorking = (date: Temporal.PlainDate | string): Bilingual | undefined => {
    const day = toPlainDate(date);
    return closedOn(day.year).get(day.toString()) ?? WEEKEND[day.dayOfWeek];
  };

  return {
    supportedYears: { ...range },
    whyNotWorking,
    isWorkingDay: (date) => whyNotWorking(date) === undefined,
    closingDays: (year) =>
      [...closedOn(year)]
        .filter(([date]) => toPlainDate(date).dayOfWeek <= 5)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([date, name]) => ({ date, name })),
  };
}

/**
 * Says, in Dutch, whether the calendar's horizon is about to run out: it must cover every term of
 * a receipt up to `aheadYears` after `today`, where a term reaches at most `termDays` past receipt.
 * Returns undefined when all is well. `today` is passed in; this never reads the clock.
 *
 * @example
 * horizonWarning(calendar, '2039-06-01', { aheadYears: 1, termDays: 84 });
 * // "De werkdagenkalender loopt tot en met 2040, maar …"
 */
export function horizonWarning(
  calendar: WorkingDayCalendar,
  today: string,
  reach: { aheadYears: number; termDays: number },
): string | undefined {
  const start = toPlainDate(today);
  const needed = start.add({ years: reach.aheadYears }).add({ days: reach.termDays });
  const { from, to } = calendar.supportedYears;
  if (start.year >= from && needed.year <= to) return undefined;
  return (
    `De werkdagenkalender loopt van ${from} tot en met ${to}, maar termijnen van klachten die tot ` +
    `${reach.aheadYears} jaar na ${start.toString()} binnenkomen lopen tot ${needed.toString()}. ` +
    'Controleer de feestdagen van de Algemene termijnenwet en verruim supportedYears.'
  );
}
