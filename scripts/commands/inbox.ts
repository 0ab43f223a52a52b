import { scannerFromEnv } from '../../cases/attachments/scanner.ts';
import { inboxSettingsFromEnv, runInboxFromEnv, type InboxRunReport } from '../../cases/inbox/from-env.ts';
import type { LeftCause } from '../../cases/inbox/round.ts';
import { errorCode } from '../../cases/errors.ts';
import { describeImapTarget } from '../../cases/inbox/imap.ts';
import { silentLog } from '../../cases/log.ts';
import { parseCommandArgs, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { stderrLog } from '../stderr-log.ts';

const usage = `Gebruik:
  klachten inbox [--status] [--verbose]

  Leest de antwoordbox (KLACHTEN_IMAP_URL): elke reactie van een klager per e-mail komt bij haar
  klacht, zonder de geciteerde eerdere berichten, met haar bijlagen, en gaat dan naar de map
  Verwerkt. Herkend aan het ondertekende antwoordadres (klachten+<kenmerk>.<handtekening>@…) of
  aan het kenmerk in het onderwerp samen met het adres van de klager. Automatische berichten
  (afwezigheid, onbestelbaar, massamail), reacties die bij geen klacht horen, met een verkeerde
  handtekening, of voor een klacht die gesloten of gewist is, blijven onaangeroerd in de inbox
  staan en worden geteld. Er wordt nooit iets teruggestuurd.

  --status    tel alleen wat er in de inbox staat en waarom; verplaatst en plaatst niets
  --verbose   toon ook wat er gelogd wordt (zonder persoonsgegevens)
`;

/** Why a message stays, in words for the coordinator. */
export const leftWords: Record<LeftCause, string> = {
  automatic: 'automatisch bericht (afwezigheid, onbestelbaar, massamail)',
  unmatched: 'bij geen klacht te plaatsen (geen antwoordadres of kenmerk)',
  signature: 'verkeerde handtekening in het antwoordadres',
  sender: 'kenmerk in het onderwerp, maar niet van het adres van de klager',
  closed: 'klacht is gesloten of ingetrokken',
  'unknown-case': 'klacht bestaat niet (meer): gewist of onbekend',
  'too-large': 'te groot',
  empty: 'leeg (alleen geciteerde tekst)',
  failed: 'mislukt, de volgende ronde probeert het opnieuw',
};

/**
 * The lines that say what a round found: what was (or would be) put on a case, what stays and why.
 *
 * @example
 * inboxText(report, false) // 'Antwoordbox (IMAP …): 1 reactie(s) bij hun klacht gezet.\n…'
 */
export function inboxText(report: InboxRunReport, dryRun: boolean): string {
  const lines = [
    `Antwoordbox (${report.description}): ${report.posted} reactie(s) ${dryRun ? 'klaar om bij hun klacht te zetten' : 'bij hun klacht gezet'}.`,
  ];
  const left = Object.entries(report.left) as [LeftCause, number][];
  const total = left.reduce((sum, [, count]) => sum + count, 0);
  lines.push(`  blijven in de inbox: ${total}`);
  for (const [cause, count] of left) lines.push(`    ${count} × ${leftWords[cause]}`);
  if (report.deferred > 0) lines.push(`  volgende ronde: ${report.deferred} (budget van deze ronde op)`);
  lines.push(`  in de map Verwerkt: ${report.processed}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `klachten inbox [--status]`: one round over the reply inbox, or only its count.
 *
 * @example
 * await run({ argv: ['--status'], env: { KLACHTEN_IMAP_URL: 'imaps://…' }, … }) // 0
 */
export async function run(ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, usage, {
    options: { status: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (typeof parsed === 'number') return parsed;
  const settings = inboxSettingsFromEnv(ctx.env);
  if (settings === undefined) {
    ctx.stdout('KLACHTEN_IMAP_URL is niet ingesteld: er is geen antwoordbox om te lezen.\n');
    return 0;
  }
  const services = servicesOf(ctx);
  const secret = await services.loadTokenSecret(ctx);
  if (secret === undefined) {
    ctx.stderr('Geen KLACHTEN_TOKEN_SECRET: zonder kan geen antwoordadres worden gecontroleerd.\n');
    return 1;
  }
  const dryRun = parsed.values.status === true;
  let report: InboxRunReport;
  try {
    report = await runInboxFromEnv(settings, {
      store: services.makeStore(ctx),
      config: ctx.config,
      secret,
      now: ctx.now(),
      log: parsed.values.verbose ? stderrLog(ctx) : silentLog,
      scanner: scannerFromEnv(ctx.env),
      dryRun,
    });
  } catch (error) {
    // The cause as a code only: the server's message may quote the user name.
    ctx.stderr(
      `De antwoordbox ${describeImapTarget(settings.target)} is niet bereikbaar of weigert (${errorCode(error)}).\n`,
    );
    return 1;
  }
  ctx.stdout(inboxText(report, dryRun));
  return report.left.failed === undefined ? 0 : 1;
}
