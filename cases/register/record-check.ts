/**
 * A hand-written check of a register line in the exact shape the codec writes, so reading 100,000
 * lines does not cost a zod parse each (most of the time reading the register took). It is a
 * sound shortcut, never a second definition: it accepts a value only if `registerRecordSchema`
 * accepts it and would give back the same value (same keys, same order: every field in the
 * schema's order, no unknown key, every enum and pattern the schema's own). Anything else — an
 * older field order, a stray key, a bad value — goes to zod, which decides and names the problem.
 * `record-check.test.ts` holds both to that, with random and mutated records.
 */
import { outcomes, referencePattern, sources, statuses } from '../case.ts';
import { roles } from '../complaint.ts';
import { locales } from '../locale.ts';
import { erasureReasons, isoInstantPattern, requestKinds, type RegisterRecord } from './record.ts';

type Check = (value: unknown) => boolean;

/** The pattern of `termsSchema`'s dates (cases/case.ts). */
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = (values: readonly string[]): Check => {
  const set = new Set(values);
  return (value) => typeof value === 'string' && set.has(value);
};
const matching =
  (pattern: RegExp): Check =>
  (value) =>
    typeof value === 'string' && pattern.test(value);
const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
const instant = matching(isoInstantPattern);

/** A field of an object, in the order the codec writes it. */
type Field = readonly [name: string, check: Check, optional?: 'optional'];

/** A plain object holding exactly these fields, in this order (optional ones may be missing). */
function exactly(fields: readonly Field[]): Check {
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    let index = 0;
    for (const [name, check, optional] of fields) {
      if (keys[index] === name) {
        if (!check(record[name])) return false;
        index += 1;
      } else if (optional === undefined) return false;
    }
    return index === keys.length;
  };
}

const arrayOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check);

const date = matching(isoDatePattern);
const isRecord = exactly([
  ['reference', matching(referencePattern)],
  ['status', oneOf(statuses)],
  ['source', oneOf(sources)],
  ['locale', oneOf(locales)],
  ['role', oneOf(roles)],
  ['category', isString],
  [
    'terms',
    exactly([
      ['received', date],
      ['confirmBy', date],
      ['answerBy', date],
      ['extendedAnswerBy', date],
    ]),
  ],
  [
    'moves',
    arrayOf(
      exactly([
        ['at', instant],
        ['status', oneOf(statuses)],
        ['outcome', oneOf(outcomes), 'optional'],
        ['answerBy', date, 'optional'],
      ]),
    ),
  ],
  ['extended', isBoolean],
  ['outcome', oneOf(outcomes), 'optional'],
  [
    'satisfaction',
    exactly([
      ['answer', oneOf(['ja', 'deels', 'nee'])],
      ['at', instant],
    ]),
    'optional',
  ],
  ['earlierReference', isString, 'optional'],
  ['heldSince', instant, 'optional'],
  [
    'requests',
    arrayOf(
      exactly([
        ['kind', oneOf(requestKinds)],
        ['at', instant],
      ]),
    ),
  ],
  ['erasedAt', instant, 'optional'],
  ['erasedBecause', oneOf(erasureReasons), 'optional'],
]);

/**
 * Whether a parsed line is a register record exactly as the codec writes it; when true, zod would
 * accept it unchanged. False says only "ask zod", not "invalid".
 *
 * @example
 * isCanonicalRecord(JSON.parse(encodeRegisterLine(record))) // true
 * isCanonicalRecord({ ...parsed, name: 'Anna' }) // false: zod refuses it, and says why
 */
export function isCanonicalRecord(value: unknown): value is RegisterRecord {
  return isRecord(value);
}
