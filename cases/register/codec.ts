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
  // A record already in the codec's exact shape is what zod would give back unchanged
  // (record-check.ts): skip the parse, which is most of the cost of writing 50,000 lines.
  return `${JSON.stringify(isCanonicalRecord(record) ? record : registerRecordSchema.parse(record))}\n`;
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

/**
 * The path of the register file of a month, as the GitHub register keeps it: one file per month of
 * receipt, so no file outgrows what one call reads and writes well (a year of 50,000 cases is
 * some 25 MB; a month about 2 MB).
 *
 * @example
 * registerMonthPath('2026-10') // 'register/2026-10.jsonl'
 */
export function registerMonthPath(month: string): string {
  return `${registerFolder}/${month}.jsonl`;
}

/**
 * The month whose file holds a record: the month of receipt, `YYYY-MM`.
 *
 * @example
 * registerMonthOf({ terms: { received: '2026-10-26' } }) // '2026-10'
 */
export function registerMonthOf(record: Pick<RegisterRecord, 'terms'>): string {
  return record.terms.received.slice(0, 7);
}

/**
 * What a register file in the folder is, by its name: a year's file (`2026.jsonl`, the Git
 * folder's and older GitHub registers'), a month's (`2026-10.jsonl`), or neither.
 *
 * @example
 * registerFileKind('2026-10.jsonl') // 'month'
 */
export function registerFileKind(name: string): 'year' | 'month' | undefined {
  if (/^\d{4}\.jsonl$/.test(name)) return 'year';
  if (/^\d{4}-\d{2}\.jsonl$/.test(name)) return 'month';
  return undefined;
}

/**
 * A register file that says exactly `records`, one line each, in the order given: what a file
 * rewritten in place holds (the GitHub register's month files), so it never grows by more than a
 * line per case, and a diff shows the lines that changed where they stand.
 *
 * @example
 * compactText([first, second]) // encodeRegisterLine(first) + encodeRegisterLine(second)
 */
export function compactText(records: Iterable<RegisterRecord>): string {
  let text = '';
  for (const record of records) text += encodeRegisterLine(record);
  return text;
}
