import { describe, expect, it } from 'vitest';
import { makeKeyedQueue } from './keyed-queue.ts';

describe('the keyed queue', () => {
  it('runs work on a shared key one after the other, other keys at once, and goes on after a failure', async () => {
    const serialised = makeKeyedQueue();
    const order: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = serialised(['a', 'b'], async () => {
      await gate;
      order.push('first');
      throw new Error('x');
    });
    const second = serialised(['b'], async () => void order.push('second'));
    const other = serialised(['c'], async () => void order.push('other'));
    await other;
    expect(order).toEqual(['other']);
    release();
    await expect(first).rejects.toThrow('x');
    await second;
    expect(order).toEqual(['other', 'first', 'second']);
  });
});
