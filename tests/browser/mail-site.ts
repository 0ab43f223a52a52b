// A site of a test file's own, mailing to a loopback SMTP server and signing links with the test
// secret (mail-flow, my-complaint), with its store read directly and one Chromium; and the form
// filled in as the complainant does, to file a complaint on it.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { referencePattern } from '../../cases/case.ts';
import type { Locale } from '../../cases/locale.ts';
import type { CaseStore } from '../../cases/store.ts';
import { makeGitFolderStore } from '../../cases/stores/git-folder.ts';
import config from '../../klachten.config.ts';
import { paths, ui } from '../../site/i18n/ui.ts';
import { startSmtpServer, testSecret, type TestSmtpServer } from '../support/mail-fixture.ts';
import { startSite, type Site } from './site-server.ts';
import { launchChromium, typed } from './support.ts';

/** What a mail test works with. */
export interface MailSite {
  smtp: TestSmtpServer;
  site: Site;
  /** The site's Git-folder store. */
  store: CaseStore;
  browser: Browser;
}

/**
 * Starts SMTP, the site (its folder named after `prefix`, `env` on top of the mail settings) and
 * Chromium before the file's tests and stops them after; `onStart` receives them. Call it at the
 * top level of the test file.
 *
 * @example
 * let smtp: TestSmtpServer;
 * useMailSite('klachten-my-complaint-', (started) => ({ smtp } = started));
 */
export function useMailSite(
  prefix: string,
  onStart: (started: MailSite) => void,
  env: Record<string, string> = {},
): void {
  let started: Partial<MailSite> = {};
  beforeAll(async () => {
    const smtp = await startSmtpServer();
    started = { smtp };
    const site = await startSite(prefix, { SMTP_URL: smtp.url, KLACHTEN_TOKEN_SECRET: testSecret, ...env });
    started.site = site;
    const store = makeGitFolderStore(join(site.dataDir, 'cases'));
    started.browser = await launchChromium();
    onStart({ smtp, site, store, browser: started.browser });
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.site?.stop();
    await started.smtp?.close();
  });
}

/** How the complainant fills in the form beyond the typed values. */
export interface Filling {
  /** Added to the typed complaint, to make it another complaint from the same person. */
  extra?: string;
  /** Whether the optional phone number is filled in too. */
  phone?: boolean;
  /**
   * Another address than the typed one: every address gets at most three mails a day that the
   * public can trigger (cases/mail/mail-budget.ts), so a test that files many uses several.
   */
  email?: string;
}

/**
 * Files a complaint through the form on the site at `baseUrl` and returns its reference.
 *
 * @example
 * const reference = await fileComplaint(page, site.baseUrl, 'nl', { extra: ' (refused)' });
 */
export async function fileComplaint(
  page: Page,
  baseUrl: string,
  locale: Locale,
  { extra = '', phone = false, email }: Filling = {},
): Promise<string> {
  const f = ui[locale].form;
  const values = {
    ...typed[locale],
    complaint: `${typed[locale].complaint}${extra}`,
    email: email ?? typed[locale].email,
  };
  const main = page.locator('main');
  await page.goto(`${baseUrl}${paths[locale].form}`);
  await main.getByLabel(f.role[values.role], { exact: true }).check();
  await main.getByLabel(f.name.label, { exact: true }).fill(values.name);
  await main.getByLabel(f.email.label, { exact: true }).fill(values.email);
  if (phone) await main.getByLabel(`${f.phone.label} ${f.optional}`).fill(values.phone);
  await main.getByLabel(f.address.label).fill(values.address);
  await main
    .getByLabel(config.categories.find((c) => c.id === values.category)?.label[locale] ?? '', { exact: true })
    .check();
  await main.getByLabel(f.complaint.label, { exact: true }).fill(values.complaint);
  await main.getByLabel(f.expectation.label).fill(values.expectation);
  await main.getByLabel(f.earlier.nee, { exact: true }).check();
  await main.getByLabel(f.consent.label).check();
  await page.getByRole('button', { name: f.submit }).click();
  const reference = (await page.getByTestId('reference').textContent()) ?? '';
  expect(reference).toMatch(referencePattern);
  return reference;
}
