import { describe, expect, it } from 'vitest';
import { makePacer } from './pacer.ts';

const limits = { writesPerMinute: 3, writesPerHour: 5, pointsPerMinute: 900, reserveRequests: 10 };

describe('the pacer', () => {
  it('lets writes through up to the minute’s limit, then waits until the oldest leaves the minute', () => {
    let now = 1_000_000;
    const pacer = makePacer(limits, () => now);
    for (let n = 0; n < 3; n += 1) {
      expect(pacer.delay()).toBe(0);
      pacer.record('POST');
      now += 1000;
    }
    expect(pacer.delay()).toBe(57_000);
    now += 57_000;
    expect(pacer.delay()).toBe(0);
    expect(pacer.status()).toMatchObject({ writesLeftThisMinute: 1, writesLeftThisHour: 2 });
  });

  it('waits until a batch of writes (a case with its files) fits the minute as a whole', () => {
    let now = 1_000_000;
    const pacer = makePacer(limits, () => now);
    pacer.record('POST');
    now += 1000;
    // Two more fit this minute, three do not: the batch waits for the first write to leave it.
    expect(pacer.delay(2)).toBe(0);
    expect(pacer.delay(3)).toBe(59_000);
  });

  it('keeps to the hour’s limit, and reads do not count as writes', () => {
    let now = 0;
    const pacer = makePacer(limits, () => now);
    for (let n = 0; n < 5; n += 1) {
      pacer.record('PATCH');
      pacer.record('GET');
      now += 61_000;
    }
    expect(pacer.delay()).toBe(60 * 60_000 - 5 * 61_000);
    expect(pacer.status().writesLeftThisHour).toBe(0);
  });

  it('keeps to the point budget: a write costs 5, a read 1', () => {
    let now = 0;
    const pacer = makePacer({ ...limits, writesPerMinute: 100, writesPerHour: 1000, pointsPerMinute: 12 }, () => now);
    pacer.record('POST');
    now += 10;
    pacer.record('GET');
    pacer.record('GET');
    expect(pacer.delay()).toBe(0); // 7 used, 5 more fit
    pacer.record('POST');
    now += 10;
    expect(pacer.delay()).toBe(60_000 - 20); // 12 used: wait for the first write to leave
  });

  it('waits as long as GitHub asks: retry-after, and the primary budget until its reset', () => {
    let now = 1_000_000;
    const pacer = makePacer(limits, () => now);
    pacer.observe(403, { 'retry-after': '30' });
    expect(pacer.delay()).toBe(30_000);
    now += 30_000;
    expect(pacer.delay()).toBe(0);
    pacer.observe(200, { 'x-ratelimit-remaining': '9', 'x-ratelimit-reset': String((now + 120_000) / 1000) });
    expect(pacer.delay()).toBe(120_000);
    expect(pacer.status()).toMatchObject({ primaryRemaining: 9, primaryResetAt: now + 120_000 });
  });

  it('shares its state with another drainer through what it stores', () => {
    let now = 0;
    const one = makePacer(limits, () => now);
    one.record('POST');
    now += 1;
    one.record('POST');
    now += 1;
    const two = makePacer(limits, () => now);
    two.record('POST');
    two.merge(one.state());
    expect(two.delay()).toBe(60_000 - 2);
    // What it stored itself and merges again is not counted twice.
    one.merge(one.state());
    expect(one.status().writesLeftThisMinute).toBe(1);
    now += 1;
    two.merge({ nonsense: true });
    expect(two.status().writesLeftThisMinute).toBe(0);
  });
});
