/**
 * How the queue stands, for `klachten sync --status`: its depth, its oldest entry, what was set
 * aside and what GitHub still allows (from the pace the drainers keep in the queue).
 */
import type { Pacer, PaceStatus } from './pacer.ts';
import type { IntakeQueue } from './port.ts';
import { staleAfterMs } from './alert.ts';

/** The queue's state at one moment. */
export interface QueueStatus {
  /** Entries waiting for GitHub. */
  depth: number;
  /** The oldest waiting entry, and its age in ms. */
  oldest?: { reference: string; ageMs: number };
  /** Waiting longer than 30 minutes. */
  stale: number;
  aside: string[];
  corrupt: string[];
  pace: PaceStatus;
}

/**
 * Reads the queue's state.
 *
 * @example
 * await queueStatus(queue, pacer, new Date()) // { depth: 12, oldest: { reference: 'K-…', ageMs: 2_520_000 }, stale: 0, … }
 */
export async function queueStatus(queue: IntakeQueue, pacer: Pacer, now: Date): Promise<QueueStatus> {
  pacer.merge(await queue.getMeta('pace'));
  const { entries, corrupt } = await queue.list();
  const waiting = entries.filter((entry) => entry.state === 'queued');
  const first = waiting[0];
  const age = (queuedAt: string) => now.getTime() - Date.parse(queuedAt);
  return {
    depth: waiting.length,
    ...(first ? { oldest: { reference: first.reference, ageMs: age(first.queuedAt) } } : {}),
    stale: waiting.filter((entry) => age(entry.queuedAt) > staleAfterMs).length,
    aside: await queue.listAside(),
    corrupt,
    pace: pacer.status(),
  };
}
