/**
 * The faults the stand-in injects, and the answers they give in GitHub's place.
 *
 * Injected on demand (`faults.inject`, one-shot by default, for one operation or any) or decided
 * per call (`faults.decide`, for random faults): a 5xx before or after the change was made, a
 * hang (before or after the change) that outlasts the client's timeout, a connection reset
 * (before or after), a secondary rate limit (403 or 429 with `retry-after`), a primary rate limit
 * (403 with `x-ratelimit-remaining: 0`), 401 and 404. Injected fault responses are not checked
 * against the description (GitHub's 502 is not documented either).
 */
import type { StandInOperation } from './operations.ts';
import { docs, failed, type Reply } from './reply.ts';

/** The kinds of fault the stand-in injects. */
export type FaultKind =
  | 'server-error'
  | 'server-error-after'
  | 'hang'
  | 'hang-after'
  | 'reset'
  | 'reset-after'
  | 'secondary-rate-limit'
  | 'rate-limit'
  | 'unauthorized'
  | 'not-found';

/** One fault to inject. */
export interface Fault {
  kind: FaultKind;
  /** Only for this operation; default the next call of any operation. */
  operation?: StandInOperation;
  /** Status of a server error (default 502) or a secondary rate limit (403 or 429, default 403). */
  status?: number;
  /** How long a hang lasts before the stand-in answers after all; default 5000 ms. */
  hangMs?: number;
  /** `retry-after` of a rate limit, in seconds; default 1. */
  retryAfterSeconds?: number;
  /** How many calls it hits; default 1. */
  times?: number;
}

/** The fault controls of a stand-in. */
export interface Faults {
  inject(fault: Fault): void;
  clear(): void;
  /** Asked for every call that no injected fault hits: return a fault for random injection. */
  decide: ((call: { operation: StandInOperation; method: string; path: string }) => Fault | undefined) | undefined;
  /** Faults that were injected, in order. */
  readonly injected: { kind: FaultKind; operation: string }[];
}

/** The controls, and how the server takes the fault for a call. */
export interface FaultQueue {
  faults: Faults;
  /** The fault that hits this call (an injected one first, else `decide`'s), noted in `injected`. */
  take(operation: StandInOperation, method: string, path: string): Fault | undefined;
}

/**
 * Makes an empty fault queue.
 *
 * @example
 * const { faults, take } = makeFaults();
 * faults.inject({ kind: 'server-error-after', operation: 'issues/create' });
 * take('issues/create', 'POST', '/repos/livable/klachten/issues') // that fault, once
 */
export function makeFaults(): FaultQueue {
  const queued: Fault[] = [];
  const injected: { kind: FaultKind; operation: string }[] = [];
  const faults: Faults = {
    inject: (fault) => void queued.push({ ...fault }),
    clear: () => void queued.splice(0),
    decide: undefined,
    injected,
  };

  function pick(operation: StandInOperation, method: string, path: string): Fault | undefined {
    const index = queued.findIndex((fault) => fault.operation === undefined || fault.operation === operation);
    if (index >= 0) {
      const fault = queued[index] as Fault;
      const left = (fault.times ?? 1) - 1;
      if (left <= 0) queued.splice(index, 1);
      else fault.times = left;
      return fault;
    }
    return faults.decide?.({ operation, method, path });
  }

  return {
    faults,
    take(operation, method, path) {
      const fault = pick(operation, method, path);
      if (fault) injected.push({ kind: fault.kind, operation });
      return fault;
    },
  };
}

/**
 * Whether the fault strikes after GitHub carried out the call (the change was made) rather than before.
 *
 * @example
 * strikesAfter({ kind: 'reset-after' }) // true
 */
export function strikesAfter(fault: Fault): boolean {
  return fault.kind.endsWith('-after');
}

/**
 * What a fault does to the call: answer in GitHub's place, drop the connection, or hang.
 *
 * @example
 * faultAnswer({ kind: 'server-error' }) // { status: 502, body: { message: 'Server Error' } }
 * faultAnswer({ kind: 'hang-after' })   // 'hang'
 */
export function faultAnswer(fault: Fault): Reply | 'reset' | 'hang' {
  switch (fault.kind) {
    case 'hang':
    case 'hang-after':
      return 'hang';
    case 'reset':
    case 'reset-after':
      return 'reset';
    case 'server-error':
    case 'server-error-after':
      return { status: fault.status ?? 502, body: { message: 'Server Error' } };
    case 'unauthorized':
      return failed(401, 'Bad credentials');
    case 'not-found':
      return failed(404, 'Not Found');
    case 'secondary-rate-limit':
      return {
        status: fault.status ?? 403,
        headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
        body: {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
          documentation_url: `${docs}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
        },
      };
    case 'rate-limit': {
      const reset = Math.ceil(Date.now() / 1000) + (fault.retryAfterSeconds ?? 1);
      return {
        status: 403,
        headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        body: { message: 'API rate limit exceeded for installation.', documentation_url: docs },
      };
    }
  }
}
