/**
 * The queue's settings from the environment: GitHub's limits the drainer keeps below (defaults
 * as GitHub documents them, lower them to leave room for other tools on the same account) and
 * the Node server's drain interval.
 */
import { z } from 'zod';
import type { PaceLimits } from './pacer.ts';

const count = (fallback: number) =>
  z.coerce
    .number({ error: 'gebruik een heel getal groter dan 0' })
    .int({ error: 'gebruik een heel getal groter dan 0' })
    .positive({ error: 'gebruik een heel getal groter dan 0' })
    .default(fallback);

const schema = z.object({
  KLACHTEN_GITHUB_WRITES_PER_MINUTE: count(80),
  KLACHTEN_GITHUB_WRITES_PER_HOUR: count(500),
  KLACHTEN_GITHUB_POINTS_PER_MINUTE: count(900),
  KLACHTEN_GITHUB_RESERVE_REQUESTS: count(200),
  KLACHTEN_DRAIN_INTERVAL_MS: count(60_000),
  KLACHTEN_QUEUE_LEASE_MS: count(120_000),
});

/** The queue's settings. */
export interface QueueSettings {
  limits: PaceLimits;
  /** How often the Node server runs the drainer, in ms. */
  drainIntervalMs: number;
  /**
   * How long a drainer's claim on an entry lasts, in ms (default 2 minutes): far beyond one
   * filing's 10 s budget, and the longest an entry waits after a drainer died holding it.
   */
  leaseMs: number;
}

/**
 * Reads the queue's settings; throws one message naming the bad variable.
 *
 * @example
 * parseQueueSettings({}) // { limits: { writesPerMinute: 80, writesPerHour: 500, … }, drainIntervalMs: 60000, leaseMs: 120000 }
 */
export function parseQueueSettings(env: Record<string, string | undefined>): QueueSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Ongeldige omgevingsvariabele:\n${lines.join('\n')}`);
  }
  const data = result.data;
  return {
    limits: {
      writesPerMinute: data.KLACHTEN_GITHUB_WRITES_PER_MINUTE,
      writesPerHour: data.KLACHTEN_GITHUB_WRITES_PER_HOUR,
      pointsPerMinute: data.KLACHTEN_GITHUB_POINTS_PER_MINUTE,
      reserveRequests: data.KLACHTEN_GITHUB_RESERVE_REQUESTS,
    },
    drainIntervalMs: data.KLACHTEN_DRAIN_INTERVAL_MS,
    leaseMs: data.KLACHTEN_QUEUE_LEASE_MS,
  };
}
