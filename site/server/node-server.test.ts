import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPagePolicies, withSecurityHeaders, type NodeHandler, type PagePolicies } from './node-server.ts';
import { fallbackContentSecurityPolicy, securityHeaders } from './security-headers.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Serves `handler` wrapped, on a free loopback port; gives its address. */
async function serve(handler: NodeHandler, policies: PagePolicies, clientAddressHeader?: string): Promise<string> {
  server = createServer(withSecurityHeaders(handler, { policies, clientAddressHeader }));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const policies: PagePolicies = new Map([
  ['/klacht-indienen/', "script-src 'self' 'sha256-form'"],
  ['/404/', "script-src 'self' 'sha256-notfound'"],
]);

// As Astro's static handler does: headers set one by one, the body piped later.
const staticFile: NodeHandler = (_req, res) => {
  res.setHeader('Content-Security-Policy', 'the adapter guessed');
  res.setHeader('Cache-Control', 'public, max-age=0');
  setTimeout(() => res.end('<!doctype html>'), 5);
};

describe('the Node server’s security headers', () => {
  it('go on every response, without replacing the headers a response chose itself', async () => {
    const base = await serve(staticFile, policies);
    const response = await fetch(`${base}/_astro/site.css`);
    for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers.get(name)).toBe(value);
    expect(response.headers.get('cache-control')).toBe('public, max-age=0');
  });

  it('give a prerendered page its own policy by exact path, whatever the adapter set', async () => {
    const base = await serve(staticFile, policies);
    expect((await fetch(`${base}/klacht-indienen/?x=1`)).headers.get('content-security-policy')).toBe(
      "script-src 'self' 'sha256-form'",
    );
  });

  it('keep the policy an on-demand page wrote with its head', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(422, { 'content-security-policy': 'astro own', 'cache-control': 'no-store' }).end();
    }, policies);
    const response = await fetch(`${base}/klacht-indienen/verzenden/`);
    expect(response.headers.get('content-security-policy')).toBe('astro own');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('give a missing page the not-found page’s policy, and anything else the fallback', async () => {
    const base = await serve((req, res) => {
      res.statusCode = req.url === '/weg/' ? 404 : 301;
      res.end();
    }, policies);
    const notFound = await fetch(`${base}/weg/`, { redirect: 'manual' });
    expect(notFound.headers.get('content-security-policy')).toBe("script-src 'self' 'sha256-notfound'");
    const moved = await fetch(`${base}/reglement`, { redirect: 'manual' });
    expect(moved.headers.get('content-security-policy')).toBe(fallbackContentSecurityPolicy);
  });

  it('drop an X-Forwarded-For the client wrote, unless a proxy is configured to write it', async () => {
    const echo: NodeHandler = (req, res) => res.end(String(req.headers['x-forwarded-for'] ?? 'none'));
    const direct = await serve(echo, policies);
    expect(await (await fetch(direct, { headers: { 'x-forwarded-for': '198.51.100.1' } })).text()).toBe('none');
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    const proxied = await serve(echo, policies, 'x-forwarded-for');
    expect(await (await fetch(proxied, { headers: { 'x-forwarded-for': '198.51.100.1' } })).text()).toBe(
      '198.51.100.1',
    );
  });
});

describe('the per-page policies of a build', () => {
  it('are read under each page’s address, with and without index.html', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'klachten-headers-'));
    try {
      const file = join(folder, '_headers.json');
      await writeFile(
        file,
        JSON.stringify([
          { pathname: '/', headers: [{ key: 'Content-Security-Policy', value: 'home' }] },
          { pathname: '/en/complaint', headers: [{ key: 'Content-Security-Policy', value: 'form' }] },
        ]),
      );
      const read = await readPagePolicies(file);
      expect(Object.fromEntries(read)).toEqual({
        '/': 'home',
        '/index.html': 'home',
        '/en/complaint/': 'form',
        '/en/complaint/index.html': 'form',
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('are none when the build wrote no file', async () => {
    expect((await readPagePolicies('/nonexistent/_headers.json')).size).toBe(0);
  });
});
