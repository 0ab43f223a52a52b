/**
 * What one case's register record says as at a date: the first date of each move, read as a calendar date
 * in the organisation's time zone, with every move dated later ignored. The report counts from
 * these facts only, so the same records give the same report whenever it is made.
 */
import type { Outcome } from '../case.ts';
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
};

/**
 * Reads one case as it stood at the end of `asOf` (a date): the first date of each move, ignoring
 * every move dated later.
 *
 * @example
 * caseFacts(record, '2026-12-31', makeLocalDate('Europe/Amsterdam')).confirmedOn; // "2026-10-29"
 */
export function caseFacts(record: RegisterRecord, asOf: string, localDate: LocalDate): CaseFacts {
  const first = new Map<string, string>();
  let outcome: { on: string; value: Outcome } | undefined;
  for (const event of record.moves) {
    const on = localDate(event.at);
    if (on > asOf) continue;
    const seen = first.get(event.status);
    if (seen === undefined || on < seen) first.set(event.status, on);
    if (event.outcome !== undefined && (outcome === undefined || on >= outcome.on))
      outcome = { on, value: event.outcome };
  }
  const closedOn = first.get('afgesloten');
  const extensionOn = first.get('verdaagd');
  const extended = extensionOn !== undefined && extensionOn <= record.terms.answerBy;
  const satisfaction =
    record.satisfaction !== undefined && localDate(record.satisfaction.at) <= asOf
      ? record.satisfaction.answer
      : undefined;
  return {
    received: record.terms.received,
    confirmedOn: first.get('bevestigd'),
    answeredOn: first.get('beantwoord') ?? closedOn,
    closedOn,
    notTakenUpOn: first.get('niet-in-behandeling'),
    extended,
    deadline: extended ? record.terms.extendedAnswerBy : record.terms.answerBy,
    outcome: outcome?.value ?? (closedOn === undefined ? undefined : record.outcome),
    satisfaction,
  };
}
