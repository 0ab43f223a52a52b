// axe-core (WCAG 2.2 A and AA) on every page in both languages, in every state a person meets.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { locales, type Locale } from '../../cases/locale.ts';
import { paths, ui } from '../../site/i18n/ui.ts';
import { axeViolations, baseUrl, typed, useSharedPage } from './support.ts';

let page: Page;
useSharedPage((opened) => (page = opened));

async function submitFilled(locale: Locale, complete: boolean) {
  await page.goto(`${baseUrl()}${paths[locale].form}`);
  const f = ui[locale].form;
  if (complete) {
    await page.getByLabel(f.role[typed[locale].role], { exact: true }).check();
    await page.getByLabel(f.name.label, { exact: true }).fill(typed[locale].name);
    await page.getByLabel(f.email.label, { exact: true }).fill(typed[locale].email);
    await page.getByLabel(f.address.label).fill(typed[locale].address);
    await page.locator(`input[name="category"][value="${typed[locale].category}"]`).check();
    await page.getByLabel(f.complaint.label, { exact: true }).fill(`${typed[locale].complaint} ${Date.now()}`);
    await page.getByLabel(f.expectation.label).fill(typed[locale].expectation);
    await page.getByLabel(f.earlier.nee, { exact: true }).check();
    await page.getByLabel(f.consent.label).check();
  } else {
    // Only "yes, I complained before": every error at once, the "what is new" field among them.
    await page.getByLabel(f.earlier.ja, { exact: true }).check();
  }
  await page.getByRole('button', { name: f.submit }).click();
  await page.waitForLoadState();
}

for (const locale of locales) {
  describe(`the ${locale === 'nl' ? 'Dutch' : 'English'} site`, () => {
    for (const key of ['home', 'reglement', 'form', 'accessibility'] as const) {
      it(`has no WCAG 2.2 A/AA violations on the ${key} page`, async () => {
        await page.goto(`${baseUrl()}${paths[locale][key]}`);
        expect(await axeViolations(page)).toEqual([]);
      });
    }

    it('has no violations on the form with every error shown', async () => {
      await submitFilled(locale, false);
      expect(await page.locator('.error-summary li').count()).toBeGreaterThan(5);
      expect(await axeViolations(page)).toEqual([]);
    });

    it('has no violations on the receipt', async () => {
      await submitFilled(locale, true);
      expect(await page.getByTestId('reference').isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    });

    it('fits a 320 px wide phone without sideways scrolling', async () => {
      await page.setViewportSize({ width: 320, height: 640 });
      for (const key of ['home', 'reglement', 'form', 'accessibility'] as const) {
        await page.goto(`${baseUrl()}${paths[locale][key]}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, key).toBeLessThanOrEqual(0);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    });
  });
}

it('answers an unknown address with a helpful 404 page in both languages', async () => {
  const response = await page.goto(`${baseUrl()}/bestaat-niet/`);
  expect(response?.status()).toBe(404);
  expect(await page.locator('h1').textContent()).toBe('Pagina niet gevonden');
  expect(await page.getByRole('link', { name: 'Klacht indienen' }).count()).toBeGreaterThan(0);
  expect(await axeViolations(page)).toEqual([]);
});

it('the accessibility check itself catches a page with a violation', async () => {
  await page.setContent('<html lang="nl"><body><main><img src="data:,"><input type="text"></main></body></html>');
  const violations = await axeViolations(page);
  expect(violations.some((violation) => violation.startsWith('image-alt'))).toBe(true);
  expect(violations.some((violation) => violation.startsWith('label'))).toBe(true);
});
