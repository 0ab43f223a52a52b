// The mail budget shared by every instance of the site where there is a queue: two instances on
// one queue (a folder, a real Redis server) together send what one would, also when they race,
// and the queue holds only keyed hashes of the folded address, forgotten after the day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeQueueMailBudget } from '../cases/queue/mail-budget-ledger.ts';
import type { IntakeQueue } from '../cases/queue/port.ts';
import { fsQueueStore, redisQueueStore, type QueueStore } from './support/queue-stores.ts';
import { startRedis } from './support/redis.ts';
import { useServer } from './support/use-server.ts';

const secret = 'the-token-secret-every-instance-shares-0123456789';
const reference = 'K-2026-7QF3-M9XA';
const at = (hours: number) => new Date(Date.UTC(2026, 10, 2, 9) + hours * 60 * 60 * 1000);

function describeSharedBudget(name: string, setUp: () => Promise<QueueStore>) {
  describe(`the mail budget shared by the instances on ${name}`, () => {
    let bed: QueueStore;
    const opened: IntakeQueue[] = [];
    const instance = () => {
      const queue = bed.open();
      opened.push(queue);
      return makeQueueMailBudget(queue, { secret, log: () => {} });
    };
    beforeEach(async () => {
      bed = await setUp();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((queue) => queue.close()));
      await bed.close();
    });

    it('sends three receipts to one mailbox in all when two instances race for eight of them', async () => {
      const [first, second] = [instance(), instance()];
      const takes = Array.from({ length: 8 }, (_, n) =>
        (n % 2 === 0 ? first : second).take({ to: `zoe+${n}@example.nl`, reference, kind: 'receipt' }, at(0)),
      );
      expect((await Promise.all(takes)).filter((place) => place.ok)).toHaveLength(3);
    });

    it('counts link mails per case across instances, and frees a place given back on every instance', async () => {
      const [first, second] = [instance(), instance()];
      const link = (budget: typeof first, to: string) => budget.take({ to, reference, kind: 'link' }, at(0));
      const given = await link(first, 'a@example.nl');
      await link(second, 'b@example.nl');
      await link(first, 'c@example.nl');
      expect(await link(second, 'd@example.nl')).toEqual({ ok: false, reason: 'case' });
      if (!given.ok) throw new Error('no place');
      await given.giveBack();
      expect((await link(second, 'd@example.nl')).ok).toBe(true);
    });

    it('holds no address, folded or not, and forgets every count when the queue is pruned after the day', async () => {
      const budget = instance();
      await budget.take({ to: 'Zoe+1@Example.nl', reference, kind: 'link' }, at(0));
      const held = (await bed.dump()).join('\n');
      expect(held).not.toMatch(/zoe|example/i);
      const queue = bed.open();
      opened.push(queue);
      expect(await queue.prune(at(23))).toBe(0);
      expect(await queue.prune(at(25))).toBe(2);
      expect((await bed.dump()).some((line) => line.includes('rate:'))).toBe(false);
    });
  });
}

describeSharedBudget('the fs queue', () => fsQueueStore('klachten-mail-budget-'));

const redis = useServer(startRedis);

describeSharedBudget('a real Redis server', () => redisQueueStore(`${redis().url}/4`));
