import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { describeQueueContract } from '../cases/queue/contract.ts';
import { newEntry } from '../cases/queue/entry.ts';
import { makeFsQueue, makeQueueFromEnv, queueKind, redisPrefix } from '../cases/queue/from-env.ts';
import { aCase } from './support/case-fixture.ts';
import { startRedis } from './support/redis.ts';
import { useServer } from './support/use-server.ts';

describeQueueContract('the fs queue', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'klachten-queue-'));
  return {
    queue: makeFsQueue(dir),
    reopen: async () => makeFsQueue(dir),
    corrupt: (reference) =>
      writeFile(join(dir, 'entry', reference), '{"v":1,"state":"queued","record":{"status":"kwijt"'),
    close: () => rm(dir, { recursive: true, force: true }),
  };
});

const redis = useServer(startRedis);
let database = 0;

describeQueueContract('the Redis queue', async () => {
  // One database per test: a fresh, empty queue on the one server.
  database = (database % 15) + 1;
  const url = `${redis().url}/${database}`;
  const admin = new Redis(url);
  await admin.flushdb();
  return {
    queue: makeQueueFromEnv({ KLACHTEN_QUEUE: url }, '/'),
    reopen: async () => makeQueueFromEnv({ KLACHTEN_QUEUE: url }, '/'),
    corrupt: async (reference) => void (await admin.set(`${redisPrefix}entry:${reference}`, '{"v":1,"state":"que')),
    close: async () => {
      await admin.flushdb();
      admin.disconnect();
    },
  };
});

describe('the fs queue on disk', () => {
  it('keeps its files 0600 in folders 0700, whatever the umask, and leaves no temporary file behind', async () => {
    const root = await mkdtemp(join(tmpdir(), 'klachten-queue-modes-'));
    await chmod(root, 0o755);
    const dir = join(root, 'queue');
    const queue = makeFsQueue(dir);
    const entry = newEntry(aCase(), new Date());
    await queue.put(entry);
    await queue.put({ ...entry, revision: 1 });
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'entry'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'entry', entry.reference))).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'entry'))).toEqual([entry.reference]);
    const lease = await queue.claim(entry.reference, 1000);
    expect((await stat(join(dir, 'lease', entry.reference))).mode & 0o777).toBe(0o600);
    await queue.release(lease!);
    await rm(root, { recursive: true, force: true });
  });

  it('is chosen by KLACHTEN_QUEUE, with fs as the default and a clear message for anything else', () => {
    expect(queueKind({})).toBe('fs');
    expect(queueKind({ KLACHTEN_QUEUE: 'rediss://default:secret@eu1.upstash.io:6379' })).toBe('redis');
    expect(queueKind({ KLACHTEN_QUEUE: 'netlify-blobs' })).toBe('netlify-blobs');
    expect(() => queueKind({ KLACHTEN_QUEUE: 's3' })).toThrow(/KLACHTEN_QUEUE: kies/);
  });
});
