// A real Redis server for tests: Debian's `redis-server` on a free loopback port, without
// persistence unless asked, stopped by the test that started it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

/** A running Redis server. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** Stops the server process and keeps its folder (with `persist`, its data): `resume` starts it again. */
  halt(): Promise<void>;
  /** Starts the halted server again on the same port and folder. */
  resume(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts `redis-server` on a free loopback port; `persist` keeps an append-only file in its folder.
 *
 * @example
 * const redis = await startRedis();
 * const queue = await makeQueueFromEnv({ KLACHTEN_QUEUE: redis.url }, cwd);
 * await redis.stop();
 */
export async function startRedis(options: { persist?: boolean } = {}): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'klachten-redis-'));
  const port = await freePort();
  const persistence = options.persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  let server: ChildProcess;
  let exited: Promise<void>;

  // A test process that dies without stopping its server (a crash, a kill) takes it along.
  const stopOnExit = () => void server.kill();
  process.once('exit', stopOnExit);

  async function launch(): Promise<void> {
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', dir],
      { stdio: 'ignore' },
    );
    const running = server;
    exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    let spawnError: Error | undefined;
    server.once('error', (error) => (spawnError = error));
    for (let attempt = 0; attempt < 100 && !(await answers(port)); attempt += 1) {
      if (spawnError) throw new Error(`redis-server could not start (is it installed?): ${spawnError.message}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!(await answers(port))) throw new Error('redis-server did not answer');
  }

  async function halt(): Promise<void> {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill();
      await exited;
    }
  }

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    halt,
    resume: launch,
    async stop() {
      process.off('exit', stopOnExit);
      await halt();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
