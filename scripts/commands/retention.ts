import { join } from 'node:path';
import { makeLocalDate } from '../../cases/report/dates.ts';
import { planRetention } from '../../cases/retention/due.ts';
import type { IntakeQueue } from '../../cases/queue/port.ts';
import { errorCode, errorTag } from '../../cases/errors.ts';
import { inboxSettingsFromEnv, processedTermStart, removeProcessedFromEnv } from '../../cases/inbox/from-env.ts';
import { dueOutboxFiles, removeOutboxFiles } from '../../cases/retention/outbox.ts';
import { parseSettings } from '../../cases/settings.ts';
import { parseCommandArgs, usageExit, type CliContext } from '../cli-context.ts';
import { erasureSetup } from './erasure-setup.ts';

const usage = `Gebruik:
  klachten retention [--dry-run] [--today JJJJ-MM-DD]

  Wist de persoonsgegevens van klachten waarvan de bewaartermijn voorbij is (retention in
  klachten.config.ts; standaard 24 maanden na afsluiten of niet-in-behandeling) en berichten in de
  outbox ouder dan de ingestelde dagen, en (met KLACHTEN_IMAP_URL) reacties per e-mail in de map
  Verwerkt van de antwoordbox na dezelfde dagen. Een klacht met "bewaren" (cases hold) blijft staan. Het
  anonieme registerrecord blijft altijd, met de datum van wissen. Toont alleen kenmerken en aantallen.
  Op GitHub wordt het issue verwijderd (met zijn reacties); daarvoor heeft de GitHub App de
  permissie "Administration: read and write" nodig. Zonder die permissie stopt het commando
  voordat er iets gewist is.

  --dry-run        laat zien wat gewist zou worden, wist niets
  --today DATUM    doen alsof het vandaag DATUM is (standaard: vandaag in de tijdzone van de organisatie)
`;

/**
 * The intake queue's part: whatever it still holds of the erased cases goes (`remove`: a waiting
 * entry, or a copy set aside as unreadable, which keeps its text); a filed entry is only a note
 * (reference, moments, issue number) and goes with the fingerprints once the resubmission window
 * is over (`prune`). Returns how many entries went.
 */
async function eraseFiledQueueEntries(
  queue: IntakeQueue | undefined,
  now: Date,
  erased: readonly string[],
): Promise<number> {
  if (queue === undefined) return 0;
  try {
    // What the queue still holds of an erased case (a copy set aside as unreadable keeps its text).
    let removed = 0;
    for (const reference of erased) if (await queue.remove(reference)) removed += 1;
    return removed + (await queue.prune(now));
  } finally {
    await queue.close();
  }
}

/**
 * `klachten retention`: erases what is due (docs/retention.md), prints references and counts only.
 *
 * @example
 * await run({ argv: ['--dry-run', '--today', '2029-01-05'], … }) // 0
 */
export async function run(ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, usage, {
    allowPositionals: false,
    options: {
      'dry-run': { type: 'boolean', default: false },
      today: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const given = parsed.values.today;
  if (given !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(given) && !Number.isNaN(Date.parse(`${given}T00:00:00Z`)))) {
    ctx.stderr(`--today: verwacht een datum als JJJJ-MM-DD, niet "${given}".\n\n${usage}`);
    return usageExit;
  }
  const { config } = ctx;
  const today = given ?? makeLocalDate(config.terms.timeZone)(ctx.now().toISOString());
  const dryRun = parsed.values['dry-run'];
  const setup = erasureSetup(ctx);
  if (typeof setup === 'string') {
    ctx.stderr(`${setup} Er is niets gewist.\n`);
    return 1;
  }
  const { target } = setup;
  const records = await target.records();
  const plan = planRetention(records, today, config);
  const outbox = join(parseSettings(ctx.env, ctx.cwd).dataDir, 'outbox');
  const lines: string[] = [];
  const verb = dryRun ? 'zou wissen' : 'gewist';
  let erased: string[] = plan.due;
  // Replies by mail in the inbox's Verwerkt: past the outbox's term, and those of the cases due,
  // before those cases go (afterwards nothing would say which they were).
  const inbox = inboxSettingsFromEnv(ctx.env);
  let replies = 0;
  if (!dryRun && inbox !== undefined) {
    try {
      const before = processedTermStart(today, config.retention.outboxDays);
      replies = await removeProcessedFromEnv(inbox, { before, references: plan.due });
    } catch (error) {
      ctx.stderr(`De antwoordbox is niet bereikbaar (${errorCode(error)}). Er is niets gewist.\n`);
      return 1;
    }
  }
  if (!dryRun) {
    const at = ctx.now().toISOString();
    try {
      const results = plan.due.length === 0 ? {} : await target.erase(plan.due, at, 'bewaartermijn');
      erased = plan.due.filter((reference) => results[reference] === 'erased');
    } catch (error) {
      if (errorTag(error) !== 'forbidden') throw error;
      ctx.stderr(`${(error as Error).message}\n`);
      return 1;
    }
    // The register of the other cases, in one batch (on GitHub it is not written per move).
    const gone = new Set(plan.due);
    const completeAsOf = target.completeAsOf?.();
    await target.register.write(
      records.filter((record) => !gone.has(record.reference)),
      `register bijgewerkt door klachten retention op ${today}`,
      completeAsOf === undefined ? {} : { completeAsOf },
    );
  }
  const mails = await dueOutboxFiles(outbox, today, config.retention.outboxDays, new Set(erased));
  if (!dryRun) await removeOutboxFiles(outbox, mails);
  const queued = dryRun ? 0 : await eraseFiledQueueEntries(setup.openQueue(), ctx.now(), erased);
  for (const reference of erased) lines.push(`  ${reference}: persoonsgegevens ${verb}`);
  for (const reference of plan.held) lines.push(`  ${reference}: bewaartermijn voorbij, maar bewaren (cases hold)`);
  ctx.stdout(
    `${dryRun ? 'Proefdraaien, er wordt niets gewist. ' : ''}Bewaartermijnen op ${today} (${target.description}):\n` +
      (lines.length > 0 ? `${lines.join('\n')}\n` : '') +
      `${erased.length} klacht(en) ${verb}, ${plan.held.length} bewaard, ` +
      `${mails.length} bericht(en) uit de outbox ${verb}, ${queued} wachtrij-item(s) gewist` +
      (inbox === undefined || dryRun ? '.\n' : `, ${replies} reactie(s) uit de map Verwerkt gewist.\n`),
  );
  return 0;
}
