// The public side in plain words, as a visitor meets it: "In het kort" / "In short" at the top of
// the home page and the reglement, with the full reglement below it; the accessibility statement in
// both languages, linked from the footer of every page the site serves (the prerendered ones and
// those made on demand); and the statement as a screen reader reads it.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { locales } from '../../cases/locale.ts';
import { paths } from '../../site/i18n/ui.ts';
import { baseUrl, useSharedPage } from './support.ts';

let page: Page;
useSharedPage((opened) => (page = opened));

const summaryTitle = { nl: 'In het kort', en: 'In short' } as const;
const statementLink = { nl: 'Toegankelijkheid', en: 'Accessibility' } as const;

describe.each(locales)('the %s site in plain words', (locale) => {
  it.each(['home', 'reglement'] as const)('shows the summary at the top of the %s page', async (key) => {
    await page.goto(`${baseUrl()}${paths[locale][key]}`);
    const headings = await page.locator('main h2').allTextContents();
    expect(headings[0]).toBe(summaryTitle[locale]);
    expect(await page.locator('section.summary li').count()).toBe(7);
  });

  it('keeps the whole reglement below the summary', async () => {
    await page.goto(`${baseUrl()}${paths[locale].reglement}`);
    const headings = await page.locator('main h2').allTextContents();
    expect(headings.slice(2, 9).map((text) => text.replace(/^\d+\.\s*/, '').length > 0)).toEqual(Array(7).fill(true));
    expect(headings.at(-1)).toMatch(/^7\. /);
  });

  it('has the accessibility statement, with the standard, the tests, the limits and where to report a problem', async () => {
    const response = await page.goto(`${baseUrl()}${paths[locale].accessibility}`);
    expect(response?.status()).toBe(200);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const phrase of ['WCAG 2.2', 'EN 301 549', 'axe', '320', locale === 'nl' ? 'toetsenbord' : 'keyboard']) {
      expect(text).toContain(phrase);
    }
    expect(await page.locator('main a[href^="mailto:"]').count()).toBe(1);
    // As a screen reader reads it: one main heading, the sections as headings below it, landmarks.
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree).toMatch(/- banner:/);
    expect(tree).toMatch(/- navigation/);
    expect(tree).toMatch(/- main:/);
    expect(tree).toMatch(/- contentinfo:/);
    expect((tree.match(/- heading .*\[level=1\]/g) ?? []).length).toBe(1);
    expect((tree.match(/- heading .*\[level=2\]/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });
});

describe('the footer', () => {
  it('links the accessibility statement from every page the build holds', async () => {
    const dir = join(process.cwd(), process.env['KLACHTEN_OUT_DIR'] ?? 'dist', 'client');
    const pages = (await readdir(dir, { recursive: true })).filter((name) => String(name).endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const name of pages) {
      const html = await readFile(join(dir, String(name)), 'utf8');
      const locale = html.includes('<html lang="en"') ? 'en' : 'nl';
      const footer = html.slice(html.indexOf('<footer'));
      expect(footer, relative(dir, join(dir, String(name)))).toContain(`href="${paths[locale].accessibility}"`);
    }
  });

  it('links it from the pages made on demand too: the form with errors, the satisfaction page, my complaint', async () => {
    for (const locale of locales) {
      const form = await fetch(`${baseUrl()}${paths[locale].submit}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl() },
        body: 'name=',
      });
      expect(form.status).toBe(422);
      for (const response of [
        form,
        await fetch(`${baseUrl()}${paths[locale].satisfaction}?t=onzin`),
        await fetch(`${baseUrl()}${paths[locale].myComplaint}`),
      ]) {
        const html = await response.text();
        expect(html.slice(html.indexOf('<footer')), response.url).toContain(`>${statementLink[locale]}</a>`);
      }
    }
  });
});
