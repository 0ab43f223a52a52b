// The Node server of the built site: Astro's standalone handler (prerendered pages, /_astro/ files
// and the on-demand pages), wrapped so that every response leaves with the security headers.
// Static files never pass through Astro's middleware, and the Node adapter's own `staticHeaders`
// sets only the policy, matched by a substring of the path that misses every page with a trailing
// slash; so the per-page policies Astro wrote at build time (dist/_headers.json) are applied here,
// by exact path. Text files leave compressed (compressed-files.ts). Run by `npm start`
// (scripts/start.ts), not bundled by Astro.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readBuildInfo } from '../build/build-info.ts';
import { makeCompressedFiles, type CompressedFiles } from './compressed-files.ts';
import { fallbackContentSecurityPolicy, securityHeaders } from './security-headers.ts';

/** A Node request handler, as Astro's standalone entry exports one. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** The Content-Security-Policy of each prerendered page, by its path (`/klacht-indienen/`). */
export type PagePolicies = ReadonlyMap<string, string>;

/** What the wrapper needs besides the handler. */
export interface SecuredOptions {
  policies: PagePolicies;
  /** The header a proxy names the client in (settings); any other X-Forwarded-For is the client's own invention. */
  clientAddressHeader?: string | undefined;
}

const withSlash = (path: string) => (path.endsWith('/') ? path : `${path}/`);

/**
 * Reads the per-page policies Astro wrote at build time (`security.csp` with `staticHeaders`),
 * under each page's address below the base path, with and without `index.html` (the not-found
 * page's also as `/404/`, for any 404); an absent file gives none.
 *
 * @example
 * await readPagePolicies('dist/_headers.json') // Map { '/' => "default-src 'self'; …", '/klacht-indienen/' => … }
 */
export async function readPagePolicies(file: string, base = '/'): Promise<PagePolicies> {
  const text = await readFile(file, 'utf8').catch(() => '[]');
  const entries = JSON.parse(text) as { pathname: string; headers: { key: string; value: string }[] }[];
  const policies = new Map<string, string>();
  for (const { pathname, headers } of entries) {
    const policy = headers.find((header) => header.key.toLowerCase() === 'content-security-policy')?.value;
    if (policy === undefined) continue;
    const address = `${base}${withSlash(pathname).slice(1)}`;
    policies.set(address, policy);
    policies.set(`${address}index.html`, policy);
    if (withSlash(pathname) === '/404/') policies.set('/404/', policy);
  }
  return policies;
}

/** Calls `apply` just before the response's head is written, however the handler writes it. */
function beforeHead(res: ServerResponse, apply: (status: number) => void): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    res.writeHead = writeHead;
    apply(typeof args[0] === 'number' ? args[0] : res.statusCode);
    return (writeHead as (...rest: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
}

/**
 * Wraps a handler so every response carries the security headers: those a response already has
 * (Astro's own policy with its hashes on on-demand pages, a page's Cache-Control) are kept; a
 * prerendered page gets its own policy by exact path, a 404 the not-found page's, anything else
 * the fallback. X-Forwarded-For is dropped unless it is the configured client address header:
 * Astro would otherwise take its left-most value, which the client writes, as `clientAddress`.
 *
 * @example
 * createServer(withSecurityHeaders(handler, { policies: await readPagePolicies('dist/_headers.json') }));
 */
export function withSecurityHeaders(handler: NodeHandler, options: SecuredOptions): NodeHandler {
  const { policies, clientAddressHeader } = options;
  return (req, res) => {
    if (clientAddressHeader !== 'x-forwarded-for') delete req.headers['x-forwarded-for'];
    const path = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    beforeHead(res, (status) => {
      for (const [name, value] of Object.entries(securityHeaders)) {
        if (!res.hasHeader(name)) res.setHeader(name, value);
      }
      const page = policies.get(path) ?? (status === 404 ? policies.get('/404/') : undefined);
      if (page !== undefined) res.setHeader('Content-Security-Policy', page);
      else if (!res.hasHeader('Content-Security-Policy')) {
        res.setHeader('Content-Security-Policy', fallbackContentSecurityPolicy);
      }
    });
    handler(req, res);
  };
}

/**
 * Sends the build's text files compressed where the browser accepts it, and hands every other
 * request to `handler`; the uncompressed answer for those files says it varies by encoding too.
 *
 * @example
 * createServer(withCompression(handler, makeCompressedFiles('dist/client', '/')));
 */
export function withCompression(handler: NodeHandler, files: CompressedFiles): NodeHandler {
  return (req, res) => {
    files.serve(req, res).then(
      (served) => {
        if (served) return;
        if (files.has((req.url ?? '/').split(/[?#]/)[0] ?? '/')) res.setHeader('Vary', 'Accept-Encoding');
        handler(req, res);
      },
      () => handler(req, res),
    );
  };
}

/**
 * Keeps a site built under a path (`/klachten/`) there: the root sends a visitor to it, any other
 * address outside it is not found (Astro's file handler would otherwise serve the pages twice).
 *
 * @example
 * createServer(withinBase(handler, '/klachten/'));
 */
export function withinBase(handler: NodeHandler, base: string): NodeHandler {
  if (base === '/') return handler;
  return (req, res) => {
    const path = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    if (path.startsWith(base) || `${path}/` === base) return handler(req, res);
    if (path === '/') {
      res.writeHead(302, { Location: base }).end();
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`Niet gevonden: de site staat onder ${base}\nNot found: the site is at ${base}\n`);
  };
}

/** Where and how to serve. */
export interface ServeOptions {
  /** The build's folder, holding `server/entry.mjs`, `client/` and `_headers.json`. */
  distDir: string;
  host: string;
  port: number;
  clientAddressHeader?: string | undefined;
}

/**
 * Serves the built site on `host:port` with the security headers; resolves once it listens.
 *
 * @example
 * const server = await serveBuiltSite({ distDir: 'dist', host: 'localhost', port: 4321 });
 */
export async function serveBuiltSite(options: ServeOptions): Promise<Server> {
  // The entry starts its own server on import unless told not to: this one takes its place.
  process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
  const entry = (await import(pathToFileURL(join(options.distDir, 'server', 'entry.mjs')).href)) as {
    handler: NodeHandler;
  };
  const { base } = await readBuildInfo(options.distDir);
  const policies = await readPagePolicies(join(options.distDir, '_headers.json'), base);
  const files = makeCompressedFiles(join(options.distDir, 'client'), base);
  const server = createServer(
    withSecurityHeaders(withinBase(withCompression(entry.handler, files), base), {
      policies,
      clientAddressHeader: options.clientAddressHeader,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return server;
}
