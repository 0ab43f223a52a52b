import { parseSettings } from '../../cases/settings.ts';
import { toPlainDate } from '../../cases/calendar.ts';
import { workloadMarkdown } from '../../cases/workload-text.ts';
import { parseCommandArgs, usageExit, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { currentWorkload, refreshWorkload } from './workload-refresh.ts';

const usage = `Gebruik:
  klachten werkvoorraad [--json] [--today JJJJ-MM-DD] [--publish]

  Alle open klachten, de termijn die het eerst afloopt bovenaan: kenmerk, categorie, status,
  behandelaar, de volgende termijn (bevestigen of antwoorden), de datum en de werkdagen die nog
  over zijn; gemarkeerd als de termijn verlopen is of binnen 2 werkdagen afloopt. Daaronder het
  aantal per status en per behandelaar. Geen namen of tekst van klagers.

  --json           als JSON (rows, perStatus, perHandler)
  --today DATUM    doen alsof het vandaag DATUM is (standaard: vandaag in de tijdzone van de organisatie)
  --publish        op GitHub: het vastgezette issue "Werkvoorraad" bijwerken (en met KLACHTEN_PROJECT
                   het GitHub-project); dat doen de dagelijkse run en elke stap ook zelf
`;

/**
 * `klachten werkvoorraad [--json] [--today JJJJ-MM-DD] [--publish]`: the workload of the configured
 * store, the table the pinned issue on GitHub holds.
 *
 * @example
 * await run({ argv: ['--json'], … }) // prints { today, rows, perStatus, perHandler }, returns 0
 */
export async function run(ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, usage, {
    allowPositionals: false,
    options: {
      json: { type: 'boolean', default: false },
      today: { type: 'string' },
      publish: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { json, today, publish } = parsed.values;
  if (today !== undefined) {
    try {
      toPlainDate(today);
    } catch (error) {
      ctx.stderr(`--today: ${(error as Error).message}\n\n${usage}`);
      return usageExit;
    }
  }
  if (publish && parseSettings(ctx.env, ctx.cwd).store !== 'github') {
    ctx.stderr('--publish werkt alleen met KLACHTEN_STORE=github: de Git-map heeft geen issue om bij te werken.\n');
    return usageExit;
  }
  const store = servicesOf(ctx).makeStore(ctx);
  if (publish) {
    const result = await refreshWorkload(ctx, store, today);
    if (result === undefined) return usageExit;
    (result.ok ? ctx.stdout : ctx.stderr)(`${result.text}\n`);
    return result.ok ? 0 : 1;
  }
  const workload = await currentWorkload(ctx, store, today);
  ctx.stdout(json ? `${JSON.stringify(workload, null, 2)}\n` : `${workloadMarkdown(workload)}\n`);
  return 0;
}
