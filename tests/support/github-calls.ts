// Counting what a piece of work costs GitHub: the calls the stand-in answered while it ran.
import type { GitHubStandIn } from '../github-standin/index.ts';

/**
 * The number of calls the stand-in answered during `work` (started after the calls before it
 * settled, counted after its own settled).
 *
 * @example
 * expect(await callsDuring(standIn, () => store.getCase('K-2026-ZZZZ-ZZZZ'))).toBe(0);
 */
export async function callsDuring(standIn: GitHubStandIn, work: () => Promise<unknown>): Promise<number> {
  await standIn.idle();
  standIn.calls.reset();
  await work();
  await standIn.idle();
  return standIn.calls.count();
}
