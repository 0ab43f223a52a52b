/**
 * Which messages a case should have had and has not yet.
 *
 * State-based, so no hook can be missed: {@link dueMessages} derives from the case's status and
 * events which messages belong to it, minus those recorded as sent (`messages[]`). Whoever calls
 * it — the intake, a move command, the satisfaction page, the daily run — gets the same answer,
 * and a message that failed stays due until it went out.
 *
 * Pure: the case and the moment are parameters.
 */
import type { Case } from '../case.ts';
import { awaitsAnswer } from '../lifecycle.ts';
import { attemptUnderWay } from './attempts.ts';
import { lastEvent } from './case-history.ts';
import { audienceOf, messageKinds, type Audience, type MessageKind } from './message-kinds.ts';
import { messageRecord } from './message-record.ts';

/**
 * An unsent message is due for this many days after what triggered it. After that it is no longer
 * sent (a receipt a month late helps nobody, and a store that predates mail does not get a flood),
 * but it stays visible on the case and in `klachten mail status`.
 *
 * @example
 * Date.parse(since) + retryWindowDays * 24 * 60 * 60 * 1000 // the last moment it is still sent
 */
export const retryWindowDays = 30;

// Where an attempt counts as under way lives beside the owners' leases; the time-out for attempts
// without an owner is read from here by older callers.
export { inFlightTimeoutMs } from './attempts.ts';

/** A message that should go out now. */
export interface DueMessage {
  kind: MessageKind;
  audience: Audience;
  /** When what triggered it happened (the receipt, the move, the answer). */
  since: string;
  /** An earlier attempt failed. */
  retry: boolean;
  /**
   * An earlier attempt started and never recorded its end: its process died (or lost its lease),
   * perhaps after the mail server had accepted the message. Sending again may send it twice; not
   * sending may never send it. We send again, at most once per run, and the case shows the attempts.
   */
  ambiguous: boolean;
}

const answered = (record: Case) =>
  record.status === 'beantwoord' || (record.status === 'afgesloten' && record.outcome !== 'ingetrokken');

/** When each kind became due for this case, or undefined when it does not belong to it (now). */
function triggerOf(record: Case, kind: MessageKind): string | undefined {
  switch (kind) {
    case 'receipt':
      // Not once the case is not taken up: the receipt promises a confirmation that will not come;
      // nor for a reopened case, long past its receipt.
      return awaitsAnswer(record) && record.status !== 'heropend' ? record.receivedAt : undefined;
    case 'not-taken-up':
      return record.status === 'niet-in-behandeling' ? lastEvent(record, 'niet-in-behandeling')?.at : undefined;
    case 'confirmation':
      return record.status === 'bevestigd' || record.status === 'verdaagd'
        ? lastEvent(record, 'bevestigd')?.at
        : undefined;
    case 'extension':
      return record.status === 'verdaagd' ? lastEvent(record, 'verdaagd')?.at : undefined;
    case 'answer':
      return answered(record) ? lastEvent(record, 'beantwoord')?.at : undefined;
    case 'satisfaction':
      return answered(record) && record.satisfaction === undefined ? lastEvent(record, 'beantwoord')?.at : undefined;
    case 'dissatisfied':
      return record.satisfaction?.answer === 'nee' ? record.satisfaction.at : undefined;
    case 'withdrawn':
      return record.status === 'afgesloten' && record.outcome === 'ingetrokken'
        ? lastEvent(record, 'afgesloten')?.at
        : undefined;
    case 'reopened':
    case 'reopened-handler':
      return record.status === 'heropend' ? lastEvent(record, 'heropend')?.at : undefined;
    case 'reopened-answer': {
      // The answer given after the last reopening: the first answer's message was sent long ago.
      const reopened = lastEvent(record, 'heropend')?.at;
      const answeredAt = lastEvent(record, 'beantwoord')?.at;
      return answered(record) && reopened !== undefined && answeredAt !== undefined && answeredAt > reopened
        ? answeredAt
        : undefined;
    }
    case 'addition':
    case 'link':
    case 'question':
    case 'question-reminder':
      // Sent at once, in answer to the complainant's request on their page; never from the state.
      return undefined;
  }
}

/**
 * The messages this case should get now, in the order they must go: the ones its state calls
 * for, minus those sent, minus those another process is sending right now (`attempts.ts`: within
 * the lease its attempt recorded, or vouched for in `running` by its owner). A message waits for
 * the ones before it, so the satisfaction question never overtakes the answer.
 *
 * @example
 * dueMessages(confirmedCase, new Date()) // [{ kind: 'confirmation', audience: 'complainant', retry: false, … }]
 * dueMessages(record, now, await owners.stillRunning(attemptsToAsk(record)))
 */
export function dueMessages(record: Case, now: Date, running?: ReadonlySet<string>): DueMessage[] {
  const due: DueMessage[] = [];
  for (const kind of messageKinds) {
    const since = triggerOf(record, kind);
    if (since === undefined) continue;
    const audience = audienceOf(kind);
    if (audience === 'complainant' && record.email.trim() === '') continue;
    const sent = messageRecord(record, kind);
    if (sent?.sentAt !== undefined || sent?.withheld !== undefined) continue;
    if (now.getTime() - Date.parse(since) > retryWindowDays * 24 * 60 * 60 * 1000) continue;
    if (sent !== undefined && attemptUnderWay(record, sent, now, running)) continue;
    const ambiguous = sent?.attemptStartedAt !== undefined;
    due.push({ kind, audience, since, retry: sent?.lastError !== undefined, ambiguous });
  }
  return due;
}
