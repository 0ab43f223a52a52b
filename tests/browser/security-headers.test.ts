// The security headers, as any client sees them: on every built page and file (which never pass
// through Astro's middleware), on every answer of the on-demand pages, and in Chromium, where the
// policy lets the site's own script and styles through and keeps the pages out of other sites' frames.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths, ui } from '../../site/i18n/ui.ts';
import { securityHeaderProblems } from './header-checks.ts';
import { baseUrl, launchChromium, typed } from './support.ts';

// The build the site under test serves (global-setup.ts): KLACHTEN_OUT_DIR, or dist.
const client = join(process.env['KLACHTEN_OUT_DIR'] ?? 'dist', 'client');

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Every page of the build (there is no sitemap): `dist/client/x/index.html` is `/x/`. */
async function builtPages(): Promise<string[]> {
  const html = (await filesUnder(client)).filter((file) => file.endsWith('index.html'));
  return html.map((file) => `/${relative(client, file).split(sep).slice(0, -1).join('/')}/`.replace('//', '/'));
}

function complete(overrides: Record<string, string> = {}): Record<string, string> {
  return { locale: 'nl', ...typed.nl, earlier: 'nee', whatIsNew: '', consent: 'ja', ...overrides };
}

const post = (fields: Record<string, string>) =>
  fetch(`${baseUrl()}${paths.nl.submit}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { origin: baseUrl() },
    redirect: 'manual',
  });

describe('the security headers', () => {
  it('are on every page of the build, and no policy lets an inline script run', async () => {
    const pages = await builtPages();
    expect(pages).toEqual(expect.arrayContaining([paths.nl.home, paths.nl.form, paths.en.form, paths.en.reports]));
    for (const path of pages) {
      const response = await fetch(`${baseUrl()}${path}`);
      expect(response.status, path).toBe(200);
      expect(securityHeaderProblems(response.headers, { personal: false }), path).toEqual([]);
    }
  });

  it('give each built page the policy Astro made for it, with the hashes of its own inline script', async () => {
    const response = await fetch(`${baseUrl()}${paths.nl.form}`);
    const html = await response.text();
    expect(html).toMatch(/<script type="module">/);
    expect(html).not.toMatch(/http-equiv="content-security-policy"/i);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'( 'sha256-[^']+')+/);
  });

  it('are on the files under /_astro/, which keep their long cache', async () => {
    const [asset] = (await filesUnder(join(client, '_astro'))).map((file) => `/${relative(client, file)}`);
    const response = await fetch(`${baseUrl()}${asset}`);
    expect(response.status).toBe(200);
    expect(securityHeaderProblems(response.headers, { personal: false })).toEqual([]);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('are on a page that does not exist (404)', async () => {
    const response = await fetch(`${baseUrl()}/bestaat-niet/`);
    expect(response.status).toBe(404);
    expect(securityHeaderProblems(response.headers, { personal: false })).toEqual([]);
  });

  it('are on the receipt, which no cache may keep', async () => {
    const response = await post(complete({ complaint: `Kopteksten ${Date.now()}` }));
    expect(response.status).toBe(201);
    expect(securityHeaderProblems(response.headers, { personal: true })).toEqual([]);
  });

  it('are on the form sent back with errors (422)', async () => {
    const response = await post({ locale: 'nl', name: '' });
    expect(response.status).toBe(422);
    expect(securityHeaderProblems(response.headers, { personal: true })).toEqual([]);
  });

  it('are on the submit address opened directly, which sends the visitor to the form', async () => {
    const response = await fetch(`${baseUrl()}${paths.en.submit}`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(securityHeaderProblems(response.headers, { personal: true })).toEqual([]);
  });

  it('are on the satisfaction page in both languages', async () => {
    for (const path of [paths.nl.satisfaction, paths.en.satisfaction]) {
      const response = await fetch(`${baseUrl()}${path}?t=onzin`);
      expect(response.status, path).toBe(400);
      expect(securityHeaderProblems(response.headers, { personal: true }), path).toEqual([]);
    }
  });

  it('leave Strict-Transport-Security to the TLS proxy', async () => {
    const response = await fetch(`${baseUrl()}/`);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('in Chromium, the policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('lets the form’s own script and the site’s stylesheet through, and refuses nothing on any page', async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to|Permissions-Policy/i.test(message.text())) refused.push(message.text());
    });
    for (const path of await builtPages()) await page.goto(`${baseUrl()}${path}`);
    await page.goto(`${baseUrl()}${paths.nl.form}`);
    // The script counts the characters left under each long field.
    await expect.poll(() => page.locator('.count').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    expect(refused).toEqual([]);
    await page.close();
  });

  it('keeps a report’s table columns aligned without inline styles', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}${paths.nl.reports}`);
    await page.locator('main a[href^="/rapportages/"]').first().click();
    const cell = page.locator('.report td.align-right').first();
    expect(await cell.evaluate((element) => getComputedStyle(element).textAlign)).toBe('right');
    expect(await page.locator('.report [style]').count()).toBe(0);
    await page.close();
  });

  it('keeps every page out of another site’s frame', async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => refused.push(message.text()));
    // A page on another origin (about:blank here) that tries to frame the form.
    await page.setContent(`<iframe src="${baseUrl()}${paths.nl.form}" title="${ui.nl.form.title}"></iframe>`);
    await expect.poll(() => refused.join('\n'), { timeout: 10_000 }).toMatch(/frame-ancestors 'none'/);
    const framed = page.frames().find((frame) => frame.url().startsWith(baseUrl()));
    expect(
      await framed
        ?.locator('#klachtformulier')
        .count()
        .catch(() => 0),
    ).not.toBe(1);
    await page.close();
  });
});
