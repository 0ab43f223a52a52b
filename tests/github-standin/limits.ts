/**
 * GitHub's secondary limit on content-creating requests, for the stand-in: at most `perMinute`
 * writes (POST, PATCH, PUT, DELETE) in any minute and `perHour` in any hour, on the stand-in's
 * clock (scaled in the benchmark). A write past either answers 403 with `retry-after` — the whole
 * seconds until a slot frees — and GitHub's message, as GitHub does; the write is not carried out.
 */
import { faultAnswer } from './faults.ts';
import type { Reply } from './reply.ts';

/** The limits to enforce. */
export interface WriteLimitOptions {
  perMinute: number;
  perHour: number;
  /** The clock, in ms since the epoch; default `Date.now`. */
  now?: () => number;
}

/** The limiter the server asks for each call. */
export interface WriteLimiter {
  /** The refusal for this call, or undefined when it may go ahead (and is then counted). */
  check(method: string): Reply | undefined;
  /** Writes refused so far. */
  readonly refused: number;
}

const minute = 60_000;
const hour = 60 * minute;

/**
 * Makes a limiter.
 *
 * @example
 * const standIn = await startGitHubStandIn({ writeLimits: { perMinute: 80, perHour: 500 } });
 */
export function makeWriteLimiter(options: WriteLimitOptions): WriteLimiter {
  const now = options.now ?? (() => Date.now());
  const writes: number[] = [];
  let refused = 0;
  return {
    check(method) {
      if (method === 'GET' || method === 'HEAD') return undefined;
      const at = now();
      while (writes.length > 0 && (writes[0] as number) <= at - hour) writes.shift();
      const lastMinute = writes.filter((moment) => moment > at - minute);
      let freeAt: number | undefined;
      if (lastMinute.length >= options.perMinute)
        freeAt = (lastMinute[lastMinute.length - options.perMinute] as number) + minute;
      if (writes.length >= options.perHour) {
        freeAt = Math.max(freeAt ?? 0, (writes[writes.length - options.perHour] as number) + hour);
      }
      if (freeAt === undefined) {
        writes.push(at);
        return undefined;
      }
      refused += 1;
      const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - at) / 1000));
      return faultAnswer({ kind: 'secondary-rate-limit', retryAfterSeconds }) as Reply;
    },
    get refused() {
      return refused;
    },
  };
}
