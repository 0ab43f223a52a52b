import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aCase } from '../../tests/support/case-fixture.ts';
import { decodeRegister, encodeRegisterLine } from './codec.ts';
import { isCanonicalRecord } from './record-check.ts';
import { erasedRecord, registerRecordOf, registerRecordSchema, withRequest } from './record.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Records with every optional field present or missing, as the codec writes them (parsed back). */
const bases: Json[] = [
  registerRecordOf(aCase()),
  registerRecordOf(
    aCase({
      status: 'afgesloten',
      outcome: 'gegrond',
      earlierReference: 'K-2025-AAAA-BBBB',
      hold: { reason: 'bezwaar', at: '2027-01-01T09:00:00+01:00' },
      events: [
        { at: '2026-10-26T00:30:00+01:00', status: 'ontvangen', by: 'website' },
        { at: '2026-11-20T10:00:00.123Z', status: 'afgesloten', outcome: 'gegrond' },
      ],
      satisfaction: { answer: 'deels', remark: 'x', at: '2026-11-25T10:00:00+01:00' },
    }),
  ),
  registerRecordOf(
    aCase({
      status: 'heropend',
      events: [
        { at: '2026-10-26T00:30:00+01:00', status: 'ontvangen', by: 'website' },
        { at: '2026-11-20T10:00:00+01:00', status: 'beantwoord' },
        { at: '2026-11-27T10:00:00+01:00', status: 'heropend', reason: 'niet opgelost', answerBy: '2026-12-28' },
      ],
    }),
  ),
  erasedRecord(
    withRequest(registerRecordOf(aCase({ reference: 'K-2026-7QF3-M9XA' })), 'inzage', '2027-02-01T09:00:00.000Z'),
    '2028-12-15T03:00:00.000Z',
    'verzoek',
  ),
].map((record) => JSON.parse(encodeRegisterLine(record)) as Json);

/** Values near and far from what a field holds: valid and broken dates, enums, references. */
const nearValues = fc.constantFrom<Json>(
  '2026-10-26',
  '2026-13-01',
  '2026-02-30',
  '2026-10-26T00:30:00+01:00',
  '2026-10-26T00:30:00',
  '2026-10-26T24:00:00Z',
  '2026-10-26 00:30:00Z',
  '2026-10-26T00:30:00.5Z',
  'K-2026-7QF3M9',
  'K-2026-7QF3-M9XI',
  'k-2026-7qf3m9',
  'afgesloten',
  'Afgesloten',
  'gegrond',
  'web',
  'en',
  'de',
  'bewoner',
  'ja',
  'inzage',
  'verzoek',
  'bewaartermijn',
  '',
  true,
  0,
  null,
  [],
  {},
);
const anyValue = fc.oneof(nearValues, fc.jsonValue() as fc.Arbitrary<Json>);

/** Every path to a value inside `value`, the root included. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const found = [at];
  if (Array.isArray(value)) value.forEach((item, index) => found.push(...paths(item, [...at, index])));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) found.push(...paths(item, [...at, key]));
  return found;
}

type Mutation =
  { kind: 'set'; value: Json } | { kind: 'delete' } | { kind: 'add'; key: string; value: Json } | { kind: 'reverse' };

/** `value` with one change at `path`. */
function mutate(value: Json, path: (string | number)[], mutation: Mutation): Json {
  const copy = structuredClone(value);
  const change = (target: Json): Json => {
    if (mutation.kind === 'set') return mutation.value;
    if (Array.isArray(target)) {
      if (mutation.kind === 'delete') return target.slice(1);
      if (mutation.kind === 'add') return [...target, mutation.value];
      return [...target].reverse();
    }
    if (target === null || typeof target !== 'object') return mutation.kind === 'delete' ? null : target;
    const entries = Object.entries(target);
    if (mutation.kind === 'delete') return Object.fromEntries(entries.slice(1));
    if (mutation.kind === 'add') return { ...target, [mutation.key]: mutation.value };
    return Object.fromEntries(entries.reverse());
  };
  if (path.length === 0) return change(copy);
  let parent = copy as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
  const last = path.at(-1) as string | number;
  if (mutation.kind === 'delete' && Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (mutation.kind === 'delete') delete parent[last];
  else parent[last] = change(parent[last] as Json);
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  anyValue.map((value) => ({ kind: 'set' as const, value })),
  fc.constant({ kind: 'delete' as const }),
  fc
    .tuple(fc.constantFrom('name', 'email', 'outcome', 'heldSince', '__proto__', 'extra'), anyValue)
    .map(([key, value]) => ({ kind: 'add' as const, key, value })),
  fc.constant({ kind: 'reverse' as const }),
);

/** A base record with one to three changes anywhere in it. */
const mutated = fc
  .tuple(fc.constantFrom(...bases), fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }))
  .map(([base, changes]) =>
    changes.reduce<Json>((value, [pick, change]) => {
      const all = paths(value);
      return mutate(value, all[pick % all.length] ?? [], change);
    }, base),
  );

describe('the fast check of a register line', () => {
  it('passes every record exactly as the codec writes it', () => {
    for (const base of bases) expect(isCanonicalRecord(base)).toBe(true);
  });

  it('accepts a value only when zod accepts it and gives back the same, field order included', () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutated, (value) => {
        // Through JSON, as a register line reaches the check.
        const parsed = JSON.parse(JSON.stringify(value)) as unknown;
        if (!isCanonicalRecord(parsed)) return true;
        accepted += 1;
        const result = registerRecordSchema.safeParse(parsed);
        return result.success && JSON.stringify(result.data) === JSON.stringify(parsed);
      }),
      { numRuns: 3000 },
    );
    // The mutations are not all harmful (a valid enum for another): some must pass, or the test proves nothing.
    expect(accepted).toBeGreaterThan(0);
  });

  it('leaves a line in another field order to zod, which reads it', () => {
    const [base] = bases as [Record<string, Json>];
    const reordered = Object.fromEntries(Object.entries(base).reverse());
    expect(isCanonicalRecord(reordered)).toBe(false);
    const read = decodeRegister(`${JSON.stringify(reordered)}\n`);
    expect(JSON.stringify([...read.values()][0])).toBe(JSON.stringify(base));
  });
});
