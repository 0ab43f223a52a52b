// The reply inbox on the Node server's timer (KLACHTEN_IMAP_URL): every KLACHTEN_INBOX_INTERVAL_MS
// (5 minutes) one budgeted round (cases/inbox/round.ts) puts replies by mail on their cases. One
// round at a time: a tick while a round runs is skipped, never queued behind it, so a slow mail
// server cannot pile up rounds. Without the variable nothing runs. Failures are logged by code.
import { errorCode } from '../../cases/errors.ts';
import { inboxSettingsFromEnv, runInboxFromEnv, type InboxSettings } from '../../cases/inbox/from-env.ts';
import config from '../../klachten.config.ts';
import { getStore, log } from './context.ts';
import { kickDrain } from './drain.ts';
import { getScanner } from './files.ts';
import { tokenSecret } from './mail.ts';

let running: Promise<void> | undefined;

async function runOnce(settings: InboxSettings): Promise<void> {
  const secret = await tokenSecret().catch(() => undefined);
  if (secret === undefined) {
    log('inbox.no-secret', {});
    return;
  }
  const report = await runInboxFromEnv(settings, {
    store: getStore(),
    config,
    secret,
    now: new Date(),
    log,
    scanner: getScanner(),
  });
  // With the GitHub store a reply's files wait in the queue: file them now, not a tick later.
  if (report.posted > 0) void kickDrain();
}

/**
 * Runs one round now unless one is running; never rejects.
 *
 * @example
 * await readInboxOnce(settings);
 */
export function readInboxOnce(settings: InboxSettings): Promise<void> {
  running ??= runOnce(settings)
    .catch((error: unknown) => log('inbox.round-failed', { error: errorCode(error) }))
    .finally(() => {
      running = undefined;
    });
  return running;
}

/**
 * Reads the inbox on a timer in a long-lived server; gives a function that stops it. Does nothing
 * without `KLACHTEN_IMAP_URL`; a wrong value is logged (`inbox.settings`) and reads nothing.
 *
 * @example
 * const stop = startInboxTimer();
 */
export function startInboxTimer(): () => void {
  let settings: InboxSettings | undefined;
  try {
    settings = inboxSettingsFromEnv(process.env);
  } catch {
    log('inbox.settings', { error: 'invalid' });
    return () => {};
  }
  if (settings === undefined) return () => {};
  const found = settings;
  void readInboxOnce(found);
  const timer = setInterval(() => void readInboxOnce(found), found.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
