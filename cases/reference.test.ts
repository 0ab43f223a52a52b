import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { referencePattern } from './case.ts';
import { makeReference, referenceInText } from './reference.ts';

describe('case references', () => {
  it('puts the year first and eight Crockford base32 characters after it, in two groups of four', () => {
    expect(makeReference(2026, (bytes) => bytes.fill(0))).toBe('K-2026-0000-0000');
    expect(makeReference(2026, (bytes) => bytes.fill(31))).toBe('K-2026-ZZZZ-ZZZZ');
    expect(makeReference(2027, (bytes) => bytes.map((_, i) => [7, 23, 15, 3, 20, 9, 29, 10][i] ?? 0))).toBe(
      'K-2027-7QF3-M9XA',
    );
  });

  it('draws 40 random bits: eight bytes, five bits each', () => {
    let asked = 0;
    makeReference(2026, (bytes) => {
      asked = bytes.length;
      return bytes;
    });
    expect(asked).toBe(8);
    // The high bits of each byte do not change the reference; the low five all do.
    expect(makeReference(2026, (bytes) => bytes.fill(0b1110_0001))).toBe('K-2026-1111-1111');
  });

  it('never uses letters that are misread aloud (I, L, O, U)', () => {
    const all = Array.from({ length: 32 }, (_, n) => makeReference(2026, (bytes) => bytes.fill(n))).join('');
    expect(all).not.toMatch(/[ILOU]/);
  });

  it('makes references that match the pattern and differ from each other', () => {
    const references = Array.from({ length: 1000 }, () =>
      makeReference(2026, (bytes) => webcrypto.getRandomValues(bytes)),
    );
    expect(references.every((reference) => referencePattern.test(reference))).toBe(true);
    expect(new Set(references).size).toBe(1000);
  });

  it('keeps references of the old form (six characters) valid', () => {
    expect(referencePattern.test('K-2026-7QF3M9')).toBe(true);
    expect(referencePattern.test('K-2026-7QF3-M9XA')).toBe(true);
  });

  it('refuses what only looks like a reference', () => {
    for (const text of [
      'K-2026-7QF3-M9X',
      'K-2026-7QF3M9XA',
      'K-2026-7QF3-M9XI',
      'k-2026-7qf3-m9xa',
      'K-26-7QF3-M9XA',
    ]) {
      expect(referencePattern.test(text), text).toBe(false);
    }
  });

  it('finds a reference of either form inside a text, and not a longer code', () => {
    expect(referenceInText.exec('Klacht K-2026-7QF3-M9XA: onderhoud')?.[0]).toBe('K-2026-7QF3-M9XA');
    expect(referenceInText.exec('[K-2026-7QF3M9] Onderhoud')?.[0]).toBe('K-2026-7QF3M9');
    expect(referenceInText.exec('K-2026-7QF3M9XA')).toBeNull();
  });
});
