// The site's side of the intake queue: the drainer after each intake and on a timer inside the
// Node server. One run at a time per process; a kick during a run asks for one more run after it,
// so nothing queued during a run waits for the timer. With the Git folder there is no queue and
// every function here does nothing.
import { errorCode } from '../../cases/errors.ts';
import { alertIfOverdue } from '../../cases/queue/alert.ts';
import { makeMailerFromEnv, type Mailer } from '../../cases/mail/transport.ts';
import config from '../../klachten.config.ts';
import { getQueueSetup, log } from './context.ts';

let running: Promise<void> | undefined;
let again = false;
let mailer: Mailer | undefined;

async function runOnce(): Promise<void> {
  const setup = getQueueSetup();
  if (!setup) return;
  // Within a request's afterlife the drainer waits little for the pace; the timer catches up.
  await setup.drain({ maxPaceWaitMs: 5_000 });
  mailer ??= makeMailerFromEnv(process.env, process.cwd());
  await alertIfOverdue({ queue: setup.queue, mailer, config, now: new Date(), log });
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
        const code = errorCode(error);
        log('queue.drain-failed', { error: code });
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
  const tick = () => {
    void kickDrain();
    void refreshIndex(setup);
  };
  tick();
  const timer = setInterval(tick, setup.settings.drainIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
