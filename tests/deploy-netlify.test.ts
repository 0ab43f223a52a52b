// The Netlify build (KLACHTEN_ADAPTER=netlify): every page a static file in the publish folder,
// the security headers in the platform's config, and the on-demand routes one function, called
// here the way Netlify calls it (a web Request and a context with the client's address). A
// posted complaint goes through the Redis queue into the GitHub stand-in, its receipt to SMTP.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../site/server/security-headers.ts';
import { securityHeaderProblems } from './browser/header-checks.ts';
import { complaintForm, eventually } from './support/deploy-fixture.ts';
import {
  expectStaticPages,
  itTakesFilesWithinThePlatformLimit,
  itTakesPostsFromTheSiteAlone,
  useDeployedBuild,
} from './support/deployed-build.ts';
import { startFunction } from './support/start-function.ts';

const publish = '.out/deploy-netlify';
const site = 'https://klachten.livable.nl';

const deployed = useDeployedBuild({
  adapter: 'netlify',
  outDir: publish,
  entry: '.netlify/v1/functions/ssr/ssr.mjs',
  site,
});

describe('the Netlify build', () => {
  it('has the form as a static file in the publish folder, posting to the function', async () => {
    await expectStaticPages(publish);
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

  itTakesPostsFromTheSiteAlone(deployed, site);

  it('answers an address it does not know with its 404 page and the full header set', async () => {
    const response = await fetch(`${deployed.fn.url}/bestaat-niet/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Pagina niet gevonden');
    expect(securityHeaderProblems(response.headers, { personal: true })).toEqual([]);
  });

  it('refuses a cross-site form with 403 and the full header set', async () => {
    const response = await deployed.post('https://evil.example');
    expect(response.status).toBe(403);
    expect(securityHeaderProblems(response.headers, { personal: true })).toEqual([]);
  });

  it('answers a form over the limit with 413, the full header set, what to do and the fields it could keep', async () => {
    const form = new URLSearchParams(complaintForm);
    form.set('complaint', 'x'.repeat(300 * 1024));
    const response = await fetch(`${deployed.fn.url}/klacht-indienen/verzenden/`, {
      method: 'POST',
      headers: { Origin: site, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(response.status).toBe(413);
    expect(securityHeaderProblems(response.headers, { personal: true })).toEqual([]);
    const html = await response.text();
    expect(html).toContain('Het bericht is te lang of de bestanden zijn te groot.');
    expect(html).not.toMatch(/paar minuten|opnieuw over/);
    expect(html).toContain(`value="${complaintForm.get('email') ?? ''}"`);
  });

  itTakesFilesWithinThePlatformLimit(deployed, site, publish);

  it('refuses to keep complaints in a folder on the function’s passing disk, saying why', async () => {
    const folder = await startFunction('.netlify/v1/functions/ssr/ssr.mjs', 'netlify', site, {
      ...deployed.world.env,
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
