// The Vercel build (KLACHTEN_ADAPTER=vercel): every page a static file in .vercel/output/static,
// the security headers in the Build Output API's routes, and the on-demand routes one function
// (.vercel/output/functions/_render.func), called here the way Vercel's Node runtime calls it
// (`fetch(request)` of its default export). A posted complaint goes through the Redis queue into
// the GitHub stand-in, its receipt to SMTP.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../site/server/security-headers.ts';
import {
  expectStaticPages,
  itTakesFilesWithinThePlatformLimit,
  itTakesPostsFromTheSiteAlone,
  useDeployedBuild,
} from './support/deployed-build.ts';

const publish = '.vercel/output/static';
const entry = '.vercel/output/functions/_render.func/.vercel/output/server/entry.mjs';
const site = 'https://klachten.livable.nl';

const deployed = useDeployedBuild({ adapter: 'vercel', outDir: '.out/deploy-vercel', entry, site });

describe('the Vercel build', () => {
  it('has the form as a static file in the publish folder, posting to the function', async () => {
    await expectStaticPages(publish);
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

  itTakesPostsFromTheSiteAlone(deployed, site);

  itTakesFilesWithinThePlatformLimit(deployed, site, publish);
});
