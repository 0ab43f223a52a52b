/**
 * The half-yearly report from start to end: numbers from the register (the anonymised records), then the same numbers as a
 * Dutch and an English Markdown file, each with its charts as SVG files beside it. Pure apart from
 * the chart rendering (in memory): nothing is read or written here; the caller stores the files.
 */
import type { WorkingDayCalendar } from '../calendar.ts';
import type { Config } from '../config.ts';
import { locales } from '../locale.ts';
import type { RegisterRecord } from '../register/record.ts';
import type { PreviousActions } from './action-points.ts';
import { barChart } from './charts.ts';
import { reportFileName } from './file-names.ts';
import { reportMarkdown } from './markdown.ts';
import { periodSlug, type Period } from './period.ts';
import { computeStats, type ReportStats } from './stats.ts';

/** Everything a report is made from. */
export type ReportRequest = {
  /** The register: one anonymised record per case, erased ones included. */
  records: readonly RegisterRecord[];
  period: Period;
  config: Pick<Config, 'categories' | 'terms' | 'report'>;
  calendar: WorkingDayCalendar;
  previousActions: PreviousActions;
  /** ISO 8601 moment of making, for the front matter. */
  generatedAt: string;
  /** Name of the files without extension; defaults to the period in lower case (`2026-h2`). */
  baseName?: string;
  /** Marks the report as an example made from made-up cases. */
  example?: boolean;
};

/** A file of the report, named relative to the folder of the Dutch Markdown file. */
export type ReportFile = { name: string; content: string };

/**
 * Makes the report: the numbers, and the files (Markdown per language, SVG charts).
 *
 * @example
 * const { files } = await makeReport({ records: await register.read(), period: halfYear('2026-H2'), config, calendar, previousActions, generatedAt });
 * files.map((file) => file.name); // ["2026-h2.md", "2026-h2.per-maand.svg", …, "2026-h2.en.md", …]
 */
export async function makeReport(request: ReportRequest): Promise<{ stats: ReportStats; files: ReportFile[] }> {
  const { config } = request;
  const stats = computeStats(request.records, {
    period: request.period,
    calendar: request.calendar,
    timeZone: config.terms.timeZone,
    threshold: config.report.threshold,
    categoryIds: config.categories.map((category) => category.id),
    terms: config.terms,
  });
  const baseName = request.baseName ?? periodSlug(request.period);
  const files: ReportFile[] = [];
  for (const locale of locales) {
    const { markdown, charts } = reportMarkdown({
      stats,
      locale,
      categories: config.categories,
      terms: config.terms,
      previousActions: request.previousActions,
      generatedAt: request.generatedAt,
      baseName,
      example: request.example ?? false,
    });
    files.push({ name: reportFileName(baseName, locale), content: markdown });
    // One after another: Vega views are not meant to render concurrently on two cores anyway.
    for (const chart of charts) files.push({ name: chart.fileName, content: await barChart(chart.chart) });
  }
  return { stats, files };
}
