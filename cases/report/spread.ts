/**
 * How far a set of working-day counts spreads: the middle value and the 90th percentile, both by
 * nearest rank, so every value published is one that occurred (never an average of two).
 */

/** Working days to a moment: the middle value and the value 90% stay at or under, of `measured` cases. */
export type Spread = { measured: number; median: number | undefined; p90: number | undefined };

/**
 * The value at rank ⌈p·n⌉ of the sorted values (nearest rank): for p = 0.5 the middle value, the
 * lower of the two middle ones when n is even; undefined without values.
 *
 * @example
 * nearestRank([1, 2, 3, 4], 0.5); // 2
 */
export function nearestRank(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
}

/**
 * The spread of the values, in any order.
 *
 * @example
 * spread([8, 2, 2, 5]); // { measured: 4, median: 2, p90: 8 }
 */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { measured: sorted.length, median: nearestRank(sorted, 0.5), p90: nearestRank(sorted, 0.9) };
}
