// Everything the chaos suite runs against, real where it can be: the GitHub stand-in (which checks
// every call against GitHub's API description), the mail server, a persistent redis-server,
// Netlify Blobs' local server, and the built server twice — on the Redis queue (most faults), and
// on the fs queue on a disk that can turn read-only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testSecret } from '../support/mail-fixture.ts';
import { startLocalBlobs, type LocalBlobs } from '../support/netlify-blobs.ts';
import { startRedis, type RedisServer } from '../support/redis.ts';
import { standInGitHubEnv } from '../support/standin-octokit.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../github-standin/index.ts';
import { makeReadOnlyDisk, type ReadOnlyDisk } from './disk.ts';
import { makeChaosServer, type ChaosServer } from './server.ts';
import { startChaosSmtp, type ChaosSmtp } from './smtp.ts';

/** The running parts. */
export interface Rig {
  root: string;
  standIn: GitHubStandIn;
  smtp: ChaosSmtp;
  redis: RedisServer;
  blobs: LocalBlobs;
  /** The server on the Redis queue, and its environment. */
  server: ChaosServer;
  serverEnv: Record<string, string>;
  /** The server on the fs queue on `disk`, and its environment. */
  fsServer: ChaosServer;
  fsServerEnv: Record<string, string>;
  disk: ReadOnlyDisk;
  /** Where each server logs. */
  logs: string[];
  /** Stops everything; removes the folder unless `keep`. */
  close(keep?: boolean): Promise<void>;
}

/** The settings the servers run with. */
export interface RigOptions {
  /** `KLACHTEN_QUEUE_LEASE_MS`; default the production default (2 minutes). */
  leaseMs?: number;
}

/**
 * Starts the rig; the servers run once it resolves.
 *
 * @example
 * const rig = await startRig({});
 * … await rig.close();
 */
export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const root = await mkdtemp(join(tmpdir(), 'klachten-chaos-'));
  // What started so far is stopped again when a later part does not start.
  const started: (() => Promise<unknown>)[] = [() => rm(root, { recursive: true, force: true })];
  const begun = async <T>(part: Promise<T>, stop: (made: T) => Promise<unknown>): Promise<T> => {
    const made = await part.catch(async (error: unknown) => {
      for (const undo of started.reverse()) await undo().catch(() => undefined);
      throw error;
    });
    started.push(() => stop(made));
    return made;
  };
  const standIn = await begun(startGitHubStandIn(), (made) => made.close().catch(() => undefined));
  const smtp = await begun(startChaosSmtp(), (made) => made.close());
  const redis = await begun(startRedis({ persist: true }), (made) => made.stop());
  const blobs = await begun(startLocalBlobs(), (made) => made.stop());
  const common = (dataDir: string) => ({
    ...standInGitHubEnv(standIn, { dataDir }),
    SMTP_URL: smtp.url,
    KLACHTEN_TOKEN_SECRET: testSecret,
    // GitHub's limits are not the subject here: the stand-in does not enforce them either.
    KLACHTEN_GITHUB_WRITES_PER_MINUTE: '100000',
    KLACHTEN_GITHUB_WRITES_PER_HOUR: '1000000',
    KLACHTEN_GITHUB_POINTS_PER_MINUTE: '1000000',
    // A filing that hangs gives up after 3 s (the time-out fault hangs 4 s).
    KLACHTEN_GITHUB_BUDGET_MS: '3000',
    // What a failure leaves is tried again within seconds, not a minute.
    KLACHTEN_DRAIN_INTERVAL_MS: '5000',
    ...(options.leaseMs === undefined ? {} : { KLACHTEN_QUEUE_LEASE_MS: String(options.leaseMs) }),
  });
  const serverEnv = { ...common(join(root, 'redis-server')), KLACHTEN_QUEUE: redis.url };
  const logs = [join(root, 'server-redis.log'), join(root, 'server-fs.log')];
  const server = await makeChaosServer({ env: serverEnv, logPath: logs[0] as string });
  const disk = await begun(makeReadOnlyDisk(join(root, 'fs-server')), (made) => made.dispose());
  const fsServerEnv = { ...common(disk.dir), KLACHTEN_QUEUE: 'fs' };
  const fsServer = await makeChaosServer({
    env: fsServerEnv,
    logPath: logs[1] as string,
    ...(disk.user === undefined ? {} : { user: disk.user }),
  });
  started.push(
    () => server.stop(),
    () => fsServer.stop(),
  );
  await begun(Promise.all([server.start(), fsServer.start()]), async () => undefined);
  return {
    root,
    standIn,
    smtp,
    redis,
    blobs,
    server,
    serverEnv,
    fsServer,
    fsServerEnv,
    disk,
    logs,
    async close(keep = false) {
      await server.stop();
      await fsServer.stop();
      await disk.dispose();
      await blobs.stop();
      await redis.stop();
      await smtp.close();
      await standIn.close().catch(() => undefined);
      if (!keep) await rm(root, { recursive: true, force: true });
    },
  };
}
