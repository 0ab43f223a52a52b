/**
 * Small-number suppression for the published report: no cell may point at a person.
 *
 * Primary suppression: every count from 1 to threshold − 1 is shown as "< threshold" (a reader
 * learns only: 0 to threshold − 1). Zero is shown as 0: it points at nobody.
 *
 * Secondary suppression: a table shows its real total, so one hidden cell in a line is the total
 * minus the shown cells. Therefore, while any hidden cell can still be worked out exactly from the
 * total, the shown cells and what the hidden cells' labels say ("< 5" means 0–4, "≥ 5" means 5 or
 * more), the smallest cell still shown is hidden too (a zero or small cell first: it costs the
 * reader least). When even hiding every cell leaves one derivable (all cells at threshold − 1, or a
 * line of one cell), the line's total is hidden as well.
 */
import type { Locale } from '../locale.ts';

/** How one count appears in the report. */
export type Shown =
  | { kind: 'count'; value: number }
  /** Hidden; the true value is 0 … threshold − 1. */
  | { kind: 'below'; threshold: number }
  /** Hidden to protect another cell; the true value is threshold or more. */
  | { kind: 'atLeast'; threshold: number };

/** A line of counts that add up to a total, as it may be published. */
export type ProtectedLine = {
  cells: Shown[];
  /** False in the rare line that only stays safe with its total hidden too. */
  totalShown: boolean;
};

type Bounds = { lo: number; hi: number };

function boundsOf(value: number, threshold: number): Bounds {
  return value < threshold ? { lo: 0, hi: threshold - 1 } : { lo: threshold, hi: Number.POSITIVE_INFINITY };
}

/**
 * Whether some hidden cell can be worked out exactly from the total and the shown cells: for
 * each hidden cell, the values it can take given the others' bounds and their known sum.
 *
 * @example
 * anyDerivable([3, 20], new Set([0]), 5); // true: 23 − 20 = 3
 */
export function anyDerivable(values: readonly number[], hidden: ReadonlySet<number>, threshold: number): boolean {
  const indices = [...hidden];
  const sum = indices.reduce((total, index) => total + (values[index] ?? 0), 0);
  const bounds = indices.map((index) => boundsOf(values[index] ?? 0, threshold));
  return bounds.some((bound, i) => {
    // Summed per cell, not as a total minus this cell: ∞ − ∞ would be NaN.
    const others = bounds.filter((_, j) => j !== i);
    const othersLo = others.reduce((total, other) => total + other.lo, 0);
    const othersHi = others.reduce((total, other) => total + other.hi, 0);
    const lowest = Math.max(bound.lo, sum - othersHi);
    const highest = Math.min(bound.hi, sum - othersLo);
    return lowest >= highest;
  });
}

/**
 * Applies primary and secondary suppression to one line of counts whose total is published.
 *
 * @example
 * protectLine([3, 0, 20], 5);
 * // { cells: [{ kind: 'below', … }, { kind: 'below', … }, { kind: 'count', value: 20 }], totalShown: true }
 */
export function protectLine(values: readonly number[], threshold: number): ProtectedLine {
  if (values.some((value) => !Number.isInteger(value) || value < 0)) {
    throw new Error('Een aantal in een tabel moet een geheel getal van 0 of meer zijn.');
  }
  const hidden = new Set<number>();
  values.forEach((value, index) => {
    if (value > 0 && value < threshold) hidden.add(index);
  });
  let totalShown = true;
  while (hidden.size > 0 && anyDerivable(values, hidden, threshold)) {
    const next = smallestShown(values, hidden);
    if (next === undefined) {
      totalShown = false;
      break;
    }
    hidden.add(next);
  }
  return {
    cells: values.map((value, index): Shown => {
      if (!hidden.has(index)) return { kind: 'count', value };
      return value < threshold ? { kind: 'below', threshold } : { kind: 'atLeast', threshold };
    }),
    totalShown,
  };
}

function smallestShown(values: readonly number[], hidden: ReadonlySet<number>): number | undefined {
  let best: number | undefined;
  values.forEach((value, index) => {
    if (hidden.has(index)) return;
    if (best === undefined || value < (values[best] ?? 0)) best = index;
  });
  return best;
}

/** One row of a protected table: the true count (never published as such) and how it is shown. */
export type ProtectedRow<K extends string> = { key: K; count: number; shown: Shown };

/** A table of counts that add up to `total`, with small counts suppressed. */
export type ProtectedTable<K extends string> = { total: number; totalShown: boolean; rows: ProtectedRow<K>[] };

/**
 * A table of counts per key, each cell shown as the protection of its line allows, with its total.
 *
 * @example
 * protectTable(['ja', 'deels', 'nee'], new Map([['ja', 12], ['deels', 6], ['nee', 3]]), 5).rows.map((row) => row.shown.kind);
 * // ['count', 'atLeast', 'below']: 3 is hidden, and 6 with it, or 3 would be 21 − 12 − 6
 */
export function protectTable<K extends string>(
  keys: readonly K[],
  counts: ReadonlyMap<K, number>,
  threshold: number,
): ProtectedTable<K> {
  const values = keys.map((key) => counts.get(key) ?? 0);
  const line = protectLine(values, threshold);
  return {
    total: values.reduce((sum, value) => sum + value, 0),
    totalShown: line.totalShown,
    rows: keys.map((key, index) => ({
      key,
      count: values[index] ?? 0,
      shown: line.cells[index] ?? { kind: 'count', value: 0 },
    })),
  };
}

/**
 * The text of a shown count: "12", "< 5", "≥ 5"; numbers in the reader's language.
 *
 * @example
 * showCount({ kind: 'count', value: 1234 }, 'nl'); // "1.234"
 */
export function showCount(shown: Shown, locale: Locale): string {
  if (shown.kind === 'below') return `< ${shown.threshold}`;
  if (shown.kind === 'atLeast') return `≥ ${shown.threshold}`;
  return formatNumber(shown.value, locale);
}

/**
 * A whole number in Dutch or English notation.
 *
 * @example
 * formatNumber(100000, 'nl'); // "100.000"
 */
export function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB');
}
