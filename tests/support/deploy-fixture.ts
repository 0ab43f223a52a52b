// What the tests of the serverless builds share (deploy-netlify, deploy-vercel): the world a
// function runs in on its platform — the GitHub stand-in, a real Redis queue, a loopback SMTP
// server and the environment naming them — and a complete complaint to post.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as setup } from '../../scripts/commands/setup.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../github-standin/index.ts';
import { dutchComplainant } from './complainant.ts';
import { startSmtpServer, testSecret, type TestSmtpServer } from './mail-fixture.ts';
import { startRedis, type RedisServer } from './redis.ts';
import { runCommand } from './run-command.ts';
import { standInGitHubEnv } from './standin-octokit.ts';

/** The services a deployed function talks to, and how to stop them. */
export interface PlatformWorld {
  standIn: GitHubStandIn;
  smtp: TestSmtpServer;
  redis: RedisServer;
  /** The function's environment variables, as set in the platform's settings. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts the stand-in (with its labels, as `klachten setup` makes them), Redis and SMTP.
 *
 * @example
 * const world = await startPlatformWorld();
 * Object.assign(process.env, world.env);
 */
export async function startPlatformWorld(): Promise<PlatformWorld> {
  const standIn = await startGitHubStandIn({
    tokens: [
      {
        token: 'test-token',
        login: 'klachten-bot',
        permissions: { issues: 'write', metadata: 'read', contents: 'write' },
      },
    ],
  });
  const smtp = await startSmtpServer();
  const redis = await startRedis();
  const dataDir = await mkdtemp(join(tmpdir(), 'klachten-deploy-'));
  const env = {
    ...standInGitHubEnv(standIn, { dataDir }),
    KLACHTEN_QUEUE: redis.url,
    SMTP_URL: smtp.url,
    KLACHTEN_TOKEN_SECRET: testSecret,
    KLACHTEN_RATE_LIMIT_PER_HOUR: '0',
  };
  const labels = await runCommand(setup, { env });
  if (labels.code !== 0) throw new Error(`klachten setup failed: ${labels.stderr}`);
  return {
    standIn,
    smtp,
    redis,
    env,
    async stop() {
      await standIn.close();
      await smtp.close();
      await redis.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A complete Dutch complaint as the form posts it. */
export const complaintForm = new URLSearchParams({
  locale: 'nl',
  ...dutchComplainant,
  complaint: 'De lift is al drie weken kapot.',
  expectation: 'Dat de lift deze week wordt gemaakt.',
  concerns: '',
  earlier: 'nee',
  whatIsNew: '',
  consent: 'ja',
});

/**
 * Waits until `check` gives a value, or fails after `ms`.
 *
 * @example
 * const issue = await eventually(() => repo.issues.find((i) => i.title.includes(reference)));
 */
export async function eventually<T>(check: () => T | undefined, what: string, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = check();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
