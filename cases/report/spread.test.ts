import { describe, expect, it } from 'vitest';
import { nearestRank, spread } from './spread.ts';

describe('the spread of working days', () => {
  it('takes the middle value, the lower of two, and the 90th percentile by nearest rank', () => {
    expect([
      nearestRank([1, 2, 3, 4], 0.5),
      nearestRank([1, 2, 3], 0.5),
      nearestRank([5], 0.9),
      nearestRank([], 0.5),
    ]).toEqual([2, 2, 5, undefined]);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
  });

  it('sorts the values first and counts them all', () => {
    expect(spread([8, 2, 2, 5])).toEqual({ measured: 4, median: 2, p90: 8 });
    expect(spread([])).toEqual({ measured: 0, median: undefined, p90: undefined });
  });
});
