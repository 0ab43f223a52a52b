/**
 * What one case's register record says as at a date: the first date of each move, read as a calendar date
 * in the organisation's time zone, with every move dated later ignored. The report counts from
 * these facts only, so the same records give the same report whenever it is made.
 */
import type { Outcome, Status } from '../case.ts';
import type { RegisterRecord } from '../register/record.ts';
import type { LocalDate } from './dates.ts';

/** What the events of one case say, as calendar dates, up to and including the end of the period. */
export type CaseFacts = {
  received: string;
  confirmedOn: string | undefined;
  /** First 'beantwoord'; a case closed without one counts as answered when it was closed. */
  answeredOn: string | undefined;
  closedOn: string | undefined;
  notTakenUpOn: string | undefined;
  /** Extended once, by a 'verdaagd' move on or before the original answer date. */
  extended: boolean;
  /** The answer date that applied: the extended one when the term was extended. */
  deadline: string;
  outcome: Outcome | undefined;
  satisfaction: 'ja' | 'deels' | 'nee' | undefined;
  /** First 'heropend': reopened because it was not resolved. */
  reopenedOn: string | undefined;
  /** The close after that reopening, with its outcome; undefined while it runs. */
  closedAfterReopen: { on: string; outcome: Outcome | undefined } | undefined;
};

/**
 * Reads one case as it stood at the end of `asOf` (a date): the first date of each move, ignoring
 * every move dated later.
 *
 * @example
 * caseFacts(record, '2026-12-31', makeLocalDate('Europe/Amsterdam')).confirmedOn; // "2026-10-29"
 */
export function caseFacts(record: RegisterRecord, asOf: string, localDate: LocalDate): CaseFacts {
  // A plain object, not a Map per case: this runs for every case of the register.
  const first: Partial<Record<Status, string>> = {};
  let outcomeOn: string | undefined;
  let outcomeValue: Outcome | undefined;
  let reopened = false;
  let closedAfterReopen: CaseFacts['closedAfterReopen'];
  for (const event of record.moves) {
    const on = localDate(event.at);
    if (on > asOf) continue;
    // In the order of the moves, not of their dates: a close and a reopening may share a day.
    if (event.status === 'heropend') {
      reopened = true;
      closedAfterReopen = undefined;
    } else if (reopened && event.status === 'afgesloten') {
      closedAfterReopen = { on, outcome: event.outcome };
    }
    const seen = first[event.status];
    if (seen === undefined || on < seen) first[event.status] = on;
    if (event.outcome !== undefined && (outcomeOn === undefined || on >= outcomeOn)) {
      outcomeOn = on;
      outcomeValue = event.outcome;
    }
  }
  const closedOn = first.afgesloten;
  const extensionOn = first.verdaagd;
  const extended = extensionOn !== undefined && extensionOn <= record.terms.answerBy;
  const satisfaction =
    record.satisfaction !== undefined && localDate(record.satisfaction.at) <= asOf
      ? record.satisfaction.answer
      : undefined;
  return {
    received: record.terms.received,
    confirmedOn: first.bevestigd,
    answeredOn: first.beantwoord ?? closedOn,
    closedOn,
    notTakenUpOn: first['niet-in-behandeling'],
    extended,
    deadline: extended ? record.terms.extendedAnswerBy : record.terms.answerBy,
    outcome: outcomeValue ?? (closedOn === undefined ? undefined : record.outcome),
    satisfaction,
    reopenedOn: first.heropend,
    closedAfterReopen,
  };
}
