// The site's side of the intake queue: the drainer after each intake and on a timer inside the
// Node server, sending the mail due for what it touches as it files (cases/queue/drain-mail.ts).
// One run at a time per process; a kick during a run asks for one more run after it, so nothing
// queued during a run waits for the timer. When a run held an entry back for a mail attempt under
// way, the Node server runs again the moment that may be over, not a timer's tick later. With
// the Git folder there is no queue and every function here does nothing.
import { errorCode } from '../../cases/errors.ts';
import { alertIfOverdue } from '../../cases/queue/alert.ts';
import { makeMailerFromEnv, type Mailer } from '../../cases/mail/transport.ts';
import config from '../../klachten.config.ts';
import { getQueueSetup, log } from './context.ts';
import { drainMail } from './mail.ts';

let running: Promise<void> | undefined;
let again = false;
let mailer: Mailer | undefined;
/** Set while the Node server's timer runs: only a long-lived process schedules runs of its own. */
let scheduling = false;
let soon: { at: number; timer: NodeJS.Timeout } | undefined;

/** Runs the drainer again at `at` (ms), unless a run is due sooner anyway. */
function runAgainAt(at: number): void {
  if (!scheduling || (soon !== undefined && soon.at <= at)) return;
  if (soon !== undefined) clearTimeout(soon.timer);
  const timer = setTimeout(
    () => {
      soon = undefined;
      void kickDrain();
    },
    Math.max(0, at - Date.now()) + 50,
  );
  timer.unref();
  soon = { at, timer };
}

async function runOnce(): Promise<void> {
  const setup = getQueueSetup();
  if (!setup) return;
  // Within a request's afterlife the drainer waits little for the pace; the timer catches up.
  const report = await setup.drain({ maxPaceWaitMs: 5_000, mail: drainMail });
  if (report.nextAt !== undefined) runAgainAt(report.nextAt);
  try {
    mailer ??= makeMailerFromEnv(process.env, process.cwd());
    await alertIfOverdue({ queue: setup.queue, mailer, config, now: new Date(), log });
  } catch (error) {
    log('queue.alert-failed', { error: errorCode(error) });
  }
}

/**
 * Runs the drainer now, in the background; never rejects (a failure is logged by its code). On a
 * serverless platform, hand the promise to the platform's `waitUntil` so the run may outlive the
 * response.
 *
 * @example
 * void kickDrain();              // the Node server: after the response
 * context.waitUntil(kickDrain()); // a function platform
 */
export function kickDrain(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await runOnce().catch((error: unknown) => {
        log('queue.drain-failed', { error: errorCode(error) });
      });
    } while (again);
  })().finally(() => {
    running = undefined;
  });
  return running;
}

// The index from reference to issue: built when missing, topped up with what changed at GitHub at
// most every 10 minutes (one listing call when nothing did). Only from the long-lived server's
// timer: a function's afterlife is too short to build it (`klachten sync` does, drain.yml).
const indexIntervalMs = 10 * 60 * 1000;

async function refreshIndex(setup: NonNullable<ReturnType<typeof getQueueSetup>>): Promise<void> {
  await setup.refreshIndex({ minIntervalMs: indexIntervalMs }).catch((error: unknown) => {
    log('queue.index-failed', { error: errorCode(error) });
  });
}

/**
 * Runs the drainer every `KLACHTEN_DRAIN_INTERVAL_MS` (default one minute) in a long-lived server,
 * and keeps the index from reference to issue up to date; gives a function that stops it. Does
 * nothing with the Git folder.
 *
 * @example
 * const stop = startDrainTimer();
 */
export function startDrainTimer(): () => void {
  const setup = getQueueSetup();
  if (!setup) return () => {};
  scheduling = true;
  // The seat first: the first run then sends what a killed predecessor had under way.
  void setup.owners
    .takeSeat()
    .catch((error: unknown) => log('queue.seat-failed', { error: errorCode(error) }))
    .then(() => kickDrain());
  void refreshIndex(setup);
  const tick = () => {
    void kickDrain();
    void refreshIndex(setup);
  };
  const timer = setInterval(tick, setup.settings.drainIntervalMs);
  timer.unref();
  return () => {
    scheduling = false;
    clearInterval(timer);
    if (soon !== undefined) clearTimeout(soon.timer);
  };
}
