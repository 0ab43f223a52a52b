/**
 * What the Markdown of a report is made from besides its words: the numbers, the language, the
 * configuration it names, and the charts that go beside it.
 */
import type { Config } from '../config.ts';
import type { Locale } from '../locale.ts';
import type { PreviousActions } from './action-points.ts';
import type { ChartInput } from './charts.ts';
import type { ReportStats } from './stats.ts';

/** What a report needs besides the numbers. */
export type ReportOptions = {
  stats: ReportStats;
  locale: Locale;
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
