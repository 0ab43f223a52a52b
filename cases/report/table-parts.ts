/**
 * The parts of the report's tables: shares as percentages, protected counts with their total, and
 * the names of categories, each in the report's language.
 */
import type { Table } from 'mdast';
import type { Locale } from '../locale.ts';
import { cell, row, strong, table, text } from './markdown-nodes.ts';
import type { ReportOptions } from './report-options.ts';
import { unknownCategory } from './stats.ts';
import { formatNumber, showCount, type ProtectedTable } from './suppress.ts';
import type { ReportText } from './report-text.ts';
import { reportText } from './text.ts';

/**
 * A part of a whole as a rounded percentage, or a dash when there is no whole.
 *
 * @example
 * percent(12, 15, t); // "80%"
 */
export function percent(part: number, whole: number, t: ReportText): string {
  if (whole === 0) return t.handling.noValue;
  return `${Math.round((100 * part) / whole)}%`;
}

/**
 * A protected table: its rows with small counts shown as the protection says, and its total (or
 * "not shown" where even the total would give a hidden count away).
 *
 * @example
 * protectedTable(t.nature.role, stats.nature.roles, (role) => t.nature.roles[role], locale, t);
 */
export function protectedTable<K extends string>(
  column: string,
  data: ProtectedTable<K>,
  label: (key: K) => string,
  locale: Locale,
  t: ReportText,
): Table {
  const total = data.totalShown ? formatNumber(data.total, locale) : t.totalHidden;
  return table(
    ['left', 'right'],
    [column, t.nature.count],
    [
      ...data.rows.map((entry) => row(cell(text(label(entry.key))), cell(text(showCount(entry.shown, locale))))),
      row(cell(strong(t.volume.total)), cell(strong(total))),
    ],
  );
}

/**
 * A table of how the cases due split up, each part with its number and its share of the total.
 *
 * @example
 * shareTable(t.handling.confirmationColumn, [[t.handling.onTime, 12], [t.handling.lateConfirmed, 2]], 14, options, t);
 */
export function shareTable(
  column: string,
  entries: [label: string, count: number][],
  total: number,
  options: ReportOptions,
  t: ReportText,
): Table {
  const n = (value: number) => formatNumber(value, options.locale);
  const h = t.handling;
  return table(
    ['left', 'right', 'right'],
    [column, t.nature.count, h.share],
    [
      ...entries.map(([label, count]) =>
        row(cell(text(label)), cell(text(n(count))), cell(text(percent(count, total, t)))),
      ),
      row(cell(strong(h.dueTotal)), cell(strong(n(total))), cell(strong(total === 0 ? h.noValue : '100%'))),
    ],
  );
}

/**
 * The name of a category in the report's language; the row for categories no longer on the form
 * has a name of its own.
 *
 * @example
 * categoryLabel('onderhoud', options); // "Onderhoud en reparaties"
 */
export function categoryLabel(id: string, options: ReportOptions): string {
  if (id === unknownCategory) return reportText[options.locale].nature.unknownCategory;
  return options.categories.find((category) => category.id === id)?.label[options.locale] ?? id;
}
