/**
 * The register on disk: one file per year of receipt, JSON Lines, one line per change of a
 * record. Appending is all a write does, so a file grows by a line per move and a Git diff shows
 * exactly what changed; on read the last line of a reference wins. Every line is validated: by
 * the fast check of the codec's own shape (record-check.ts), else by the zod schema.
 */
import { registerRecordSchema, type RegisterRecord } from './record.ts';
import { isCanonicalRecord } from './record-check.ts';

/** The folder of the register inside a store (the Git folder, the GitHub repository). */
export const registerFolder = 'register';

/**
 * The path of the register file of a year, relative to the store's root.
 *
 * @example
 * registerPath('2026') // 'register/2026.jsonl'
 */
export function registerPath(year: string): string {
  return `${registerFolder}/${year}.jsonl`;
}

/**
 * The year whose file holds a record: the year of receipt.
 *
 * @example
 * registerYearOf({ terms: { received: '2026-10-26' } }) // '2026'
 */
export function registerYearOf(record: Pick<RegisterRecord, 'terms'>): string {
  return record.terms.received.slice(0, 4);
}

/**
 * One line of a register file: the record as JSON in the schema's field order, and a newline.
 *
 * @example
 * encodeRegisterLine(record) // '{"reference":"K-2026-7QF3M9","status":"ontvangen",…}\n'
 */
export function encodeRegisterLine(record: RegisterRecord): string {
  return `${JSON.stringify(registerRecordSchema.parse(record))}\n`;
}

/**
 * Reads a register file: every line validated, the last line of each reference winning. A broken
 * line is an error naming the file and the line, never skipped.
 *
 * @example
 * decodeRegister(text, 'register/2026.jsonl').get('K-2026-7QF3M9')?.status // 'afgesloten'
 */
export function decodeRegister(text: string, name = 'register'): Map<string, RegisterRecord> {
  const records = new Map<string, RegisterRecord>();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${name} regel ${index + 1}: geen geldige JSON.`);
    }
    // The shape the codec writes passes the hand-written check; anything else goes to zod, which
    // may still accept it (an older field order) or names what is wrong.
    if (isCanonicalRecord(value)) {
      records.set(value.reference, value);
      continue;
    }
    const result = registerRecordSchema.safeParse(value);
    if (!result.success) {
      const first = result.error.issues[0];
      throw new Error(`${name} regel ${index + 1}: ${first?.path.join('.') ?? '?'}: ${first?.message ?? 'ongeldig'}`);
    }
    records.set(result.data.reference, result.data);
  }
  return records;
}

/**
 * The lines to append so that the file says `records`: only those that differ from what it holds.
 *
 * @example
 * changedLines(held, [record]) // '' when held already says exactly this
 */
export function changedLines(held: ReadonlyMap<string, RegisterRecord>, records: readonly RegisterRecord[]): string {
  let lines = '';
  for (const record of records) {
    const line = encodeRegisterLine(record);
    const before = held.get(record.reference);
    if (before === undefined || encodeRegisterLine(before) !== line) lines += line;
  }
  return lines;
}

/**
 * Groups records by the year file they belong in.
 *
 * @example
 * byYear([a2026, b2027]) // Map { '2026' => [a2026], '2027' => [b2027] }
 */
export function byYear(records: readonly RegisterRecord[]): Map<string, RegisterRecord[]> {
  const years = new Map<string, RegisterRecord[]>();
  for (const record of records) {
    const year = registerYearOf(record);
    years.set(year, [...(years.get(year) ?? []), record]);
  }
  return years;
}

/**
 * The records of several files as one list, oldest receipt first (then by reference).
 *
 * @example
 * sortedRecords([map2027, map2026])[0].terms.received // the earliest
 */
export function sortedRecords(maps: Iterable<ReadonlyMap<string, RegisterRecord>>): RegisterRecord[] {
  const all: RegisterRecord[] = [];
  for (const map of maps) all.push(...map.values());
  return all.sort(
    (a, b) =>
      (a.terms.received < b.terms.received ? -1 : a.terms.received > b.terms.received ? 1 : 0) ||
      (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
  );
}
