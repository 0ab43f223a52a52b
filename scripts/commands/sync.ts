import { silentLog } from '../../cases/log.ts';
import { parseSettings } from '../../cases/settings.ts';
import { syncFallback } from '../../cases/stores/with-fallback.ts';
import { parseCommandArgs, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { stderrLog } from '../stderr-log.ts';
import { adoptedText } from './adopted-text.ts';

const usage = `Gebruik:
  klachten sync [--verbose]

  Zet klachten die tijdens een storing van GitHub in de noodopslag ($KLACHTEN_DATA_DIR/cases)
  terechtkwamen alsnog in GitHub, elk precies één keer, en markeert ze daar als overgezet (er wordt
  niets verwijderd). Geeft daarna klachten die met het issueformulier zijn geregistreerd een kenmerk.
  Eindigt met code 1 zolang er klachten in de noodopslag blijven: zo valt een geplande run op.

  --verbose   toon ook wat de GitHub-koppeling logt (zonder persoonsgegevens)
`;

/**
 * `klachten sync`: files what the fallback holds into GitHub exactly once; prints references and
 * counts only.
 *
 * @example
 * await run({ argv: [], env: { KLACHTEN_STORE: 'github', … }, … }) // 0 when nothing is left behind
 */
export async function run(ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, usage, {
    options: { verbose: { type: 'boolean', default: false }, help: { type: 'boolean' } },
  });
  if (typeof parsed === 'number') return parsed;
  if (parseSettings(ctx.env, ctx.cwd).store !== 'github') {
    ctx.stdout('KLACHTEN_STORE is niet "github": er is geen noodopslag om over te zetten.\n');
    return 0;
  }
  const log = parsed.values.verbose ? stderrLog(ctx) : silentLog;
  const { github, fallback } = servicesOf(ctx).makeGitHub(ctx, log);

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
    return 1;
  }
  return adoptionFailed ? 1 : 0;
}
