// The Vercel build (KLACHTEN_ADAPTER=vercel): every page a static file in .vercel/output/static,
// the security headers in the Build Output API's routes, and the on-demand routes one function
// (.vercel/output/functions/_render.func), called here the way Vercel's Node runtime calls it
// (`fetch(request)` of its default export). A posted complaint goes through the Redis queue into
// the GitHub stand-in, its receipt to SMTP.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../site/server/security-headers.ts';
import { buildSite } from './support/build-site.ts';
import { complaintForm, eventually, startPlatformWorld, type PlatformWorld } from './support/deploy-fixture.ts';
import { startFunction, type HostedFunction } from './support/start-function.ts';

const publish = '.vercel/output/static';
const entry = '.vercel/output/functions/_render.func/.vercel/output/server/entry.mjs';
const site = 'https://klachten.livable.nl';

let world: PlatformWorld;
let fn: HostedFunction;
beforeAll(async () => {
  await buildSite({ KLACHTEN_ADAPTER: 'vercel', KLACHTEN_OUT_DIR: '.out/deploy-vercel' });
  world = await startPlatformWorld();
  fn = await startFunction(entry, 'vercel', site, world.env);
}, 180_000);
afterAll(async () => {
  await fn?.stop();
  await world?.stop();
});

const call = (path: string, init: RequestInit = {}) => fetch(`${fn.url}${path}`, { redirect: 'manual', ...init });

const post = (origin: string) =>
  call('/klacht-indienen/verzenden/', {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: complaintForm.toString(),
  });

describe('the Vercel build', () => {
  it('has the form as a static file in the publish folder, posting to the function', async () => {
    const html = await readFile(join(publish, 'klacht-indienen', 'index.html'), 'utf8');
    expect(html).toContain('action="/klacht-indienen/verzenden/"');
    for (const page of ['index.html', 'reglement/index.html', 'en/complaint/index.html', 'favicon.ico']) {
      await expect(readFile(join(publish, page))).resolves.toBeDefined();
    }
  });

  it('carries the security headers for every address, and each page its policy, in the routes', async () => {
    const config = JSON.parse(await readFile('.vercel/output/config.json', 'utf8')) as {
      routes: { src?: string; headers?: Record<string, string>; continue?: boolean; dest?: string }[];
    };
    const [first] = config.routes;
    expect(first).toEqual({ src: '^/.*$', headers: securityHeaders, continue: true });
    const form = config.routes.find((route) => route.src === '/klacht-indienen');
    expect(form?.headers?.['content-security-policy']).toMatch(/frame-ancestors 'none'.*script-src 'self' 'sha256-/);
    expect(
      config.routes.some((route) => route.headers?.['cache-control'] === 'public, max-age=31536000, immutable'),
    ).toBe(true);
    // The intake goes to the one function.
    expect(config.routes.some((route) => route.dest === '_render')).toBe(true);
  });

  it('files a posted complaint through the queue into GitHub and mails the receipt', async () => {
    const response = await post(site);
    expect(response.status, fn.output()).toBe(201);
    const html = await response.text();
    const reference = /data-testid="reference">([^<]+)</.exec(html)?.[1] ?? '';
    expect(reference).toMatch(/^K-\d{4}-/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const repo = world.standIn.state.repo('livable/klachten');
    const issue = await eventually(
      () => repo.issues.find((candidate) => candidate.title.includes(reference)),
      'the issue in GitHub',
    );
    expect(issue.labels).toContain('klacht');
    const [receipt] = await world.smtp.waitFor(1);
    expect(receipt?.parsed.subject).toContain(reference);
  }, 30_000);

  it('refuses a post from another site with 403', async () => {
    const response = await post('https://evil.example');
    expect(response.status).toBe(403);
  });
});
