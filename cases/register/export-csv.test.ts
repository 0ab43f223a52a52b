import { describe, expect, it } from 'vitest';
import { csvCell, exportCsv } from './export-csv.ts';
import { exportColumns, type ExportRow } from './export-rows.ts';

const row = (overrides: Partial<ExportRow>): ExportRow =>
  ({ ...Object.fromEntries(exportColumns.map((column) => [column, null])), ...overrides }) as ExportRow;

describe('a CSV cell', () => {
  it('writes yes and no in Dutch and leaves an empty cell empty', () => {
    expect([csvCell(true), csvCell(false), csvCell(null)]).toEqual(['ja', 'nee', '']);
  });

  it('quotes a comma, a quote or a line break, doubling the quote, after RFC 4180', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('zei "nee"')).toBe('"zei ""nee"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvCell('Onderhoud en reparatie')).toBe('Onderhoud en reparatie');
  });

  it.each(['=HYPERLINK("http://example.com","klik")', '+31 20 123', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'defuses %j so no spreadsheet runs it as a formula',
    (value) => {
      const cell = csvCell(value);
      expect(cell.startsWith(`"'`)).toBe(true);
      expect(cell.slice(2, -1).replace(/""/g, '"')).toBe(value);
    },
  );
});

describe('the CSV file', () => {
  it('starts with the byte order mark and the header, with CRLF after every line', () => {
    const text = exportCsv([row({ reference: 'K-2026-7QF3-M9XA', received: '2026-10-26', extended: false })]);
    expect(text.startsWith(`\uFEFF${exportColumns.join(',')}\r\n`)).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3);
    expect(text.split('\r\n')[1]).toMatch(/^K-2026-7QF3-M9XA,2026-10-26,/);
  });
});
