/**
 * The leases under which processes send mail (`AttemptOwners`, `cases/mail/attempts.ts`), kept in
 * the intake queue, which every process that sends or drains already shares.
 *
 * Each process has a random name. An attempt it begins records that name and `now + leaseMs`:
 * within that time it runs, without anything being written. Only an attempt that runs longer (a
 * mail server that hangs) needs more: while it runs, the process writes its lease note
 * `meta:owner:<name>` — `{ until, attempts }`, renewed every third of a lease — naming the attempts
 * it still runs. So a quick send costs no write at all, a killed process's attempts are over one
 * lease after they began, and a live one's are never taken for dead while it renews. When the
 * queue cannot be written the renewal fails and the attempt may be sent again once its lease ran
 * out: a rare duplicate rather than a receipt that never goes.
 *
 * A Node server does better than a lease after a crash: it holds a seat (its machine and data
 * folder, where one server runs at a time) and its name says which. Started again, it takes the
 * seat over (`meta:seat:<seat>` names the newest) and with it every attempt its predecessor left:
 * those are over at once, so the first drain after a restart sends what the killed server had
 * under way — and takes over at once the leases on queue entries it held (`claims`), which would
 * otherwise hold those entries up to a lease longer. Two servers on one seat would take each
 * other's attempts for dead and their leases for free; the seat is therefore narrow: machine, data
 * folder and port, where the README already asks for one server at a time.
 */
import { createHash, randomUUID } from 'node:crypto';
import { attemptKey, type AttemptOwners, type OwnedAttempt } from '../mail/attempts.ts';
import type { ClaimOptions, IntakeQueue } from './port.ts';

/** What an owner's lease note holds. */
interface OwnerNote {
  until: number;
  attempts: string[];
}

const noteName = (owner: string) => `owner:${owner.replace(/[^a-zA-Z0-9-]/g, '_')}`;
const seatName = (seat: string) => `seat:${seat}`;

/**
 * A seated owner is named `s-<seat>-<made>-<random>` (`made`: when the lease was made, ms in base
 * 36), an unseated one `p-<random>`; `seatOf` reads the seat and the moment back.
 */
function seatOf(owner: string): { seat: string; made: number } | undefined {
  const [kind, seat, made] = owner.split('-');
  if (kind !== 's' || seat === undefined || made === undefined) return undefined;
  const moment = parseInt(made, 36);
  return Number.isFinite(moment) ? { seat, made: moment } : undefined;
}

function readNote(value: unknown): OwnerNote | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { until, attempts } = value as Partial<OwnerNote>;
  if (typeof until !== 'number' || !Array.isArray(attempts)) return undefined;
  return { until, attempts: attempts.filter((key): key is string => typeof key === 'string') };
}

/** What the owners' leases need. */
export interface OwnerLeaseOptions {
  /** How long a lease holds without renewal; default 2 minutes (`KLACHTEN_QUEUE_LEASE_MS`). */
  leaseMs?: number;
  /** The clock, in ms since the epoch; default `Date.now`. */
  clock?: () => number;
  /**
   * Where this process serves, when only one process at a time does there (the Node server: its
   * machine and data folder); see the top of this file. Only a hash of it is kept.
   */
  seat?: string;
  /** Called when a renewal fails (the queue is down), with the error; default: nothing. */
  onRenewFailed?: (error: unknown) => void;
}

/** This process's owner lease, with the seat it may take. */
export interface OwnerLeases extends AttemptOwners {
  /** Takes this process's seat over from its predecessor (do it before the first drain); nothing when unseated. */
  takeSeat(): Promise<void>;
  /**
   * How this process claims queue entries: its name in each lease, and — once it took its seat —
   * the leases its killed predecessor held taken over at once instead of after they run out.
   */
  readonly claims: ClaimOptions;
}

/**
 * Makes this process's owner lease on the queue.
 *
 * @example
 * const owners = makeOwnerLeases(queue, { leaseMs: 120_000 });
 * const attempt = owners.begin('K-2026-7QF3-M9XA', 'receipt'); // record attempt.owner, attempt.until
 * try { await mailer.send(mail); } finally { attempt.end(); }
 */
export function makeOwnerLeases(queue: IntakeQueue, options: OwnerLeaseOptions = {}): OwnerLeases {
  const leaseMs = options.leaseMs ?? 2 * 60_000;
  const clock = options.clock ?? (() => Date.now());
  const seat =
    options.seat === undefined ? undefined : createHash('sha256').update(options.seat).digest('hex').slice(0, 16);
  // Made when the process starts (the Node server: before it serves), so a later process on the
  // same seat — and no other — is younger than every lease its killed predecessor made.
  const id = seat === undefined ? `p-${randomUUID()}` : `s-${seat}-${clock().toString(36)}-${randomUUID()}`;
  /** Attempts under way in this process: key → when they began. */
  const running = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  /** Whether the note in the queue names attempts that may be over now. */
  let noteWritten = false;
  let writing: Promise<void> = Promise.resolve();
  let seated = false;
  const made = seat === undefined ? undefined : seatOf(id)?.made;

  /** Whether a lease's owner (`<process>/<random>`) is a predecessor on the seat this process took. */
  function gone(owner: string): boolean {
    if (!seated || made === undefined) return false;
    const theirs = seatOf(owner.split('/')[0] ?? '');
    return theirs !== undefined && theirs.seat === seat && theirs.made < made;
  }

  function stopTimer(): void {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  }

  function renew(): void {
    const now = clock();
    // Only attempts that will outlive the lease they recorded need the note.
    const long = [...running.values()].some((began) => now - began >= leaseMs / 3);
    if (!long && !noteWritten) return;
    const note: OwnerNote =
      running.size > 0 ? { until: now + leaseMs, attempts: [...running.keys()] } : { until: now, attempts: [] };
    writing = writing
      .then(() => queue.setMeta(noteName(id), note))
      .then(
        () => void (noteWritten = note.attempts.length > 0),
        (error: unknown) => options.onRenewFailed?.(error),
      );
    if (running.size === 0) stopTimer();
  }

  return {
    id,

    claims: { holder: id, gone },

    async takeSeat() {
      if (seat === undefined) return;
      await queue.setMeta(seatName(seat), { owner: id });
      seated = true;
    },

    begin(reference, kind) {
      const key = attemptKey({ owner: id, reference, kind });
      const began = clock();
      running.set(key, began);
      if (timer === undefined) {
        timer = setInterval(renew, Math.max(10, Math.floor(leaseMs / 3)));
        timer.unref();
      }
      return {
        owner: id,
        until: began + leaseMs,
        remainingMs: () => began + leaseMs - clock(),
        end() {
          running.delete(key);
          // The note said this attempt runs: say it no longer does, at once.
          if (noteWritten) renew();
          else if (running.size === 0) stopTimer();
        },
      };
    },

    async stillRunning(attempts: readonly OwnedAttempt[]) {
      const now = clock();
      const others = attempts.filter((attempt) => attempt.owner !== id);
      // Whose seat a younger process took over since: their attempts are over, whatever their
      // lease said. (A process on the seat that never took it — a server not started by
      // `npm start` — leaves its own and its older siblings' attempts alone.)
      const seats = [...new Set(others.flatMap((attempt) => seatOf(attempt.owner)?.seat ?? []))];
      const takers = new Map(
        await Promise.all(
          seats.map(async (name) => {
            const note = (await queue.getMeta(seatName(name))) as { owner?: unknown } | undefined;
            return [name, typeof note?.owner === 'string' ? seatOf(note.owner)?.made : undefined] as const;
          }),
        ),
      );
      const replaced = (attempt: OwnedAttempt) => {
        const mine = seatOf(attempt.owner);
        const taken = mine === undefined ? undefined : takers.get(mine.seat);
        return mine !== undefined && taken !== undefined && mine.made < taken;
      };
      // Past their recorded lease: only the owner's renewed note says they still run.
      const late = [...new Set(others.filter((attempt) => now >= attempt.until).map((attempt) => attempt.owner))];
      const notes = new Map(
        await Promise.all(late.map(async (owner) => [owner, readNote(await queue.getMeta(noteName(owner)))] as const)),
      );
      const vouched = new Set<string>();
      for (const attempt of attempts) {
        const key = attemptKey(attempt);
        if (attempt.owner === id) {
          if (running.has(key)) vouched.add(key);
          continue;
        }
        if (replaced(attempt)) continue;
        const note = notes.get(attempt.owner);
        if (now < attempt.until || (note !== undefined && note.until > now && note.attempts.includes(key)))
          vouched.add(key);
      }
      return vouched;
    },
  };
}
