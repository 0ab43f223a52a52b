// The cheap parts of the polished site, read over HTTP from the built Node server: every page has
// a description and whole-address alternates, the favicon is there, text leaves compressed and
// hashed assets are cached for a year. (bench/lighthouse.ts measures the rest.)
import { describe, expect, it } from 'vitest';
import { publicPages } from '../support/public-pages.ts';
import { baseUrl } from './support.ts';

const html = async (path: string) => (await fetch(`${baseUrl()}${path}`)).text();

describe('the polished site', () => {
  it.each(publicPages)('%s has a description and absolute hreflang alternates for both languages', async (path) => {
    const page = await html(path);
    expect(page).toMatch(/<meta name="description" content="[^"]{50,}"/);
    const alternates = [...page.matchAll(/<link rel="alternate" hreflang="(\w+)" href="([^"]+)"/g)];
    expect(alternates.map((match) => match[1]).sort()).toEqual(['en', 'nl']);
    for (const [, , href] of alternates) expect(href).toMatch(/^https:\/\/[^/]+\//);
    expect(page).toContain(`href="https://klachten.livable.nl${path}"`);
  });

  it('links a favicon in SVG and ICO, and both are there', async () => {
    const page = await html('/');
    for (const [file, type] of [
      ['/favicon.svg', 'image/svg+xml'],
      ['/favicon.ico', 'image/'],
    ] as const) {
      expect(page).toContain(`href="${file}"`);
      const response = await fetch(`${baseUrl()}${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
    }
  });

  it('keeps the space before a link after a sentence, and no link says just "Start"', async () => {
    const page = await html('/');
    expect(page).toContain('behandelen? <a');
    expect(page).toContain('klachtencoördinator: <a');
    expect(page).not.toMatch(/>\s*Start\s*<\/a>/);
  });

  it('sends pages, styles and SVG compressed with Brotli or gzip, varying by encoding', async () => {
    const page = await html('/rapportages/');
    const style = /href="(\/_astro\/[^"]+\.css)"/.exec(page)?.[1];
    expect(style).toBeDefined();
    for (const path of ['/', '/reglement/', style ?? '', '/favicon.svg']) {
      for (const encoding of ['br', 'gzip']) {
        // fetch decodes the body itself; the header says what came over the wire.
        const response = await fetch(`${baseUrl()}${path}`, { headers: { 'Accept-Encoding': encoding } });
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-encoding'), `${path} ${encoding}`).toBe(encoding);
        expect(response.headers.get('vary'), path).toMatch(/accept-encoding/i);
        expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      }
    }
    const plain = await fetch(`${baseUrl()}/`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('<html lang="nl">');
  });

  it('caches hashed assets for a year, immutable, and pages not at all', async () => {
    const style = /href="(\/_astro\/[^"]+\.css)"/.exec(await html('/'))?.[1] ?? '';
    for (const encoding of ['br', 'identity']) {
      const response = await fetch(`${baseUrl()}${style}`, { headers: { 'Accept-Encoding': encoding } });
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    const page = await fetch(`${baseUrl()}/`, { headers: { 'Accept-Encoding': 'br' } });
    expect(page.headers.get('cache-control')).toBe('public, max-age=0');
  });
});
