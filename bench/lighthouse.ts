/**
 * Lighthouse on the built site as the Node server serves it (scripts/start.ts, with its headers
 * and compression): performance, accessibility, best practices and SEO of the home, reglement,
 * form and reports pages, in Dutch and English, with Lighthouse's default mobile settings and
 * Debian's Chromium. Goal: 100 in all four on every page. Prints one line per page and exits 1
 * when any score is below 100.
 *
 * Run: `npm run build && npm run bench:lighthouse` (with KLACHTEN_OUT_DIR to measure another
 * build). Not part of `npm test`: it takes about a minute.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startSite } from '../tests/browser/site-server.ts';
import { chromiumFlags } from '../tests/support/chromium-flags.ts';
import { publicPages } from '../tests/support/public-pages.ts';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const site = await startSite('klachten-lighthouse-');
const profile = await mkdtemp(join(tmpdir(), 'klachten-lighthouse-chromium-'));
const chrome = await chromeLauncher.launch({
  chromePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
  chromeFlags: [...chromiumFlags],
  userDataDir: profile,
});
let worst = 100;
try {
  console.log(['page', ...categories].join('\t'));
  for (const page of publicPages) {
    const result = await lighthouse(`${site.baseUrl}${page}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
    });
    if (result === undefined) throw new Error(`Lighthouse gaf geen uitslag voor ${page}`);
    if (result.lhr.runtimeError) console.log(`  ${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
    const scores = categories.map((name) => Math.round((result.lhr.categories[name]?.score ?? 0) * 100));
    worst = Math.min(worst, ...scores);
    console.log([page, ...scores].join('\t'));
    // What cost points, so a score below 100 says why.
    for (const name of categories) {
      for (const ref of result.lhr.categories[name]?.auditRefs ?? []) {
        const audit = result.lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          console.log(`  ${name}: ${audit.id} (${audit.score}) ${audit.displayValue ?? ''}`);
        }
      }
    }
  }
} finally {
  chrome.kill();
  await site.stop();
  await rm(profile, { recursive: true, force: true });
}
if (worst < 100) process.exitCode = 1;
