/**
 * The report as a Markdown syntax tree (mdast, plain objects), serialised with remark-stringify and
 * remark-gfm (tables, task lists, footnotes), with YAML front matter from gray-matter. Text from
 * outside (category names, action-point titles) only ever enters as text nodes, so the serialiser
 * escapes it: it never becomes markup.
 */
import matter from 'gray-matter';
import type {
  AlignType,
  Blockquote,
  FootnoteDefinition,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import type { Config } from '../config.ts';
import type { PreviousActions } from './action-points.ts';
import type { Bar, ChartInput } from './charts.ts';
import type { ProtectedTable, ReportStats } from './stats.ts';
import { unknownCategory } from './stats.ts';
import { formatNumber, showCount, type Shown } from './suppress.ts';
import {
  longDate,
  monthName,
  periodName,
  reportText,
  shortMonthName,
  type ReportLocale,
  type ReportText,
} from './text.ts';

/** What a report needs besides the numbers. */
export type ReportOptions = {
  stats: ReportStats;
  locale: ReportLocale;
  categories: readonly Config['categories'][number][];
  terms: { confirmWorkingDays: number; answerWeeks: number; extensionWeeks: number };
  previousActions: PreviousActions;
  /** The moment the report was made (ISO 8601); passed in, never read from a clock here. */
  generatedAt: string;
  /** The file name without `.md` of the Dutch report; charts and the English report are named after it. */
  baseName: string;
  /** A report made from made-up cases, shown as an example on the site. */
  example: boolean;
};

/** A chart of the report: the file it goes into, beside the Markdown, and what it shows. */
export type ReportChart = { fileName: string; chart: ChartInput };

// Builders: small, typed, plain objects.
const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const note = (identifier: string): PhrasingContent => ({ type: 'footnoteReference', identifier, label: identifier });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const blockquote = (...children: Paragraph[]): Blockquote => ({ type: 'blockquote', children });
const heading = (depth: 1 | 2 | 3, value: string): Heading => ({ type: 'heading', depth, children: [text(value)] });
const cell = (...children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });
const row = (...cells: TableCell[]): TableRow => ({ type: 'tableRow', children: cells });
const table = (align: AlignType[], header: string[], rows: TableRow[]): Table => ({
  type: 'table',
  align,
  children: [row(...header.map((value) => cell(text(value)))), ...rows],
});
const list = (items: ListItem[], checkboxes = false): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: checkboxes ? items.map((item) => ({ ...item, checked: false })) : items,
});
const item = (...children: PhrasingContent[]): ListItem => ({
  type: 'listItem',
  spread: false,
  children: [paragraph(...children)],
});
const definition = (identifier: string, value: string): FootnoteDefinition => ({
  type: 'footnoteDefinition',
  identifier,
  label: identifier,
  children: [paragraph(text(value))],
});

/**
 * The file names of the charts: Dutch names for the Dutch report, English for the English one.
 *
 * @example
 * chartFileNames('2026-h2', 'nl'); // { months: '2026-h2.per-maand.svg', categories: '2026-h2.per-onderwerp.svg' }
 */
export function chartFileNames(baseName: string, locale: ReportLocale): { months: string; categories: string } {
  return locale === 'nl'
    ? { months: `${baseName}.per-maand.svg`, categories: `${baseName}.per-onderwerp.svg` }
    : { months: `${baseName}.en.per-month.svg`, categories: `${baseName}.en.per-subject.svg` };
}

/**
 * The file name of the report in a language: `2026-h2.md` and `2026-h2.en.md`.
 *
 * @example
 * reportFileName('2026-h2', 'en'); // "2026-h2.en.md"
 */
export function reportFileName(baseName: string, locale: ReportLocale): string {
  return locale === 'nl' ? `${baseName}.md` : `${baseName}.${locale}.md`;
}

function percent(part: number, whole: number, t: ReportText): string {
  if (whole === 0) return t.handling.noValue;
  return `${Math.round((100 * part) / whole)}%`;
}

function signed(value: number, locale: ReportLocale): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value), locale)}`;
}

function protectedRows<K extends string>(
  data: ProtectedTable<K>,
  label: (key: K) => string,
  locale: ReportLocale,
  t: ReportText,
): TableRow[] {
  const total = data.totalShown ? formatNumber(data.total, locale) : t.totalHidden;
  return [
    ...data.rows.map((entry) => row(cell(text(label(entry.key))), cell(text(showCount(entry.shown, locale))))),
    row(cell(strong(t.volume.total)), cell(strong(total))),
  ];
}

function shownValue(shown: Shown): number | undefined {
  return shown.kind === 'count' ? shown.value : undefined;
}

/**
 * Builds the charts of a report: their data is what the tables publish, nothing more.
 *
 * @example
 * reportCharts(options).map((chart) => chart.fileName); // ["2026-h2.per-maand.svg", "2026-h2.per-onderwerp.svg"]
 */
export function reportCharts(options: ReportOptions): ReportChart[] {
  const { stats, locale, baseName } = options;
  const t = reportText[locale];
  const names = chartFileNames(baseName, locale);
  // The axis gets short names (long ones collide); the description, read out, the full ones.
  const years = new Set(stats.volume.months.map((month) => month.key.slice(0, 4)));
  const monthBars: Bar[] = stats.volume.months.map((month) => ({
    label: shortMonthName(month.key, locale, years.size > 1),
    value: month.count,
    text: formatNumber(month.count, locale),
  }));
  const monthList = stats.volume.months
    .map((month) => `${monthName(month.key, locale)}: ${formatNumber(month.count, locale)}`)
    .join(', ');
  const categoryBars: Bar[] = stats.nature.categories.rows.map((entry) => ({
    label: categoryLabel(entry.key, options),
    value: shownValue(entry.shown),
    text: showCount(entry.shown, locale),
  }));
  const listOf = (bars: Bar[]) => bars.map((bar) => `${bar.label}: ${bar.text}`).join(', ');
  return [
    {
      fileName: names.months,
      chart: {
        id: 'chart-months',
        title: t.volume.chartTitle,
        description: t.volume.chartAlt(monthList),
        bars: monthBars,
        direction: 'vertical',
        locale,
      },
    },
    {
      fileName: names.categories,
      chart: {
        id: 'chart-categories',
        title: t.nature.chartTitle,
        description: t.nature.chartAlt(listOf(categoryBars)),
        bars: categoryBars,
        direction: 'horizontal',
        locale,
      },
    },
  ];
}

function categoryLabel(id: string, options: ReportOptions): string {
  if (id === unknownCategory) return reportText[options.locale].nature.unknownCategory;
  return options.categories.find((category) => category.id === id)?.label[options.locale] ?? id;
}

function image(chart: ReportChart): Paragraph {
  return paragraph({ type: 'image', url: `./${chart.fileName}`, alt: chart.chart.description });
}

function summary(options: ReportOptions, t: ReportText): RootContent[] {
  const { stats, locale } = options;
  const n = (value: number) => formatNumber(value, locale);
  const items = [item(text(t.summary.received(n(stats.volume.received), n(stats.volume.previousReceived))))];
  const { confirmation, answer } = stats;
  if (confirmation.due > 0) {
    items.push(
      item(
        text(
          t.summary.confirmed(
            n(confirmation.onTime),
            n(confirmation.due),
            percent(confirmation.onTime, confirmation.due, t),
          ),
        ),
      ),
    );
  }
  if (answer.due > 0) {
    items.push(
      item(
        text(
          t.summary.answered(
            n(answer.withinTerm),
            n(answer.due),
            percent(answer.withinTerm, answer.due, t),
            n(answer.withinExtendedTerm),
            options.terms.answerWeeks,
          ),
        ),
      ),
    );
  }
  items.push(item(text(t.summary.open(n(stats.open.total), longDate(stats.period.to, locale)))));
  return [heading(2, t.summary.heading), list(items)];
}

function volume(options: ReportOptions, t: ReportText, charts: ReportChart[]): RootContent[] {
  const { stats, locale } = options;
  const n = (value: number) => formatNumber(value, locale);
  const { received, previousReceived } = stats.volume;
  const change = received - previousReceived;
  const relative = previousReceived === 0 ? '' : ` (${signed(Math.round((100 * change) / previousReceived), locale)}%)`;
  const [months] = charts;
  return [
    heading(2, t.volume.heading),
    heading(3, t.volume.perMonth),
    paragraph(text(t.volume.perMonthIntro), note('ontvangen')),
    table(
      ['left', 'right'],
      [t.volume.month, t.volume.received],
      [
        ...stats.volume.months.map((month) =>
          row(cell(text(monthName(month.key, locale))), cell(text(n(month.count)))),
        ),
        row(cell(strong(t.volume.total)), cell(strong(n(received)))),
      ],
    ),
    ...(months ? [image(months)] : []),
    heading(3, t.volume.compared),
    paragraph(text(t.volume.comparedIntro(periodName(stats.previous, locale)))),
    table(
      ['left', 'right'],
      [t.volume.period, t.volume.received],
      [
        row(cell(text(t.volume.thisPeriod(periodName(stats.period, locale)))), cell(text(n(received)))),
        row(cell(text(capitalFirst(periodName(stats.previous, locale)))), cell(text(n(previousReceived)))),
        row(cell(text(t.volume.difference)), cell(text(`${signed(change, locale)}${relative}`))),
      ],
    ),
  ];
}

function capitalFirst(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function nature(options: ReportOptions, t: ReportText, charts: ReportChart[]): RootContent[] {
  const { stats, locale } = options;
  const [, categories] = charts;
  return [
    heading(2, t.nature.heading),
    paragraph(text(t.notes.nature), note('bescherming')),
    heading(3, t.nature.perCategory),
    table(
      ['left', 'right'],
      [t.nature.category, t.nature.count],
      protectedRows(stats.nature.categories, (id) => categoryLabel(id, options), locale, t),
    ),
    ...(categories ? [image(categories)] : []),
    heading(3, t.nature.perRole),
    table(
      ['left', 'right'],
      [t.nature.role, t.nature.count],
      protectedRows(stats.nature.roles, (role) => t.nature.roles[role], locale, t),
    ),
  ];
}

function shareRows(
  entries: [label: string, count: number][],
  total: number,
  totalLabel: string,
  options: ReportOptions,
  t: ReportText,
) {
  const n = (value: number) => formatNumber(value, options.locale);
  return [
    ...entries.map(([label, count]) =>
      row(cell(text(label)), cell(text(n(count))), cell(text(percent(count, total, t)))),
    ),
    row(cell(strong(totalLabel)), cell(strong(n(total))), cell(strong(total === 0 ? t.handling.noValue : '100%'))),
  ];
}

function handling(options: ReportOptions, t: ReportText): RootContent[] {
  const { stats, locale, terms } = options;
  const n = (value: number) => formatNumber(value, locale);
  const orDash = (value: number | undefined) => (value === undefined ? t.handling.noValue : n(value));
  const { confirmation: c, answer: a, open } = stats;
  const h = t.handling;
  const notTakenUp = stats.endings.rows.find((entry) => entry.key === 'niet-in-behandeling');
  return [
    heading(2, h.heading),
    heading(3, h.confirmation(terms.confirmWorkingDays)),
    paragraph(text(h.confirmationIntro(terms.confirmWorkingDays)), note('bevestiging')),
    table(
      ['left', 'right', 'right'],
      [h.confirmationColumn, t.nature.count, h.share],
      shareRows(
        [
          [h.onTime, c.onTime],
          [h.lateConfirmed, c.late],
          [h.notConfirmed, c.missing],
        ],
        c.due,
        h.dueTotal,
        options,
        t,
      ),
    ),
    paragraph(text(h.confirmSpread(orDash(c.days.median), orDash(c.days.p90), n(c.days.measured))), note('spreiding')),
    heading(3, h.answer(terms.answerWeeks)),
    paragraph(text(h.answerIntro(terms.answerWeeks, terms.extensionWeeks)), note('antwoord')),
    table(
      ['left', 'right', 'right'],
      [h.answerColumn, t.nature.count, h.share],
      shareRows(
        [
          [h.withinTerm, a.withinTerm],
          [h.withinExtendedTerm, a.withinExtendedTerm],
          [h.lateAnswered, a.late],
          [h.notAnswered, a.missing],
        ],
        a.due,
        h.dueTotal,
        options,
        t,
      ),
    ),
    paragraph(text(h.extended(n(a.extended), n(a.due))), note('verlenging')),
    paragraph(text(h.answerSpread(orDash(a.days.median), orDash(a.days.p90), n(a.days.measured))), note('spreiding')),
    heading(3, h.notTakenUpHeading),
    paragraph(text(h.notTakenUp(notTakenUp ? showCount(notTakenUp.shown, locale) : n(0))), note('afloop')),
    heading(3, h.openHeading),
    table(
      ['left', 'right'],
      [h.waiting, t.nature.count],
      [
        ...open.bands.map((band) =>
          row(
            cell(text(h.band(n(band.from), band.to === undefined ? undefined : n(band.to)))),
            cell(text(n(band.count))),
          ),
        ),
        row(cell(strong(t.volume.total)), cell(strong(n(open.total)))),
      ],
    ),
    paragraph(
      text([h.overdue(n(open.overdue)), ...(open.oldest === undefined ? [] : [h.oldest(n(open.oldest))])].join(' ')),
      note('open'),
    ),
    paragraph(text(h.answeredNotClosed(n(open.answeredNotClosed)))),
  ];
}

function endingsAndSatisfaction(options: ReportOptions, t: ReportText): RootContent[] {
  const { stats, locale } = options;
  return [
    heading(2, t.endings.heading),
    paragraph(text(t.endings.intro), note('afloop')),
    table(
      ['left', 'right'],
      [t.endings.ending, t.nature.count],
      protectedRows(stats.endings, (key) => t.endings.labels[key], locale, t),
    ),
    heading(2, t.satisfaction.heading),
    paragraph(text(t.satisfaction.intro), note('tevredenheid')),
    table(
      ['left', 'right'],
      [t.satisfaction.answer, t.nature.count],
      protectedRows(stats.satisfaction, (key) => t.satisfaction.labels[key], locale, t),
    ),
  ];
}

function previousActions(options: ReportOptions, t: ReportText): RootContent[] {
  const { previousActions: actions } = options;
  const p = t.previousActions;
  if (actions.items.length === 0)
    return [heading(2, p.heading), paragraph(text(p.none(actions.origin)), note('actiepunten'))];
  return [
    heading(2, p.heading),
    paragraph(text(p.intro(actions.origin)), note('actiepunten')),
    table(
      ['left', 'left'],
      [p.action, p.state],
      actions.items.map((point) => row(cell(text(point.title)), cell(text(p.states[point.state])))),
    ),
    paragraph(text(p.check)),
  ];
}

function coordinatorSections(t: ReportText): RootContent[] {
  return [
    heading(2, t.evaluation.heading),
    paragraph(text(t.evaluation.placeholder)),
    heading(2, t.actions.heading),
    paragraph(text(t.actions.intro)),
    list([item(text(t.actions.placeholder))], true),
  ];
}

function footnotes(options: ReportOptions, t: ReportText): FootnoteDefinition[] {
  const { stats, locale, terms, previousActions: actions } = options;
  const previous = stats.previous;
  return [
    definition('peildatum', t.notes.asOf(longDate(stats.period.to, locale))),
    definition(
      'ontvangen',
      t.notes.received(periodName(previous, locale), longDate(previous.from, locale), longDate(previous.to, locale)),
    ),
    definition('bescherming', t.notes.protection(stats.threshold)),
    definition('bevestiging', t.notes.confirmation(terms.confirmWorkingDays)),
    definition('spreiding', t.notes.spread),
    definition('verlenging', t.notes.extension),
    definition('antwoord', t.notes.answer(terms.answerWeeks)),
    definition('afloop', t.notes.endings),
    definition('open', t.notes.open),
    definition('tevredenheid', t.notes.satisfaction),
    definition('actiepunten', t.notes.actions(actions.origin)),
  ];
}

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
    ...summary(options, t),
    ...volume(options, t, charts),
    ...nature(options, t, charts),
    ...handling(options, t),
    ...endingsAndSatisfaction(options, t),
    ...previousActions(options, t),
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
  return { markdown: matter.stringify(body, frontMatter(options)), charts };
}
