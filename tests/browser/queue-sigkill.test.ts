// The built server with the GitHub store and the fs queue, killed with SIGKILL in the middle of a
// burst and started again: every complaint that got its reference is filed exactly once, one that
// got an error answer is not filed, one cut off by the kill is filed at most once (and sending it
// again gives back the same reference when it was queued), and the server's drainer and a second
// one (`klachten sync`'s, in this process) side by side file nothing twice.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeFsQueue } from '../../cases/queue/from-env.ts';
import { makeQueueSetupFromEnv } from '../../cases/queue/setup-from-env.ts';
import { readPageHeader } from '../../cases/stores/github/machine-block.ts';
import config from '../../klachten.config.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../github-standin/index.ts';
import { startSmtpServer, testSecret, type TestSmtpServer } from '../support/mail-fixture.ts';
import { aForm } from '../support/queue-bed.ts';
import { standInGitHubEnv } from '../support/standin-octokit.ts';
import { startSite, type Site } from './site-server.ts';

let standIn: GitHubStandIn;
let smtp: TestSmtpServer;
const sites: Site[] = [];

beforeAll(async () => {
  standIn = await startGitHubStandIn();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  for (const site of sites.reverse()) await site.stop();
  await smtp.close();
  await standIn.close();
});

const env = (dataDir?: string) => ({
  ...standInGitHubEnv(standIn),
  ...(dataDir === undefined ? {} : { KLACHTEN_DATA_DIR: dataDir }),
  SMTP_URL: smtp.url,
  KLACHTEN_TOKEN_SECRET: testSecret,
  // The drainer runs after each complaint and once at start; not on its timer within the test.
  KLACHTEN_DRAIN_INTERVAL_MS: '3600000',
  // What the kill leaves claimed is free again after 1.5 s instead of 2 minutes.
  KLACHTEN_QUEUE_LEASE_MS: '1500',
});

type Outcome =
  { n: number; kind: 'reference'; reference: string } | { n: number; kind: 'status' | 'cut'; status?: number };

async function post(site: Site, form: Record<string, string>, n: number): Promise<Outcome> {
  try {
    const response = await fetch(`${site.baseUrl}/klacht-indienen/verzenden/`, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { origin: site.baseUrl },
      redirect: 'manual',
    });
    const html = await response.text();
    const reference = /data-testid="reference">([^<]+)</.exec(html)?.[1];
    if ((response.status === 201 || response.status === 200) && reference) return { n, kind: 'reference', reference };
    return { n, kind: 'status', status: response.status };
  } catch {
    return { n, kind: 'cut' };
  }
}

const issuesFor = () => {
  const byReference = new Map<string, number>();
  const byMarker = new Map<number, number>();
  for (const issue of standIn.state.repo('livable/klachten').issues) {
    const reference = readPageHeader(issue.body ?? '')?.reference ?? '?';
    byReference.set(reference, (byReference.get(reference) ?? 0) + 1);
    const marker = /melding (\d+)\)/.exec(issue.body ?? '')?.[1];
    if (marker !== undefined) byMarker.set(Number(marker), (byMarker.get(Number(marker)) ?? 0) + 1);
  }
  return { byReference, byMarker };
};

it('loses and doubles nothing when the server is killed mid-burst and started again', async () => {
  const first = await startSite('klachten-queue-kill-', env());
  sites.push(first);
  const dataDir = first.dataDir;

  // 80 complaints, 8 at a time; every fifth one is invalid (answered 422, never filed). The kill
  // comes once 30 have their answer.
  const outcomes: Outcome[] = [];
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (next < 80) {
      const n = next++;
      const form = n % 5 === 4 ? { ...aForm(n), email: 'geen adres' } : aForm(n);
      const outcome = await post(first, form, n);
      outcomes.push(outcome);
      if (!killed && outcomes.length >= 30 && first.pid !== undefined) {
        killed = true;
        process.kill(first.pid, 'SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  expect(killed).toBe(true);
  const answered = outcomes.filter((outcome) => outcome.kind === 'reference');
  const refused = outcomes.filter((outcome) => outcome.kind === 'status');
  const cut = outcomes.filter((outcome) => outcome.kind === 'cut');
  expect(answered.length).toBeGreaterThan(10);
  expect(cut.length).toBeGreaterThan(0);
  expect(refused.every((outcome) => outcome.kind === 'status' && outcome.status === 422)).toBe(true);

  // Started again on the same folder: its drainer runs at once; a second drainer beside it whose
  // clock runs 20 minutes on, as a later run of `klachten sync` would: the receipts the kill left
  // unfinished hold it back no longer. (Its queue keeps the real clock: leases are compared across
  // processes, and a skewed clock would see a live lease as expired.)
  const second = await startSite('klachten-queue-kill-again-', env(dataDir));
  sites.push(second);
  const other = makeQueueSetupFromEnv(env(dataDir), config, dataDir, () => {}, {
    clock: () => Date.now() + 20 * 60_000,
  });
  // The cut-off ones sent again, as the person would: the same reference when it was queued.
  const again = await Promise.all(cut.map((outcome) => post(second, aForm(outcome.n), outcome.n)));
  expect(again.every((outcome) => outcome.kind === 'reference')).toBe(true);
  const queue = makeFsQueue(join(dataDir, 'queue'));
  for (let round = 0; round < 40; round += 1) {
    await other.drain({ receiptGraceMs: 0 });
    const { entries } = await queue.list();
    if (entries.every((entry) => entry.state === 'filed')) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await other.queue.close();
  await standIn.idle();

  const { byReference, byMarker } = issuesFor();
  for (const outcome of [...answered, ...again]) {
    if (outcome.kind !== 'reference') continue;
    expect(byReference.get(outcome.reference), outcome.reference).toBe(1);
  }
  for (const outcome of refused) expect(byMarker.get(outcome.n)).toBeUndefined();
  for (const count of byMarker.values()) expect(count).toBe(1);
  for (const count of byReference.values()) expect(count).toBe(1);
  expect(byMarker.size).toBe(answered.length + cut.length);
}, 120_000);
