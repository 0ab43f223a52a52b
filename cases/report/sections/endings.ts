/**
 * The sections on how the complaints ended and whether the complainants were satisfied, small
 * counts protected.
 */
import type { RootContent } from 'mdast';
import { heading, note, paragraph, text } from '../markdown-nodes.ts';
import type { ReportOptions } from '../report-options.ts';
import { protectedTable } from '../table-parts.ts';
import type { ReportText } from '../report-text.ts';

/**
 * The outcome, satisfaction and reopened sections.
 *
 * @example
 * endingsSections(options, reportText.nl); // [## Afloop, …, ## Tevredenheid, …]
 */
export function endingsSections(options: ReportOptions, t: ReportText): RootContent[] {
  const { stats, locale } = options;
  return [
    heading(2, t.endings.heading),
    paragraph(text(t.endings.intro), note('afloop')),
    protectedTable(t.endings.ending, stats.endings, (key) => t.endings.labels[key], locale, t),
    heading(2, t.satisfaction.heading),
    paragraph(text(t.satisfaction.intro), note('tevredenheid')),
    protectedTable(t.satisfaction.answer, stats.satisfaction, (key) => t.satisfaction.labels[key], locale, t),
    heading(2, t.reopened.heading),
    paragraph(text(t.reopened.intro), note('heropend')),
    protectedTable(t.reopened.state, stats.reopened, (key) => t.reopened.labels[key], locale, t),
  ];
}
