import { describe, expect, it } from 'vitest';
import { clientKey, makeMemoryRateLimiter } from './rate-limit.ts';

const hour = 60 * 60 * 1000;
const secret = 'a-per-process-key-of-enough-length';
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, 0) + minutes * 60 * 1000);

async function takeTimes(limiter: ReturnType<typeof makeMemoryRateLimiter>, client: string, times: number, now: Date) {
  const results = [];
  for (let index = 0; index < times; index += 1) results.push((await limiter.take(client, now)).ok);
  return results;
}

describe('the limit on complaints per client', () => {
  it('lets a client file up to the limit within the window, and refuses the next', async () => {
    const limiter = makeMemoryRateLimiter({ limit: 3, windowMs: hour, secret });
    expect(await takeTimes(limiter, '203.0.113.7', 4, at(0))).toEqual([true, true, true, false]);
  });

  it('counts each client on its own', async () => {
    const limiter = makeMemoryRateLimiter({ limit: 1, windowMs: hour, secret });
    expect((await limiter.take('203.0.113.7', at(0))).ok).toBe(true);
    expect((await limiter.take('203.0.113.7', at(0))).ok).toBe(false);
    expect((await limiter.take('203.0.113.8', at(0))).ok).toBe(true);
  });

  it('says when the oldest place frees up, in whole seconds', async () => {
    const limiter = makeMemoryRateLimiter({ limit: 2, windowMs: hour, secret });
    await limiter.take('203.0.113.7', at(0));
    await limiter.take('203.0.113.7', at(10));
    expect(await limiter.take('203.0.113.7', at(15))).toEqual({ ok: false, retryAfterSeconds: 45 * 60 });
  });

  it('gives a place back for a complaint that was not accepted, so only accepted ones count', async () => {
    const limiter = makeMemoryRateLimiter({ limit: 2, windowMs: hour, secret });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const place = await limiter.take('203.0.113.7', at(attempt));
      if (!place.ok) throw new Error('a refused complaint used up a place');
      await place.giveBack();
    }
    expect(await takeTimes(limiter, '203.0.113.7', 3, at(6))).toEqual([true, true, false]);
  });

  it('gives back only the place it was given, never another', async () => {
    const limiter = makeMemoryRateLimiter({ limit: 2, windowMs: hour, secret });
    const first = await limiter.take('203.0.113.7', at(0));
    await limiter.take('203.0.113.7', at(1));
    if (!first.ok) throw new Error('no first place');
    await first.giveBack();
    await first.giveBack();
    expect(limiter.held(at(2)).get(clientKey('203.0.113.7', secret))).toBe(1);
  });

  it('frees the places once the window has passed, and forgets the client', async () => {
    const limiter = makeMemoryRateLimiter({ limit: 1, windowMs: hour, secret });
    await limiter.take('203.0.113.7', at(0));
    expect((await limiter.take('203.0.113.7', at(59))).ok).toBe(false);
    expect(limiter.held(at(60)).size).toBe(0);
    expect((await limiter.take('203.0.113.7', at(60))).ok).toBe(true);
  });

  it('forgets clients that never come back, without being asked about them', async () => {
    const limiter = makeMemoryRateLimiter({ limit: 5, windowMs: hour, secret });
    for (let index = 0; index < 100; index += 1) await limiter.take(`198.51.100.${index}`, at(0));
    await limiter.take('203.0.113.7', at(61));
    expect([...limiter.held(at(61)).keys()]).toEqual([clientKey('203.0.113.7', secret)]);
  });

  it('keeps only a keyed hash of the address, never the address itself', async () => {
    const limiter = makeMemoryRateLimiter({ limit: 5, windowMs: hour, secret });
    await limiter.take('203.0.113.7', at(0));
    const keys = [...limiter.held(at(0)).keys()];
    expect(keys).toEqual([clientKey('203.0.113.7', secret)]);
    expect(keys.join()).not.toContain('203.0.113.7');
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('hashes the same address differently under another key, so a hash cannot be looked up', () => {
    expect(clientKey('203.0.113.7', secret)).toBe(clientKey('203.0.113.7', secret));
    expect(clientKey('203.0.113.7', secret)).not.toBe(clientKey('203.0.113.7', `${secret}!`));
    expect(clientKey('203.0.113.7', secret)).not.toBe(clientKey('203.0.113.8', secret));
  });

  it('is off with a limit of 0: every complaint gets through and nothing is kept', async () => {
    const limiter = makeMemoryRateLimiter({ limit: 0, windowMs: hour, secret });
    expect(await takeTimes(limiter, '203.0.113.7', 50, at(0))).toEqual(Array.from({ length: 50 }, () => true));
    expect(limiter.held(at(0)).size).toBe(0);
  });
});
