// A serverless build under test (deploy-netlify, deploy-vercel): built once for its platform,
// its function started in the platform's world, and the checks every platform's build must pass
// whatever its config looks like.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { phonePhoto } from './attachment-files.ts';
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

/** The sizes of the request bodies the platform was sent so far (function-host.ts prints them). */
export function bodySizes(deployed: DeployedBuild): number[] {
  return [...deployed.fn.output().matchAll(/\{"body":(\d+)\}/g)].map((match) => Number(match[1]));
}

/** A photo as the page's script sends it: long side 2560 px, JPEG at 85 % (site/scripts/file-field.ts). */
async function scaledAsThePageDoes(photo: Buffer): Promise<Buffer> {
  return sharp(photo).resize({ width: 2560, height: 2560, fit: 'inside' }).jpeg({ quality: 85 }).toBuffer();
}

/**
 * The tests of files on a serverless platform, where a body over about 4.5 MB is refused before
 * the function runs: the form's file question needs the script there (without it the form
 * carries no file, so nobody loses what they typed); with it three phone photos of 8 MB arrive
 * whole, each scaled and in a post of its own, and no post comes near the limit.
 *
 * @example
 * describe('the Netlify build', () => {
 *   itTakesFilesWithinThePlatformLimit(deployed, 'https://klachten.livable.nl', '.out/deploy-netlify');
 * });
 */
export function itTakesFilesWithinThePlatformLimit(deployed: DeployedBuild, site: string, publish: string): void {
  const stage = (body: FormData) =>
    fetch(`${deployed.fn.url}/klacht-indienen/bestand/`, { method: 'POST', headers: { Origin: site }, body });

  it('offers the file question only with the script: without it the form carries no file', async () => {
    const html = await readFile(join(publish, 'klacht-indienen', 'index.html'), 'utf8');
    const input = /<input[^>]*id="veld-bestanden"[^>]*>/.exec(html)?.[0] ?? '';
    expect(input).toContain('disabled');
    expect(input).toContain('hidden');
    expect(html).toContain('op uw eigen pagina');
    expect(html).toContain('elk hoogstens 4 MB');
  });

  it('takes a complaint with three phone photos of 8 MB whole, each in a post of its own, none over 4.5 MB', async () => {
    const photos = await Promise.all([1, 2, 3].map((seed) => phonePhoto(8, seed)));
    for (const photo of photos) expect(photo.length).toBeGreaterThan(7 * 1024 * 1024);
    // As it is, one photo is more than the platform takes: refused before the function runs.
    const whole = new FormData();
    whole.append('locale', 'nl');
    whole.append('bestand', new Blob([new Uint8Array(photos[0] as Buffer)], { type: 'image/jpeg' }), 'IMG_1.JPG');
    expect((await stage(whole)).status).toBe(413);

    const before = bodySizes(deployed).length;
    const ids: string[] = [];
    for (const [index, photo] of photos.entries()) {
      const body = new FormData();
      body.append('locale', 'nl');
      body.append(
        'bestand',
        new Blob([new Uint8Array(await scaledAsThePageDoes(photo))], { type: 'image/jpeg' }),
        `IMG_${index}.JPG`,
      );
      const response = await stage(body);
      expect(response.status, deployed.fn.output()).toBe(201);
      ids.push(((await response.json()) as { id: string }).id);
    }
    const form = new URLSearchParams(complaintForm);
    form.set('complaint', 'De dakgoot lekt: zie de drie foto’s.');
    for (const id of ids) form.append('bijlage', id);
    const response = await fetch(`${deployed.fn.url}/klacht-indienen/verzenden/`, {
      method: 'POST',
      headers: { Origin: site, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(response.status, deployed.fn.output()).toBe(201);
    const html = await response.text();
    expect(html.match(/<li>bijlage-\d\.jpg \(/g)).toHaveLength(3);
    const reference = /data-testid="reference">([^<]+)</.exec(html)?.[1] ?? '';
    const posts = bodySizes(deployed).slice(before);
    expect(posts).toHaveLength(4);
    for (const size of posts) expect(size).toBeLessThan(4_500_000);

    // Filed through the queue: the three files on the case's ref at GitHub, the issue lists them.
    const repo = deployed.world.standIn.state.repo('livable/klachten');
    const issue = await eventually(
      () => repo.issues.find((candidate) => candidate.title.includes(reference)),
      'the issue in GitHub',
      30_000,
    );
    expect(issue.body).toContain(`bijlagen/${reference}/bijlage-3.jpg`);
    const head = repo.refs.get(`refs/heads/bijlagen/${reference}`) ?? '';
    expect(repo.trees.get(repo.commits.get(head)?.tree ?? '')?.map((entry) => entry.path)).toEqual([
      'bijlage-1.jpg',
      'bijlage-2.jpg',
      'bijlage-3.jpg',
    ]);
  }, 90_000);

  it('lets a post up to the limit reach the function, which answers it, and refuses one past it', async () => {
    const atLimit = new FormData();
    atLimit.append('locale', 'nl');
    // A file of exactly the largest size the site takes there: the function itself answers.
    atLimit.append('bestand', new Blob([Buffer.alloc(4 * 1024 * 1024, 0x41)]), 'scan.pdf');
    const answered = await stage(atLimit);
    expect(answered.status).toBe(422);
    expect(((await answered.json()) as { message: string }).message).toContain('kunnen we niet aannemen');
    const past = new FormData();
    past.append('locale', 'nl');
    past.append('bestand', new Blob([Buffer.alloc(4_600_000, 0x41)]), 'scan.pdf');
    expect((await stage(past)).status).toBe(413);
  });
}
