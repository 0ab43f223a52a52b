/**
 * What the messages read from a case's history: its last move to a status, and the answer date
 * that applies now.
 */
import type { Case, CaseEvent } from '../case.ts';
import { answerTermOf } from '../reopen.ts';

/**
 * The last move of the case to this status, if it made one.
 *
 * @example
 * lastEvent(record, 'verdaagd')?.reason // 'Wachten op de aannemer.'
 */
export function lastEvent(record: Case, status: CaseEvent['status']): CaseEvent | undefined {
  return record.events.findLast((event) => event.status === status);
}

/**
 * The answer term that applies now: the extended one once the term was extended, the new one once
 * the case was reopened.
 *
 * @example
 * currentAnswerBy(extendedCase) // '2027-01-04'
 */
export function currentAnswerBy(record: Case): string {
  return answerTermOf(record);
}
