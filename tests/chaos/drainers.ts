// Leases that hold on every queue: complaints filed into the fs queue, Redis and Netlify Blobs'
// local server while two drainers with very short leases (1 s) drain the same queue, each
// pausing at random before it claims and before it releases — so leases run out while held,
// are taken over, and are released late by their old holder. That release must free nothing of
// the new holder's. The drainers send the receipts too (no intake sent them), through the real
// mail server. Counted like the server's rounds: every complaint filed once, every receipt once.
import { randomFillSync } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { makeCalendar } from '../../cases/calendar.ts';
import { fileComplaint } from '../../cases/intake.ts';
import type { Log } from '../../cases/log.ts';
import { deliverDueMessages } from '../../cases/mail/deliver.ts';
import { defaultTemplatesDir, loadTemplates } from '../../cases/mail/template-files.ts';
import { makeSmtpMailer } from '../../cases/mail/transport.ts';
import { makeQueueFromEnv } from '../../cases/queue/from-env.ts';
import type { IntakeQueue } from '../../cases/queue/port.ts';
import { makeQueueSetupFromEnv, type QueueSetup } from '../../cases/queue/setup-from-env.ts';
import config from '../../klachten.config.ts';
import { testSecret } from '../support/mail-fixture.ts';
import { aForm } from '../support/queue-bed.ts';
import { standInGitHubEnv } from '../support/standin-octokit.ts';
import type { Complaint } from './load.ts';
import type { Rig } from './rig.ts';

/** Which queue. */
export type DrainerQueue = 'fs' | 'redis' | 'netlify-blobs';

const leaseMs = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The queue with a drainer's pauses: before a claim, and before a release (past its lease, often). */
function pausing(queue: IntakeQueue, random: () => number): IntakeQueue {
  return {
    ...queue,
    claim: async (reference, ms, as) => {
      await sleep(random() * leaseMs * 0.25);
      return queue.claim(reference, ms, as);
    },
    release: async (lease) => {
      if (random() < 0.3) await sleep(leaseMs * (0.5 + random()));
      return queue.release(lease);
    },
  };
}

/** What a round leaves for the final drain. */
export interface DrainersRest {
  /** Drains once more with an ordinary drainer; true when nothing is left to do. */
  drain(): Promise<boolean>;
  close(): Promise<void>;
}

/** What the round needs. */
export interface DrainersRound {
  rig: Rig;
  queue: DrainerQueue;
  round: string;
  count: number;
  firstNumber: number;
  random: () => number;
  complaints: Complaint[];
  note(text: string): void;
}

/**
 * Runs one round: `count` complaints filed while the two drainers run, until all is filed and
 * mailed or a minute is up. Gives what drains the rest with an ordinary drainer (its default
 * lease, no pauses) for the suite's final drain: what is left is waiting, not lost.
 *
 * @example
 * const rest = await runDrainersRound({ rig, queue: 'redis', round: 'drainers-redis 1', count: 20, … });
 * await rest.drain(); await rest.close();
 */
export async function runDrainersRound(options: DrainersRound): Promise<DrainersRest> {
  const { rig, random } = options;
  const dataDir = join(rig.root, `drainers-${options.round.replace(/\W+/g, '-')}`);
  const where: Record<DrainerQueue, Record<string, string>> = {
    fs: { KLACHTEN_QUEUE: 'fs' },
    // A database of its own: the server's queue is in database 0.
    redis: { KLACHTEN_QUEUE: `${rig.redis.url}/5` },
    'netlify-blobs': { KLACHTEN_QUEUE: 'netlify-blobs', ...rig.blobs.envFor(`chaos-${options.firstNumber}`) },
  };
  const env = {
    ...standInGitHubEnv(rig.standIn, { dataDir }),
    ...where[options.queue],
    KLACHTEN_TOKEN_SECRET: testSecret,
    KLACHTEN_QUEUE_LEASE_MS: String(leaseMs),
    KLACHTEN_GITHUB_WRITES_PER_MINUTE: '100000',
    KLACHTEN_GITHUB_WRITES_PER_HOUR: '1000000',
    KLACHTEN_GITHUB_POINTS_PER_MINUTE: '1000000',
  };
  // What the drainers log goes to one file beside the servers' logs (`--keep` keeps it).
  const logFile = createWriteStream(join(rig.root, 'drainers.log'), { flags: 'a' });
  const logOf =
    (who: string): Log =>
    (event, fields) =>
      void logFile.write(`${JSON.stringify({ round: options.round, who, event, ...fields })}\n`);
  const intake = makeQueueSetupFromEnv(env, config, dataDir, logOf('intake'));
  const drainers: QueueSetup[] = [0, 1].map((number) =>
    makeQueueSetupFromEnv(env, config, dataDir, logOf(`drainer-${number}`), {
      queue: pausing(makeQueueFromEnv(env, dataDir), random),
    }),
  );
  const mailer = makeSmtpMailer(rig.smtp.url);
  const templates = await loadTemplates(defaultTemplatesDir(process.cwd()));
  const calendar = makeCalendar(config.terms);
  const mailOf = (setup: QueueSetup) => ({
    deliver: (reference: string) =>
      deliverDueMessages(
        setup.store,
        mailer,
        {
          config,
          templates,
          tokenSecret: testSecret,
          now: () => new Date(),
          log: logOf('mail'),
          receiptLedger: setup.receiptLedger,
          owners: setup.owners,
        },
        { references: [reference] },
      ),
  });

  let filing = true;
  const file = (async () => {
    for (let n = options.firstNumber; n < options.firstNumber + options.count; n += 1) {
      const form = aForm(n);
      const complaint: Complaint = {
        n,
        round: options.round,
        target: options.queue,
        email: form['email'] ?? '',
        firstAt: Date.now(),
        references: [],
        statuses: [],
        cuts: 0,
      };
      options.complaints.push(complaint);
      const result = await fileComplaint(form, {
        store: intake.store,
        config,
        calendar,
        now: new Date(),
        fillRandom: (bytes) => randomFillSync(bytes),
        log: logOf('intake'),
      });
      if (result.kind === 'filed') {
        complaint.ackAt = Date.now();
        complaint.reference = result.case.reference;
        complaint.references.push(result.case.reference);
      }
      await sleep(random() * 100);
    }
    filing = false;
  })();

  const settled = async () => {
    const { entries } = await intake.queue.list();
    return entries.every((entry) => entry.state === 'filed' && entry.mailPending !== true);
  };
  let runs = 0;
  const deadline = Date.now() + 60_000;
  await Promise.all(
    drainers.map(async (drainer) => {
      while (Date.now() < deadline && (filing || !(await settled()))) {
        await drainer.drain({ mail: mailOf(drainer), maxPaceWaitMs: 1000 }).catch(() => undefined);
        runs += 1;
        await sleep(random() * 150);
      }
    }),
  );
  await file;
  options.note(
    `${runs} drainer runs on ${options.queue}, leases of ${leaseMs} ms, releases up to ${1.5 * leaseMs} ms late` +
      ((await settled()) ? '' : '; the rest drained at the end'),
  );
  for (const setup of drainers) await setup.queue.close();
  // The final drain: the intake's own set-up, an ordinary drainer.
  return {
    async drain() {
      if (await settled()) return true;
      await intake.drain({ mail: mailOf(intake), maxPaceWaitMs: 1000 }).catch(() => undefined);
      return settled();
    },
    async close() {
      mailer.close();
      await intake.queue.close();
      await new Promise((resolve) => logFile.end(resolve));
    },
  };
}
