/**
 * The charts of a report: their data is what the tables publish, nothing more, so a hidden count
 * is a bar without a height and the text "< 5".
 */
import type { Bar } from './charts.ts';
import { chartFileNames } from './file-names.ts';
import type { ReportChart, ReportOptions } from './report-options.ts';
import { formatNumber, showCount, type Shown } from './suppress.ts';
import { categoryLabel } from './table-parts.ts';
import { monthName, shortMonthName } from './date-names.ts';
import { reportText } from './text.ts';

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

function shownValue(shown: Shown): number | undefined {
  return shown.kind === 'count' ? shown.value : undefined;
}
