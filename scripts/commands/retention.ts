import { join } from 'node:path';
import { makeLocalDate } from '../../cases/report/dates.ts';
import { planRetention } from '../../cases/retention/due.ts';
import { isGitFolderStore } from '../../cases/retention/folder-eraser.ts';
import { dueOutboxFiles, removeOutboxFiles } from '../../cases/retention/outbox.ts';
import { parseSettings } from '../../cases/settings.ts';
import { parseCommandArgs, usageExit, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';

const usage = `Gebruik:
  klachten retention [--dry-run] [--today JJJJ-MM-DD]

  Wist de persoonsgegevens van klachten waarvan de bewaartermijn voorbij is (retention in
  klachten.config.ts; standaard 24 maanden na afsluiten of niet-in-behandeling) en berichten in de
  outbox ouder dan de ingestelde dagen. Een klacht met "bewaren" (cases hold) blijft staan. Het
  anonieme registerrecord blijft altijd, met de datum van wissen. Toont alleen kenmerken en aantallen.

  --dry-run        laat zien wat gewist zou worden, wist niets
  --today DATUM    doen alsof het vandaag DATUM is (standaard: vandaag in de tijdzone van de organisatie)
`;

/**
 * The hook for the intake queue (cases/queue/, issue #12): entries already filed are to be
 * removed here through the queue's port once it exists. Returns how many entries were removed.
 */
async function eraseFiledQueueEntries(): Promise<number> {
  return 0;
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
  const store = servicesOf(ctx).makeStore(ctx);
  if (!isGitFolderStore(store)) {
    ctx.stderr(`Bewaartermijnen wissen kan nog niet in ${store.description}; er is niets gewist.\n`);
    return 1;
  }
  const plan = planRetention(await store.register.read(), today, config);
  const outbox = join(parseSettings(ctx.env, ctx.cwd).dataDir, 'outbox');
  const lines: string[] = [];
  const verb = dryRun ? 'zou wissen' : 'gewist';
  let erased: string[] = plan.due;
  if (!dryRun && plan.due.length > 0) {
    const results = await store.erase(plan.due, ctx.now().toISOString(), 'bewaartermijn');
    erased = plan.due.filter((reference) => results[reference] === 'erased');
  }
  const mails = await dueOutboxFiles(outbox, today, config.retention.outboxDays, new Set(erased));
  if (!dryRun) await removeOutboxFiles(outbox, mails);
  const queued = dryRun ? 0 : await eraseFiledQueueEntries();
  for (const reference of erased) lines.push(`  ${reference}: persoonsgegevens ${verb}`);
  for (const reference of plan.held) lines.push(`  ${reference}: bewaartermijn voorbij, maar bewaren (cases hold)`);
  ctx.stdout(
    `${dryRun ? 'Proefdraaien, er wordt niets gewist. ' : ''}Bewaartermijnen op ${today} (${store.description}):\n` +
      (lines.length > 0 ? `${lines.join('\n')}\n` : '') +
      `${erased.length} klacht(en) ${verb}, ${plan.held.length} bewaard, ` +
      `${mails.length} bericht(en) uit de outbox ${verb}, ${queued} wachtrij-item(s) gewist.\n`,
  );
  return 0;
}
