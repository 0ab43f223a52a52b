import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { makeCalendar } from '../../cases/calendar.ts';
import type { Config } from '../../cases/config.ts';
import { locales } from '../../cases/locale.ts';
import {
  actionPointsFromIssues,
  actionPointsFromReport,
  listLabelledIssues,
  pickPreviousReport,
  reportFrontMatter,
  type IssueSummary,
  type PreviousActions,
} from '../../cases/report/action-points.ts';
import { makeLocalDate } from '../../cases/report/dates.ts';
import { reportFileName } from '../../cases/report/file-names.ts';
import { dateRange, halfYear, type Period } from '../../cases/report/period.ts';
import { makeReport } from '../../cases/report/report.ts';
import { parseSettings } from '../../cases/settings.ts';
import { makeOctokit, readGitHubSettings } from '../../cases/stores/github/client.ts';
import { actionPointLabel } from '../../cases/stores/github/labels.ts';
import { parseCommandArgs, usageExit, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { readRegister } from './register-source.ts';

/** Where the site keeps its reports, relative to the project folder. */
export const siteReportsDir = 'site/content/reports';

const usage = `Gebruik:
  klachten report --period 2026-H2 [--out <bestand.md>] [--previous <bestand.md>] [--force]
  klachten report --from 2026-03-01 --to 2026-05-31 [--out <bestand.md>]

  --period    een halfjaar: 2026-H1 (januari tot en met juni) of 2026-H2 (juli tot en met december)
  --from/--to een andere periode, beide dagen inbegrepen (JJJJ-MM-DD)
  --out       schrijf de Nederlandse rapportage naar dit bestand; de Engelse (<naam>.en.md) en
              de grafieken (.svg) komen ernaast, bijvoorbeeld --out ${siteReportsDir}/2026-h2.md
              Zonder --out komt de Nederlandse rapportage op het scherm (zonder grafieken).
  --previous  de vorige rapportage, voor haar actiepunten; standaard de laatste Nederlandse
              rapportage vóór deze periode in de map van --out (of ${siteReportsDir})
  --force     overschrijf een rapportage die al bestaat (de evaluatie erin gaat dan verloren)

Op GitHub (KLACHTEN_STORE=github) zijn de actiepunten de issues met het label "${actionPointLabel}".
`;

/**
 * `klachten report`: the half-yearly report of the configured store, as Markdown (nl and en) with
 * SVG charts. Bad arguments: a Dutch message on stderr and exit code 2. Prints no personal data.
 *
 * @example
 * await run({ argv: ['--period', '2026-H2', '--out', 'site/content/reports/2026-h2.md'], … }); // 0
 */
export async function run(ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, usage, {
    allowPositionals: false,
    options: {
      period: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      previous: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  let period: Period;
  try {
    period = periodFrom(values);
  } catch (error) {
    ctx.stderr(`${(error as Error).message}\n\n${usage}`);
    return usageExit;
  }

  const { config } = ctx;
  const out = values.out === undefined ? undefined : resolve(ctx.cwd, values.out);
  if (out !== undefined && !out.endsWith('.md')) {
    ctx.stderr(`--out moet een .md-bestand zijn, bijvoorbeeld ${siteReportsDir}/2026-h2.md.\n`);
    return usageExit;
  }
  const baseName = out === undefined ? undefined : basename(out, '.md');
  if (out !== undefined && baseName !== undefined && !values.force) {
    const existing = await firstExisting(locales.map((locale) => join(dirname(out), reportFileName(baseName, locale))));
    if (existing !== undefined) {
      ctx.stderr(
        `${relative(ctx.cwd, existing)} bestaat al. Een rapportage overschrijven wist de evaluatie en de actiepunten; gebruik --force als dat echt de bedoeling is.\n`,
      );
      return usageExit;
    }
  }

  const today = makeLocalDate(config.terms.timeZone)(ctx.now().toISOString());
  if (today <= period.to) {
    ctx.stderr(`Let op: de periode loopt nog tot en met ${period.to}. De aantallen zijn dus nog niet compleet.\n`);
  }
  const store = servicesOf(ctx).makeStore(ctx);
  // The register, not the cases: erased cases still count, and no case file is read.
  const records = await readRegister(ctx, store);
  const reportsDir = out === undefined ? resolve(ctx.cwd, siteReportsDir) : dirname(out);
  const previousActions = await loadPreviousActions(ctx, config, period, {
    reportsDir,
    previous: values.previous === undefined ? undefined : resolve(ctx.cwd, values.previous),
    ownFile: out,
  });
  const { stats, files } = await makeReport({
    records,
    period,
    config,
    calendar: makeCalendar(config.terms),
    previousActions,
    generatedAt: ctx.now().toISOString(),
    ...(baseName === undefined ? {} : { baseName }),
  });

  if (out === undefined) {
    ctx.stdout(files[0]?.content ?? '');
    return 0;
  }
  await mkdir(dirname(out), { recursive: true });
  for (const file of files) await writeFile(join(dirname(out), file.name), file.content, 'utf8');
  ctx.stdout(
    `Rapportage ${period.label} gemaakt uit ${stats.volume.received} ontvangen klachten (${store.description}):\n` +
      files.map((file) => `  ${relative(ctx.cwd, join(dirname(out), file.name))}\n`).join('') +
      'Vul de evaluatie en de actiepunten in (Nederlands en Engels) voordat de rapportage wordt gepubliceerd.\n',
  );
  return 0;
}

function periodFrom(values: {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): Period {
  const { period, from, to } = values;
  if (period !== undefined && (from !== undefined || to !== undefined)) {
    throw new Error('Geef óf --period, óf --from en --to; niet allebei.');
  }
  if (period !== undefined) return halfYear(period);
  if (from !== undefined && to !== undefined) return dateRange(from, to);
  throw new Error('Geef de periode op: --period 2026-H2, of --from en --to.');
}

async function firstExisting(paths: string[]): Promise<string | undefined> {
  for (const path of paths) {
    if (
      await access(path).then(
        () => true,
        () => false,
      )
    )
      return path;
  }
  return undefined;
}

/**
 * The action points to close the loop on: on GitHub the labelled issues (one listing call per 100),
 * otherwise those of the previous report file.
 */
async function loadPreviousActions(
  ctx: CliContext,
  config: Config,
  period: Period,
  files: { reportsDir: string; previous: string | undefined; ownFile: string | undefined },
): Promise<PreviousActions> {
  if (parseSettings(ctx.env, ctx.cwd).store === 'github') {
    const { settings, repository } = readGitHubSettings(ctx.env);
    const octokit = makeOctokit(settings);
    const issues = await listLabelledIssues(async (label, page) => {
      const response = await octokit.request('GET /repos/{owner}/{repo}/issues', {
        ...repository,
        labels: label,
        state: 'all',
        sort: 'created',
        direction: 'asc',
        per_page: 100,
        page,
      });
      return response.data as IssueSummary[];
    }, actionPointLabel);
    return {
      origin: { kind: 'github', label: actionPointLabel },
      items: actionPointsFromIssues(issues, period, makeLocalDate(config.terms.timeZone)),
    };
  }
  const path = files.previous ?? (await findPreviousReport(files.reportsDir, period, files.ownFile));
  if (path === undefined) return { origin: { kind: 'none' }, items: [] };
  const text = await readFile(path, 'utf8');
  const data = reportFrontMatter(text);
  if (data === undefined)
    throw new Error(`${relative(ctx.cwd, path)} is geen rapportage (de front matter mist period, from of to).`);
  return {
    origin: { kind: 'previous-report', period: { label: data.period, from: data.from, to: data.to } },
    items: actionPointsFromReport(text),
  };
}

async function findPreviousReport(
  dir: string,
  period: Period,
  ownFile: string | undefined,
): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const reports = [];
  for (const name of names) {
    const path = join(dir, name);
    if (!name.endsWith('.md') || name.startsWith('.') || path === ownFile) continue;
    const data = reportFrontMatter(await readFile(path, 'utf8'));
    if (data !== undefined) reports.push({ path, data });
  }
  return pickPreviousReport(reports, period)?.path;
}
