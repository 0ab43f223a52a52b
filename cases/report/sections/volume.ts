/**
 * The section on volume: complaints received per month, with its chart, and compared with the
 * previous period.
 */
import type { RootContent } from 'mdast';
import type { Locale } from '../../locale.ts';
import { cell, heading, image, note, paragraph, row, strong, table, text } from '../markdown-nodes.ts';
import type { ReportChart, ReportOptions } from '../report-options.ts';
import { formatNumber } from '../suppress.ts';
import { capitalise, monthName, periodName } from '../date-names.ts';
import type { ReportText } from '../report-text.ts';

/**
 * The volume section; the first chart, per month, goes under its table.
 *
 * @example
 * volumeSection(options, reportText.nl, charts); // [## Omvang, ### Ontvangen klachten per maand, …]
 */
export function volumeSection(options: ReportOptions, t: ReportText, charts: ReportChart[]): RootContent[] {
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
        row(cell(text(capitalise(periodName(stats.previous, locale)))), cell(text(n(previousReceived)))),
        row(cell(text(t.volume.difference)), cell(text(`${signed(change, locale)}${relative}`))),
      ],
    ),
  ];
}

function signed(value: number, locale: Locale): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value), locale)}`;
}
