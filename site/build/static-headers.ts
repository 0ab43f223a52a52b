// The security headers of the static files on a platform that serves them itself (Netlify's CDN,
// Vercel's): added to the header rules the adapters write (each prerendered page's
// Content-Security-Policy, the /_astro/ caching), so pages and files carry the same headers the
// Node server sends (site/server/security-headers.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { immutableCaching } from '../server/compressed-files.ts';
import { securityHeaders } from '../server/security-headers.ts';

/** A header rule of Netlify's Frameworks API (`.netlify/v1/config.json`), as in netlify.toml. */
interface NetlifyHeaderRule {
  for: string;
  values: Record<string, string>;
}

/** A route of Vercel's Build Output API (`.vercel/output/config.json`). */
interface VercelRoute {
  src?: string;
  headers?: Record<string, string>;
  continue?: boolean;
  handle?: string;
  [key: string]: unknown;
}

/**
 * Adds the security headers for every address, and the year-long caching of hashed assets, to
 * the header rules of Netlify's config file; the per-page policies the adapter wrote stay.
 *
 * @example
 * await addNetlifyHeaders('.netlify/v1/config.json', '/');
 */
export async function addNetlifyHeaders(file: string, base: string): Promise<void> {
  const config = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as { headers?: NetlifyHeaderRule[] };
  const rules = (config.headers ?? []).filter((rule) => rule.for !== `${base}*`);
  const assets = `${base}_astro/*`;
  if (!rules.some((rule) => rule.for === assets))
    rules.push({ for: assets, values: { 'Cache-Control': immutableCaching } });
  config.headers = [{ for: `${base}*`, values: { ...securityHeaders } }, ...rules];
  await writeFile(file, JSON.stringify(config, null, 2));
}

/**
 * Puts one route first in Vercel's routing that adds the security headers to every response and
 * goes on (`continue`), so the adapter's per-page policy routes and the files still apply.
 *
 * @example
 * await addVercelHeaders('.vercel/output/config.json', '/');
 */
export async function addVercelHeaders(file: string, base: string): Promise<void> {
  const config = JSON.parse(await readFile(file, 'utf8')) as { routes?: VercelRoute[] };
  const mine = (route: VercelRoute) => route.continue === true && route.src === `^${base}.*$`;
  const routes = (config.routes ?? []).filter((route) => !mine(route));
  // The adapter already caches /_astro/ for a year.
  config.routes = [{ src: `^${base}.*$`, headers: { ...securityHeaders }, continue: true }, ...routes];
  await writeFile(file, JSON.stringify(config, null, 2));
}
