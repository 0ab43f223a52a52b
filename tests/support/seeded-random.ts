// A small seeded random source (mulberry32) for tests that inject faults at random: the seed they
// print lets a failing run be repeated exactly.

/**
 * Random numbers in [0, 1) from `seed`, the same sequence every time.
 *
 * @example
 * const random = seededRandom(19);
 * random() // 0.49…, then the same next number in every run with seed 19
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
