// The crash of issue #19, as an operator would try it: the built server with the GitHub store and
// its fs queue, every setting at its default, killed with SIGKILL once 8 of a burst of 30
// complaints (8 at a time) have their answer, and started again at once; the people whose
// complaint got no answer send it again. Within 3 minutes of the restart every acknowledged
// complaint is at GitHub exactly once and every acknowledged complainant has their receipt — one,
// or at most one duplicate in the whole run (an attempt the kill cut off after the mail server
// took it) — with no daily run: only the server itself drains and mails.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeFsQueue } from '../../cases/queue/from-env.ts';
import { readPageHeader } from '../../cases/stores/github/machine-block.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../github-standin/index.ts';
import { makeLoad } from '../chaos/load.ts';
import { makeChaosServer, type ChaosServer } from '../chaos/server.ts';
import { startChaosSmtp, type ChaosSmtp } from '../chaos/smtp.ts';
import { tallyRound } from '../chaos/tally.ts';
import { testSecret } from '../support/mail-fixture.ts';
import { standInGitHubEnv } from '../support/standin-octokit.ts';

let standIn: GitHubStandIn;
let smtp: ChaosSmtp;
let root: string;
let server: ChaosServer | undefined;

beforeAll(async () => {
  standIn = await startGitHubStandIn();
  smtp = await startChaosSmtp();
  root = await mkdtemp(join(tmpdir(), 'klachten-crash-'));
});
afterAll(async () => {
  await server?.stop();
  await smtp.close();
  await standIn.close();
  await rm(root, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('keeps every promise within 3 minutes of a restart after a SIGKILL 8 answers into a burst of 30', async () => {
  const dataDir = join(root, 'data');
  const logPath = join(root, 'server.log');
  // Defaults everywhere that matters: the queue on disk, 2-minute leases and grace, a drain a minute.
  server = await makeChaosServer({
    env: { ...standInGitHubEnv(standIn, { dataDir }), SMTP_URL: smtp.url, KLACHTEN_TOKEN_SECRET: testSecret },
    logPath,
  });
  await server.start();
  const load = makeLoad({ clients: 0, pauseMs: 0, retryMs: 1000, maxPosts: 120 });
  load.aim(server.baseUrl, 'crash');
  const burst = load.burst(30, 8);
  while (load.acknowledged() < 8) await sleep(5);
  await server.kill();
  const answeredBeforeTheKill = load.acknowledged();
  await server.start();
  const restartedAt = Date.now();
  await burst;
  expect(load.acknowledged()).toBe(30);

  const issues = () =>
    standIn.state.repo('livable/klachten').issues.map((issue) => ({
      reference: readPageHeader(issue.body ?? '')?.reference ?? '?',
      n: Number(/melding (\d+)\)/.exec(issue.body ?? '')?.[1]),
      createdAt: issue.createdAt.getTime(),
    }));
  const receipts = () =>
    smtp.taken.filter((mail) => mail.kind === 'receipt').map((mail) => ({ to: mail.to, at: mail.at }));
  const tally = () => tallyRound('crash', load.complaints, issues(), receipts());
  // Within 3 minutes of the restart: every complaint at GitHub, every receipt sent.
  while (Date.now() - restartedAt < 3 * 60_000) {
    const now = tally();
    if (now.lost === 0 && now.receiptsMissing === 0) break;
    await sleep(500);
  }
  const done = tally();
  expect(done).toMatchObject({ acknowledged: 30, filed: 30, lost: 0, doubled: 0, receiptsMissing: 0 });
  const lastIssue = Math.max(...issues().map((issue) => issue.createdAt));
  const lastReceipt = Math.max(...receipts().map((receipt) => receipt.at));
  expect(lastIssue - restartedAt).toBeLessThanOrEqual(3 * 60_000);
  expect(lastReceipt - restartedAt).toBeLessThanOrEqual(3 * 60_000);

  // Then until the queue has nothing more to do: no second copy comes later.
  const queue = makeFsQueue(join(dataDir, 'queue'));
  while (!(await queue.list()).entries.every((entry) => entry.state === 'filed' && entry.mailPending !== true))
    await sleep(500);
  await standIn.idle();
  const after = tally();
  expect(after.doubled).toBe(0);
  expect(after.receiptsDoubled).toBeLessThanOrEqual(1);
  expect(issues()).toHaveLength(30);
  // Every failure the server logged names its cause; the bare `Error` never.
  const failures = (await readFile(logPath, 'utf8'))
    .split('\n')
    .filter((line) => /"event":"[^"]*(failed|unavailable)"/.test(line));
  for (const line of failures) expect(line).not.toMatch(/"(error|kind|code)":"(Error|unknown)"/);
  console.log(
    `crash: killed after ${answeredBeforeTheKill} answers; all at GitHub ${((lastIssue - restartedAt) / 1000).toFixed(1)} s ` +
      `and every receipt ${((lastReceipt - restartedAt) / 1000).toFixed(1)} s after the restart; ${after.receiptsDoubled} duplicate receipt(s)`,
  );
}, 240_000);
