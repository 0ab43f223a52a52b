// A storm of complaints against a GitHub that enforces its secondary limit (scaled: one GitHub
// minute lasts one second here): every complaint is acknowledged from the queue without a call to
// GitHub, every receipt goes out once, and the drainer then files them all exactly once, within
// the limits, at one content write per complaint. How fast the answers come (p95 against an idle
// server) is a timing goal, measured by `npm run bench:burst` in one run, not asserted here. It
// needs no built site, but runs here, where test files run one after another.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Case } from '../../cases/case.ts';
import { readPageHeader } from '../../cases/stores/github/machine-block.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../github-standin/index.ts';
import { aForm, startQueueBed, type QueueBed } from '../support/queue-bed.ts';

const scale = 60;
const start = Date.now();
const began = performance.now();
const clock = () => start + (performance.now() - began) * scale;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / scale));

let standIn: GitHubStandIn;
let bed: QueueBed;
beforeEach(async () => {
  standIn = await startGitHubStandIn({ writeLimits: { perMinute: 80, perHour: 500, now: clock } });
  bed = await startQueueBed(standIn, { clock, sleep });
});
afterEach(async () => {
  await bed.close();
  await standIn.close();
});

async function fileOne(form: Record<string, string>): Promise<{ record: Case }> {
  const result = await bed.intake(form);
  if (result.kind !== 'filed') throw new Error(`not filed: ${result.kind}`);
  return { record: result.case };
}

it(
  'acknowledges a burst of 300 complaints from the queue, sends every receipt once, then files each exactly once at GitHub’s pace',
  { timeout: 60_000 },
  async () => {
    const references: string[] = [];
    for (let n = 0; n < 10; n += 1) {
      references.push((await fileOne(aForm(10_000 + n))).record.reference);
      await bed.settle();
    }

    // The storm: 300 complaints within six seconds (50 a second, a year's worth in an afternoon
    // elsewhere), each measured from its arrival to its answer, the receipts going out meanwhile.
    const burst = await Promise.all(
      Array.from(
        { length: 300 },
        (_, n) =>
          new Promise<{ record: Case }>((resolve, reject) => {
            setTimeout(() => fileOne(aForm(n)).then(resolve, reject), n * 20);
          }),
      ),
    );
    references.push(...burst.map((answer) => answer.record.reference));
    expect(new Set(references).size).toBe(310);
    await bed.settle();
    expect(bed.mailer.sent.filter((mail) => mail.kind === 'receipt')).toHaveLength(310);
    expect(new Set(bed.mailer.sent.map((mail) => mail.reference)).size).toBe(310);
    expect(standIn.calls.count()).toBe(0);

    const simulatedStart = clock();
    for (let run = 0; run < 20; run += 1) {
      const report = await bed.setup.drain({ maxPaceWaitMs: 60 * 60_000 });
      if (report.later.length === 0 && report.failed.length === 0) break;
    }
    const simulatedMinutes = (clock() - simulatedStart) / 60_000;
    const counts = new Map<string, number>();
    for (const issue of standIn.state.repo('livable/klachten').issues) {
      const header = readPageHeader(issue.body ?? '');
      counts.set(header?.reference ?? '?', (counts.get(header?.reference ?? '?') ?? 0) + 1);
    }
    expect(counts).toEqual(new Map(references.map((reference) => [reference, 1])));
    const writes = standIn.calls.all.filter((call) => call.method !== 'GET' && call.status !== 403);
    expect(writes.length).toBeLessThanOrEqual(2 * 310);
    expect(writes.length).toBe(310);
    expect(standIn.calls.all.filter((call) => call.limited)).toHaveLength(0);
    expect(standIn.calls.count('issues/list-for-repo')).toBe(0);
    // 310 writes at 80 a minute take at least three GitHub minutes; the requests' own time (scaled
    // too) adds some, far from the 500 an hour that would stretch it past the hour.
    expect(simulatedMinutes).toBeGreaterThan(3);
    expect(simulatedMinutes).toBeLessThan(60);
    // Every issue carries its receipt as sent: no write for it afterwards.
    const filed = await bed.setup.github.github.getCase(references[0]!);
    expect(filed?.messages).toMatchObject([{ kind: 'receipt', sentAt: expect.any(String) }]);
  },
);
