import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubStandIn, type GitHubStandIn } from '../../tests/github-standin/index.ts';
import { freePort } from '../../tests/support/free-port.ts';
import { startSmtpServer, testSecret, type TestSmtpServer } from '../../tests/support/mail-fixture.ts';
import { startRedis, type RedisServer } from '../../tests/support/redis.ts';
import { runCommand } from '../../tests/support/run-command.ts';
import { standInGitHubEnv } from '../../tests/support/standin-octokit.ts';
import { run as setup } from './setup.ts';
import { makeQueueFromEnv } from '../../cases/queue/from-env.ts';
import { run } from './doctor.ts';

const problems = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('✗'));

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'klachten-doctor-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('klachten doctor on the embedded default', () => {
  it('says all is well, one line per check, and exits 0', async () => {
    const result = await runCommand(run, { env: { KLACHTEN_DATA_DIR: join(dataDir, 'data') } });
    expect(result.code).toBe(0);
    expect(problems(result.stdout)).toEqual([]);
    expect(result.stdout).toContain('✓ Configuratie: in orde');
    expect(result.stdout).toContain('✓ Opslag:');
    expect(result.stdout).toContain('✓ Mail: geen SMTP_URL');
    expect(result.stdout).toContain('✓ Geheim:');
    expect(result.stdout).toContain('Alles in orde. / All is well.');
  });

  it('names a data folder others can read, and a secret that is too short', async () => {
    const { chmod } = await import('node:fs/promises');
    await chmod(dataDir, 0o755);
    const result = await runCommand(run, { env: { KLACHTEN_DATA_DIR: dataDir, KLACHTEN_TOKEN_SECRET: 'kort' } });
    expect(result.code).toBe(1);
    const lines = problems(result.stdout);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^✗ Opslag: .* leesbaar voor andere gebruikers \(755\).*chmod 700/);
    expect(lines[1]).toMatch(/^✗ Geheim: KLACHTEN_TOKEN_SECRET is te kort \(4 tekens\)/);
  });

  it('refuses the Git folder on a serverless platform', async () => {
    const result = await runCommand(run, { env: { KLACHTEN_DATA_DIR: dataDir, NETLIFY: 'true' } });
    expect(result.code).toBe(1);
    expect(problems(result.stdout)).toEqual([expect.stringMatching(/^✗ Opslag: .*serverless.*KLACHTEN_STORE=github/)]);
  });
});

describe('klachten doctor on GitHub, SMTP and a Redis queue', () => {
  let standIn: GitHubStandIn;
  let smtp: TestSmtpServer;
  let redis: RedisServer;
  beforeAll(async () => {
    standIn = await startGitHubStandIn({
      now: () => new Date('2026-11-24T09:00:00Z'),
      tokens: [
        { token: 'test-token', login: 'klachten-bot', permissions: { issues: 'write', metadata: 'read' } },
        { token: 'read-token', login: 'reader', permissions: { issues: 'read', metadata: 'read' } },
      ],
    });
    smtp = await startSmtpServer();
    redis = await startRedis();
    // The labels exist once setup has run, as the deployment guide says.
    expect((await runCommand(setup, { env: standInGitHubEnv(standIn, { dataDir: tmpdir() }) })).code).toBe(0);
  }, 30_000);
  afterAll(async () => {
    await standIn.close();
    await smtp.close();
    await redis.stop();
  });

  const env = (overrides: Record<string, string> = {}) => ({
    ...standInGitHubEnv(standIn, { dataDir }),
    SMTP_URL: smtp.url,
    KLACHTEN_QUEUE: redis.url,
    KLACHTEN_TOKEN_SECRET: testSecret,
    ...overrides,
  });

  it('says all is well when everything answers', async () => {
    const result = await runCommand(run, { env: env() });
    expect(result.stdout).toContain('✓ GitHub: de toegang werkt; livable/klachten is bereikbaar, privé');
    expect(result.stdout).toContain(`✓ Mail: de SMTP-server 127.0.0.1:${smtp.port} antwoordt`);
    expect(result.stdout).toContain('✓ Wachtrij: Redis op 127.0.0.1');
    expect(problems(result.stdout)).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('shows the last failure any process noted in the queue, by its cause code, as history rather than a problem', async () => {
    const queue = makeQueueFromEnv({ KLACHTEN_QUEUE: redis.url }, dataDir);
    await queue.setMeta('last-failure', { event: 'mail.failed', code: 'smtp-refused', at: '2026-11-24T08:12:03.120Z' });
    await queue.close();
    const result = await runCommand(run, { env: env() });
    expect(result.stdout).toContain(
      '✓ Laatste fout: smtp-refused (mail.failed) om 2026-11-24T08:12:03.120Z. / Last failure: smtp-refused.',
    );
    expect(result.code).toBe(0);
  });

  it('names a wrong token in one line and exits 1', async () => {
    const result = await runCommand(run, { env: env({ GITHUB_TOKEN: 'wrong-token' }) });
    expect(result.code).toBe(1);
    expect(problems(result.stdout)).toEqual([
      expect.stringMatching(/^✗ GitHub: het token of de GitHub App wordt geweigerd \(401\)/),
    ]);
  });

  it('names a token that may not write issues', async () => {
    const result = await runCommand(run, { env: env({ GITHUB_TOKEN: 'read-token' }) });
    expect(result.code).toBe(1);
    expect(problems(result.stdout)).toEqual([
      expect.stringMatching(/^✗ GitHub: deze toegang mag geen issues schrijven/),
    ]);
  });

  it('names an unreachable SMTP server in one line and exits 1', async () => {
    // Nothing listens on a free port: connections to it are refused at once.
    const port = await freePort();
    const result = await runCommand(run, { env: env({ SMTP_URL: `smtp://127.0.0.1:${port}` }) });
    expect(result.code).toBe(1);
    expect(problems(result.stdout)).toEqual([
      expect.stringMatching(new RegExp(`^✗ Mail: de SMTP-server 127\\.0\\.0\\.1:${port} is niet bereikbaar`)),
    ]);
  });

  it('names a queue that refuses in one line and exits 1', async () => {
    // Nothing listens on a free port: connections to it are refused at once.
    const port = await freePort();
    const result = await runCommand(run, { env: env({ KLACHTEN_QUEUE: `redis://127.0.0.1:${port}` }) });
    expect(result.code).toBe(1);
    expect(problems(result.stdout)).toEqual([
      expect.stringMatching(new RegExp(`^✗ Wachtrij: Redis op 127\\.0\\.0\\.1:${port} is niet bereikbaar of weigert`)),
    ]);
  }, 20_000);

  it('names a missing token secret with the GitHub store', async () => {
    const result = await runCommand(run, { env: env({ KLACHTEN_TOKEN_SECRET: '' }) });
    expect(result.code).toBe(1);
    expect(problems(result.stdout)).toEqual([expect.stringMatching(/^✗ Geheim: KLACHTEN_TOKEN_SECRET ontbreekt/)]);
  });
});
