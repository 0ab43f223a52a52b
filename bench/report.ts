/**
 * Benchmark of the half-yearly report on the Git-folder store: 1,000, 10,000 and 100,000 synthetic
 * cases, each set written straight into a folder with `caseToFile`, with its register file
 * (`register/2026.jsonl`), and committed once (filing them one by one would take hours and measure
 * Git, not the report). For each size it times the report as `klachten report` makes it — reading
 * the register (every line validated), the numbers, the Markdown and the charts — and, in the same
 * run, the old path that read and validated every case file (`listCases`), with the ratio between
 * the two and between sizes: the cost must grow about linearly. Goal: 100,000 cases under 2 s.
 *
 * Run: `npm run bench:report` (optionally with sizes: `npm run bench:report -- 1000 5000`).
 * Not part of `npm test`: it takes about a minute and needs a few hundred MB of disk.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Case, CaseEvent, Outcome } from '../cases/case.ts';
import { makeCalendar } from '../cases/calendar.ts';
import { parseConfig } from '../cases/config.ts';
import { halfYear } from '../cases/report/period.ts';
import { makeReport } from '../cases/report/report.ts';
import { computeStats } from '../cases/report/stats.ts';
import { encodeRegisterLine, registerPath } from '../cases/register/codec.ts';
import { registerRecordOf, type RegisterRecord } from '../cases/register/record.ts';
import { caseToFile, makeGitFolderStore } from '../cases/stores/git-folder.ts';
import { termsForReceiptDate, type Terms } from '../cases/terms.ts';
import configInput from '../klachten.config.ts';

const run = promisify(execFile);
const config = parseConfig(configInput);
const calendar = makeCalendar(config.terms);
const period = halfYear('2026-H2');
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const counts = sizes.length > 0 ? sizes : [1_000, 10_000, 100_000];

/** A small deterministic generator (mulberry32): the same cases on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function reference(year: number, index: number): string {
  let suffix = '';
  for (let n = index; suffix.length < 6; n = Math.floor(n / 32)) suffix = alphabet[n % 32] + suffix;
  return `K-${year}-${suffix}`;
}

const termsCache = new Map<string, Terms>();
const termsOf = (date: string) => {
  let terms = termsCache.get(date);
  if (!terms) termsCache.set(date, (terms = termsForReceiptDate(date, calendar, config.terms)));
  return terms;
};

function isoDay(start: number, offset: number): string {
  return new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
}

const outcomes: Outcome[] = ['gegrond', 'deels-gegrond', 'ongegrond', 'opgelost-in-overleg', 'ingetrokken'];
const roles = ['bewoner', 'bewoner', 'bewoner', 'pand-eigenaar', 'opdrachtgever'] as const;

/** One synthetic case received in 2026, somewhere along its way, with made-up personal data. */
function syntheticCase(index: number, next: () => number): Case {
  const received = isoDay(Date.UTC(2026, 0, 1), Math.floor(next() * 365));
  const terms = termsOf(received);
  const at = (date: string) => `${date}T10:00:00Z`;
  const day = (from: string, days: number) => isoDay(Date.parse(from), days);
  const events: CaseEvent[] = [{ at: at(received), status: 'ontvangen', by: 'website' }];
  const roll = next();
  let status: Case['status'] = 'ontvangen';
  let outcome: Outcome | undefined;
  if (roll < 0.05) {
    events.push({ at: at(day(received, 3)), status: 'niet-in-behandeling' });
    status = 'niet-in-behandeling';
  } else if (roll > 0.1) {
    events.push({ at: at(day(received, 1 + Math.floor(next() * 12))), status: 'bevestigd', handler: 'behandelaar' });
    status = 'bevestigd';
    if (next() < 0.15) {
      events.push({ at: at(day(received, 30)), status: 'verdaagd' });
      status = 'verdaagd';
    }
    if (roll > 0.2) {
      const answered = day(received, 10 + Math.floor(next() * 60));
      events.push({ at: at(answered), status: 'beantwoord' });
      outcome = outcomes[Math.floor(next() * outcomes.length)] ?? 'gegrond';
      events.push({ at: at(day(answered, 7)), status: 'afgesloten', outcome });
      status = 'afgesloten';
    }
  }
  const category = config.categories[Math.floor(next() * config.categories.length)]?.id ?? 'overig';
  const answer = next();
  return {
    reference: reference(2026, index),
    status,
    source: 'web',
    locale: 'nl',
    receivedAt: at(received),
    terms,
    fingerprint: `sha256:bench-${index}`,
    role: roles[Math.floor(next() * roles.length)] ?? 'bewoner',
    name: `Bench Persoon ${index}`,
    email: `persoon${index}@bench.test`,
    address: `Benchstraat ${index}, Teststad`,
    category,
    complaint: `Synthetische klacht ${index}: de verwarming doet het niet en de monteur kwam niet opdagen.`,
    expectation: 'Dat het snel wordt gemaakt.',
    earlier: 'nee',
    extended: events.some((event) => event.status === 'verdaagd'),
    ...(outcome === undefined ? {} : { outcome }),
    events,
    notices: [],
    messages: [],
    ...(status === 'afgesloten' && answer < 0.7
      ? {
          satisfaction: {
            answer: answer < 0.4 ? 'ja' : answer < 0.55 ? 'deels' : 'nee',
            at: events.at(-1)?.at ?? at(received),
          },
        }
      : {}),
  } as Case;
}

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
