/**
 * The two writes around a send (`deliver.ts`): the claim that records an attempt, under this
 * process's lease, on the case as the store holds it now — and only if the message is still due
 * and no live attempt of another process holds it (`attempts.ts`) — and the record of a message
 * the mail server took, tried again for a while when the store fails just then.
 */
import type { Case } from '../case.ts';
import type { Config } from '../config.ts';
import { errorCode } from '../errors.ts';
import { receivedAtIso } from '../intake.ts';
import type { CaseStore } from '../store.ts';
import { attemptKey, attemptsToAsk, type AttemptOwners, type OwnedAttempt } from './attempts.ts';
import { dueMessages } from './due-messages.ts';
import { messageNames, type MessageKind } from './message-kinds.ts';
import type { MessageRecord } from './message-record.ts';

/** What a claim needs of the delivery. */
export interface ClaimContext {
  config: Pick<Config, 'terms'>;
  now: () => Date;
  owners?: AttemptOwners | undefined;
}

/**
 * The case with the unsent record of `kind` changed by `change` (made when there is none yet).
 *
 * @example
 * withMessage(record, 'receipt', (m) => ({ ...m, attempts: m.attempts + 1 }))
 */
export function withMessage(record: Case, kind: MessageKind, change: (message: MessageRecord) => MessageRecord): Case {
  const index = record.messages.findIndex((message) => message.kind === kind && message.sentAt === undefined);
  const messages = [...record.messages];
  if (index === -1) messages.push(change({ kind, attempts: 0 }));
  else messages[index] = change(messages[index] as MessageRecord);
  return { ...record, messages };
}

/** The record without its attempt: the attempt is over. */
export function withoutAttempt(message: MessageRecord): MessageRecord {
  const {
    attemptStartedAt: _started,
    attemptOwner: _owner,
    attemptUntil: _until,
    lastError: _error,
    ...rest
  } = message;
  return rest;
}

/**
 * Which of the case's attempts their owners still run (see `attempts.ts`); undefined without
 * owners to ask (an attempt then runs until the lease it recorded).
 */
export async function stillRunning(
  context: Pick<ClaimContext, 'owners'>,
  attempts: readonly OwnedAttempt[],
): Promise<Set<string> | undefined> {
  if (context.owners === undefined) return undefined;
  return new Set(attempts.length === 0 ? [] : await context.owners.stillRunning(attempts));
}

/** A claim on one message: made, not needed (not due, or under way elsewhere), or failed. */
export type Claim =
  { kind: 'claimed'; record: Case; ambiguous: boolean } | { kind: 'skipped' } | { kind: 'failed'; error: string };

/**
 * Step 1: records the attempt on the case as the store holds it now, if the message is still due.
 * An attempt not asked about yet (it appeared since the case was read) sends us to its owner
 * first, so a live owner's attempt is never taken for a dead one.
 */
export async function claimMessage(
  store: CaseStore,
  context: ClaimContext,
  reference: string,
  kind: MessageKind,
  lease: { owner: string; until: number } | undefined,
): Promise<Claim> {
  const iso = (moment: Date) => receivedAtIso(moment, context.config.terms.timeZone);
  const notDue = new Error('not due');
  const asked = new Set<string>();
  let running: Set<string> | undefined = context.owners === undefined ? undefined : new Set();
  let toAsk: OwnedAttempt[] = [];
  for (let round = 0; round < 3; round += 1) {
    const at = context.now();
    let ambiguous = false;
    toAsk = [];
    try {
      const record = await store.updateCase(
        reference,
        (current) => {
          toAsk = attemptsToAsk(current).filter((attempt) => !asked.has(attemptKey(attempt)));
          if (toAsk.length > 0 && context.owners !== undefined) throw notDue;
          const still = dueMessages(current, at, running).find((message) => message.kind === kind);
          if (still === undefined) throw notDue;
          ambiguous = still.ambiguous;
          return withMessage(current, kind, (message) => ({
            ...message,
            attempts: message.attempts + 1,
            attemptStartedAt: iso(at),
            ...(lease === undefined ? {} : { attemptOwner: lease.owner, attemptUntil: iso(new Date(lease.until)) }),
          }));
        },
        `bericht "${messageNames[kind]}" wordt verstuurd`,
        // Only the outcome ("verstuurd" or "niet verstuurd") is worth a comment on the issue.
        { quiet: true },
      );
      return { kind: 'claimed', record, ambiguous };
    } catch (error) {
      if (error !== notDue) return { kind: 'failed', error: `store: ${errorCode(error)}` };
      if (toAsk.length === 0 || context.owners === undefined) return { kind: 'skipped' };
    }
    for (const attempt of toAsk) asked.add(attemptKey(attempt));
    try {
      running = new Set([...(running ?? []), ...((await stillRunning(context, toAsk)) ?? [])]);
    } catch (error) {
      return { kind: 'failed', error: `store: ${errorCode(error)}` };
    }
  }
  // Attempts kept appearing: someone else is busy with this case; the next run looks again.
  return { kind: 'skipped' };
}

/**
 * Records a message the mail server took. A store that fails just then (Redis restarting, a disk
 * that refuses for a moment) is tried again while this process's lease still covers the attempt
 * (at most a dozen times, pauses growing to 5 s): once the lease runs out, another process takes
 * the attempt for dead and sends it a second time. Without a lease (the Git folder) four tries
 * over three seconds.
 */
export async function recordSent(lease: { remainingMs(): number } | undefined, record: () => Promise<unknown>) {
  const tries = lease === undefined ? 4 : 12;
  for (let attempt = 1, pause = 200; ; attempt += 1, pause = Math.min(pause * 2, 5_000)) {
    try {
      await record();
      return;
    } catch (error) {
      if (attempt >= tries || (lease !== undefined && lease.remainingMs() < pause + 2_000)) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
