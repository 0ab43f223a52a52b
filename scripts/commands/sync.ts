import { errorCode } from '../../cases/errors.ts';
import type { Log } from '../../cases/log.ts';
import { silentLog } from '../../cases/log.ts';
import { deliverDueMessages } from '../../cases/mail/deliver.ts';
import type { Mailer } from '../../cases/mail/transport.ts';
import { alertIfOverdue, overdue } from '../../cases/queue/alert.ts';
import type { DrainMail } from '../../cases/queue/drain-mail.ts';
import type { DrainReport } from '../../cases/queue/drain.ts';
import {
  failureText,
  lastFailure,
  makeFailureRecorder,
  noteFailures,
  type FailureNote,
  type FailureRecorder,
} from '../../cases/queue/last-failure.ts';
import { makeQueueSetupFromEnv, type QueueSetup } from '../../cases/queue/setup-from-env.ts';
import { queueStatus, type QueueStatus } from '../../cases/queue/status.ts';
import { parseSettings } from '../../cases/settings.ts';
import type { GitHubStores } from '../../cases/stores/github/from-env.ts';
import { syncFallback } from '../../cases/stores/with-fallback.ts';
import { parseCommandArgs, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { stderrLog } from '../stderr-log.ts';
import { adoptedText } from './adopted-text.ts';

const usage = `Gebruik:
  klachten sync [--status] [--verbose]

  Zet de wachtrij in GitHub: elke klacht die de site in de wachtrij zette (KLACHTEN_QUEUE) wordt,
  oudste eerst, precies één keer een issue, in het tempo dat GitHub toestaat; berichten die voor
  die klachten klaarstaan (de ontvangstbevestiging) gaan meteen mee de deur uit. Houdt de index van
  kenmerk naar issue bij (in de wachtrij), en bouwt hem op als hij ontbreekt: zo kost een vraag op
  de site GitHub hooguit twee verzoeken. Zet daarna klachten die tijdens een storing in de oude
  noodopslag ($KLACHTEN_DATA_DIR/cases) terechtkwamen alsnog in GitHub, en geeft klachten die met
  het issueformulier zijn geregistreerd een kenmerk.
  Mailt de coördinatoren (hooguit één keer per uur) als een klacht langer dan 30 minuten wacht of
  een item in de wachtrij beschadigd is. Eindigt met code 1 zolang dat zo is, of zolang er klachten
  in de noodopslag blijven: zo valt een geplande run op.

  --status    toon alleen hoe de wachtrij ervoor staat: hoeveel er wachten, de oudste, wat apart
              is gezet, hoeveel GitHub nog toestaat en de laatste fout (code 1 als er iets te
              lang wacht)
  --verbose   toon ook wat de GitHub-koppeling logt (zonder persoonsgegevens)
`;

const minutes = (ms: number) => `${Math.floor(ms / 60_000)} min`;

function statusText(status: QueueStatus, description: string, failure: FailureNote | undefined): string {
  const lines = [`Wachtrij (${description}):`];
  lines.push(
    `  wachtend: ${status.depth}${status.oldest ? ` (oudste ${status.oldest.reference}, ${minutes(status.oldest.ageMs)} oud)` : ''}`,
  );
  if (status.stale > 0) lines.push(`  langer dan 30 minuten: ${status.stale}`);
  const aside = [...new Set([...status.aside, ...status.corrupt])];
  if (aside.length > 0) lines.push(`  apart gezet (beschadigd): ${aside.join(', ')}`);
  const pace = status.pace;
  lines.push(
    `  GitHub staat nog toe: ${pace.writesLeftThisMinute} schrijfopdrachten deze minuut, ${pace.writesLeftThisHour} dit uur` +
      (pace.primaryRemaining === undefined ? '' : `; ${pace.primaryRemaining} verzoeken tot de limiet wordt hersteld`) +
      (pace.pausedUntil === undefined
        ? ''
        : `; GitHub vroeg te wachten tot ${new Date(pace.pausedUntil).toISOString()}`),
  );
  lines.push(`  laatste fout: ${failureText(failure)}`);
  return `${lines.join('\n')}\n`;
}

function drainText(report: DrainReport): string {
  const lines: string[] = [];
  for (const reference of report.filed) lines.push(`  ${reference}: in GitHub gezet`);
  for (const reference of report.alreadyThere) lines.push(`  ${reference}: stond al in GitHub, nu gemarkeerd`);
  for (const reference of report.failed) lines.push(`  ${reference}: nog niet gelukt, blijft in de wachtrij`);
  for (const reference of report.setAside) lines.push(`  ${reference}: beschadigd, apart gezet`);
  const counted = report.filed.length + report.alreadyThere.length + report.failed.length + report.later.length;
  if (counted > 0 || report.setAside.length > 0 || report.mailed > 0) {
    lines.push(
      `Wachtrij: ${report.filed.length} in GitHub gezet, ${report.alreadyThere.length} stond er al, ${report.failed.length} mislukt, ${report.later.length} volgende keer${report.paced ? ' (GitHub-limiet)' : ''}; ${report.mailed} bericht(en) verstuurd.`,
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * The drainer's mail for this run: what is due for the entries it touches goes out through the
 * queued store, under this process's lease. Without a mail server (no `SMTP_URL`) every delivery
 * rejects with that cause, and the drainer files without waiting for mail.
 */
async function drainMailOf(
  ctx: CliContext,
  setup: QueueSetup,
  log: Log,
): Promise<{ mail: DrainMail; mailer?: Mailer; missing: unknown }> {
  const services = servicesOf(ctx);
  let mailer: Mailer | undefined;
  let missing: unknown;
  try {
    mailer = services.makeMailer(ctx);
  } catch (error) {
    missing = error;
  }
  const templates = await services.loadTemplates(ctx);
  const tokenSecret = await services.loadTokenSecret(ctx).catch(() => undefined);
  const deliver = (reference: string) =>
    mailer === undefined
      ? Promise.reject(missing)
      : deliverDueMessages(
          setup.store,
          mailer,
          {
            config: ctx.config,
            templates,
            tokenSecret,
            now: ctx.now,
            log,
            receiptLedger: setup.receiptLedger,
            owners: setup.owners,
          },
          { references: [reference] },
        );
  return { mail: { deliver }, missing, ...(mailer === undefined ? {} : { mailer }) };
}

/** The queue half of `sync`: drain (with the mail due), alert, and whether anything waits too long. */
async function syncQueue(ctx: CliContext, setup: QueueSetup, log: Log): Promise<boolean> {
  const { mail, mailer, missing } = await drainMailOf(ctx, setup, log);
  try {
    const report = await setup.drain({ mail });
    ctx.stdout(drainText(report) || `Wachtrij (${setup.queue.description}): niets te doen.\n`);
    await syncIndex(ctx, setup);
    const found = await overdue(setup.queue, ctx.now());
    if (found.stale.length === 0 && found.aside.length === 0) return true;
    ctx.stderr(
      `${found.stale.length} klacht(en) wachten langer dan 30 minuten op GitHub; ${found.aside.length} apart gezet.\n`,
    );
    try {
      if (mailer === undefined) throw missing;
      const alert = await alertIfOverdue({ queue: setup.queue, mailer, config: ctx.config, now: ctx.now(), log });
      if (alert.sent) ctx.stdout('De coördinatoren kregen een mail over wat wacht.\n');
    } catch (error) {
      ctx.stderr(`De coördinatoren konden niet worden gemaild (${errorCode(error)}).\n`);
    }
    return false;
  } finally {
    mailer?.close();
  }
}

/**
 * The index from reference to issue (cases/stores/github/issue-index.ts): built when missing,
 * else brought up to date. A failure only delays that: lookups walk GitHub meanwhile.
 */
async function syncIndex(ctx: CliContext, setup: QueueSetup): Promise<void> {
  try {
    const refresh = await setup.refreshIndex();
    if (refresh?.kind === 'built') ctx.stdout(`Kenmerkenindex opgebouwd: ${refresh.noted} klacht(en) in GitHub.\n`);
    else if (refresh !== undefined && refresh.noted > 0)
      ctx.stdout(`Kenmerkenindex bijgewerkt: ${refresh.noted} klacht(en) gewijzigd in GitHub.\n`);
  } catch (error) {
    ctx.stderr(`Kenmerkenindex niet bijgewerkt (${errorCode(error)}); de volgende sync probeert het opnieuw.\n`);
  }
}

/**
 * `klachten sync`: drains the intake queue into GitHub, files what the old fallback folder holds,
 * adopts issue-form issues; prints references and counts only. `--status` only reports.
 *
 * @example
 * await run({ argv: [], env: { KLACHTEN_STORE: 'github', … }, … }) // 0 when nothing is left behind
 */
export async function run(ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, usage, {
    options: {
      status: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  if (parseSettings(ctx.env, ctx.cwd).store !== 'github') {
    ctx.stdout('KLACHTEN_STORE is niet "github": er is geen noodopslag of wachtrij om over te zetten.\n');
    return 0;
  }
  // Failures of this run are kept in the queue too, where `--status` and `doctor` show the last.
  const failures: { recorder?: FailureRecorder } = {};
  const log = noteFailures(parsed.values.verbose ? stderrLog(ctx) : silentLog, () => failures.recorder, ctx.now);
  const stores: GitHubStores = servicesOf(ctx).makeGitHub(ctx, log);
  const setup = makeQueueSetupFromEnv(ctx.env, ctx.config, ctx.cwd, log, {
    github: stores,
    clock: () => ctx.now().getTime(),
  });
  const recorder = makeFailureRecorder(setup.queue);
  failures.recorder = recorder;
  try {
    if (parsed.values.status) {
      const status = await queueStatus(setup.queue, setup.pacer, ctx.now());
      ctx.stdout(statusText(status, setup.queue.description, await lastFailure(setup.queue)));
      return status.stale > 0 || status.aside.length > 0 || status.corrupt.length > 0 ? 1 : 0;
    }
    const queueFine = await syncQueue(ctx, setup, log);
    const fallbackFine = await syncOldFallback(ctx, stores, log);
    return queueFine && fallbackFine ? 0 : 1;
  } finally {
    await recorder.settled();
    await setup.queue.close();
  }
}

/** The old fallback folder and the issue forms, as `sync` always did. */
async function syncOldFallback(ctx: CliContext, stores: GitHubStores, log: Log): Promise<boolean> {
  const { github, fallback } = stores;
  const report = await syncFallback({ primary: github, fallback, log, now: ctx.now });
  const total = report.filed.length + report.alreadyThere.length + report.failed.length;
  if (total === 0) ctx.stdout(`Noodopslag (${fallback.description}): niets over te zetten.\n`);
  for (const reference of report.filed) ctx.stdout(`  ${reference}: in GitHub gezet\n`);
  for (const reference of report.alreadyThere)
    ctx.stdout(`  ${reference}: stond al in GitHub, nu gemarkeerd als overgezet\n`);
  for (const reference of report.failed) ctx.stdout(`  ${reference}: nog niet gelukt, blijft in de noodopslag\n`);
  if (total > 0) {
    ctx.stdout(
      `Overgezet: ${report.filed.length} nieuw, ${report.alreadyThere.length} stond er al; ${report.failed.length} nog in de noodopslag.\n`,
    );
  }

  let adopted: Awaited<ReturnType<typeof github.adoptIssueForms>> = [];
  let adoptionFailed = false;
  try {
    adopted = await github.adoptIssueForms();
  } catch {
    adoptionFailed = true;
    ctx.stderr('Geregistreerde klachten (issueformulier): GitHub niet bereikbaar, volgende keer opnieuw.\n');
  }
  if (adopted.length > 0) ctx.stdout(adoptedText(adopted));
  if (report.failed.length > 0) {
    ctx.stderr(`${report.failed.length} klacht(en) nog niet in GitHub: draai "klachten sync" later opnieuw.\n`);
    return false;
  }
  return !adoptionFailed;
}
