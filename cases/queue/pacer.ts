/**
 * Keeps the drainer below GitHub's limits: content-creating requests per minute and per hour
 * (GitHub's secondary limits: 80 and 500), the REST point budget per minute (900 points: a read
 * costs 1, a write 5) and the primary budget of requests per hour (`x-ratelimit-remaining` until
 * `x-ratelimit-reset`), and any wait GitHub asked for (`retry-after`). Time comes from outside
 * (`now`), so a benchmark can run GitHub's hours in seconds. Its state is plain data, kept in the
 * queue (`meta:pace`), so two drainers (the server's timer and an Action) share one pace.
 */

/** The limits, from the settings (`queue-settings.ts`). */
export interface PaceLimits {
  writesPerMinute: number;
  writesPerHour: number;
  pointsPerMinute: number;
  /** Primary requests kept in hand for everything else (the site's reads, the daily job). */
  reserveRequests: number;
}

/** What the pacer knows, as stored between runs. */
export interface PaceState {
  /** Moments (ms) of the writes of the past hour. */
  writes: number[];
  /** Moments (ms) of the reads of the past minute. */
  reads: number[];
  /** GitHub asked not to write before this moment (ms). */
  pausedUntil?: number;
  /** The primary budget as GitHub last told it. */
  remaining?: number;
  resetAt?: number;
}

/** What is left now, for `klachten sync --status`. */
export interface PaceStatus {
  writesLeftThisMinute: number;
  writesLeftThisHour: number;
  pausedUntil?: number;
  primaryRemaining?: number;
  primaryResetAt?: number;
}

/** The pacer of one drainer. */
export interface Pacer {
  /** How long (ms) before `writes` more writes (default one) fit; 0 when they fit now. */
  delay(writes?: number): number;
  /** Notes a request that went out, by its method. */
  record(method: string): void;
  /** Notes GitHub's answer headers: the primary budget, and a wait it asked for. */
  observe(status: number, headers: Record<string, string | number | undefined>): void;
  status(): PaceStatus;
  /** The state to store; `merge` takes in what another drainer stored. */
  state(): PaceState;
  merge(other: unknown): void;
}

const minute = 60_000;
const hour = 60 * minute;
const readPoints = 1;
const writePoints = 5;

/**
 * Two drainers' records of the same past as one: each moment as often as the one that saw it most
 * often (what this drainer stored earlier is in both; another drainer's writes only in theirs).
 */
function union(mine: readonly number[], theirs: readonly number[]): number[] {
  const counts = new Map<number, number>();
  const tally = (list: readonly number[]) => {
    const here = new Map<number, number>();
    for (const moment of list) here.set(moment, (here.get(moment) ?? 0) + 1);
    for (const [moment, count] of here) counts.set(moment, Math.max(counts.get(moment) ?? 0, count));
  };
  tally(mine);
  tally(theirs);
  return [...counts].flatMap(([moment, count]) => Array.from({ length: count }, () => moment)).sort((a, b) => a - b);
}

/** How long until `count` of the moments in `times` (sorted) within `window` drop below `limit`. */
function untilBelow(times: readonly number[], window: number, limit: number, now: number): number {
  const recent = times.filter((at) => at > now - window);
  if (recent.length < limit) return 0;
  const freeing = recent[recent.length - limit] as number;
  return Math.max(0, freeing + window - now);
}

/**
 * Makes a pacer.
 *
 * @example
 * const pacer = makePacer({ writesPerMinute: 80, writesPerHour: 500, pointsPerMinute: 900, reserveRequests: 100 }, Date.now);
 * await sleep(pacer.delay()); // then file one case
 */
export function makePacer(limits: PaceLimits, now: () => number, initial?: PaceState): Pacer {
  let state: PaceState = { writes: [], reads: [], ...initial };

  function trim(at: number) {
    state.writes = state.writes.filter((moment) => moment > at - hour).sort((a, b) => a - b);
    state.reads = state.reads.filter((moment) => moment > at - minute).sort((a, b) => a - b);
  }

  function pointsDelay(at: number, writes: number): number {
    const needed = writePoints * writes;
    const events = [
      ...state.writes.filter((moment) => moment > at - minute).map((moment) => ({ moment, points: writePoints })),
      ...state.reads.map((moment) => ({ moment, points: readPoints })),
    ].sort((a, b) => a.moment - b.moment);
    let used = events.reduce((sum, event) => sum + event.points, 0);
    for (const event of events) {
      if (used + needed <= limits.pointsPerMinute) break;
      used -= event.points;
      if (used + needed <= limits.pointsPerMinute) return Math.max(0, event.moment + minute - at);
    }
    return 0;
  }

  return {
    delay(writes = 1) {
      const at = now();
      trim(at);
      // Room for `writes` at once: the window must hold that many fewer than the limit.
      const room = (limit: number) => Math.max(1, limit - (writes - 1));
      const waits = [
        untilBelow(state.writes, minute, room(limits.writesPerMinute), at),
        untilBelow(state.writes, hour, room(limits.writesPerHour), at),
        pointsDelay(at, writes),
        state.pausedUntil === undefined ? 0 : state.pausedUntil - at,
        state.remaining !== undefined && state.resetAt !== undefined && state.remaining <= limits.reserveRequests
          ? state.resetAt - at
          : 0,
      ];
      return Math.max(0, ...waits);
    },

    record(method) {
      const at = now();
      if (method.toUpperCase() === 'GET' || method.toUpperCase() === 'HEAD') state.reads.push(at);
      else state.writes.push(at);
      if (state.remaining !== undefined) state.remaining -= 1;
      trim(at);
    },

    observe(status, headers) {
      const at = now();
      const number = (name: string) => {
        const value = headers[name];
        return value === undefined || value === '' ? undefined : Number(value);
      };
      const remaining = number('x-ratelimit-remaining');
      const reset = number('x-ratelimit-reset');
      if (remaining !== undefined && Number.isFinite(remaining)) state.remaining = remaining;
      if (reset !== undefined && Number.isFinite(reset)) state.resetAt = reset * 1000;
      const retryAfter = number('retry-after');
      if ((status === 403 || status === 429) && retryAfter !== undefined && Number.isFinite(retryAfter)) {
        state.pausedUntil = Math.max(state.pausedUntil ?? 0, at + retryAfter * 1000);
      } else if ((status === 403 || status === 429) && remaining === 0 && state.resetAt !== undefined) {
        state.pausedUntil = Math.max(state.pausedUntil ?? 0, state.resetAt);
      }
    },

    status() {
      const at = now();
      trim(at);
      const lastMinute = state.writes.filter((moment) => moment > at - minute).length;
      return {
        writesLeftThisMinute: Math.max(0, limits.writesPerMinute - lastMinute),
        writesLeftThisHour: Math.max(0, limits.writesPerHour - state.writes.length),
        ...(state.pausedUntil !== undefined && state.pausedUntil > at ? { pausedUntil: state.pausedUntil } : {}),
        ...(state.remaining === undefined ? {} : { primaryRemaining: state.remaining }),
        ...(state.resetAt === undefined ? {} : { primaryResetAt: state.resetAt }),
      };
    },

    state: () => ({ ...state, writes: [...state.writes], reads: [...state.reads] }),

    merge(other) {
      if (typeof other !== 'object' || other === null) return;
      const stored = other as Partial<PaceState>;
      const numbers = (list: unknown) =>
        Array.isArray(list) ? list.filter((n): n is number => typeof n === 'number') : [];
      state = {
        writes: union(state.writes, numbers(stored.writes)),
        reads: union(state.reads, numbers(stored.reads)),
        ...(typeof stored.pausedUntil === 'number' || state.pausedUntil !== undefined
          ? {
              pausedUntil: Math.max(
                state.pausedUntil ?? 0,
                typeof stored.pausedUntil === 'number' ? stored.pausedUntil : 0,
              ),
            }
          : {}),
        ...(state.remaining !== undefined
          ? { remaining: state.remaining }
          : typeof stored.remaining === 'number'
            ? { remaining: stored.remaining }
            : {}),
        ...(state.resetAt !== undefined
          ? { resetAt: state.resetAt }
          : typeof stored.resetAt === 'number'
            ? { resetAt: stored.resetAt }
            : {}),
      };
      trim(now());
    },
  };
}
