/**
 * The queue set-up `KLACHTEN_STORE=github` runs on, from the environment: the queue
 * (`KLACHTEN_QUEUE`), the GitHub stores, one pacer that sees every request the GitHub client makes
 * (and GitHub's limit headers on every answer), the queued store the site and the commands file
 * into, this process's mail-sender lease (`owner-leases.ts`), and the drainer wired to all of them.
 */
import type { Config } from '../config.ts';
import { errorCode } from '../errors.ts';
import type { Log } from '../log.ts';
import type { ReceiptLedger } from '../mail/receipt-cap.ts';
import type { CaseStore, UnreadableCase } from '../store.ts';
import type { IndexRefresh } from '../stores/github/issue-index.ts';
import { makeGitHubStoresFromEnv, type GitHubStores } from '../stores/github/from-env.ts';
import { drainQueue, type DrainContext, type DrainReport } from './drain.ts';
import { makeQueueFromEnv } from './from-env.ts';
import { makeOwnerLeases, type OwnerLeases } from './owner-leases.ts';
import { makePacer, type Pacer } from './pacer.ts';
import type { IntakeQueue } from './port.ts';
import { makeQueuedStore } from './queued-store.ts';
import { makeQueueIssueIndex } from './issue-index.ts';
import { makeQueueReceiptLedger } from './receipt-ledger.ts';
import { parseQueueSettings, type QueueSettings } from './queue-settings.ts';

/** Everything the queue needs, built once. */
export interface QueueSetup {
  queue: IntakeQueue;
  github: GitHubStores;
  pacer: Pacer;
  settings: QueueSettings;
  /** What the site and the commands file into and read from. */
  store: CaseStore;
  /** The receipt cap's ledger, without a GitHub listing per receipt. */
  receiptLedger: ReceiptLedger;
  /**
   * Builds the index from reference to issue when it is missing, or notes what changed at GitHub
   * since (at most every `minIntervalMs`): `klachten sync` and the server's timer run it.
   */
  refreshIndex(options?: { minIntervalMs?: number }): Promise<IndexRefresh | undefined>;
  /** This process's lease as a mail sender, and what the others' say: for every delivery on this queue. */
  owners: OwnerLeases;
  /** One drainer run; with `mail`, it also sends what is due for the entries it touches. */
  drain(
    options?: Partial<Pick<DrainContext, 'maxPaceWaitMs' | 'maxFilings' | 'receiptGraceMs' | 'mail'>>,
  ): Promise<DrainReport>;
}

/** What a test or the benchmark may replace. */
export interface QueueSetupOptions {
  /** The clock, in ms since the epoch; default `Date.now`. */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Instead of `makeGitHubStoresFromEnv`. */
  github?: GitHubStores;
  queue?: IntakeQueue;
  /** Told of each case a listing leaves out because it cannot be read (`UnreadableCase`). */
  onUnreadable?: (unreadable: UnreadableCase) => void;
  /** Where this process serves alone (the Node server: machine and data folder); see `owner-leases.ts`. */
  seat?: string;
}

interface RequestOptions {
  method?: string;
}
interface Answer {
  status?: number;
  headers?: Record<string, string | number | undefined>;
  response?: { headers?: Record<string, string | number | undefined> };
}

/**
 * Makes the queue set-up.
 *
 * @example
 * const setup = makeQueueSetupFromEnv(process.env, config, process.cwd(), log);
 * await setup.store.fileCase(record);
 * await setup.drain();
 */
export function makeQueueSetupFromEnv(
  env: Record<string, string | undefined>,
  config: Config,
  cwd: string,
  log: Log,
  options: QueueSetupOptions = {},
): QueueSetup {
  const clock = options.clock ?? (() => Date.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const settings = parseQueueSettings(env);
  const github =
    options.github ??
    makeGitHubStoresFromEnv(
      env,
      config,
      cwd,
      log,
      options.onUnreadable === undefined ? {} : { onUnreadable: options.onUnreadable },
    );
  const queue = options.queue ?? makeQueueFromEnv(env, cwd);
  // Every filing and adoption notes its issue here, and lookups read it: one call per case, none
  // for a reference that is no case (cases/stores/github/issue-index.ts).
  github.github.useIndex(makeQueueIssueIndex(queue));
  const pacer = makePacer(settings.limits, clock);
  // Every request the client makes counts, whoever makes it; retries inside the throttling
  // plugin are not seen, the final answer is. The headers carry GitHub's budget and its waits.
  github.octokit.hook.after('request', (response: Answer, request: RequestOptions) => {
    pacer.record(request.method ?? 'GET');
    pacer.observe(response.status ?? 200, response.headers ?? {});
  });
  github.octokit.hook.error('request', (error, request: RequestOptions) => {
    const failed = error as Answer;
    pacer.record(request.method ?? 'GET');
    pacer.observe(failed.status ?? 0, failed.response?.headers ?? {});
    throw error;
  });
  const owners = makeOwnerLeases(queue, {
    leaseMs: settings.leaseMs,
    clock,
    ...(options.seat === undefined ? {} : { seat: options.seat }),
    onRenewFailed: (error) => log('mail.lease-renew-failed', { error: errorCode(error) }),
  });
  const store = makeQueuedStore({
    queue,
    filed: github.store,
    now: () => new Date(clock()),
    log,
    leaseMs: Math.min(30_000, settings.leaseMs),
    claims: owners.claims,
  });
  return {
    queue,
    github,
    pacer,
    settings,
    store,
    receiptLedger: makeQueueReceiptLedger(queue),
    refreshIndex: (refreshOptions) => github.github.refreshIndex(clock(), refreshOptions),
    owners,
    drain: (runOptions = {}) =>
      drainQueue({
        queue,
        github: github.github,
        pacer,
        clock,
        sleep,
        log,
        leaseMs: settings.leaseMs,
        files: {
          store: (reference, files, at) => github.github.storeFiles(reference, files, at),
          record: (reference, added) =>
            github.github.updateCase(
              reference,
              (current) => ({ ...current, attachments: [...(current.attachments ?? []), ...added] }),
              `${added.length === 1 ? 'bijlage' : 'bijlagen'} toegevoegd: ${added.map((file) => file.name).join(', ')}`,
            ),
        },
        owners,
        claims: owners.claims,
        ...runOptions,
      }),
  };
}
