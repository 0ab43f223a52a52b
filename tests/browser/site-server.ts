// Starts the built site with its real server (scripts/start.ts, as `npm start` does) on a free
// loopback port, with its own temp data folder and log: one for the whole run (global-setup.ts),
// and one more where a test needs other settings, such as a mail server (mail-flow.test.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port.ts';

/** A running site. */
export interface Site {
  baseUrl: string;
  /** `KLACHTEN_DATA_DIR` of the site; its cases are in `cases/`. */
  dataDir: string;
  /** The folder holding `dataDir` and `server.log`. */
  root: string;
  /** Everything the server wrote to stdout and stderr. */
  logPath: string;
  /** The server's process id, to read its memory use. */
  pid: number | undefined;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
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

/**
 * Starts the built site with the Git-folder store and `env` on top of the process environment.
 * The limit on complaints per address is off unless `env` sets one: the tests file many.
 *
 * @example
 * const site = await startSite('klachten-mail-flow-', { SMTP_URL: smtp.url });
 * await fetch(`${site.baseUrl}/`);
 * await site.stop();
 */
export async function startSite(prefix: string, env: Record<string, string> = {}): Promise<Site> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const dataDir = join(root, 'data');
  const logPath = join(root, 'server.log');
  const port = await freePort();
  const log = createWriteStream(logPath);
  const server = spawn(process.execPath, ['scripts/start.ts'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      KLACHTEN_DATA_DIR: dataDir,
      KLACHTEN_STORE: 'git',
      KLACHTEN_RATE_LIMIT_PER_HOUR: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(`${baseUrl}/`, server);
  return {
    baseUrl,
    dataDir,
    root,
    logPath,
    pid: server.pid,
    async stop() {
      // A server killed by a signal (a test's SIGKILL) has exited already, with no exit code.
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill();
        await exited;
      }
      log.end();
      await rm(root, { recursive: true, force: true });
    },
  };
}
