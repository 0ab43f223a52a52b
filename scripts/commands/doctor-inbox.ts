// `klachten doctor`'s look at the reply inbox (KLACHTEN_IMAP_URL): can it be reached, and what
// stays in it for a person to look at. A count only (the round runs dry): nothing is moved or put
// on a case, and no mail is read as read.
import { scannerFromEnv } from '../../cases/attachments/scanner.ts';
import { errorCode } from '../../cases/errors.ts';
import { inboxSettingsFromEnv, runInboxFromEnv } from '../../cases/inbox/from-env.ts';
import type { LeftCause } from '../../cases/inbox/round.ts';
import { silentLog } from '../../cases/log.ts';
import type { CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { leftWords } from './inbox.ts';

/** One line of the doctor, Dutch first. */
export interface InboxFinding {
  ok: boolean;
  nl: string;
  en: string;
}

/**
 * The inbox's lines: none without `KLACHTEN_IMAP_URL`.
 *
 * @example
 * await checkInbox(ctx) // [{ ok: true, nl: 'Antwoordbox: IMAP … antwoordt; 2 blijven liggen: …', en: '…' }]
 */
export async function checkInbox(ctx: CliContext): Promise<InboxFinding[]> {
  let settings;
  try {
    settings = inboxSettingsFromEnv(ctx.env);
  } catch (error) {
    return [{ ok: false, nl: `Antwoordbox: ${(error as Error).message}`, en: 'Inbox: KLACHTEN_IMAP_URL is wrong.' }];
  }
  if (settings === undefined) return [];
  const services = servicesOf(ctx);
  const secret = await services.loadTokenSecret(ctx).catch(() => undefined);
  if (secret === undefined)
    return [
      {
        ok: false,
        nl: 'Antwoordbox: zonder KLACHTEN_TOKEN_SECRET is geen antwoordadres te controleren.',
        en: 'Inbox: no token secret.',
      },
    ];
  try {
    const report = await runInboxFromEnv(settings, {
      store: services.makeStore(ctx),
      config: ctx.config,
      secret,
      now: ctx.now(),
      log: silentLog,
      scanner: scannerFromEnv(ctx.env),
      dryRun: true,
    });
    const left = Object.entries(report.left) as [LeftCause, number][];
    const total = left.reduce((sum, [, count]) => sum + count, 0);
    const why = left.map(([cause, count]) => `${count} × ${leftWords[cause]}`).join('; ');
    return [
      {
        ok: true,
        nl:
          `Antwoordbox: ${report.description} antwoordt; ${report.posted} reactie(s) wachten op de volgende ronde, ` +
          `${total} blijven liggen voor een mens${total === 0 ? '' : ` (${why})`}, ${report.processed} in Verwerkt.`,
        en: `Inbox: reachable; ${report.posted} reply(ies) waiting, ${total} left for a person, ${report.processed} processed.`,
      },
    ];
  } catch (error) {
    return [
      {
        ok: false,
        nl: `Antwoordbox: ${settings.target.host} is niet bereikbaar of weigert ons (${errorCode(error)}).`,
        en: 'Inbox: unreachable or refusing.',
      },
    ];
  }
}
