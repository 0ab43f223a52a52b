import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attemptKey } from '../mail/attempts.ts';
import { makeFsQueue } from './from-env.ts';
import { makeOwnerLeases } from './owner-leases.ts';
import type { IntakeQueue } from './port.ts';

// The leases run on a clock the test moves; their renewals on real timers (a third of the lease).
const leaseMs = 300;
let dir: string;
let queue: IntakeQueue;
let now: number;
const clock = () => now;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klachten-owners-'));
  queue = makeFsQueue(dir);
  now = Date.parse('2026-11-02T09:00:00Z');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const reference = 'K-2026-7QF3-M9XA';

/** Waits (real time) until `check` holds, or gives up after a few seconds. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let round = 0; round < 60; round += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** A queue whose writes can be made to fail, as a queue that went away. */
function breakable(inner: IntakeQueue): { queue: IntakeQueue; writes: () => number; fail(): void } {
  let failing = false;
  let writes = 0;
  return {
    queue: {
      ...inner,
      setMeta: async (name, value) => {
        writes += 1;
        if (failing) throw Object.assign(new Error('read-only'), { code: 'EROFS' });
        return inner.setMeta(name, value);
      },
    },
    writes: () => writes,
    fail: () => void (failing = true),
  };
}

describe('the mail senders’ leases', () => {
  it('vouch for an attempt that outlives the lease it recorded, while it runs, and for nothing once it ended', async () => {
    const sender = makeOwnerLeases(queue, { leaseMs, clock });
    const other = makeOwnerLeases(makeFsQueue(dir), { leaseMs, clock });
    const attempt = sender.begin(reference, 'receipt');
    expect(attempt.until).toBe(now + leaseMs);
    const asked = [{ owner: attempt.owner, reference, kind: 'receipt', startedAt: now, until: attempt.until }];
    now += leaseMs + 10; // past the recorded lease: only the sender's renewal says it still runs
    expect(await eventually(async () => (await other.stillRunning(asked)).size === 1)).toBe(true);
    expect(await other.stillRunning(asked)).toEqual(new Set([attemptKey(asked[0]!)]));
    attempt.end();
    expect(await eventually(async () => (await other.stillRunning(asked)).size === 0)).toBe(true);
  });

  it('take an owner that can no longer renew its lease for gone once that lease ran out', async () => {
    const broken = breakable(queue);
    const sender = makeOwnerLeases(broken.queue, { leaseMs, clock });
    const other = makeOwnerLeases(makeFsQueue(dir), { leaseMs, clock });
    const attempt = sender.begin(reference, 'receipt');
    const asked = [{ owner: attempt.owner, reference, kind: 'receipt', startedAt: now, until: attempt.until }];
    now += leaseMs + 10;
    expect(await eventually(async () => (await other.stillRunning(asked)).size === 1)).toBe(true);
    broken.fail();
    now += 2 * leaseMs;
    expect(await other.stillRunning(asked)).toEqual(new Set());
    attempt.end();
  });

  it('write nothing for an attempt that ends within its lease', async () => {
    const counted = breakable(queue);
    const sender = makeOwnerLeases(counted.queue, { leaseMs, clock });
    const attempt = sender.begin(reference, 'receipt');
    await new Promise((resolve) => setTimeout(resolve, leaseMs));
    attempt.end();
    expect(counted.writes()).toBe(0);
  });

  it('take a server’s attempts for over the moment it was started again on its seat, not a lease later', async () => {
    const seat = 'klachten.example.nl:/srv/klachten';
    const killed = makeOwnerLeases(queue, { leaseMs: 120_000, clock, seat });
    await killed.takeSeat();
    const attempt = killed.begin(reference, 'receipt'); // never ended: the server was killed
    const asked = [{ owner: attempt.owner, reference, kind: 'receipt', startedAt: now, until: attempt.until }];
    const drainer = makeOwnerLeases(makeFsQueue(dir), { leaseMs: 120_000, clock });
    expect((await drainer.stillRunning(asked)).size).toBe(1);
    now += 1000;
    const restarted = makeOwnerLeases(makeFsQueue(dir), { leaseMs: 120_000, clock, seat });
    // Until it took the seat, its predecessor's attempt still counts, and its leases hold; then
    // the attempt is over at once and its leases may be taken over.
    expect((await drainer.stillRunning(asked)).size).toBe(1);
    expect(restarted.claims.gone?.(`${killed.id}/1`)).toBe(false);
    await restarted.takeSeat();
    expect((await drainer.stillRunning(asked)).size).toBe(0);
    expect(restarted.claims.gone?.(`${killed.id}/1`)).toBe(true);
    expect(restarted.claims.gone?.(`${restarted.id}/1`)).toBe(false);
    expect(drainer.claims.gone?.(`${killed.id}/1`) ?? false).toBe(false);
    // The new server's own attempts are its own, on the same seat — also those of a lease it made
    // after it took the seat (the site's, made at the first request), begun the same second; another
    // seat is not touched.
    now += 300;
    const sibling = makeOwnerLeases(makeFsQueue(dir), { leaseMs: 120_000, clock, seat }).begin(reference, 'answer');
    const fresh = restarted.begin(reference, 'receipt');
    const elsewhere = makeOwnerLeases(makeFsQueue(dir), { leaseMs: 120_000, clock, seat: 'other:/srv' });
    const theirs = elsewhere.begin(reference, 'confirmation');
    const now2 = now;
    expect(
      await drainer.stillRunning([
        { owner: fresh.owner, reference, kind: 'receipt', startedAt: now2, until: fresh.until },
        { owner: sibling.owner, reference, kind: 'answer', startedAt: now2 - 1000, until: sibling.until },
        { owner: theirs.owner, reference, kind: 'confirmation', startedAt: now2, until: theirs.until },
      ]),
    ).toEqual(
      new Set([
        attemptKey({ owner: fresh.owner, reference, kind: 'receipt' }),
        attemptKey({ owner: sibling.owner, reference, kind: 'answer' }),
        attemptKey({ owner: theirs.owner, reference, kind: 'confirmation' }),
      ]),
    );
    attempt.end();
    sibling.end();
    fresh.end();
    theirs.end();
  });

  it('know their own attempts without reading the queue', async () => {
    const sender = makeOwnerLeases(queue, { leaseMs, clock });
    const attempt = sender.begin(reference, 'receipt');
    const asked = [{ owner: sender.id, reference, kind: 'receipt', startedAt: now, until: now + leaseMs }];
    expect((await sender.stillRunning(asked)).size).toBe(1);
    attempt.end();
    expect((await sender.stillRunning(asked)).size).toBe(0);
  });
});
