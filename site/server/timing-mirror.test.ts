// The honeypot takes as long as the real path: it waits out a time drawn from real filings.
import { describe, expect, it } from 'vitest';
import { makeTimingMirror } from './timing-mirror.ts';

function mirrorWith(draw: number) {
  const waits: number[] = [];
  const mirror = makeTimingMirror({
    random: () => draw,
    sleep: async (ms) => void waits.push(ms),
    fallbackMs: { created: 60, repeated: 5 },
    keep: 3,
  });
  return { mirror, waits };
}

describe('the timing mirror', () => {
  it('waits the rest of a drawn real filing’s time, after the honeypot’s own work', async () => {
    const { mirror, waits } = mirrorWith(0.5);
    mirror.record('created', 40);
    mirror.record('created', 80);
    await mirror.waitLikeReal('created', 12);
    expect(waits).toEqual([68]);
  });

  it('draws from the kind of answer: the same form again mirrors repeats, not new cases', async () => {
    const { mirror, waits } = mirrorWith(0);
    mirror.record('created', 90);
    mirror.record('repeated', 9);
    await mirror.waitLikeReal('repeated', 2);
    expect(waits).toEqual([7]);
  });

  it('does not wait when its own work already took longer', async () => {
    const { mirror, waits } = mirrorWith(0);
    mirror.record('created', 30);
    await mirror.waitLikeReal('created', 45);
    expect(waits).toEqual([]);
  });

  it('takes the fallback before any real filing, and keeps only the latest filings', async () => {
    const { mirror, waits } = mirrorWith(0);
    await mirror.waitLikeReal('created', 10);
    for (const ms of [500, 20, 30, 40]) mirror.record('created', ms);
    await mirror.waitLikeReal('created', 0);
    expect(waits).toEqual([50, 20]);
  });
});
