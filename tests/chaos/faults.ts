// The faults the chaos suite injects into the running system, one function each, while the load
// keeps filing complaints. Each runs one round: it waits a random moment, breaks something, holds
// it broken for a while, mends it, and lets the system settle a little. The drainers' round (two
// drainers with very short leases on each queue) is in `drainers.ts`.
import type { Fault, StandInOperation } from '../github-standin/index.ts';
import type { Load } from './load.ts';
import type { Rig } from './rig.ts';

/** What a fault's round may use. */
export interface RoundContext {
  rig: Rig;
  load: Load;
  round: string;
  /** The short version (inside `npm test`): the same faults, shorter. */
  short: boolean;
  random: () => number;
  /** Notes what was injected, for the line under the table. */
  note(text: string): void;
}

/** One fault. */
export interface FaultRound {
  name: string;
  title: string;
  run(context: RoundContext): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (random: () => number, low: number, high: number) => low + random() * (high - low);

/** Waits until `check` holds (polling), at most `ms`. */
async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(20);
}

/**
 * The stand-in answers with `fault` to a share of the calls for `ms` — longer, up to three times,
 * until at least one call was struck (a busy drainer may make no call for a while); counts what struck.
 */
async function githubWindow(
  context: RoundContext,
  ms: number,
  pick: (operation: StandInOperation, method: string) => Fault | undefined,
): Promise<number> {
  const { standIn } = context.rig;
  const before = standIn.faults.injected.length;
  standIn.faults.decide = ({ operation, method }) => pick(operation, method);
  await sleep(ms);
  await until(() => standIn.faults.injected.length > before, 2 * ms);
  standIn.faults.decide = undefined;
  return standIn.faults.injected.length - before;
}

const acknowledgedIn = (load: Load, round: string) =>
  load.complaints.filter((complaint) => complaint.round === round && complaint.ackAt !== undefined).length;

export const faultRounds: FaultRound[] = [
  {
    name: 'sigkill',
    title: 'SIGKILL of the server, and restart',
    // The crash of issue #19: a burst of 30, 8 at a time, the server killed once some have their
    // answer (8 in the short version, at random between 5 and 20 otherwise), started again at once.
    async run(context) {
      const { rig, load, round } = context;
      const after = context.short ? 8 : Math.round(between(context.random, 5, 20));
      const burst = load.burst(30, 8);
      await until(() => acknowledgedIn(load, round) >= after, 60_000);
      await rig.server.kill();
      context.note(`killed after ${acknowledgedIn(load, round)} answers`);
      await rig.server.start();
      await burst;
      await sleep(1000);
    },
  },
  {
    name: 'redis',
    title: 'Redis stopped for 20 s, and started again',
    async run(context) {
      const { rig } = context;
      await sleep(between(context.random, 500, 2500));
      await rig.redis.halt();
      const down = context.short ? 12_000 : 20_000;
      context.note(`redis-server stopped for ${down / 1000} s`);
      await sleep(down);
      await rig.redis.resume();
      await sleep(3000);
    },
  },
  {
    name: 'smtp',
    title: 'SMTP refusing, then hanging, then back',
    async run(context) {
      const { smtp } = context.rig;
      await sleep(between(context.random, 500, 2000));
      const refuse = context.short ? 4000 : 8000;
      const hang = context.short ? 6000 : 25_000;
      smtp.mode('refuse');
      await sleep(refuse);
      // Longer than the sender's greeting time-out (20 s) in the full version: those attempts fail.
      smtp.mode('hang');
      await sleep(hang);
      smtp.mode('accept');
      context.note(`refused ${refuse / 1000} s (421/451), hung ${hang / 1000} s`);
      await sleep(3000);
    },
  },
  {
    name: 'github-502-after',
    title: 'GitHub answering 502 after creating the issue',
    async run(context) {
      await sleep(between(context.random, 300, 1500));
      const struck = await githubWindow(context, context.short ? 5000 : 10_000, (operation) =>
        operation === 'issues/create' && context.random() < 0.5
          ? { kind: 'server-error-after', status: 502 }
          : undefined,
      );
      context.note(`${struck} creates answered 502 after the issue was made`);
      await sleep(2000);
    },
  },
  {
    name: 'github-500',
    title: 'GitHub answering 500',
    async run(context) {
      await sleep(between(context.random, 300, 1500));
      const struck = await githubWindow(context, context.short ? 5000 : 10_000, () =>
        context.random() < 0.4 ? { kind: 'server-error', status: 500 } : undefined,
      );
      context.note(`${struck} calls answered 500`);
      await sleep(2000);
    },
  },
  {
    name: 'github-timeout',
    title: 'GitHub not answering in time',
    async run(context) {
      await sleep(between(context.random, 300, 1500));
      // The servers give a filing 3 s (KLACHTEN_GITHUB_BUDGET_MS): these hang 4 s, before or after the change.
      const struck = await githubWindow(context, context.short ? 6000 : 12_000, (operation) => {
        if (operation !== 'issues/create' && operation !== 'issues/list-for-repo') return undefined;
        const roll = context.random();
        if (roll < 0.2) return { kind: 'hang', hangMs: 4000 };
        if (roll < 0.35 && operation === 'issues/create') return { kind: 'hang-after', hangMs: 4000 };
        return undefined;
      });
      context.note(`${struck} calls hung 4 s`);
      await sleep(5000);
    },
  },
  {
    name: 'github-secondary-limit',
    title: 'GitHub’s secondary rate limit',
    async run(context) {
      await sleep(between(context.random, 300, 1500));
      const struck = await githubWindow(context, context.short ? 5000 : 10_000, (_operation, method) =>
        method !== 'GET' && context.random() < 0.5
          ? {
              kind: 'secondary-rate-limit',
              status: context.random() < 0.5 ? 403 : 429,
              retryAfterSeconds: 1,
            }
          : undefined,
      );
      context.note(`${struck} writes refused for a secondary rate limit (retry-after 1 s)`);
      await sleep(3000);
    },
  },
  {
    name: 'disk-read-only',
    title: 'The disk of the fs queue read-only for a while',
    async run(context) {
      const { rig, load, round } = context;
      load.aim(rig.fsServer.baseUrl, round);
      await sleep(between(context.random, 1500, 3000));
      const readOnly = context.short ? 6000 : 12_000;
      await rig.disk.readOnly();
      await sleep(readOnly);
      await rig.disk.writable();
      context.note(
        `read-only for ${readOnly / 1000} s (${rig.disk.how === 'mount' ? 'tmpfs remounted ro' : 'folders 0500'})`,
      );
      await sleep(3000);
    },
  },
];
