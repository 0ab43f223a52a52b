/**
 * Whether a mail attempt is still under way, and who says so.
 *
 * An attempt records who makes it (`attemptOwner`: a random name of the process) and until when
 * that process's lease held when it began (`attemptUntil`, by default 2 minutes on). The owners'
 * leases (`AttemptOwners`, kept in the intake queue by `cases/queue/owner-leases.ts`) answer
 * whether it still runs: within that time it does, unless its process is known to be gone — a
 * Node server that was started again on the same machine and data folder took over its seat; after
 * that time only while its process still renews its lease and names the attempt in it. Otherwise
 * the owner is gone — killed, or it moved on without recording the end — and the message is due
 * again at once. An attempt recorded before owners existed, or by a process without a queue (the
 * Git folder), waits `inFlightTimeoutMs`.
 *
 * Pure: the case, the moment and what the owners said are parameters. The port (what the owners'
 * leases are asked) is here too; it imports nothing but types.
 */
import type { Case } from '../case.ts';

/**
 * An attempt without an owner that started longer ago than this and never finished is taken to
 * have died with its process. Sending takes at most about two minutes (the SMTP time-outs in
 * `transport.ts`).
 *
 * @example
 * now.getTime() - Date.parse(message.attemptStartedAt) >= inFlightTimeoutMs // the attempt died: send again
 */
export const inFlightTimeoutMs = 15 * 60 * 1000;

/** One attempt, by its owner, case and kind of message, with when it began and the lease it recorded (ms). */
export interface OwnedAttempt {
  owner: string;
  reference: string;
  kind: string;
  startedAt: number;
  until: number;
}

/**
 * The key an owner's lease names an attempt by.
 *
 * @example
 * attemptKey({ owner: 'p-1f3a', reference: 'K-2026-7QF3-M9XA', kind: 'receipt' }) // 'p-1f3a K-2026-7QF3-M9XA receipt'
 */
export function attemptKey(attempt: Pick<OwnedAttempt, 'owner' | 'reference' | 'kind'>): string {
  return `${attempt.owner} ${attempt.reference} ${attempt.kind}`;
}

/** The leases under which processes send mail: this process's own, and what the others' still cover. */
export interface AttemptOwners {
  /** This process's name, as its attempts record it. */
  readonly id: string;
  /**
   * Begins an attempt: the owner and until when its lease holds (ms since the epoch), to record
   * on the message, and how much of that is left. While the attempt runs the lease is renewed;
   * `end` when it is over.
   */
  begin(reference: string, kind: string): { owner: string; until: number; remainingMs(): number; end(): void };
  /** Of these attempts, the keys (`attemptKey`) of those that still run (see the top of this file). */
  stillRunning(attempts: readonly OwnedAttempt[]): Promise<ReadonlySet<string>>;
}

type Message = Case['messages'][number];

/**
 * Whether the attempt on this message is under way at `now`. `running` is what the owners said of
 * this case's attempts (`stillRunning(attemptsToAsk(record))`); without it, an owned attempt
 * runs until the lease it recorded.
 *
 * @example
 * attemptUnderWay(record, { kind: 'receipt', attempts: 1, attemptStartedAt, attemptOwner, attemptUntil }, new Date()) // true until attemptUntil
 */
export function attemptUnderWay(
  record: Pick<Case, 'reference'>,
  message: Message,
  now: Date,
  running?: ReadonlySet<string>,
): boolean {
  if (message.sentAt !== undefined || message.attemptStartedAt === undefined) return false;
  if (message.attemptOwner === undefined || message.attemptUntil === undefined) {
    return now.getTime() - Date.parse(message.attemptStartedAt) < inFlightTimeoutMs;
  }
  if (running === undefined) return now.getTime() < Date.parse(message.attemptUntil);
  return running.has(attemptKey({ owner: message.attemptOwner, reference: record.reference, kind: message.kind }));
}

/**
 * The attempts on this case whose owners are to be asked: every owned attempt not finished.
 *
 * @example
 * const running = await owners.stillRunning(attemptsToAsk(record));
 * dueMessages(record, now, running)
 */
export function attemptsToAsk(record: Pick<Case, 'reference' | 'messages'>): OwnedAttempt[] {
  return record.messages.flatMap((message) =>
    message.sentAt === undefined &&
    message.attemptStartedAt !== undefined &&
    message.attemptOwner !== undefined &&
    message.attemptUntil !== undefined
      ? [
          {
            owner: message.attemptOwner,
            reference: record.reference,
            kind: message.kind,
            startedAt: Date.parse(message.attemptStartedAt),
            until: Date.parse(message.attemptUntil),
          },
        ]
      : [],
  );
}

/**
 * The messages of this case with an attempt under way, with the moment each began (ms) and the
 * lease it recorded (`until`, ms; in the past for one its owner still renews; the in-flight
 * time-out for an attempt without an owner).
 *
 * @example
 * attemptsUnderWay(record, new Date()) // [{ kind: 'receipt', startedAt: 1793000000000, until: 1793000120000 }]
 */
export function attemptsUnderWay(
  record: Pick<Case, 'reference' | 'messages'>,
  now: Date,
  running?: ReadonlySet<string>,
): { kind: string; startedAt: number; until: number }[] {
  return record.messages.flatMap((message) => {
    if (!attemptUnderWay(record, message, now, running) || message.attemptStartedAt === undefined) return [];
    const startedAt = Date.parse(message.attemptStartedAt);
    const until = message.attemptUntil === undefined ? startedAt + inFlightTimeoutMs : Date.parse(message.attemptUntil);
    return [{ kind: message.kind, startedAt, until }];
  });
}
