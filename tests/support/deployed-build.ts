// A serverless build under test (deploy-netlify, deploy-vercel): built once for its platform,
// its function started in the platform's world, and the checks every platform's build must pass
// whatever its config looks like.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite } from './build-site.ts';
import { complaintForm, eventually, startPlatformWorld, type PlatformWorld } from './deploy-fixture.ts';
import { startFunction, type HostedFunction } from './start-function.ts';

/** Where a platform's build goes and how its function is started. */
export interface BuildPlan {
  adapter: 'netlify' | 'vercel';
  /** `KLACHTEN_OUT_DIR` of the build. */
  outDir: string;
  /** The function's module, as the adapter writes it. */
  entry: string;
  /** The site's own origin. */
  site: string;
}

/** The running build; filled in by `beforeAll`, so read it inside the tests. */
export interface DeployedBuild {
  world: PlatformWorld;
  fn: HostedFunction;
  /** Posts the complete complaint to the intake with `Origin: origin`. */
  post(origin: string): Promise<Response>;
}

/**
 * Builds the site for `plan`, starts its world and function before the file's tests, stops them after.
 *
 * @example
 * const deployed = useDeployedBuild({ adapter: 'netlify', outDir: '.out/deploy-netlify', entry, site });
 * it('refuses another site', async () => expect((await deployed.post('https://evil.example')).status).toBe(403));
 */
export function useDeployedBuild(plan: BuildPlan): DeployedBuild {
  const deployed = {
    post: (origin: string) =>
      fetch(`${deployed.fn.url}/klacht-indienen/verzenden/`, {
        redirect: 'manual',
        method: 'POST',
        headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: complaintForm.toString(),
      }),
  } as DeployedBuild;
  beforeAll(async () => {
    await buildSite({ KLACHTEN_ADAPTER: plan.adapter, KLACHTEN_OUT_DIR: plan.outDir });
    deployed.world = await startPlatformWorld();
    deployed.fn = await startFunction(plan.entry, plan.adapter, plan.site, deployed.world.env);
  }, 180_000);
  afterAll(async () => {
    await deployed.fn?.stop();
    await deployed.world?.stop();
  });
  return deployed;
}

/**
 * Expects the form, a few other pages and the favicon as static files in `publish`, the form
 * posting to the function.
 *
 * @example
 * await expectStaticPages('.out/deploy-netlify');
 */
export async function expectStaticPages(publish: string): Promise<void> {
  const html = await readFile(join(publish, 'klacht-indienen', 'index.html'), 'utf8');
  expect(html).toContain('action="/klacht-indienen/verzenden/"');
  for (const page of ['index.html', 'reglement/index.html', 'en/complaint/index.html', 'favicon.ico']) {
    await expect(readFile(join(publish, page))).resolves.toBeDefined();
  }
}

/**
 * The tests of posting to the function that every platform's build passes: a complaint from the
 * site itself is filed through the queue into GitHub and its receipt mailed; one from another
 * site is refused. Call it inside the file's `describe`.
 *
 * @example
 * describe('the Netlify build', () => {
 *   itTakesPostsFromTheSiteAlone(deployed, 'https://klachten.livable.nl');
 * });
 */
export function itTakesPostsFromTheSiteAlone(deployed: DeployedBuild, site: string): void {
  it('files a posted complaint through the queue into GitHub and mails the receipt', async () => {
    const response = await deployed.post(site);
    expect(response.status, deployed.fn.output()).toBe(201);
    const html = await response.text();
    const reference = /data-testid="reference">([^<]+)</.exec(html)?.[1] ?? '';
    expect(reference).toMatch(/^K-\d{4}-/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const repo = deployed.world.standIn.state.repo('livable/klachten');
    const issue = await eventually(
      () => repo.issues.find((candidate) => candidate.title.includes(reference)),
      'the issue in GitHub',
    );
    expect(issue.labels).toContain('klacht');
    const [receipt] = await deployed.world.smtp.waitFor(1);
    expect(receipt?.parsed.subject).toContain(reference);
  }, 30_000);

  it('refuses a post from another site with 403', async () => {
    const response = await deployed.post('https://evil.example');
    expect(response.status).toBe(403);
  });
}
