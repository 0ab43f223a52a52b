// The site where the reglement says it is: built with site.url under a path
// (KLACHTEN_SITE_URL=https://klachten.example.nl/klachten/) into its own folder, and served by
// its own Node server. Every page, file and form action lives under /klachten/, a complaint is
// filed through the form there, and the receipt's link points under the same path.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referencePattern } from '../../cases/case.ts';
import { makeGitFolderStore } from '../../cases/stores/git-folder.ts';
import { buildSite } from '../support/build-site.ts';
import { startSite, type Site } from './site-server.ts';
import { launchChromium, typed } from './support.ts';

const siteUrl = 'https://klachten.example.nl/klachten/';
const outDir = '.out/base-path-test';

let site: Site;
let browser: Browser;
/** The receipt mail of the complaint filed under the path (quoted-printable soft breaks undone). */
let receiptMail = '';
beforeAll(async () => {
  await rm(outDir, { recursive: true, force: true });
  await buildSite({ KLACHTEN_SITE_URL: siteUrl, KLACHTEN_OUT_DIR: outDir });
  site = await startSite('klachten-base-path-', { KLACHTEN_OUT_DIR: outDir });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await rm(outDir, { recursive: true, force: true });
});

const pages = [
  '',
  'reglement/',
  'klacht-indienen/',
  'rapportages/',
  'rapportages/voorbeeld-2026-h2/',
  'mijn-klacht/',
  'en/',
  'en/procedure/',
  'en/complaint/',
  'en/reports/',
  'en/my-complaint/',
];

describe('a site under /klachten/', () => {
  it.each(pages)('serves /klachten/%s, linking only under /klachten/', async (page) => {
    const response = await fetch(`${site.baseUrl}/klachten/${page}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const local = [...html.matchAll(/(?:href|src|action)="(\/[^"]*)"/g)].map((match) => match[1] ?? '');
    expect(local.length).toBeGreaterThan(5);
    for (const link of local) expect(link).toMatch(/^\/klachten\//);
    for (const [, href] of html.matchAll(/hreflang="\w+" href="([^"]+)"/g))
      expect(href).toMatch(/^https:\/\/klachten\.example\.nl\/klachten\//);
  });

  it('serves its files under the path and nothing of it outside', async () => {
    const html = await (await fetch(`${site.baseUrl}/klachten/`)).text();
    const style = /href="(\/klachten\/_astro\/[^"]+\.css)"/.exec(html)?.[1] ?? '';
    for (const file of [style, '/klachten/favicon.svg', '/klachten/favicon.ico']) {
      const response = await fetch(`${site.baseUrl}${file}`, { headers: { 'Accept-Encoding': 'br' } });
      expect(response.status, file).toBe(200);
      expect(response.headers.get('x-content-type-options'), file).toBe('nosniff');
    }
    expect((await fetch(`${site.baseUrl}/reglement/`)).status).toBe(404);
    const root = await fetch(`${site.baseUrl}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/klachten/');
    const notFound = await fetch(`${site.baseUrl}/klachten/bestaat-niet/`);
    expect(notFound.status).toBe(404);
    expect(await notFound.text()).toContain('href="/klachten/klacht-indienen/"');
  });

  it('redirects a GET of the submit address to the form under the path, and refuses a post from elsewhere', async () => {
    const get = await fetch(`${site.baseUrl}/klachten/klacht-indienen/verzenden/`, { redirect: 'manual' });
    expect(get.status).toBe(303);
    expect(new URL(get.headers.get('location') ?? '', site.baseUrl).pathname).toBe('/klachten/klacht-indienen/');
    const foreign = await fetch(`${site.baseUrl}/klachten/klacht-indienen/verzenden/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: 'locale=nl',
    });
    expect(foreign.status).toBe(403);
  });

  it('files a complaint through the form there, and the receipt links under the path', async () => {
    const page = await browser.newPage();
    const values = typed.nl;
    await page.goto(`${site.baseUrl}/klachten/`);
    await page.locator('main').getByRole('link', { name: 'Klacht indienen' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/klachten/klacht-indienen/');
    const form = page.locator('#klachtformulier');
    await form.locator(`input[name=role][value=${values.role}]`).check();
    for (const field of ['name', 'email', 'phone', 'address', 'complaint', 'expectation', 'concerns'] as const) {
      await form.locator(`[name=${field}]`).fill(values[field]);
    }
    await form.locator(`input[name=category][value=${values.category}]`).check();
    await form.locator('input[name=earlier][value=nee]').check();
    await form.locator('input[name=consent]').check();
    await form.getByRole('button', { name: 'Klacht versturen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Uw klacht is ontvangen');
    expect(new URL(page.url()).pathname).toBe('/klachten/klacht-indienen/verzenden/');
    const unanchored = new RegExp(referencePattern.source.replace(/^\^|\$$/g, ''));
    const reference = (await page.locator('main').textContent())?.match(unanchored)?.[0];
    expect(reference).toBeDefined();
    expect(await page.locator('main a[href="/klachten/klacht-indienen/"]').count()).toBe(1);
    await page.close();

    const stored = await makeGitFolderStore(join(site.dataDir, 'cases')).getCase(reference ?? '');
    expect(stored?.email).toBe(values.email);
    // The receipt goes out in the background, into the outbox folder when no SMTP server is set.
    const outbox = join(site.dataDir, 'outbox');
    let receipt: string | undefined;
    for (let attempt = 0; attempt < 100 && receipt === undefined; attempt += 1) {
      const names = await readdir(outbox).catch(() => [] as string[]);
      receipt = names.find((name) => name.includes(reference ?? '') && name.endsWith('-receipt.eml'));
      if (receipt === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(receipt).toBeDefined();
    const mail = (await readFile(join(outbox, receipt ?? ''), 'utf8')).replace(/=\r?\n/g, '');
    expect(mail).toContain('https://klachten.example.nl/klachten/mijn-klacht/');
    expect(mail).not.toMatch(/https:\/\/klachten\.example\.nl\/(?!klachten\/)/);
    receiptMail = mail;
  });

  it('opens the receipt’s link with its button under the path, and the session cookie goes to that path only', async () => {
    // Quoted-printable writes the link's '=' as '=3D'.
    const text = receiptMail.replaceAll('=3D', '=');
    const token = /https:\/\/klachten\.example\.nl\/klachten\/mijn-klacht\/\?t=([^\s"<>)]+)/.exec(text)?.[1] ?? '';
    const shown = await fetch(`${site.baseUrl}/klachten/mijn-klacht/?t=${encodeURIComponent(token)}`);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('set-cookie')).toBeNull();
    expect(await shown.text()).toContain('action="/klachten/mijn-klacht/"');
    const opened = await fetch(`${site.baseUrl}/klachten/mijn-klacht/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: site.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'open', t: token }),
    });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/klachten/mijn-klacht/');
    expect(opened.headers.get('set-cookie')).toMatch(
      /^klachten-sessie=[^;]+; Max-Age=1800; Path=\/klachten\/; HttpOnly; SameSite=Strict$/,
    );
  });
});
