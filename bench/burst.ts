/**
 * Benchmark of a storm of complaints with the intake queue: 2,000 complaints filed through the
 * intake as the site runs it (validate, queue, answer; the receipt after), then drained into the
 * GitHub stand-in, which enforces GitHub's real secondary limits (80 content writes a minute, 500
 * an hour) on a clock that runs `BENCH_SCALE` times faster than real time (default 120: a GitHub
 * hour in 30 seconds). The drainer's pacer runs on the same clock. Prints the intake's p50/p95, the
 * time until all were acknowledged, the simulated GitHub time until all were filed (goal: at most
 * 4 hours for 2,000), and the writes and reads per complaint counted by the stand-in.
 *
 * Run: `npm run bench:burst` (optionally `npm run bench:burst -- 500` for another count).
 * Not part of `npm test`: it takes about two minutes.
 */
import { readPageHeader } from '../cases/stores/github/machine-block.ts';
import { startGitHubStandIn } from '../tests/github-standin/index.ts';
import { aForm, startQueueBed } from '../tests/support/queue-bed.ts';

const count = Number(process.argv[2] ?? 2000);
const scale = Number(process.env['BENCH_SCALE'] ?? 120);
const concurrency = 20;
const startWall = Date.now();
const began = performance.now();
const clock = () => startWall + (performance.now() - began) * scale;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / scale));

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};
const hours = (ms: number) => `${(ms / 3_600_000).toFixed(2)} h`;

const standIn = await startGitHubStandIn({ writeLimits: { perMinute: 80, perHour: 500, now: clock } });
const bed = await startQueueBed(standIn, { clock, sleep });
try {
  // A single complaint on the idle server, for comparison: the median of nine after a warm-up.
  const idle: number[] = [];
  for (let n = 0; n < 10; n += 1) {
    const started = performance.now();
    await bed.intake(aForm(1_000_000 + n));
    if (n > 0) idle.push(performance.now() - started);
    await bed.settle();
  }

  // The issue's burst: 300 complaints arriving at 50 a second, each timed from its arrival to its
  // answer; its p95 is held against the idle median measured above, in this same run.
  const arrivals = Math.min(300, count - idle.length - 1);
  const references = new Set<string>();
  const stormStarted = performance.now();
  const arrivalLatencies = await Promise.all(
    Array.from(
      { length: arrivals },
      (_, n) =>
        new Promise<number>((resolve, reject) => {
          setTimeout(() => {
            const started = performance.now();
            bed.intake(aForm(2_000_000 + n)).then((result) => {
              if (result.kind !== 'filed') return reject(new Error(`complaint ${n}: ${result.kind}`));
              references.add(result.case.reference);
              resolve(performance.now() - started);
            }, reject);
          }, n * 20);
        }),
    ),
  );

  // The storm: the rest of the `count`, `concurrency` people at once, each sending the next
  // complaint as soon as theirs is answered.
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count - idle.length - 1 - arrivals) {
        const n = next++;
        const started = performance.now();
        const result = await bed.intake(aForm(n));
        latencies.push(performance.now() - started);
        if (result.kind !== 'filed') throw new Error(`complaint ${n}: ${result.kind}`);
        references.add(result.case.reference);
      }
    }),
  );
  const acknowledgedMs = performance.now() - stormStarted;
  await bed.settle();
  const receiptsMs = performance.now() - stormStarted;

  const drainStarted = clock();
  for (let run = 0; run < 50; run += 1) {
    const report = await bed.setup.drain({ maxPaceWaitMs: 2 * 60 * 60_000 });
    if (report.later.length === 0 && report.failed.length === 0) break;
  }
  const filedSimMs = clock() - drainStarted;

  const issues = standIn.state.repo('livable/klachten').issues;
  const filed = new Set(issues.map((issue) => readPageHeader(issue.body ?? '')?.reference));
  const total = references.size + 10;
  if (total !== count) throw new Error(`${total} complaints acknowledged, ${count} sent`);
  const writes = standIn.calls.all.filter((call) => call.method !== 'GET' && !call.limited).length;
  const reads = standIn.calls.all.filter((call) => call.method === 'GET').length;
  const limited = standIn.calls.all.filter((call) => call.limited).length;
  const receipts = bed.mailer.sent.filter((mail) => mail.kind === 'receipt').length;

  console.log(
    `Burst of ${count} complaints (10 on an idle server, ${arrivals} arriving at 50 a second, then ${count - 10 - arrivals}, ${concurrency} at a time), GitHub time ×${scale}`,
  );
  console.log(`  single complaint, idle server (median): ${percentile(idle, 50).toFixed(1)} ms`);
  const arrivalP95 = percentile(arrivalLatencies, 95);
  const idleMedian = percentile(idle, 50);
  console.log(
    `  ${arrivals} arriving at 50 a second, p95:      ${arrivalP95.toFixed(1)} ms = ${(arrivalP95 / idleMedian).toFixed(2)} × idle (goal ≤ 3)`,
  );
  console.log(
    `  intake p50 / p95 (${concurrency} at a time):       ${percentile(latencies, 50).toFixed(1)} ms / ${percentile(latencies, 95).toFixed(1)} ms`,
  );
  console.log(
    `  all acknowledged after:               ${(acknowledgedMs / 1000).toFixed(1)} s (all receipts sent after ${(receiptsMs / 1000).toFixed(1)} s: ${receipts})`,
  );
  console.log(
    `  all filed after (GitHub time):        ${hours(filedSimMs)} (goal ≤ 4 h); ${filed.size} issues for ${total} complaints`,
  );
  console.log(
    `  content writes per complaint:         ${(writes / total).toFixed(2)} (goal ≤ 2); refused by the limit: ${limited}`,
  );
  console.log(`  reads per complaint:                  ${(reads / total).toFixed(2)}`);
  if (filed.size !== total || issues.length !== total) throw new Error('not every complaint was filed exactly once');
  if (filedSimMs > 4 * 3_600_000) throw new Error('filing took longer than 4 hours of GitHub time');
  if (arrivalP95 > 3 * idleMedian)
    throw new Error('the burst’s p95 is more than 3 × a single complaint on an idle server');
} finally {
  await bed.close();
  await standIn.close();
}
