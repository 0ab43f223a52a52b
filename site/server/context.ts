import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { makeCalendar } from '../../cases/calendar.ts';
import { makeMemoryRateLimiter, type RateLimiter } from '../../cases/rate-limit.ts';
import { parseSettings, refuseFolderStoreOnServerless, type Settings } from '../../cases/settings.ts';
import type { CaseStore } from '../../cases/store.ts';
import { makeMemoryMailBudget, type MailBudget } from '../../cases/mail/mail-budget.ts';
import { makeQueueMailBudget } from '../../cases/queue/mail-budget-ledger.ts';
import type { Log } from '../../cases/log.ts';
import { makeFailureRecorder, noteFailures, type FailureRecorder } from '../../cases/queue/last-failure.ts';
import { makeQueueRateLimiter } from '../../cases/queue/rate-limiter.ts';
import { makeQueueSetupFromEnv, type QueueSetup } from '../../cases/queue/setup-from-env.ts';
import { minimumSecretLength } from '../../cases/signed-token.ts';
import { makeStoreFromEnv } from '../../cases/stores/from-env.ts';
import config from '../../klachten.config.ts';

// One store per server process: the Git-folder store's write queue must be shared by all requests.
let store: CaseStore | undefined;

/**
 * The store configured by the environment (`KLACHTEN_STORE`, `KLACHTEN_DATA_DIR`), made once.
 *
 * @example
 * await getStore().fileCase(record);
 */
export function getStore(): CaseStore {
  if (store === undefined) refuseFolderStoreOnServerless(getSettings(), buildTarget(), process.env);
  store ??= getQueueSetup()?.store ?? makeStoreFromEnv(process.env, config, process.cwd(), log);
  return store;
}

let queueSetup: QueueSetup | undefined;

/**
 * With `KLACHTEN_STORE=github`: the intake queue, its store and its drainer, made once, so the
 * store the site files into and the drainer share one queue and one pacer. Undefined otherwise.
 *
 * @example
 * await getQueueSetup()?.drain();
 */
export function getQueueSetup(): QueueSetup | undefined {
  if (getSettings().store !== 'github') return undefined;
  queueSetup ??= makeQueueSetupFromEnv(process.env, config, process.cwd(), log, seatOfThisServer());
  return queueSetup;
}

/**
 * The Node server serves alone on its machine, port and data folder (README, "Deploying"): that is
 * its seat, so a server started again knows its killed predecessor's mail attempts are over
 * (`cases/queue/owner-leases.ts`). A function on a platform has no such place.
 */
function seatOfThisServer(): { seat?: string } {
  const where = `${hostname()}:${process.env['PORT'] ?? '4321'}:${getSettings().dataDir}`;
  return (buildTarget() ?? 'node') === 'node' ? { seat: where } : {};
}

/**
 * The build's target, `KLACHTEN_ADAPTER`, written into the bundle (site/build/integration.ts).
 * `scripts/start.ts` loads these files outside the bundle too (the drain timer): there is no
 * `import.meta.env` there, and it is the Node server.
 */
function buildTarget(): string | undefined {
  return (import.meta.env as Record<string, string | undefined> | undefined)?.['KLACHTEN_ADAPTER'];
}

let settings: Settings | undefined;

/**
 * The run-time settings from the environment, read once per server process.
 *
 * @example
 * getSettings().clientAddressHeader // 'x-forwarded-for', or undefined
 */
export function getSettings(): Settings {
  settings ??= parseSettings(process.env, process.cwd());
  return settings;
}

/**
 * The public forms with a limit per client: the complaint form, the lost-link form of
 * /mijn-klacht/, and files checked at once (`'file'`: each costs the cleaning of a photo; as many
 * an hour as the complaints' limit allows files on them). `'page'` counts per case, not per
 * address: the writes from a complainant's own page (an addition, an answer to a question), each a
 * few GitHub calls, so one session cannot spend the installation's budget; three times the
 * complaints' limit an hour.
 */
export type LimitedForm = 'complaint' | 'link' | 'file' | 'page';

const limiters = new Map<LimitedForm, RateLimiter>();

/** Writes from a case's own page an hour, per complaint the hourly limit allows. */
export const pageWritesPerComplaint = 3;

/**
 * The limit per client address and hour (`KLACHTEN_RATE_LIMIT_PER_HOUR`) on accepted complaints,
 * or on the lost-link form's requests (`'link'`, counted apart), made once per server process.
 *
 * With the queue (`KLACHTEN_STORE=github`) the counts live in the queue's storage, shared by every
 * instance (`cases/queue/rate-limiter.ts`): on Netlify, Vercel or several Node processes each
 * instance has its own memory, and a limit per instance is no limit. All instances must hash an
 * address the same way, so the key is derived from the one secret they share,
 * `KLACHTEN_TOKEN_SECRET` (with its own purpose label, never the links' key).
 *
 * Otherwise (one server process, or no token secret to share) the counts live in memory under a
 * key made at random when the process starts, which never leaves it: the counts live only as long
 * as the process, so no hash need be recognised after a restart, and no hash can be turned back
 * into an address by trying every address (a key shared with anything could).
 *
 * @example
 * const place = await getRateLimiter().take(client, new Date());
 * const asked = await getRateLimiter('link').take(client, new Date()); // counted apart
 */
export function getRateLimiter(form: LimitedForm = 'complaint'): RateLimiter {
  const made = limiters.get(form);
  if (made !== undefined) return made;
  const perHour = getSettings().rateLimitPerHour;
  const limit =
    form === 'file'
      ? perHour * config.attachments.maxFilesPerCase
      : form === 'page'
        ? perHour * pageWritesPerComplaint
        : perHour;
  const windowMs = 60 * 60 * 1000;
  const queue = getQueueSetup()?.queue;
  const secret = process.env['KLACHTEN_TOKEN_SECRET'] ?? '';
  let limiter: RateLimiter;
  if (queue !== undefined && secret.length >= minimumSecretLength) {
    limiter = makeQueueRateLimiter(queue, {
      limit,
      windowMs,
      secret,
      log,
      ...(form === 'complaint' ? {} : { counts: form }),
    });
  } else {
    // The GitHub store needs the secret for its links anyway; until it is set, a limit per process.
    if (queue !== undefined) log('intake.limit-not-shared', { form });
    limiter = makeMemoryRateLimiter({ limit, windowMs, secret: randomBytes(32) });
  }
  limiters.set(form, limiter);
  return limiter;
}

let mailBudget: MailBudget | undefined;

/**
 * The budget of mails the public can trigger (cases/mail/mail-budget.ts), made once per server
 * process: with the queue counted in its storage, shared by every instance (under a key derived
 * from `KLACHTEN_TOKEN_SECRET`, as the limit per client address); otherwise in this process's memory.
 *
 * @example
 * const place = await getMailBudget().take({ to: record.email, reference, kind: 'link' }, new Date());
 */
export function getMailBudget(): MailBudget {
  if (mailBudget !== undefined) return mailBudget;
  const queue = getQueueSetup()?.queue;
  const secret = process.env['KLACHTEN_TOKEN_SECRET'] ?? '';
  if (queue !== undefined && secret.length >= minimumSecretLength) {
    mailBudget = makeQueueMailBudget(queue, { secret, log });
  } else {
    if (queue !== undefined) log('mail.budget-not-shared', {});
    mailBudget = makeMemoryMailBudget();
  }
  return mailBudget;
}

/** The working-day calendar from the configuration. */
export const calendar = makeCalendar(config.terms);

let failures: FailureRecorder | undefined;

/**
 * Server log: one JSON line per event. Callers pass only non-personal fields (reference, counts,
 * codes). With the queue, the last failure is also kept there, for `klachten sync --status` and
 * `klachten doctor` (`cases/queue/last-failure.ts`).
 *
 * @example
 * log('intake.filed', { reference: 'K-2026-7QF3M9' });
 */
export const log: Log = noteFailures(
  (event, fields) => console.log(JSON.stringify({ event, ...fields })),
  () => {
    if (queueSetup === undefined) return undefined;
    failures ??= makeFailureRecorder(queueSetup.queue);
    return failures;
  },
);
