/**
 * Cases the mail tests share beyond `tests/support/mail-fixture.ts`: a message recorded as sent, a
 * repeat complaint not taken up, and a confirmed case whose term was extended.
 */
import { aCase } from '../../../tests/support/case-fixture.ts';
import { confirmedCase, mailConfig } from '../../../tests/support/mail-fixture.ts';
import type { Case } from '../../case.ts';
import { applyMove } from '../../lifecycle.ts';

/**
 * A message of this kind as the case records it once it went out.
 *
 * @example
 * aCase({ messages: [sent('receipt')] });
 */
export const sent = (kind: string) => ({ kind, attempts: 1, sentAt: '2026-10-26T00:31:00+01:00', toHash: 'sha256:x' });

/**
 * A case the coordinator marked as a repeat complaint of K-2025-7QF3M9, as the move records it.
 *
 * @example
 * notTakenUp({ locale: 'en' }).status; // 'niet-in-behandeling'
 */
export function notTakenUp(overrides: Partial<Case> = {}, at = '2026-10-28T09:00:00+01:00'): Case {
  const result = applyMove(
    aCase({ messages: [sent('receipt')], ...overrides }),
    { type: 'not-taken-up', earlierReference: 'K-2025-7QF3M9' },
    { at, by: 'coordinator', timeZone: 'Europe/Amsterdam', people: mailConfig.people },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.case;
}

/**
 * The confirmed case of the mail fixture, its term extended at `at` for `reason`.
 *
 * @example
 * extendedCase('2026-11-20T10:00:00+01:00', 'Wachten op de aannemer.').status; // 'verdaagd'
 */
export function extendedCase(at: string, reason: string): Case {
  const base = confirmedCase();
  return aCase({ ...base, status: 'verdaagd', extended: true, events: [...base.events, { at, status: 'verdaagd', reason }] });
}
