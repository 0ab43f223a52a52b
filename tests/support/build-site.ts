// Builds the site for one target in a child process, as `npm run build` does, into its own folder:
// for the tests that need a build other than the one `npm run test:browser` makes. Builds wait for
// each other (a lock file): Netlify's and Vercel's adapters write fixed folders in the project
// (.netlify/, .vercel/), and Astro's own cache (.astro/) is shared.
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';

/**
 * Runs `astro build` with `env` on top of the process environment; rejects with its output.
 *
 * @example
 * await buildSite({ KLACHTEN_ADAPTER: 'netlify', KLACHTEN_OUT_DIR: '.out/deploy-netlify' });
 */
export async function buildSite(env: Record<string, string>): Promise<void> {
  await mkdir('.out', { recursive: true });
  const clean = { ...process.env };
  // What a test runner puts in the environment must not reach the build (BASE_URL, MODE, …).
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete clean[name];
  await new Promise<void>((resolve, reject) => {
    const child = spawn('flock', ['.out/build.lock', 'npx', 'astro', 'build'], {
      env: { ...clean, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build failed:\n${output}`))));
  });
}
