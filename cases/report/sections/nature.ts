/**
 * The section on nature: complaints per category, with its chart, and per kind of complainant,
 * small counts protected.
 */
import type { RootContent } from 'mdast';
import { heading, image, note, paragraph, text } from '../markdown-nodes.ts';
import type { ReportChart, ReportOptions } from '../report-options.ts';
import { categoryLabel, protectedTable } from '../table-parts.ts';
import type { ReportText } from '../report-text.ts';

/**
 * The nature section; the second chart, per category, goes under its table.
 *
 * @example
 * natureSection(options, reportText.nl, charts); // [## Aard, …, ### Per onderwerp, …]
 */
export function natureSection(options: ReportOptions, t: ReportText, charts: ReportChart[]): RootContent[] {
  const { stats, locale } = options;
  const [, categories] = charts;
  return [
    heading(2, t.nature.heading),
    paragraph(text(t.notes.nature), note('bescherming')),
    heading(3, t.nature.perCategory),
    protectedTable(t.nature.category, stats.nature.categories, (id) => categoryLabel(id, options), locale, t),
    ...(categories ? [image(categories)] : []),
    heading(3, t.nature.perRole),
    protectedTable(t.nature.role, stats.nature.roles, (role) => t.nature.roles[role], locale, t),
  ];
}
