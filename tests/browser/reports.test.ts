// The published reports: the list and one report in both languages, accessible (axe-core, WCAG 2.2
// A/AA), readable on a phone, with their charts, and linked to each other's translation.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { locales } from '../../cases/locale.ts';
import { reportsUi } from '../../site/i18n/reports.ts';
import { paths, ui } from '../../site/i18n/ui.ts';
import { axeViolations, baseUrl, useSharedPage } from './support.ts';

let page: Page;
useSharedPage((opened) => (page = opened));

const example = { nl: '/rapportages/voorbeeld-2026-h2/', en: '/en/reports/voorbeeld-2026-h2/' } as const;

for (const locale of locales) {
  const t = reportsUi[locale];
  describe(`the ${locale === 'nl' ? 'Dutch' : 'English'} reports`, () => {
    it('are in the main menu, marked as the current page on the list', async () => {
      await page.goto(`${baseUrl()}${paths[locale].home}`);
      await page
        .getByRole('navigation', { name: ui[locale].nav.label })
        .getByRole('link', { name: ui[locale].nav.reports })
        .click();
      expect(new URL(page.url()).pathname).toBe(paths[locale].reports);
      const current = page.getByRole('navigation', { name: ui[locale].nav.label }).locator('[aria-current="page"]');
      expect(await current.textContent()).toContain(ui[locale].nav.reports);
    });

    it('list the example, as an example, while there is no real report', async () => {
      await page.goto(`${baseUrl()}${paths[locale].reports}`);
      expect(await page.locator('h1').textContent()).toBe(t.title);
      expect(await page.getByText(t.none).count()).toBe(1);
      const section = page.getByRole('region', { name: t.examples });
      await section.getByRole('link').first().click();
      expect(new URL(page.url()).pathname).toBe(example[locale]);
    });

    it('have no WCAG 2.2 A/AA violations on the list', async () => {
      await page.goto(`${baseUrl()}${paths[locale].reports}`);
      expect(await axeViolations(page)).toEqual([]);
    });

    it('have no WCAG 2.2 A/AA violations on a report with its tables, charts and footnotes', async () => {
      await page.goto(`${baseUrl()}${example[locale]}`);
      expect(await page.locator('table').count()).toBeGreaterThan(8);
      expect(await axeViolations(page)).toEqual([]);
    });

    it('show the charts, with alt text that states the numbers', async () => {
      await page.goto(`${baseUrl()}${example[locale]}`);
      const images = page.locator('article img');
      expect(await images.count()).toBe(2);
      for (const image of await images.all()) {
        await image.scrollIntoViewIfNeeded();
        // A lazy image starts loading once scrolled into view: wait for it to decode (or fail).
        const shown = await image.evaluate((element: HTMLImageElement) =>
          element.decode().then(
            () => element.naturalWidth > 0,
            () => false,
          ),
        );
        expect(shown).toBe(true);
      }
      expect(await images.first().getAttribute('alt')).toContain(locale === 'nl' ? 'juli 2026: 4' : 'July 2026: 4');
      expect(await images.nth(1).getAttribute('alt')).toContain('< 5');
    });

    it('serve each chart as an SVG image with its own title', async () => {
      await page.goto(`${baseUrl()}${example[locale]}`);
      const source = await page.locator('article img').first().getAttribute('src');
      const response = await page.request.get(`${baseUrl()}${source}`);
      expect(response.headers()['content-type']).toContain('image/svg+xml');
      const svg = await response.text();
      expect(svg).toMatch(/^<svg role="img" aria-labelledby="chart-months-title chart-months-desc"/);
      expect(svg).toContain(
        locale === 'nl'
          ? '<title id="chart-months-title">Ontvangen klachten per maand</title>'
          : 'Complaints received per month</title>',
      );
    });

    it('label the footnotes in the report’s own language', async () => {
      await page.goto(`${baseUrl()}${example[locale]}`);
      expect(await page.locator('#footnote-label').textContent()).toBe(t.footnotes);
      expect(await page.locator('a[data-footnote-backref]').first().getAttribute('aria-label')).toBe(
        t.backToReference(1),
      );
      await page.locator('a[data-footnote-ref]').first().click();
      expect(new URL(page.url()).hash).toBe('#user-content-fn-peildatum');
    });

    it('say the state of an action point in words, not with a checkbox nobody can tick', async () => {
      await page.goto(`${baseUrl()}${example[locale]}`);
      expect(await page.locator('article input').count()).toBe(0);
      expect(await page.locator('.task-list-item .visually-hidden').first().textContent()).toBe(`${t.taskOpen}: `);
    });

    it('switch language to the same report', async () => {
      await page.goto(`${baseUrl()}${example[locale]}`);
      const other = locale === 'nl' ? 'en' : 'nl';
      await page.locator('a.language').click();
      expect(new URL(page.url()).pathname).toBe(example[other]);
      expect(await page.locator('html').getAttribute('lang')).toBe(other);
    });

    it('fit a 320 px wide phone without sideways scrolling', async () => {
      await page.setViewportSize({ width: 320, height: 640 });
      for (const path of [paths[locale].reports, example[locale]]) {
        await page.goto(`${baseUrl()}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    });
  });
}
