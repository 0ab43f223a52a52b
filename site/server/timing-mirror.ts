// The honeypot's answer takes as long as a person's. Filing into the real store costs a Git
// commit or a queue write; the honeypot files nothing, and a program that times the answers could
// tell the two apart. So the real path notes how long its filings take, and the honeypot, having
// done its own (smaller) work, waits until a time drawn from those notes has passed: the same
// spread, per kind of answer (a new case, or the same form again). Per process, as timings are.

/** A new case, or the same form sent again (which costs the real store less). */
export type FilingKind = 'created' | 'repeated';

/** What the mirror needs from outside. */
export interface TimingMirrorOptions {
  /** How many of the latest real filings to draw from; default 16, so it follows the server's load as it changes. */
  keep?: number;
  /** Before any real filing of a kind: how long to take (ms); default 60 for a new case, 5 for a repeat. */
  fallbackMs?: Readonly<Record<FilingKind, number>>;
  /** A number in [0, 1); default Math.random (which sample, not a secret). */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The mirror: notes real filings, and waits like them. */
export interface TimingMirror {
  /** Notes how long a real filing of this kind took. */
  record(kind: FilingKind, ms: number): void;
  /** Waits until a drawn real filing's time has passed, `elapsedMs` of it already spent. */
  waitLikeReal(kind: FilingKind, elapsedMs: number): Promise<void>;
}

/**
 * Makes a mirror.
 *
 * @example
 * const mirror = makeTimingMirror();
 * mirror.record('created', 48.2);              // after a real filing
 * await mirror.waitLikeReal('created', 1.3);   // in the honeypot, after its own filing
 */
export function makeTimingMirror(options: TimingMirrorOptions = {}): TimingMirror {
  const keep = options.keep ?? 16;
  const fallback = options.fallbackMs ?? { created: 60, repeated: 5 };
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const samples: Record<FilingKind, number[]> = { created: [], repeated: [] };
  return {
    record(kind, ms) {
      const kept = samples[kind];
      kept.push(ms);
      if (kept.length > keep) kept.shift();
    },
    async waitLikeReal(kind, elapsedMs) {
      const kept = samples[kind];
      const target = kept.length === 0 ? fallback[kind] : (kept[Math.floor(random() * kept.length)] ?? 0);
      if (target > elapsedMs) await sleep(target - elapsedMs);
    },
  };
}
