/**
 * The report as a Markdown syntax tree (mdast, plain objects), serialised with remark-stringify and
 * remark-gfm (tables, task lists, footnotes), with YAML front matter from gray-matter. Text from
 * outside (category names, action-point titles) only ever enters as text nodes, so the serialiser
 * escapes it: it never becomes markup.
 */
import { writeFrontMatter } from '../front-matter.ts';
import type { Root, RootContent } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { blockquote, heading, note, paragraph, strong, text } from './markdown-nodes.ts';
import { reportCharts } from './report-charts.ts';
import type { ReportChart, ReportOptions } from './report-options.ts';
import { coordinatorSections, previousActionsSection } from './sections/actions.ts';
import { endingsSections } from './sections/endings.ts';
import { footnotes } from './sections/footnotes.ts';
import { handlingSection } from './sections/handling.ts';
import { natureSection } from './sections/nature.ts';
import { summarySection } from './sections/summary.ts';
import { volumeSection } from './sections/volume.ts';
import { longDate, periodName } from './date-names.ts';
import { reportText } from './text.ts';

/**
 * The report's syntax tree in one language, and its charts.
 *
 * @example
 * const { tree, charts } = reportTree({ stats, locale: 'nl', … });
 */
export function reportTree(options: ReportOptions): { tree: Root; charts: ReportChart[] } {
  const { stats, locale, example } = options;
  const t = reportText[locale];
  const name = periodName(stats.period, locale);
  const charts = reportCharts(options);
  const from = longDate(stats.period.from, locale);
  const to = longDate(stats.period.to, locale);
  const children: RootContent[] = [
    heading(1, example ? t.exampleTitle(name) : t.title(name)),
    ...(example ? [blockquote(paragraph(strong(t.exampleNotice)))] : []),
    paragraph(text(t.intro(from, to)), note('peildatum')),
    paragraph(text(t.protectionIntro(stats.threshold)), note('bescherming')),
    ...summarySection(options, t),
    ...volumeSection(options, t, charts),
    ...natureSection(options, t, charts),
    ...handlingSection(options, t),
    ...endingsSections(options, t),
    ...previousActionsSection(options, t),
    ...coordinatorSections(t),
    ...footnotes(options, t),
  ];
  return { tree: { type: 'root', children }, charts };
}

/** The front matter: what the site and the next report read. Only totals, never a protected cell. */
function frontMatter(options: ReportOptions): Record<string, unknown> {
  const { stats, locale, example } = options;
  const t = reportText[locale];
  const name = periodName(stats.period, locale);
  return {
    title: example ? t.exampleTitle(name) : t.title(name),
    description: t.description(longDate(stats.period.from, locale), longDate(stats.period.to, locale)),
    locale,
    period: stats.period.label,
    from: stats.period.from,
    to: stats.period.to,
    'generated-at': options.generatedAt,
    threshold: stats.threshold,
    example,
    counts: {
      received: stats.volume.received,
      'received-previous-period': stats.volume.previousReceived,
      'confirmation-due': stats.confirmation.due,
      'answer-due': stats.answer.due,
      ...(stats.endings.totalShown ? { ended: stats.endings.total } : {}),
      'open-at-end': stats.open.total,
    },
  };
}

/**
 * Serialises a report tree with its front matter: GFM tables, task lists and footnotes.
 *
 * @example
 * reportMarkdown(options); // "---\ntitle: Klachtenrapportage tweede halfjaar 2026\n…"
 */
export function reportMarkdown(options: ReportOptions): { markdown: string; charts: ReportChart[] } {
  const { tree, charts } = reportTree(options);
  const body = remark()
    .use(remarkGfm)
    .use({ settings: { bullet: '-', emphasis: '_', rule: '-', listItemIndent: 'one' } })
    .stringify(tree);
  return { markdown: writeFrontMatter(body, frontMatter(options)), charts };
}
