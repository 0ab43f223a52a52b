// The chaos suite: the built server under a steady load of complaints from several clients, every
// fault of `faults.ts` and the drainers' rounds injected in turn (each at a random moment, for one
// or more rounds), then everything drained and counted, one table per fault. `npm run chaos`
// (tests/chaos/run.ts) runs the full version and prints it; the short one (one round per fault)
// runs inside `npm test` (tests/browser/chaos.test.ts).
import { readFile } from 'node:fs/promises';
import { readPageHeader } from '../../cases/stores/github/machine-block.ts';
import { makeFsQueue, makeQueueFromEnv } from '../../cases/queue/from-env.ts';
import type { IntakeQueue } from '../../cases/queue/port.ts';
import { join } from 'node:path';
import { runDrainersRound, type DrainerQueue, type DrainersRest } from './drainers.ts';
import { faultRounds } from './faults.ts';
import { makeLoad, type Complaint } from './load.ts';
import { startRig, type Rig } from './rig.ts';
import { faultTable, tallyRound, totalOf, type FiledIssue, type TallyRow } from './tally.ts';
import { seededRandom } from '../support/seeded-random.ts';

/** How to run. */
export interface ChaosOptions {
  /** One round per fault, shorter faults, a smaller load: the version inside `npm test`. */
  short: boolean;
  /** Rounds per fault; default 1 (short) or 3. */
  rounds?: number;
  /** Progress, one line at a time. */
  progress?: (line: string) => void;
  /** A seed for the random moments; default random (printed). */
  seed?: number;
  /** Only these faults (by name: `sigkill`, `redis`, `drainers-fs` …); default all. */
  only?: readonly string[];
  /** Keep the rig's folder (logs) after the run, and say where. */
  keep?: boolean;
}

/** One fault's table. */
export interface FaultResult {
  name: string;
  title: string;
  rows: TallyRow[];
  notes: string[];
}

/** What a run found. */
export interface ChaosResult {
  faults: FaultResult[];
  total: TallyRow;
  /** Why the run failed; empty when it held. */
  problems: string[];
  /** The whole report, as Markdown. */
  text: string;
  seconds: number;
}

const drainerQueues: { name: string; title: string; queue: DrainerQueue }[] = [
  { name: 'drainers-fs', title: 'Two drainers, very short leases: fs queue', queue: 'fs' },
  { name: 'drainers-redis', title: 'Two drainers, very short leases: Redis', queue: 'redis' },
  {
    name: 'drainers-blobs',
    title: 'Two drainers, very short leases: Netlify Blobs (local server)',
    queue: 'netlify-blobs',
  },
];

function issuesAt(rig: Rig): FiledIssue[] {
  return rig.standIn.state.repo('livable/klachten').issues.map((issue) => {
    const marker = /melding (\d+)\)/.exec(issue.body ?? '')?.[1];
    return {
      reference: readPageHeader(issue.body ?? '')?.reference ?? '?',
      n: marker === undefined ? undefined : Number(marker),
      createdAt: issue.createdAt.getTime(),
    };
  });
}

const receiptsOf = (rig: Rig) =>
  rig.smtp.taken.filter((mail) => mail.kind === 'receipt').map((mail) => ({ to: mail.to, at: mail.at }));

/** Whether the servers' queues hold nothing more to do (nothing queued, no mail pending). */
async function queuesSettled(queues: IntakeQueue[]): Promise<boolean> {
  for (const queue of queues) {
    const listing = await queue.list().catch(() => undefined);
    if (listing === undefined) return false;
    if (listing.entries.some((entry) => entry.state === 'queued' || entry.mailPending === true)) return false;
  }
  return true;
}

/** Failure lines of the servers' logs that do not name a cause (the bare `Error`, or nothing). */
async function unnamedFailures(rig: Rig): Promise<string[]> {
  const found: string[] = [];
  for (const path of rig.logs) {
    const text = await readFile(path, 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      if (!line.startsWith('{')) continue;
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue;
      }
      const event = String(parsed['event'] ?? '');
      if (!/(?:^|[.-])(?:failed|unavailable)$/.test(event)) continue;
      const code = parsed['error'] ?? parsed['kind'] ?? parsed['code'];
      if (typeof code !== 'string' || code === '' || code === 'Error' || code === 'unknown') found.push(line);
    }
  }
  return found;
}

/**
 * Runs the suite.
 *
 * @example
 * const result = await runChaos({ short: false, progress: console.log });
 * process.exitCode = result.problems.length > 0 ? 1 : 0;
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now();
  const say = options.progress ?? (() => {});
  const progress = (line: string) => say(`${line} (${Math.round((Date.now() - started) / 1000)} s)`);
  const rounds = options.rounds ?? (options.short ? 1 : 3);
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seededRandom(seed);
  progress(`chaos: ${options.short ? 'short' : 'full'} run, ${rounds} round(s) per fault, seed ${seed}`);
  // The short run keeps what a crash leaves held for 20 s, not 2 minutes, to stay within npm test.
  const rig = await startRig(options.short ? { leaseMs: 20_000 } : {});
  const load = makeLoad(
    options.short
      ? { clients: 2, pauseMs: 500, retryMs: 1000, maxPosts: 60 }
      : { clients: 3, pauseMs: 800, retryMs: 1000, maxPosts: 90 },
  );
  const complaints: Complaint[] = load.complaints;
  const results: FaultResult[] = [];
  const queues = [
    makeQueueFromEnv({ KLACHTEN_QUEUE: rig.redis.url }, rig.root),
    makeFsQueue(join(rig.disk.dir, 'queue')),
  ];
  try {
    load.aim(
      rig.server.baseUrl,
      `${faultRounds.find((fault) => options.only?.includes(fault.name) ?? true)?.name ?? ''} 1`,
    );
    load.start();
    const chosen = (name: string) => options.only === undefined || options.only.includes(name);
    for (const fault of faultRounds.filter((candidate) => chosen(candidate.name))) {
      const result: FaultResult = { name: fault.name, title: fault.title, rows: [], notes: [] };
      results.push(result);
      for (let number = 1; number <= rounds; number += 1) {
        const round = `${fault.name} ${number}`;
        load.aim(rig.server.baseUrl, round);
        progress(`chaos: ${round}`);
        await fault.run({
          rig,
          load,
          round,
          short: options.short,
          random,
          note: (text) => result.notes.push(`${round}: ${text}`),
        });
      }
    }
    await load.stop();
    let firstNumber = 1_000_000;
    const rests: DrainersRest[] = [];
    for (const drainer of drainerQueues.filter((candidate) => chosen(candidate.name))) {
      const result: FaultResult = { name: drainer.name, title: drainer.title, rows: [], notes: [] };
      results.push(result);
      for (let number = 1; number <= rounds; number += 1) {
        const round = `${drainer.name} ${number}`;
        progress(`chaos: ${round}`);
        const rest = await runDrainersRound({
          rig,
          queue: drainer.queue,
          round,
          count: options.short ? 12 : 25,
          firstNumber,
          random,
          complaints,
          note: (text) => result.notes.push(`${round}: ${text}`),
        });
        rests.push(rest);
        firstNumber += 10_000;
      }
    }

    // Everything drained: the servers' queues hold nothing more, every acknowledged complaint is
    // at GitHub and has its receipt — or the time is up and the tables say what is missing.
    progress('chaos: draining');
    const deadline = Date.now() + (options.short ? 90_000 : 6 * 60_000);
    for (;;) {
      const everyone = complaints.map((complaint) => ({ ...complaint, round: '*' }));
      const all = tallyRound('*', everyone, issuesAt(rig), receiptsOf(rig));
      const drained = (await Promise.all(rests.map((rest) => rest.drain()))).every(Boolean);
      const settled = all.lost === 0 && all.receiptsMissing === 0 && drained && (await queuesSettled(queues));
      if (settled || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    for (const rest of rests) await rest.close();
    await rig.standIn.idle();
    return await report(rig, complaints, results, { ...options, rounds, seed, started });
  } finally {
    await load.stop();
    for (const queue of queues) await queue.close();
    await rig.close(options.keep === true);
    if (options.keep === true) say(`chaos: the logs are in ${rig.root}`);
  }
}

/** Counts, checks and writes the report, with the rig still up (its logs and the stand-in's state). */
async function report(
  rig: Rig,
  complaints: Complaint[],
  results: FaultResult[],
  options: ChaosOptions & { rounds: number; seed: number; started: number },
): Promise<ChaosResult> {
  const { rounds, seed } = options;
  const problems: string[] = [];
  const issues = issuesAt(rig);
  const receipts = receiptsOf(rig);
  for (const result of results) {
    const names = [...new Set(complaints.map((complaint) => complaint.round))].filter((round) =>
      round.startsWith(`${result.name} `),
    );
    result.rows = names.map((round) => tallyRound(round, complaints, issues, receipts));
  }
  const total = totalOf(
    'all faults',
    results.flatMap((result) => result.rows),
  );
  if (total.lost > 0) problems.push(`${total.lost} acknowledged complaint(s) lost`);
  if (total.doubled > 0) problems.push(`${total.doubled} complaint(s) filed twice`);
  if (total.receiptsMissing > 0) problems.push(`${total.receiptsMissing} receipt(s) missing`);
  if (total.answers500 > 0) problems.push(`${total.answers500} answer(s) 500 to people`);
  const unnamed = await unnamedFailures(rig);
  if (unnamed.length > 0) problems.push(`${unnamed.length} failure log line(s) without a cause code: ${unnamed[0]}`);
  if (rig.standIn.mismatches.length > 0) problems.push(`stand-in: ${rig.standIn.mismatches[0]}`);

  const seconds = Math.round((Date.now() - options.started) / 1000);
  const text = [
    `## Chaos: ${options.short ? 'short' : 'full'} run, ${rounds} round(s) per fault, seed ${seed}, ${seconds} s`,
    '',
    `${total.sent} complaints sent, ${total.acknowledged} acknowledged, ${total.filed} filed; ` +
      `${total.lost} lost, ${total.doubled} doubled; receipts: ${total.receiptsMissing} missing, ${total.receiptsDoubled} doubled.`,
    '',
    ...results.flatMap((result) => [
      faultTable(result.title, result.rows),
      '',
      ...result.notes.map((note) => `- ${note}`),
      '',
    ]),
    problems.length === 0 ? 'Held: nothing acknowledged was lost or doubled.' : `FAILED: ${problems.join('; ')}`,
  ].join('\n');
  return { faults: results, total, problems, text, seconds };
}
