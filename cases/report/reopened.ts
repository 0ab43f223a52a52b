/**
 * The reopened complaints of a period: cases reopened in it because they were not resolved (a
 * "nee" to the satisfaction question, or a coordinator's judgement), and how each stands at the end
 * of the period — still being worked on, or closed again with its outcome. Small counts protected.
 */
import { outcomes, type Outcome } from '../case.ts';
import type { CaseFacts } from './case-facts.ts';
import { inPeriod, type Period } from './period.ts';
import { protectTable, type ProtectedTable } from './suppress.ts';

/** How a reopened case stands at the end of the period. */
export type ReopenedState = 'loopt-nog' | Outcome | 'niet-vastgelegd';

/**
 * Every state, in the order the report's table lists them.
 *
 * @example
 * reopenedStates[0] // 'loopt-nog'
 */
export const reopenedStates: readonly ReopenedState[] = ['loopt-nog', ...outcomes, 'niet-vastgelegd'];

/**
 * The reopened cases of the period by how they stand at its end.
 *
 * @example
 * reopenedOf(facts, period, 5).total // 3
 */
export function reopenedOf(
  all: readonly CaseFacts[],
  period: Period,
  threshold: number,
): ProtectedTable<ReopenedState> {
  const counts = new Map<ReopenedState, number>();
  for (const facts of all) {
    if (facts.reopenedOn === undefined || !inPeriod(facts.reopenedOn, period)) continue;
    const closed = facts.closedAfterReopen;
    const state: ReopenedState = closed === undefined ? 'loopt-nog' : (closed.outcome ?? 'niet-vastgelegd');
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  return protectTable(reopenedStates, counts, threshold);
}
