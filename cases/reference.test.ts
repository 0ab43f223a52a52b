import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { referencePattern } from './case.ts';
import { makeReference } from './reference.ts';

describe('case references', () => {
  it('puts the year first and six Crockford base32 characters after it', () => {
    expect(makeReference(2026, (bytes) => bytes.fill(0))).toBe('K-2026-000000');
    expect(makeReference(2026, (bytes) => bytes.fill(31))).toBe('K-2026-ZZZZZZ');
    expect(makeReference(2027, (bytes) => bytes.map((_, i) => [7, 23, 15, 3, 20, 9][i] ?? 0))).toBe('K-2027-7QF3M9');
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
});
