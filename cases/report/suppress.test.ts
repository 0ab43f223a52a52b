import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyDerivable, formatNumber, protectLine, showCount, type Shown } from './suppress.ts';

const count = (value: number): Shown => ({ kind: 'count', value });
const below: Shown = { kind: 'below', threshold: 5 };
const atLeast: Shown = { kind: 'atLeast', threshold: 5 };

describe('primary suppression', () => {
  it('shows a line without small numbers as it is', () => {
    expect(protectLine([8, 5, 0, 12], 5)).toEqual({
      cells: [count(8), count(5), count(0), count(12)],
      totalShown: true,
    });
  });

  it('hides every number from 1 to 4 and keeps zero, when the hidden ones cannot be worked out', () => {
    expect(protectLine([8, 5, 3, 0, 1, 0], 5)).toEqual({
      cells: [count(8), count(5), below, count(0), below, count(0)],
      totalShown: true,
    });
  });

  it('follows the configured threshold', () => {
    expect(protectLine([9, 3], 3).cells).toEqual([count(9), count(3)]);
    expect(protectLine([9, 2], 3).cells).toEqual([
      { kind: 'atLeast', threshold: 3 },
      { kind: 'below', threshold: 3 },
    ]);
  });
});

describe('secondary suppression', () => {
  it('also hides a zero when one small number would be the total minus the rest', () => {
    // 14 + ? + 0 = 17 would give away the 3; with the zero hidden too, 3 could be 0…3 or 3…0.
    expect(protectLine([14, 3, 0], 5)).toEqual({ cells: [count(14), below, below], totalShown: true });
  });

  it('hides the smallest larger number as "≥ 5" when there is no zero or small number to hide', () => {
    expect(protectLine([20, 3, 7], 5)).toEqual({ cells: [count(20), below, atLeast], totalShown: true });
  });

  it('goes on hiding while two hidden fours would add up to exactly their maximum', () => {
    // 4 + 4 = 8 can only be 4 and 4 when each is at most 4: a third cell must go.
    expect(protectLine([4, 4, 10, 0], 5)).toEqual({ cells: [below, below, count(10), below], totalShown: true });
  });

  it('hides the total when even hiding every cell leaves a number derivable', () => {
    expect(protectLine([3], 5)).toEqual({ cells: [below], totalShown: false });
    expect(protectLine([4, 4], 5)).toEqual({ cells: [below, below], totalShown: false });
  });

  it('leaves no hidden number exactly derivable, for any line', () => {
    const line = fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(line, (values) => {
        const { cells, totalShown } = protectLine(values, 5);
        const hidden = new Set(cells.flatMap((cell, index) => (cell.kind === 'count' ? [] : [index])));
        const smallShown = cells.some(
          (cell, index) => cell.kind === 'count' && (values[index] ?? 0) > 0 && (values[index] ?? 0) < 5,
        );
        return !smallShown && (!totalShown || hidden.size === 0 || !anyDerivable(values, hidden, 5));
      }),
      { numRuns: 500 },
    );
  });

  it('says a single hidden cell is derivable and two small hidden cells are not', () => {
    expect(anyDerivable([10, 3], new Set([1]), 5)).toBe(true);
    expect(anyDerivable([10, 3, 1], new Set([1, 2]), 5)).toBe(false);
  });

  it('refuses a negative or broken count', () => {
    expect(() => protectLine([3, -1], 5)).toThrow(/geheel getal/);
    expect(() => protectLine([1.5], 5)).toThrow(/geheel getal/);
  });
});

describe('how a count is written', () => {
  it('writes hidden counts as "< 5" and "≥ 5" and numbers in the reader’s notation', () => {
    expect([
      showCount(below, 'nl'),
      showCount(atLeast, 'en'),
      showCount(count(1234), 'nl'),
      showCount(count(1234), 'en'),
    ]).toEqual(['< 5', '≥ 5', '1.234', '1,234']);
    expect(formatNumber(100000, 'nl')).toBe('100.000');
  });
});
