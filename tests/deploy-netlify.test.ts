// The Netlify build (KLACHTEN_ADAPTER=netlify): every page a static file in the publish folder,
// the security headers in the platform's config, and the on-demand routes one function, called
// here the way Netlify calls it (a web Request and a context with the client's address). A
// posted complaint goes through the Redis queue into the GitHub stand-in, its receipt to SMTP.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../site/server/security-headers.ts';
import { buildSite } from './support/build-site.ts';
import { complaintForm, eventually, startPlatformWorld, type PlatformWorld } from './support/deploy-fixture.ts';
import { startFunction, type HostedFunction } from './support/start-function.ts';

const publish = '.out/deploy-netlify';
const site = 'https://klachten.livable.nl';

let world: PlatformWorld;
let fn: HostedFunction;
beforeAll(async () => {
  await buildSite({ KLACHTEN_ADAPTER: 'netlify', KLACHTEN_OUT_DIR: publish });
  world = await startPlatformWorld();
  fn = await startFunction('.netlify/v1/functions/ssr/ssr.mjs', 'netlify', site, world.env);
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

describe('the Netlify build', () => {
  it('has the form as a static file in the publish folder, posting to the function', async () => {
    const html = await readFile(join(publish, 'klacht-indienen', 'index.html'), 'utf8');
    expect(html).toContain('action="/klacht-indienen/verzenden/"');
    for (const page of ['index.html', 'reglement/index.html', 'en/complaint/index.html', 'favicon.ico']) {
      await expect(readFile(join(publish, page))).resolves.toBeDefined();
    }
  });

  it('carries the security headers for every file, and each page its policy, in the platform config', async () => {
    const config = JSON.parse(await readFile('.netlify/v1/config.json', 'utf8')) as {
      headers: { for: string; values: Record<string, string> }[];
    };
    const all = config.headers.find((rule) => rule.for === '/*');
    expect(all?.values).toEqual(securityHeaders);
    const form = config.headers.find((rule) => rule.for === '/klacht-indienen');
    expect(form?.values['Content-Security-Policy']).toMatch(/frame-ancestors 'none'.*script-src 'self' 'sha256-/);
    expect(config.headers.find((rule) => rule.for === '/_astro/*')?.values['Cache-Control']).toBe(
      'public, max-age=31536000, immutable',
    );
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

  it('refuses to keep complaints in a folder on the function’s passing disk, saying why', async () => {
    const folder = await startFunction('.netlify/v1/functions/ssr/ssr.mjs', 'netlify', site, {
      ...world.env,
      KLACHTEN_STORE: 'git',
    });
    try {
      const response = await fetch(`${folder.url}/klacht-indienen/verzenden/`, {
        method: 'POST',
        headers: { Origin: site, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: complaintForm.toString(),
      });
      expect(response.status).toBeGreaterThanOrEqual(500);
      await eventually(
        () => (folder.output().includes('KLACHTEN_STORE=git werkt niet op Netlify') ? true : undefined),
        'the refusal in the log',
        5000,
      );
    } finally {
      await folder.stop();
    }
  });
});
