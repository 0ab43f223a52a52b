// What every browser test needs: Debian's Chromium, the site's address, its store, and axe-core.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { makeGitFolderStore } from '../../cases/stores/git-folder.ts';
import { chromiumFlags } from '../support/chromium-flags.ts';
import { dutchComplainant } from '../support/complainant.ts';
import config from '../../klachten.config.ts';
import type { Locale } from '../../cases/locale.ts';
import { ui } from '../../site/i18n/ui.ts';

/** Debian's Chromium, never a downloaded one; the flags keep it off this machine's closed network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [...chromiumFlags],
  });
}

/**
 * One Chromium and one page for all the tests of a file: launched before the first test, closed
 * after the last. It registers those hooks itself, so call it at the top level of the test file;
 * `onOpen` receives the page.
 *
 * @example
 * let page: Page;
 * useSharedPage((opened) => (page = opened));
 * it('shows the form', async () => { await page.goto(`${baseUrl()}/klacht-indienen/`); });
 */
export function useSharedPage(onOpen: (page: Page) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    onOpen(await browser.newPage());
  });
  afterAll(() => browser?.close());
}

/** The running site's address, e.g. `http://127.0.0.1:40123`. */
export const baseUrl = (): string => inject('baseUrl');

/** The site's Git-folder store, read directly as a coordinator's tools would. */
export const siteStore = () => makeGitFolderStore(join(inject('dataDir'), 'cases'));

/** Everything the site's server wrote to stdout and stderr so far. */
export const serverLog = (): Promise<string> => readFile(inject('serverLog'), 'utf8');

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.2 A and AA rules. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Runs axe-core on the page as it is now and returns its violations, readable in a failure message.
 * The page must have JavaScript enabled (axe is a script).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as an inline <script>: the pages' Content-Security-Policy refuses those.
  await page.evaluate(await axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  }, wcagTags);
  return violations;
}

/** The values a complainant types in the tests: accents, emoji and newlines on purpose. */
export const typed = {
  nl: {
    ...dutchComplainant,
    complaint: 'De lift 🛗 is al drie weken kapot.\n\nMijn buurvrouw (87) kan niet naar buiten. Ça ne va pas!',
    expectation: 'Dat de lift deze week wordt gemaakt,\nen een excuus.',
    concerns: 'Afdeling Onderhoud',
  },
  en: {
    role: 'pand-eigenaar',
    name: 'Øyvind O’Brien',
    email: 'oyvind@example.com',
    phone: '+31 20 123 4567',
    address: 'Keizersgracht 1, Amsterdam',
    category: 'communicatie',
    complaint: 'Nobody answers the phone 📞.\n\nI called on Monday, Tuesday and Friday — no reply.',
    expectation: 'A call back within a week.',
    concerns: '',
  },
} as const;

/** Fills the form as a person would, by the visible labels; leaves out what `skip` names. */
export async function fillForm(page: Page, locale: Locale, values: Record<string, string>, skip: string[] = []) {
  const f = ui[locale].form;
  const main = page.locator('main');
  if (!skip.includes('role')) await main.getByLabel(f.role[values['role'] as 'bewoner'], { exact: true }).check();
  if (!skip.includes('name')) await main.getByLabel(f.name.label, { exact: true }).fill(values['name'] ?? '');
  await main.getByLabel(f.email.label, { exact: true }).fill(values['email'] ?? '');
  await main.getByLabel(`${f.phone.label} ${f.optional}`).fill(values['phone'] ?? '');
  await main.getByLabel(f.address.label).fill(values['address'] ?? '');
  const category = config.categories.find((c) => c.id === values['category']);
  await main.getByLabel(category?.label[locale] ?? '', { exact: true }).check();
  await main.getByLabel(f.complaint.label, { exact: true }).fill(values['complaint'] ?? '');
  await main.getByLabel(f.expectation.label).fill(values['expectation'] ?? '');
  await main.getByLabel(`${f.concerns.label} ${f.optional}`).fill(values['concerns'] ?? '');
  await main.getByLabel(f.earlier.nee, { exact: true }).check();
  await main.getByLabel(f.consent.label).check();
}
