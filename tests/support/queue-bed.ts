// What the queue tests and the burst benchmark share: a queue set-up on a temp folder against the
// GitHub stand-in, a valid complaint form, a mailer that keeps what it sends, and the intake as
// the site runs it (validate, queue, answer; the receipt after).
import { randomFillSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCalendar } from '../../cases/calendar.ts';
import { fileComplaint, type IntakeFiles, type IntakeResult } from '../../cases/intake.ts';
import type { Log } from '../../cases/log.ts';
import type { OutgoingMail } from '../../cases/mail/compose-message.ts';
import { deliverDueMessages } from '../../cases/mail/deliver.ts';
import { defaultTemplatesDir, loadTemplates } from '../../cases/mail/template-files.ts';
import type { Mailer } from '../../cases/mail/transport.ts';
import type { DrainMail } from '../../cases/queue/drain-mail.ts';
import { makeQueueSetupFromEnv, type QueueSetup, type QueueSetupOptions } from '../../cases/queue/setup-from-env.ts';
import { makeGitHubRegister } from '../../cases/register/github-files.ts';
import type { ErasureTarget } from '../../cases/retention/erasure-target.ts';
import { isGitFolderStore } from '../../cases/retention/folder-eraser.ts';
import { makeGitHubTarget } from '../../cases/retention/github-target.ts';
import { makeCaseIssues } from '../../cases/stores/github/case-issues.ts';
import { makeGitHubHelper } from '../../cases/stores/github/github-helper.ts';
import config from '../../klachten.config.ts';
import type { GitHubStandIn } from '../github-standin/index.ts';
import { standInGitHubEnv } from './standin-octokit.ts';

/** A complaint form as a person fills it in; `n` makes each one its own submission. */
export function aForm(n: number): Record<string, string> {
  return {
    locale: 'nl',
    role: 'bewoner',
    name: `Bewoner ${n}`,
    email: `bewoner${n}@example.nl`,
    phone: '',
    address: `Lindenlaan ${n}, Utrecht`,
    category: 'onderhoud',
    complaint: `De verwarming doet het niet (melding ${n}).`,
    expectation: 'Dat de verwarming vandaag wordt gemaakt.',
    concerns: '',
    earlier: 'nee',
    whatIsNew: '',
    consent: 'ja',
  };
}

/** A mailer that keeps every message. */
export interface KeepingMailer extends Mailer {
  sent: OutgoingMail[];
}

/**
 * A mailer that keeps what it sends.
 *
 * @example
 * const mailer = keepingMailer(); await mailer.send(mail); mailer.sent.length // 1
 */
export function keepingMailer(): KeepingMailer {
  const sent: OutgoingMail[] = [];
  return { description: 'test', sent, send: async (mail) => void sent.push(mail), close: () => {} };
}

/** A queue set-up in a temp folder. */
export interface QueueBed {
  dataDir: string;
  env: Record<string, string>;
  setup: QueueSetup;
  mailer: KeepingMailer;
  /**
   * Files a form as the site does, with `files` when given; the receipt goes after, as `receipts`
   * (awaited by `settle`), unless `receipt: false` (a process that died before it sent it).
   */
  intake(
    form: Record<string, string>,
    now?: Date,
    options?: { receipt?: boolean; files?: IntakeFiles },
  ): Promise<IntakeResult>;
  /** Waits for every receipt under way. */
  settle(): Promise<void>;
  /** The drainer's mail through `mailer` (default the bed's), as the site gives it: `setup.drain({ mail })`. */
  drainMail(mailer?: Mailer, setup?: QueueSetup): DrainMail;
  /** Another set-up on the same folder and stand-in: a second process. */
  another(options?: QueueSetupOptions): QueueSetup;
  close(): Promise<void>;
}

/**
 * Starts a queue bed on the stand-in.
 *
 * @example
 * const bed = await startQueueBed(standIn);
 * await bed.intake(aForm(1)); await bed.settle(); await bed.setup.drain();
 */
export async function startQueueBed(
  standIn: GitHubStandIn,
  options: QueueSetupOptions & { env?: Record<string, string>; log?: Log } = {},
): Promise<QueueBed> {
  const dataDir = await mkdtemp(join(tmpdir(), 'klachten-queue-bed-'));
  const env = { ...standInGitHubEnv(standIn, { dataDir }), ...options.env };
  const log = options.log ?? (() => {});
  const setup = makeQueueSetupFromEnv(env, config, dataDir, log, options);
  const mailer = keepingMailer();
  const templates = await loadTemplates(defaultTemplatesDir(process.cwd()));
  const calendar = makeCalendar(config.terms);
  const receipts: Promise<unknown>[] = [];
  let sending: Promise<void> = Promise.resolve();
  const others: QueueSetup[] = [];
  const clock = options.clock ?? (() => Date.now());
  const deliveryContext = (on: QueueSetup) => ({
    config,
    templates,
    now: () => new Date(clock()),
    log,
    receiptLedger: on.receiptLedger,
    owners: on.owners,
  });
  return {
    dataDir,
    env,
    setup,
    mailer,
    async intake(form, now = new Date(clock()), intakeOptions = {}) {
      const result = await fileComplaint(
        form,
        { store: setup.store, config, calendar, now, fillRandom: (bytes) => randomFillSync(bytes), log },
        intakeOptions.files,
      );
      if (result.kind === 'filed' && intakeOptions.receipt !== false) {
        // One receipt after the other, as a mail queue sends them: in a storm the receipts then
        // take the time the intake leaves, instead of crowding the disk the intake writes to.
        const reference = result.case.reference;
        sending = sending.then(() =>
          deliverDueMessages(setup.store, mailer, deliveryContext(setup), { references: [reference] }).then(
            () => undefined,
          ),
        );
        receipts.push(sending);
      }
      return result;
    },
    async settle() {
      await Promise.all(receipts.splice(0));
    },
    drainMail(through = mailer, on = setup) {
      return {
        deliver: (reference) => deliverDueMessages(on.store, through, deliveryContext(on), { references: [reference] }),
      };
    },
    another(more = {}) {
      const other = makeQueueSetupFromEnv(env, config, dataDir, log, { ...options, ...more });
      others.push(other);
      return other;
    },
    async close() {
      for (const other of others) await other.queue.close();
      await setup.queue.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The erasure target that `klachten erase` and `retention` use on GitHub, over the bed's stores
 * (its Git-folder fallback, the register in the stand-in's repository).
 *
 * @example
 * await githubErasureTarget(bed).erase([reference], '2028-01-01T00:00:00+01:00', 'verzoek');
 */
export function githubErasureTarget(bed: QueueBed): ErasureTarget {
  const stores = bed.setup.github;
  if (stores === undefined || !isGitFolderStore(stores.fallback))
    throw new Error('The bed has no GitHub store with a Git-folder fallback.');
  const github = makeGitHubHelper(stores.octokit, stores.repository);
  return makeGitHubTarget({
    github,
    issues: makeCaseIssues(github),
    store: stores.github,
    fallback: stores.fallback,
    register: makeGitHubRegister(github, `${stores.repository.owner}/${stores.repository.repo}`),
  });
}
