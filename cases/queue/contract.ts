import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCase } from '../../tests/support/case-fixture.ts';
import { newEntry, type QueuedEntry } from './entry.ts';
import type { IntakeQueue } from './port.ts';

/**
 * One contract every queue driver passes (the file system, Redis): the queued store and the
 * drainer see the same queue whatever holds it. A driver's test file calls
 * {@link describeQueueContract} with a factory that makes a fresh, empty queue.
 */

/** A fresh queue for one test, with the means to break it. */
export interface QueueContractSubject {
  queue: IntakeQueue;
  /** A second queue on the same data, as another process (a second drainer) would open it. */
  reopen: () => Promise<IntakeQueue>;
  /** Overwrites the stored entry of this reference with text that is not an entry. */
  corrupt: (reference: string) => Promise<void>;
  close: () => Promise<void>;
}

const at = (iso: string) => new Date(iso);

function entryOf(overrides: Parameters<typeof aCase>[0] = {}, queuedAt = '2026-10-26T08:00:00Z'): QueuedEntry {
  return newEntry(aCase(overrides), at(queuedAt));
}

/**
 * Declares the queue contract tests for one driver.
 *
 * @example
 * describeQueueContract('the fs queue', async () => {
 *   const dir = await mkdtemp(join(tmpdir(), 'queue-'));
 *   return { queue: makeFsQueue(dir), reopen: async () => makeFsQueue(dir), corrupt: …, close: … };
 * });
 */
export function describeQueueContract(name: string, makeSubject: () => Promise<QueueContractSubject>): void {
  describe(`${name} keeps the queue contract`, () => {
    let subject: QueueContractSubject;
    let queue: IntakeQueue;
    const others: IntakeQueue[] = [];
    beforeEach(async () => {
      subject = await makeSubject();
      queue = subject.queue;
    });
    afterEach(async () => {
      for (const other of others.splice(0)) await other.close();
      await subject.close();
    });
    const reopen = async () => {
      const other = await subject.reopen();
      others.push(other);
      return other;
    };

    it('writes an entry under its reference and gives back exactly that, validated', async () => {
      const entry = entryOf({ complaint: 'Één lift 🛗 kapot!\r\n\n<b>vet</b> "quotes" \\ backslash' });
      await queue.put(entry);
      expect(await queue.get(entry.reference)).toEqual({ kind: 'entry', entry });
      expect(await queue.get('K-2026-ZZZZZZ')).toEqual({ kind: 'missing' });
      // Writing the same entry again is harmless: still one entry, unchanged.
      await queue.put(entry);
      expect((await queue.list()).entries).toEqual([entry]);
      expect(await (await reopen()).get(entry.reference)).toEqual({ kind: 'entry', entry });
    });

    it('lists every entry oldest first, whatever order they were written in', async () => {
      const late = entryOf({}, '2026-10-26T09:00:00Z');
      const early = entryOf({}, '2026-10-26T07:00:00Z');
      const middle = entryOf({}, '2026-10-26T08:00:00Z');
      for (const entry of [late, early, middle]) await queue.put(entry);
      expect((await queue.list()).entries.map((entry) => entry.reference)).toEqual(
        [early, middle, late].map((entry) => entry.reference),
      );
    });

    it('gives a claim to one caller at a time, across queues, until it is released or expires', async () => {
      const entry = entryOf();
      await queue.put(entry);
      const other = await reopen();
      const contenders = [queue, other, queue, other, queue, other];
      const leases = await Promise.all(contenders.map((q) => q.claim(entry.reference, 60_000)));
      const won = leases.filter((lease) => lease !== undefined);
      expect(won).toHaveLength(1);
      expect(await other.claim(entry.reference, 60_000)).toBeUndefined();
      // Releasing someone else's claim frees nothing.
      await other.release({ ...won[0]!, owner: 'someone-else' });
      expect(await other.claim(entry.reference, 60_000)).toBeUndefined();
      await queue.release(won[0]!);
      const next = await other.claim(entry.reference, 40);
      expect(next).toBeDefined();
      await new Promise((resolve) => setTimeout(resolve, 120));
      // Expired: one of two takers gets it.
      const taken = await Promise.all([queue.claim(entry.reference, 60_000), other.claim(entry.reference, 60_000)]);
      expect(taken.filter((lease) => lease !== undefined)).toHaveLength(1);
    });

    it('lets a claim take over an unexpired lease only when its holder is known to be gone', async () => {
      const entry = entryOf();
      await queue.put(entry);
      const other = await reopen();
      const killed = await queue.claim(entry.reference, 60_000, { holder: 's-seat-1' });
      expect(killed?.owner).toMatch(/^s-seat-1\//);
      expect(await other.claim(entry.reference, 60_000, { holder: 's-seat-2', gone: () => false })).toBeUndefined();
      const gone = (owner: string) => owner.startsWith('s-seat-1/');
      const restarted = await other.claim(entry.reference, 60_000, { holder: 's-seat-2', gone });
      expect(restarted?.owner).toMatch(/^s-seat-2\//);
      // Taken over, it holds: the killed holder's release frees nothing, no third gets it.
      await queue.release(killed!);
      expect(await queue.claim(entry.reference, 60_000, { gone })).toBeUndefined();
    });

    it('marks an entry filed: the record leaves the queue, the note of where it went stays', async () => {
      const entry = entryOf();
      await queue.put(entry);
      await queue.markFiled(entry, entry.reference);
      const found = await queue.get(entry.reference);
      expect(found).toMatchObject({ kind: 'entry', entry: { state: 'filed', filedAs: entry.reference } });
      expect(JSON.stringify(found)).not.toContain('Anna');
    });

    it('reports a corrupt entry by reference, sets it aside on request, and keeps the rest', async () => {
      const good = entryOf();
      const bad = entryOf();
      await queue.put(good);
      await queue.put(bad);
      await subject.corrupt(bad.reference);
      expect(await queue.get(bad.reference)).toEqual({ kind: 'corrupt' });
      const listing = await queue.list();
      expect(listing.entries).toEqual([good]);
      expect(listing.corrupt).toEqual([bad.reference]);
      await queue.setAside(bad.reference);
      expect(await queue.listAside()).toEqual([bad.reference]);
      expect(await queue.list()).toEqual({ entries: [good], corrupt: [] });
    });

    it('removes everything it holds of one reference, the set-aside copy included, and nothing else', async () => {
      const waiting = entryOf();
      const broken = entryOf();
      const other = entryOf();
      for (const entry of [waiting, broken, other]) await queue.put(entry);
      await subject.corrupt(broken.reference);
      await queue.setAside(broken.reference);
      expect(await queue.remove(waiting.reference)).toBe(true);
      expect(await queue.remove(broken.reference)).toBe(true);
      expect(await queue.remove(broken.reference)).toBe(false);
      expect(await queue.get(waiting.reference)).toEqual({ kind: 'missing' });
      expect(await queue.listAside()).toEqual([]);
      expect(await queue.list()).toEqual({ entries: [other], corrupt: [] });
    });

    it('keeps bytes binary-safe beside the entries, for another queue too, and drops a case’s bytes with it', async () => {
      // Every byte value, and bytes that look like Base64 text or JSON.
      const every = new Uint8Array(Array.from({ length: 512 }, (_, index) => index % 256));
      const tricky = new TextEncoder().encode('base64:AAAA {"v":1} \u0000');
      const entry = entryOf();
      await queue.put(entry);
      await queue.binary.put(`file:${entry.reference}:bijlage-1.jpg`, every);
      await queue.binary.put(`file:${entry.reference}:bijlage-2.pdf`, tricky);
      await queue.binary.put('staged:abc-0123', tricky);
      const other = await reopen();
      expect(await other.binary.get(`file:${entry.reference}:bijlage-1.jpg`)).toEqual(every);
      expect(await other.binary.get(`file:${entry.reference}:bijlage-2.pdf`)).toEqual(tricky);
      expect((await queue.binary.keys(`file:${entry.reference}`)).sort()).toEqual([
        `file:${entry.reference}:bijlage-1.jpg`,
        `file:${entry.reference}:bijlage-2.pdf`,
      ]);
      expect(await queue.remove(entry.reference)).toBe(true);
      expect(await queue.binary.get(`file:${entry.reference}:bijlage-1.jpg`)).toBeUndefined();
      expect(await queue.binary.keys('file')).toEqual([]);
      expect(await queue.binary.get('staged:abc-0123')).toEqual(tricky);
    });

    it('finds a submission by its fingerprint within 24 hours of its receipt, and not after', async () => {
      await queue.rememberFingerprint('sha256:abc', 'K-2026-AAAAAA', '2026-10-26T08:00:00+01:00');
      expect(await queue.findFingerprint('sha256:abc', '2026-10-27T07:59:00+01:00')).toBe('K-2026-AAAAAA');
      expect(await queue.findFingerprint('sha256:abc', '2026-10-27T08:01:00+01:00')).toBeUndefined();
      expect(await queue.findFingerprint('sha256:other', '2026-10-26T08:00:00+01:00')).toBeUndefined();
    });

    it('keeps its bookkeeping, and prunes filed notes and fingerprints older than a day, never queued entries', async () => {
      expect(await queue.getMeta('pace')).toBeUndefined();
      await queue.setMeta('pace', { writes: [1, 2, 3] });
      expect(await queue.getMeta('pace')).toEqual({ writes: [1, 2, 3] });
      const waiting = entryOf({}, '2026-10-20T08:00:00Z');
      const filed = entryOf();
      await queue.put(waiting);
      await queue.markFiled(filed, filed.reference);
      await queue.rememberFingerprint('sha256:old', 'K-2026-AAAAAA', '2026-10-20T08:00:00Z');
      const removed = await queue.prune(new Date(Date.now() + 25 * 60 * 60 * 1000));
      expect(removed).toBe(2);
      expect((await queue.list()).entries.map((entry) => entry.reference)).toEqual([waiting.reference]);
    });

    it('keeps a filed note whose mail is pending while that mail may still go, and a live sender’s lease note', async () => {
      const pending = entryOf();
      await queue.markFiled(pending, pending.reference, { mailPending: true });
      expect(await queue.get(pending.reference)).toMatchObject({ entry: { state: 'filed', mailPending: true } });
      const now = Date.now();
      await queue.setMeta('owner:p-gone', { until: now - 1000, attempts: [] });
      await queue.setMeta('owner:p-live', { until: now + 60_000, attempts: ['p-live K-2026-AAAAAA receipt'] });
      expect(await queue.prune(new Date(now))).toBe(1);
      expect(await queue.getMeta('owner:p-gone')).toBeUndefined();
      expect(await queue.getMeta('owner:p-live')).toMatchObject({ until: now + 60_000 });
      // A day on: the live note ran out too; the pending mail's note stays.
      expect(await queue.prune(new Date(now + 25 * 60 * 60 * 1000))).toBe(1);
      expect((await queue.list()).entries.map((entry) => entry.reference)).toEqual([pending.reference]);
      expect(await queue.prune(new Date(now + 31 * 24 * 60 * 60 * 1000))).toBe(1);
      expect((await queue.list()).entries).toEqual([]);
    });
  });
}
