/**
 * Lighthouse on the built site as the Node server serves it (scripts/start.ts, with its headers
 * and compression): performance, accessibility, best practices and SEO of every public page
 * (tests/support/public-pages.ts), in Dutch and English, with Lighthouse's default mobile settings
 * and Debian's Chromium. Goal: 100 in all four on every page. Prints one line per page and exits 1
 * when any score is below 100.
 *
 * Lighthouse is not a dependency of the project (it and what it pulls in are tens of MB that only
 * this rarely run script needs): it is fetched on demand, at the pinned version, by `npm exec`,
 * and run as its command-line tool, one Chromium per page with a fresh profile.
 *
 * Run: `npm run build && npm run bench:lighthouse` (with KLACHTEN_OUT_DIR to measure another
 * build). Not part of `npm test`: it takes a few minutes.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSite } from '../tests/browser/site-server.ts';
import { chromiumFlags } from '../tests/support/chromium-flags.ts';
import { publicPages } from '../tests/support/public-pages.ts';

/** The Lighthouse this project is measured with (the brief pins it). */
const lighthouse = 'lighthouse@12.2.3';
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** The part of Lighthouse's JSON report read here. */
interface Report {
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> } | undefined>;
  audits: Record<string, { id: string; score: number | null; displayValue?: string } | undefined>;
}

const run = promisify(execFile);

/**
 * One page's report. Lighthouse's command-line tool exits 1 on a runtime error (a trace it could
 * not record, NO_NAVSTART, on a busy machine) but still prints its report: that report is read, and
 * the page measured once more, as the tool's own message asks.
 */
async function measure(url: string): Promise<Report> {
  const first = await measureOnce(url);
  return first.runtimeError === undefined ? first : measureOnce(url);
}

async function measureOnce(url: string): Promise<Report> {
  const profile = await mkdtemp(join(tmpdir(), 'klachten-lighthouse-chromium-'));
  try {
    const { stdout } = await run(
      'npm',
      [
        'exec',
        '--yes',
        `--package=${lighthouse}`,
        '--',
        'lighthouse',
        url,
        '--output=json',
        '--output-path=stdout',
        '--quiet',
        `--only-categories=${categories.join(',')}`,
        `--chrome-flags=${[...chromiumFlags, `--user-data-dir=${profile}`].join(' ')}`,
      ],
      {
        env: { ...process.env, CHROME_PATH: process.env['CHROME_PATH'] ?? '/usr/bin/chromium' },
        maxBuffer: 256 * 1024 * 1024,
      },
    ).catch((error: { stdout?: string }) => {
      if (error.stdout?.trimStart().startsWith('{')) return { stdout: error.stdout };
      throw error;
    });
    try {
      return JSON.parse(stdout) as Report;
    } catch {
      // A run cut short prints half a report: counted as a runtime error, measured again.
      return {
        runtimeError: { code: 'NO_REPORT', message: 'Lighthouse gaf geen heel rapport.' },
        categories: {},
        audits: {},
      };
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

const site = await startSite('klachten-lighthouse-');
let worst = 100;
try {
  console.log(['page', ...categories].join('\t'));
  for (const page of publicPages) {
    const report = await measure(`${site.baseUrl}${page}`);
    if (report.runtimeError) console.log(`  ${report.runtimeError.code}: ${report.runtimeError.message}`);
    const scores = categories.map((name) => Math.round((report.categories[name]?.score ?? 0) * 100));
    worst = Math.min(worst, ...scores);
    console.log([page, ...scores].join('\t'));
    // What cost points, so a score below 100 says why.
    for (const name of categories) {
      for (const ref of report.categories[name]?.auditRefs ?? []) {
        const audit = report.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          console.log(`  ${name}: ${audit.id} (${audit.score}) ${audit.displayValue ?? ''}`);
        }
      }
    }
  }
} finally {
  await site.stop();
}
if (worst < 100) process.exitCode = 1;
