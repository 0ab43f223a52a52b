import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFrontMatter } from '../../cases/front-matter.ts';
import type { Config } from '../../cases/config.ts';
import { setupLabelDefinitions } from '../../cases/stores/github/labels.ts';
import { syncLabels } from '../../cases/stores/github/label-sync.ts';
import { silentLog } from '../../cases/log.ts';
import { parseCommandArgs, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { stderrLog } from '../stderr-log.ts';
import { adoptedText } from './adopted-text.ts';

const usage = `Gebruik:
  klachten setup [--verbose]

  Zet de GitHub-repository klaar voor klachten (KLACHTEN_STORE=github, zie docs/github.md):
  - controleert dat de repository bereikbaar en privé is;
  - maakt de labels aan (klacht, één per status, één per categorie, actiepunt) en werkt gewijzigde kleuren en
    beschrijvingen bij; verwijdert niets;
  - controleert dat het issueformulier .github/ISSUE_TEMPLATE/klacht.yml de categorieën uit
    klachten.config.ts aanbiedt;
  - geeft klachten die een coördinator met dat formulier registreerde een kenmerk.
  Twee keer draaien verandert de tweede keer niets.

  --verbose   toon ook wat de GitHub-koppeling logt (zonder persoonsgegevens)
`;

/**
 * `klachten setup`: prepares the repository (labels, checks) and adopts registered complaints;
 * prints what it did. Idempotent.
 *
 * @example
 * await run({ argv: [], env: { GITHUB_REPOSITORY: 'livable/klachten', GITHUB_TOKEN: '…' }, … }) // 0
 */
export async function run(ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, usage, {
    options: { verbose: { type: 'boolean', default: false }, help: { type: 'boolean' } },
  });
  if (typeof parsed === 'number') return parsed;
  const { config } = ctx;
  const log = parsed.values.verbose ? stderrLog(ctx) : silentLog;
  const { octokit, repository, github } = servicesOf(ctx).makeGitHub(ctx, log);
  const fullName = `${repository.owner}/${repository.repo}`;

  const { data: repo } = await octokit.request('GET /repos/{owner}/{repo}', { ...repository });
  if (!repo.private) {
    ctx.stderr(
      `De repository ${fullName} is openbaar. Klachten bevatten persoonsgegevens: gebruik een privé-repository.\n` +
        `The repository ${fullName} is public. Complaints hold personal data: use a private repository.\n`,
    );
    return 1;
  }
  ctx.stdout(`Repository ${fullName}: bereikbaar en privé.\n`);

  const changes = await syncLabels(octokit, repository, setupLabelDefinitions(config.categories));
  ctx.stdout(
    `Labels: ${changes.created.length} aangemaakt, ${changes.updated.length} bijgewerkt, ${changes.unchanged.length} ongewijzigd.\n`,
  );
  for (const name of changes.created) ctx.stdout(`  aangemaakt: ${name}\n`);
  for (const name of changes.updated) ctx.stdout(`  bijgewerkt: ${name}\n`);

  ctx.stdout(await checkIssueForm(ctx.cwd, config));

  const adopted = await github.adoptIssueForms();
  ctx.stdout(adopted.length === 0 ? 'Geregistreerde klachten (issueformulier): geen nieuwe.\n' : adoptedText(adopted));
  return 0;
}

/**
 * Compares the categories the issue form offers with the configuration's.
 *
 * @example
 * await checkIssueForm(process.cwd(), config) // 'Issueformulier: categorieën kloppen met klachten.config.ts.\n'
 */
export async function checkIssueForm(cwd: string, config: Pick<Config, 'categories'>): Promise<string> {
  const path = join(cwd, '.github', 'ISSUE_TEMPLATE', 'klacht.yml');
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return `Issueformulier ${path} ontbreekt: coördinatoren kunnen geen klachten registreren.\n`;
  // gray-matter carries the YAML parser; the form is read as front matter.
  const form = readFrontMatter(`---\n${text}\n---\n`).data as {
    body?: Array<{ id?: string; attributes?: { options?: unknown } }>;
  };
  const offered = form.body?.find((field) => field.id === 'categorie')?.attributes?.options;
  const expected = config.categories.map((category) => category.label.nl);
  if (
    Array.isArray(offered) &&
    offered.length === expected.length &&
    offered.every((option, i) => option === expected[i])
  ) {
    return 'Issueformulier: categorieën kloppen met klachten.config.ts.\n';
  }
  return (
    'Let op: de categorieën in .github/ISSUE_TEMPLATE/klacht.yml wijken af van klachten.config.ts.\n' +
    `  Zet bij "categorie" deze opties:\n${expected.map((label) => `    - ${label}`).join('\n')}\n`
  );
}
