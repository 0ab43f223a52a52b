// Starts the built site with its real server (dist/server/entry.mjs, as `npm start` does) on a free
// loopback port, with an empty Git-folder store in a temp folder, for all browser tests of a run.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    serverLog: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (server.exitCode !== null) throw new Error(`the site's server stopped with code ${server.exitCode}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the site did not answer on ${url}`);
}

export default async function setup(project: TestProject) {
  await stat('dist/server/entry.mjs').catch(() => {
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:browser does).');
  });
  const root = await mkdtemp(join(tmpdir(), 'klachten-browser-'));
  const dataDir = join(root, 'data');
  const serverLog = join(root, 'server.log');
  const port = await freePort();
  const log = createWriteStream(serverLog);
  const server = spawn(process.execPath, ['dist/server/entry.mjs'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), KLACHTEN_DATA_DIR: dataDir, KLACHTEN_STORE: 'git' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(`${baseUrl}/`, server);
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  project.provide('serverLog', serverLog);
  return async () => {
    server.kill();
    await new Promise((resolve) => server.once('exit', resolve));
    log.end();
    await rm(root, { recursive: true, force: true });
  };
}
