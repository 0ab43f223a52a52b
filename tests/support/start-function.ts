// Starts tests/support/function-host.ts for a built function, with the platform's environment.
import { spawn } from 'node:child_process';

/** A built function answering HTTP on loopback. */
export interface HostedFunction {
  url: string;
  /** Everything the function wrote to stdout and stderr. */
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Runs the function module in its own Node process with `env` (and nothing of the test's own).
 *
 * @example
 * const fn = await startFunction('.netlify/v1/functions/ssr/ssr.mjs', 'netlify', 'https://klachten.livable.nl', env);
 * await fetch(`${fn.url}/klacht-indienen/verzenden/`, { method: 'POST', … });
 */
export function startFunction(
  modulePath: string,
  platform: 'netlify' | 'vercel',
  origin: string,
  env: Record<string, string>,
): Promise<HostedFunction> {
  const child = spawn(process.execPath, ['tests/support/function-host.ts', modulePath, platform, origin], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      const port = /\{"port":(\d+)\}/.exec(output)?.[1];
      if (port === undefined) return;
      resolve({
        url: `http://127.0.0.1:${port}`,
        output: () => output,
        async stop() {
          if (child.exitCode !== null) return;
          const exited = new Promise((done) => child.once('exit', done));
          child.kill();
          await exited;
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`the function host stopped (${code}):\n${output}`)));
  });
}
