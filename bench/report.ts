/**
 * Benchmark of the half-yearly report on the Git-folder store: 1,000, 10,000 and 100,000 synthetic
 * cases, each set written straight into a folder with `caseToFile`, with its register file
 * (`register/2026.jsonl`), and committed once (filing them one by one would take hours and measure
 * Git, not the report). For each size it times the report as `klachten report` makes it — reading
 * the register (every line validated), the numbers, the Markdown and the charts — and, in the same
 * run, the old path that read and validated every case file (`listCases`), with the ratio between
 * the two and between sizes: the cost must grow about linearly. Goal: 100,000 cases under 2 s.
 *
 * Then the same report on GitHub (report-github.ts): a register year of 50,000 cases in the
 * GitHub stand-in, with the time and the GitHub calls it takes.
 *
 * Run: `npm run bench:report` (optionally with sizes: `npm run bench:report -- 1000 5000`; the
 * GitHub year with `--github 20000`). Not part of `npm test`: it takes a few minutes and needs a
 * few hundred MB of disk.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeCalendar } from '../cases/calendar.ts';
import { parseConfig } from '../cases/config.ts';
import { halfYear } from '../cases/report/period.ts';
import { makeReport } from '../cases/report/report.ts';
import { computeStats } from '../cases/report/stats.ts';
import { encodeRegisterLine, registerPath } from '../cases/register/codec.ts';
import { registerRecordOf, type RegisterRecord } from '../cases/register/record.ts';
import { caseToFile, makeGitFolderStore } from '../cases/stores/git-folder.ts';
import { random, syntheticCase } from '../tests/support/synthetic-cases.ts';
import { measureGitHub } from './report-github.ts';
import configInput from '../klachten.config.ts';

const run = promisify(execFile);
const config = parseConfig(configInput);
const calendar = makeCalendar(config.terms);
const period = halfYear('2026-H2');
const githubAt = process.argv.indexOf('--github');
const githubCount = githubAt === -1 ? 50_000 : Number(process.argv[githubAt + 1]);
const sizes = process.argv
  .slice(2)
  .filter((_, index, all) => all[index - 1] !== '--github')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const counts = sizes.length > 0 ? sizes : [1_000, 10_000, 100_000];

async function seed(dir: string, count: number): Promise<void> {
  const next = random(count);
  await run('git', ['init', '--quiet', '--initial-branch=main', dir]);
  const lines: string[] = [];
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, i) => syntheticCase(start + i, next));
    await Promise.all(
      batch.map((record) => writeFile(join(dir, `${record.reference}.md`), caseToFile(record), 'utf8')),
    );
    for (const record of batch) lines.push(encodeRegisterLine(registerRecordOf(record)));
  }
  await mkdir(join(dir, 'register'));
  await writeFile(join(dir, registerPath('2026')), lines.join(''), 'utf8');
  // No background gc or maintenance: it would still be writing in .git when the folder is removed.
  const git = ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', '-c', 'commit.gpgsign=false'];
  git.push('-c', 'gc.auto=0', '-c', 'maintenance.auto=false');
  await run('git', [...git, 'add', '.'], { cwd: dir, maxBuffer: 1 << 26 });
  await run('git', [...git, 'commit', '--quiet', '--no-verify', '-m', `bench: ${count} cases`], { cwd: dir });
}

type Timing = { count: number; read: number; stats: number; report: number; total: number; oldTotal: number };

const settings = {
  period,
  calendar,
  timeZone: config.terms.timeZone,
  threshold: config.report.threshold,
  categoryIds: config.categories.map((category) => category.id),
  terms: config.terms,
};

/** The whole report (numbers, both languages, four charts), as `klachten report` makes it. */
const wholeReport = (records: readonly RegisterRecord[]) =>
  makeReport({
    records,
    period,
    config,
    calendar,
    previousActions: { origin: { kind: 'none' }, items: [] },
    generatedAt: new Date().toISOString(),
  });

async function measure(count: number): Promise<Timing> {
  const dir = await mkdtemp(join(tmpdir(), `klachten-bench-${count}-`));
  try {
    process.stdout.write(`  ${count.toLocaleString('nl-NL')} dossiers schrijven…`);
    const seeded = performance.now();
    await seed(dir, count);
    process.stdout.write(` ${((performance.now() - seeded) / 1000).toFixed(1)} s\n`);

    // The old path first, on a store of its own, so neither run profits from the other's cache.
    const oldStarted = performance.now();
    const cases = await makeGitFolderStore(dir).listCases();
    await wholeReport(cases.map((record) => registerRecordOf(record)));
    const oldTotal = performance.now() - oldStarted;
    const caseCount = cases.length;
    // The old path's 100,000 cases are garbage now; collect them here (when --expose-gc allows),
    // not in the middle of the new path's timing.
    cases.length = 0;
    (globalThis as { gc?: () => void }).gc?.();

    const started = performance.now();
    const records = await makeGitFolderStore(dir).register.read();
    const read = performance.now();
    computeStats(records, settings);
    const stats = performance.now();
    await wholeReport(records);
    const report = performance.now();
    if (records.length !== count) throw new Error(`${records.length} records gelezen, ${count} verwacht`);
    if (caseCount !== count) throw new Error(`${caseCount} dossiers gelezen, ${count} verwacht`);
    return {
      count,
      read: read - started,
      stats: stats - read,
      report: report - stats,
      total: report - started - (stats - read),
      oldTotal,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`.padStart(9);

console.log(
  `Rapportage ${period.label} over de Git-map, ${counts.map((n) => n.toLocaleString('nl-NL')).join(' / ')} dossiers`,
);
const timings: Timing[] = [];
for (const count of counts) timings.push(await measure(count));

console.log('\n  dossiers   lezen     cijfers   rapport   totaal    µs/dossier  verhouding      oud pad   oud/nieuw');
timings.forEach((timing, index) => {
  const previous = timings[index - 1];
  const ratio = previous ? `×${(timing.total / previous.total).toFixed(1)} bij ×${timing.count / previous.count}` : '';
  console.log(
    `  ${timing.count.toLocaleString('nl-NL').padStart(8)} ${seconds(timing.read)} ${seconds(timing.stats)} ${seconds(timing.report)} ${seconds(timing.total)}  ${((1000 * timing.total) / timing.count).toFixed(1).padStart(9)}   ${ratio.padEnd(14)} ${seconds(timing.oldTotal)}  ×${(timing.oldTotal / timing.total).toFixed(1)}`,
  );
});
console.log(
  '\n  lezen = het register lezen (elke regel controleren); cijfers = computeStats alleen;' +
    '\n  rapport = cijfers + Markdown nl/en + 4 grafieken; totaal = lezen + rapport (doel: < 2 s bij 100.000);' +
    '\n  oud pad = listCases (elk dossierbestand lezen en controleren) + rapport, in dezelfde run.',
);

console.log(
  `\nRapportage ${period.label} op GitHub (de stand-in), een registerjaar van ${githubCount.toLocaleString('nl-NL')} dossiers`,
);
const stages = await measureGitHub(githubCount);
console.log('\n  register                     tijd       GitHub-aanroepen');
for (const stage of stages) {
  console.log(
    `  ${stage.stage.padEnd(27)} ${seconds(stage.ms)}  ${String(stage.calls).padStart(4)}  (${stage.byOperation})`,
  );
}
console.log(
  '\n  jaarbestand = het register zoals een oudere repository het heeft (één bestand per jaar, > 1 MB:' +
    '\n  de contents-API geeft de inhoud niet, dus als blob gelezen), met alle issues in de lijst;' +
    '\n  maandbestanden = na de dagelijkse retention-run: één bestand per maand en een stempel, en alleen' +
    '\n  de issues die sinds de stempel veranderden. Tijd = ons werk (de stand-in antwoordt lokaal).',
);
