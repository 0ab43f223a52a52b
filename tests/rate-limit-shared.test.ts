import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFsQueue } from '../cases/queue/from-env.ts';
import type { IntakeQueue } from '../cases/queue/port.ts';
import { makeQueueRateLimiter, rateLimitKey, type QueueRateLimiterOptions } from '../cases/queue/rate-limiter.ts';
import type { LogFields } from '../cases/log.ts';
import { clientKey } from '../cases/rate-limit.ts';
import { fsQueueStore, redisQueueStore, type QueueStore } from './support/queue-stores.ts';
import { startRedis } from './support/redis.ts';
import { useServer } from './support/use-server.ts';

const hour = 60 * 60 * 1000;
const secret = 'the-token-secret-every-instance-shares-0123456789';
const address = '203.0.113.7';
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, 0) + minutes * 60 * 1000);

function describeSharedLimiter(name: string, setUp: () => Promise<QueueStore>) {
  describe(`the shared limit on complaints per client, on ${name}`, () => {
    let bed: QueueStore;
    const opened: IntakeQueue[] = [];
    const instance = (options: Partial<QueueRateLimiterOptions> = {}) => {
      const queue = bed.open();
      opened.push(queue);
      return makeQueueRateLimiter(queue, { limit: 3, windowMs: hour, secret, log: () => {}, ...options });
    };
    beforeEach(async () => {
      bed = await setUp();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((queue) => queue.close()));
      await bed.close();
    });

    it('lets two instances on one store together allow exactly the limit, also when they race', async () => {
      const [first, second] = [instance({ limit: 5 }), instance({ limit: 5 })];
      const posts = Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? first : second).take(address, at(0)));
      const places = await Promise.all(posts);
      expect(places.filter((place) => place.ok)).toHaveLength(5);
      expect((await first.take(address, at(1))).ok).toBe(false);
      expect((await second.take(address, at(1))).ok).toBe(false);
      expect((await second.take('203.0.113.8', at(1))).ok).toBe(true);
    });

    it('counts the lost-link form apart: asking for links never uses up complaints, nor the other way round', async () => {
      const [complaints, links] = [instance({ limit: 2 }), instance({ limit: 2, counts: 'link' })];
      expect((await complaints.take(address, at(0))).ok).toBe(true);
      expect((await complaints.take(address, at(1))).ok).toBe(true);
      expect((await complaints.take(address, at(2))).ok).toBe(false);
      expect((await links.take(address, at(2))).ok).toBe(true);
      expect((await links.take(address, at(3))).ok).toBe(true);
      expect((await links.take(address, at(4))).ok).toBe(false);
    });

    it('says when the oldest place frees up, in whole seconds, whichever instance took it', async () => {
      const [first, second] = [instance({ limit: 2 }), instance({ limit: 2 })];
      await first.take(address, at(0));
      await second.take(address, at(10));
      expect(await first.take(address, at(15))).toEqual({ ok: false, retryAfterSeconds: 45 * 60 });
    });

    it('frees a place given back, on every instance, and gives back only that place', async () => {
      const [first, second] = [instance({ limit: 2 }), instance({ limit: 2 })];
      const given = await first.take(address, at(0));
      await second.take(address, at(1));
      if (!given.ok) throw new Error('no first place');
      await given.giveBack();
      await given.giveBack();
      expect((await second.take(address, at(2))).ok).toBe(true);
      expect((await first.take(address, at(2))).ok).toBe(false);
    });

    it('lets the address through again once the window has passed', async () => {
      const [first, second] = [instance({ limit: 1 }), instance({ limit: 1 })];
      await first.take(address, at(0));
      expect((await second.take(address, at(59))).ok).toBe(false);
      expect((await second.take(address, at(60))).ok).toBe(true);
    });

    it('is off with a limit of 0: every complaint gets through and nothing is stored', async () => {
      const limiter = instance({ limit: 0 });
      const places = await Promise.all(Array.from({ length: 20 }, () => limiter.take(address, at(0))));
      expect(places.every((place) => place.ok)).toBe(true);
      expect(await bed.dump()).toEqual([]);
    });

    it('stores only a hash under a key derived for the limit, never the address itself', async () => {
      const limiter = instance();
      await limiter.take(address, at(0));
      await limiter.take('2001:db8:1:2::', at(0));
      const stored = (await bed.dump()).join('\n');
      expect(stored).toContain(`meta:rate:${clientKey(address, rateLimitKey(secret))} `);
      expect(stored).not.toContain(address);
      expect(stored).not.toContain('2001:db8');
      expect(stored).not.toContain(clientKey(address, secret));
      expect(stored).not.toContain(secret);
    });

    it('forgets clients whose places have all expired when the queue is pruned', async () => {
      const limiter = instance();
      await limiter.take(address, at(0));
      const queue = bed.open();
      opened.push(queue);
      const note = `rate:${clientKey(address, rateLimitKey(secret))}`;
      expect(await queue.prune(at(30))).toBe(0);
      expect(await queue.getMeta(note)).toBeDefined();
      expect(await queue.prune(at(61))).toBe(1);
      expect(await queue.getMeta(note)).toBeUndefined();
    });
  });
}

describeSharedLimiter('the fs queue', () => fsQueueStore('klachten-rate-'));

const redis = useServer(startRedis);

describeSharedLimiter('a real Redis server', () => redisQueueStore(`${redis().url}/3`));

describe('the shared limit when its store fails', () => {
  const broken = (overrides: Partial<IntakeQueue>): IntakeQueue => ({ ...makeFsQueue('/nonexistent'), ...overrides });
  const collect = () => {
    const lines: { event: string; fields: LogFields }[] = [];
    return { lines, log: (event: string, fields: LogFields) => void lines.push({ event, fields }) };
  };

  it('lets the complaint through and logs intake.limit-unavailable when the store cannot be reached', async () => {
    const { lines, log } = collect();
    const down = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const limiter = makeQueueRateLimiter(broken({ claim: down }), { limit: 1, windowMs: hour, secret, log });
    const place = await limiter.take(address, at(0));
    expect(place.ok).toBe(true);
    expect((await limiter.take(address, at(0))).ok).toBe(true);
    expect(lines[0]).toEqual({ event: 'intake.limit-unavailable', fields: { code: 'ECONNREFUSED' } });
    expect(JSON.stringify(lines)).not.toContain(address);
  });

  it('never fails a complaint because a place could not be given back', async () => {
    const { lines, log } = collect();
    let reachable = true;
    const dir = await mkdtemp(join(tmpdir(), 'klachten-rate-'));
    const queue = makeFsQueue(dir);
    const flaky = broken({
      claim: (reference, leaseMs) => (reachable ? queue.claim(reference, leaseMs) : Promise.reject(new Error('down'))),
      release: (lease) => queue.release(lease),
      getMeta: (name) => queue.getMeta(name),
      setMeta: (name, value) => queue.setMeta(name, value),
    });
    const place = await makeQueueRateLimiter(flaky, { limit: 1, windowMs: hour, secret, log }).take(address, at(0));
    reachable = false;
    if (!place.ok) throw new Error('no place');
    await expect(place.giveBack()).resolves.toBeUndefined();
    expect(lines.map((line) => line.event)).toEqual(['intake.limit-unavailable']);
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses, rather than lets through unseen, while another instance keeps the address busy', async () => {
    const { lines, log } = collect();
    const held = broken({ claim: async () => undefined });
    const limiter = makeQueueRateLimiter(held, { limit: 5, windowMs: hour, secret, log, waitMs: 30 });
    expect(await limiter.take(address, at(0))).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(lines.map((line) => line.event)).toEqual(['intake.limit-busy']);
  });
});
