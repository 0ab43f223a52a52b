// One built server of the chaos suite: `scripts/start.ts` (as `npm start` runs it) on a fixed
// loopback port and data folder, so it can be killed with SIGKILL and started again where people
// reach it; everything it prints goes to one log across its lives.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { freePort } from '../support/free-port.ts';

/** A server that can be killed and started again. */
export interface ChaosServer {
  baseUrl: string;
  /** Starts it (again) and waits until it answers. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown of any kind; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Stops it the ordinary way (SIGTERM). */
  stop(): Promise<void>;
  /** Whether a process is running now. */
  running(): boolean;
}

/** How to run it. */
export interface ChaosServerOptions {
  env: Record<string, string>;
  /** Where its output goes (appended). */
  logPath: string;
  /** Run as this user (the read-only disk without a mount, as root): uid and gid. */
  user?: { uid: number; gid: number };
}

/**
 * A server on a free port; not started yet.
 *
 * @example
 * const server = await makeChaosServer({ env, logPath });
 * await server.start(); await server.kill(); await server.start();
 */
export async function makeChaosServer(options: ChaosServerOptions): Promise<ChaosServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let log: WriteStream | undefined;

  const alive = () => child !== undefined && child.exitCode === null && child.signalCode === null;

  async function start(): Promise<void> {
    log ??= createWriteStream(options.logPath, { flags: 'a' });
    child = spawn(process.execPath, ['scripts/start.ts'], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        KLACHTEN_RATE_LIMIT_PER_HOUR: '0',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.user === undefined ? {} : options.user),
    });
    const running = child;
    // A chaos run that dies on the way takes its servers along.
    const stopOnExit = () => void running.kill('SIGKILL');
    process.once('exit', stopOnExit);
    running.once('exit', () => process.off('exit', stopOnExit));
    running.stdout?.pipe(log, { end: false });
    running.stderr?.pipe(log, { end: false });
    exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    for (let attempt = 0; attempt < 300; attempt += 1) {
      if (!alive()) throw new Error(`the server stopped with code ${running.exitCode} (see ${options.logPath})`);
      const ok = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(2000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the server did not answer on ${baseUrl}`);
  }

  async function end(signal: NodeJS.Signals): Promise<void> {
    if (!alive()) return;
    child?.kill(signal);
    await exited;
  }

  return {
    baseUrl,
    start,
    kill: () => end('SIGKILL'),
    async stop() {
      await end('SIGTERM');
      log?.end();
    },
    running: alive,
  };
}
