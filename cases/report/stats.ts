/**
 * The numbers of the half-yearly report, computed from the register alone (cases/register/): the
 * date of receipt and the terms of each case, its dated moves, and the satisfaction answer, so
 * cases whose personal data was erased still count. Pure: cases, period, calendar and settings come in; numbers go out. No clock is read:
 * every number is "as at the end of the period" (events dated after it are ignored), so the same
 * records always give the same report, whenever it is made.
 */
import type { Outcome } from '../case.ts';
import { outcomes } from '../case.ts';
import type { WorkingDayCalendar } from '../calendar.ts';
import { roles, type Role } from '../complaint.ts';
import type { RegisterRecord } from '../register/record.ts';
import { caseFacts, type CaseFacts } from './case-facts.ts';
import { makeLocalDate, makeWorkingDayCounter, type WorkingDayCounter } from './dates.ts';
import { inPeriod, monthsOf, previousPeriod, type Period } from './period.ts';
import { spread, type Spread } from './spread.ts';
import { reopenedOf, type ReopenedState } from './reopened.ts';
import { protectTable, type ProtectedTable } from './suppress.ts';

/** What the numbers depend on besides the cases. */
export type StatsSettings = {
  period: Period;
  calendar: WorkingDayCalendar;
  /** The organisation's time zone: an event's date is its calendar date there. */
  timeZone: string;
  /** Counts from 1 to threshold − 1 in a protected table are not published. */
  threshold: number;
  /** Category ids in the order the form offers them (`config.categories`). */
  categoryIds: readonly string[];
  /** The reglement's terms (`config.terms`): they set the age bands of open cases. */
  terms: { confirmWorkingDays: number; answerWeeks: number; extensionWeeks: number };
};

/** How a case ended in the period. */
export type Ending = Outcome | 'niet-vastgelegd' | 'niet-in-behandeling';

/**
 * Every ending, in the order the report's table lists them.
 *
 * @example
 * endings.at(-1) // 'niet-in-behandeling'
 */
export const endings: readonly Ending[] = [...outcomes, 'niet-vastgelegd', 'niet-in-behandeling'];

/** The complainant's answer to the satisfaction question, or none. */
export type SatisfactionAnswer = 'ja' | 'deels' | 'nee' | 'geen-reactie';

/**
 * Every answer, in the order the report's table lists them.
 *
 * @example
 * satisfactionAnswers.at(-1) // 'geen-reactie'
 */
export const satisfactionAnswers: readonly SatisfactionAnswer[] = ['ja', 'deels', 'nee', 'geen-reactie'];

/**
 * The category row for cases whose category is no longer in the configuration.
 *
 * @example
 * stats.nature.categories.rows.some((row) => row.key === unknownCategory) // only when there are such cases
 */
export const unknownCategory = '?';

/** An age band of cases still waiting for an answer, in working days since receipt (both ends included). */
export type AgeBand = { from: number; to: number | undefined; count: number };

/** Everything the report says, as numbers. */
export type ReportStats = {
  period: Period;
  previous: Period;
  threshold: number;
  volume: {
    received: number;
    previousReceived: number;
    months: { key: string; count: number }[];
  };
  nature: {
    categories: ProtectedTable<string>;
    roles: ProtectedTable<Role>;
  };
  confirmation: {
    /** Cases whose confirmation term ended in the period (not taken up ones left out). */
    due: number;
    onTime: number;
    late: number;
    missing: number;
    days: Spread;
  };
  answer: {
    /** Cases whose answer term (extended where it was) ended in the period (not taken up ones left out). */
    due: number;
    withinTerm: number;
    withinExtendedTerm: number;
    late: number;
    missing: number;
    extended: number;
    days: Spread;
  };
  open: {
    /** Cases not yet answered at the end of the period. */
    total: number;
    bands: AgeBand[];
    overdue: number;
    oldest: number | undefined;
    /** Answered but not yet closed at the end of the period. */
    answeredNotClosed: number;
  };
  endings: ProtectedTable<Ending>;
  satisfaction: ProtectedTable<SatisfactionAnswer>;
  /** Cases reopened in the period, by how they stand at its end (cases/report/reopened.ts). */
  reopened: ProtectedTable<ReopenedState>;
};

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * Computes every number of the report for `settings.period` from all cases of the store.
 *
 * @example
 * const stats = computeStats(await register.read(), { period: halfYear('2026-H2'), calendar, … });
 * stats.volume.received; // 23
 */
export function computeStats(cases: readonly RegisterRecord[], settings: StatsSettings): ReportStats {
  const { period, threshold } = settings;
  const end = period.to;
  const previous = previousPeriod(period);
  const localDate = makeLocalDate(settings.timeZone);
  const workingDays = makeWorkingDayCounter(settings.calendar);

  const known = cases.filter((record) => record.terms.received <= end);
  const facts = known.map((record) => ({ record, facts: caseFacts(record, end, localDate) }));
  const received = known.filter((record) => inPeriod(record.terms.received, period));

  return {
    period,
    previous,
    threshold,
    volume: volumeOf(received, cases, period, previous),
    nature: natureOf(received, settings),
    confirmation: confirmationOf(facts, period, workingDays),
    answer: answerOf(facts, period, workingDays),
    open: openOf(
      facts.map((entry) => entry.facts),
      end,
      settings.terms,
      workingDays,
    ),
    endings: endingsOf(
      facts.map((entry) => entry.facts),
      period,
      threshold,
    ),
    satisfaction: satisfactionOf(
      facts.map((entry) => entry.facts),
      period,
      threshold,
    ),
    reopened: reopenedOf(
      facts.map((entry) => entry.facts),
      period,
      threshold,
    ),
  };
}

function volumeOf(
  received: readonly RegisterRecord[],
  all: readonly RegisterRecord[],
  period: Period,
  previous: Period,
) {
  const perMonth = new Map<string, number>();
  for (const record of received) increment(perMonth, record.terms.received.slice(0, 7));
  return {
    received: received.length,
    previousReceived: all.filter((record) => inPeriod(record.terms.received, previous)).length,
    months: monthsOf(period).map((month) => ({ key: month.key, count: perMonth.get(month.key) ?? 0 })),
  };
}

function natureOf(received: readonly RegisterRecord[], settings: StatsSettings): ReportStats['nature'] {
  const known = new Set(settings.categoryIds);
  const byCategory = new Map<string, number>();
  const byRole = new Map<Role, number>();
  for (const record of received) {
    increment(byCategory, known.has(record.category) ? record.category : unknownCategory);
    increment(byRole, record.role);
  }
  // The row for categories no longer configured appears only when such cases exist.
  const categoryKeys = byCategory.has(unknownCategory)
    ? [...settings.categoryIds, unknownCategory]
    : [...settings.categoryIds];
  return {
    categories: protectTable(categoryKeys, byCategory, settings.threshold),
    roles: protectTable(roles, byRole, settings.threshold),
  };
}

type Entry = { record: RegisterRecord; facts: CaseFacts };

function confirmationOf(entries: readonly Entry[], period: Period, workingDays: WorkingDayCounter) {
  const due = entries.filter(
    ({ record, facts }) => inPeriod(record.terms.confirmBy, period) && facts.notTakenUpOn === undefined,
  );
  const days: number[] = [];
  let onTime = 0;
  let late = 0;
  for (const { record, facts } of due) {
    if (facts.confirmedOn === undefined) continue;
    days.push(workingDays.between(facts.received, facts.confirmedOn));
    if (facts.confirmedOn <= record.terms.confirmBy) onTime += 1;
    else late += 1;
  }
  return { due: due.length, onTime, late, missing: due.length - onTime - late, days: spread(days) };
}

function answerOf(entries: readonly Entry[], period: Period, workingDays: WorkingDayCounter) {
  const due = entries.filter(({ facts }) => inPeriod(facts.deadline, period) && facts.notTakenUpOn === undefined);
  const days: number[] = [];
  let withinTerm = 0;
  let withinExtendedTerm = 0;
  let late = 0;
  for (const { record, facts } of due) {
    const on = facts.answeredOn;
    if (on === undefined) continue;
    days.push(workingDays.between(facts.received, on));
    if (on <= record.terms.answerBy) withinTerm += 1;
    else if (facts.extended && on <= record.terms.extendedAnswerBy) withinExtendedTerm += 1;
    else late += 1;
  }
  return {
    due: due.length,
    withinTerm,
    withinExtendedTerm,
    late,
    missing: due.length - withinTerm - withinExtendedTerm - late,
    extended: due.filter(({ facts }) => facts.extended).length,
    days: spread(days),
  };
}

/** Age bands from the reglement's terms: within the confirmation term, the answer term, the extended term, beyond. */
function ageBands(terms: StatsSettings['terms']): { from: number; to: number | undefined }[] {
  const confirm = terms.confirmWorkingDays;
  const answer = terms.answerWeeks * 5;
  const extended = (terms.answerWeeks + terms.extensionWeeks) * 5;
  return [
    { from: 0, to: confirm },
    { from: confirm + 1, to: answer },
    { from: answer + 1, to: extended },
    { from: extended + 1, to: undefined },
  ];
}

function openOf(
  all: readonly CaseFacts[],
  end: string,
  terms: StatsSettings['terms'],
  workingDays: WorkingDayCounter,
): ReportStats['open'] {
  const waiting = all.filter((facts) => facts.answeredOn === undefined && facts.notTakenUpOn === undefined);
  const ages = waiting.map((facts) => workingDays.between(facts.received, end));
  return {
    total: waiting.length,
    bands: ageBands(terms).map((band) => ({
      ...band,
      count: ages.filter((age) => age >= band.from && (band.to === undefined || age <= band.to)).length,
    })),
    overdue: waiting.filter((facts) => facts.deadline < end).length,
    // reduce, not Math.max(...ages): spreading 100,000 arguments overflows the stack.
    oldest: ages.reduce<number | undefined>((max, age) => (max === undefined || age > max ? age : max), undefined),
    answeredNotClosed: all.filter(
      (facts) => facts.answeredOn !== undefined && facts.closedOn === undefined && facts.notTakenUpOn === undefined,
    ).length,
  };
}

/** When and how a case ended: closed (with its outcome) or not taken up, whichever came first. */
function endingOf(facts: CaseFacts): { on: string; ending: Ending } | undefined {
  const { closedOn, notTakenUpOn } = facts;
  if (notTakenUpOn !== undefined && (closedOn === undefined || notTakenUpOn <= closedOn)) {
    return { on: notTakenUpOn, ending: 'niet-in-behandeling' };
  }
  if (closedOn === undefined) return undefined;
  return { on: closedOn, ending: facts.outcome ?? 'niet-vastgelegd' };
}

function endingsOf(all: readonly CaseFacts[], period: Period, threshold: number): ProtectedTable<Ending> {
  const counts = new Map<Ending, number>();
  for (const facts of all) {
    const ended = endingOf(facts);
    if (ended !== undefined && inPeriod(ended.on, period)) increment(counts, ended.ending);
  }
  return protectTable(endings, counts, threshold);
}

function satisfactionOf(
  all: readonly CaseFacts[],
  period: Period,
  threshold: number,
): ProtectedTable<SatisfactionAnswer> {
  const counts = new Map<SatisfactionAnswer, number>();
  for (const facts of all) {
    const ended = endingOf(facts);
    if (ended === undefined || ended.ending === 'niet-in-behandeling' || !inPeriod(ended.on, period)) continue;
    increment(counts, facts.satisfaction ?? 'geen-reactie');
  }
  return protectTable(satisfactionAnswers, counts, threshold);
}
