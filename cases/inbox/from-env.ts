/**
 * The inbox round as the environment configures it, for the Node server's timer, `klachten inbox`
 * and the workflow alike: `KLACHTEN_IMAP_URL` (none: no inbox is read), and the budget
 * (`KLACHTEN_INBOX_MAX_MESSAGES`, `KLACHTEN_INBOX_MAX_MEGABYTES`, `KLACHTEN_INBOX_INTERVAL_MS`).
 */
import { attachmentLimits, megabyte } from '../attachments/limits.ts';
import type { Scanner } from '../attachments/scanner.ts';
import type { Config } from '../config.ts';
import type { Log } from '../log.ts';
import { mailSettings } from '../mail/compose-message.ts';
import type { CaseStore } from '../store.ts';
import { openImapInbox, parseImapUrl, type ImapTarget } from './imap.ts';
import type { Inbox } from './port.ts';
import { defaultInboxBudget, runInboxRound, type InboxBudget, type InboxReport } from './round.ts';

/** The inbox's settings. */
export interface InboxSettings {
  target: ImapTarget;
  budget: InboxBudget;
  /** How often the Node server reads the inbox (5 minutes). */
  intervalMs: number;
}

function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} moet een positief getal zijn.`);
  return value;
}

/**
 * The inbox's settings, or undefined without `KLACHTEN_IMAP_URL`; throws naming the variable that
 * is wrong.
 *
 * @example
 * inboxSettingsFromEnv({ KLACHTEN_IMAP_URL: 'imaps://u:p@mail.livable.nl/INBOX' })?.budget.maxMessages // 20
 */
export function inboxSettingsFromEnv(env: Record<string, string | undefined>): InboxSettings | undefined {
  const url = env['KLACHTEN_IMAP_URL'];
  if (url === undefined || url === '') return undefined;
  const maxMessages = Math.floor(positive(env, 'KLACHTEN_INBOX_MAX_MESSAGES', defaultInboxBudget.maxMessages));
  return {
    target: parseImapUrl(url),
    budget: {
      maxMessages,
      maxLookups: 5 * maxMessages,
      maxMessageBytes: Math.floor(
        positive(env, 'KLACHTEN_INBOX_MAX_MEGABYTES', defaultInboxBudget.maxMessageBytes / megabyte) * megabyte,
      ),
      scanLimit: defaultInboxBudget.scanLimit,
    },
    intervalMs: positive(env, 'KLACHTEN_INBOX_INTERVAL_MS', 5 * 60 * 1000),
  };
}

/** What a round from the environment needs besides the settings. */
export interface InboxRun {
  store: CaseStore;
  config: Config;
  secret: string;
  now: Date;
  log: Log;
  scanner?: Scanner | undefined;
  /** Files up to the Node server's size (a mail is no post to a platform). */
  dryRun?: boolean;
  /** Another inbox than the IMAP server (tests). */
  open?: (target: ImapTarget) => Promise<Inbox>;
}

/** A round's report with what `Verwerkt` holds. */
export interface InboxRunReport extends InboxReport {
  description: string;
  processed: number;
}

/**
 * Opens the inbox, runs one round and closes it again.
 *
 * @example
 * const report = await runInboxFromEnv(settings, { store, config, secret, now: new Date(), log });
 */
export async function runInboxFromEnv(settings: InboxSettings, run: InboxRun): Promise<InboxRunReport> {
  const inbox = await (run.open ?? openImapInbox)(settings.target);
  try {
    const report = await runInboxRound({
      inbox,
      store: run.store,
      config: run.config,
      secret: run.secret,
      replyMailbox: mailSettings(run.config).replyTo,
      now: run.now,
      log: run.log,
      files: { maxFileBytes: attachmentLimits(run.config.attachments, false).maxFileBytes, scanner: run.scanner },
      budget: settings.budget,
      ...(run.dryRun === undefined ? {} : { dryRun: run.dryRun }),
    });
    return { ...report, description: inbox.description, processed: await inbox.processedCount() };
  } finally {
    await inbox.close();
  }
}

/**
 * Deletes from `Verwerkt` the replies older than `days` and those of the erased references.
 *
 * @example
 * await removeProcessedFromEnv(settings, { before: new Date('2026-10-01'), references: ['K-2026-7QF3-M9XA'] }) // 3
 */
export async function removeProcessedFromEnv(
  settings: InboxSettings,
  filter: { before?: Date; references?: readonly string[] },
  open: (target: ImapTarget) => Promise<Inbox> = openImapInbox,
): Promise<number> {
  const inbox = await open(settings.target);
  try {
    return await inbox.removeProcessed(filter);
  } finally {
    await inbox.close();
  }
}

/**
 * The moment before which a reply in `Verwerkt` is past the outbox's term on `today`.
 *
 * @example
 * processedTermStart('2026-12-31', 30) // 2026-12-01T00:00:00.000Z
 */
export function processedTermStart(today: string, days: number): Date {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000);
}
