/**
 * The export as a file a spreadsheet opens correctly: CSV after RFC 4180 (comma-separated, CRLF
 * line ends, a field with a comma, a quote or a line break in double quotes, a quote doubled),
 * UTF-8 with a byte order mark so Excel reads "é" as "é", and no cell a spreadsheet would run as
 * a formula: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a single
 * quote before it (OWASP's advice against CSV injection), so `=HYPERLINK(…)` stays text. Or as
 * JSON, with yes/no as true/false and an empty cell as null.
 */
import { exportColumns, type ExportRow, type ExportValue } from './export-rows.ts';

/** The byte order mark that tells Excel the file is UTF-8. */
export const utf8Bom = '\uFEFF';

/** What a spreadsheet would take for the start of a formula (or, with a tab or CR, hide one behind). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV cell: yes/no as `ja`/`nee`, empty as nothing, a formula defused, quoted where needed.
 *
 * @example
 * csvCell('=HYPERLINK("http://x","klik")') // "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\""
 * csvCell(true) // 'ja'
 */
export function csvCell(value: ExportValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rows as a CSV file: the byte order mark, the header, one line per row, CRLF after each.
 *
 * @example
 * exportCsv(rows).startsWith('\uFEFFreference,received,') // true
 */
export function exportCsv(rows: readonly ExportRow[]): string {
  const lines = [
    exportColumns.join(','),
    ...rows.map((row) => exportColumns.map((column) => csvCell(row[column])).join(',')),
  ];
  return `${utf8Bom}${lines.map((line) => `${line}\r\n`).join('')}`;
}

/**
 * The rows as JSON: an array of objects with the same keys as the CSV's columns.
 *
 * @example
 * JSON.parse(exportJson(rows))[0].reference // 'K-2026-7QF3-M9XA'
 */
export function exportJson(rows: readonly ExportRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
