/**
 * The report's opening summary, "In het kort": received, confirmed and answered in time, and still
 * waiting at the end, each in one sentence.
 */
import type { RootContent } from 'mdast';
import { heading, item, list, text } from '../markdown-nodes.ts';
import type { ReportOptions } from '../report-options.ts';
import { formatNumber } from '../suppress.ts';
import { percent } from '../table-parts.ts';
import { longDate } from '../date-names.ts';
import type { ReportText } from '../report-text.ts';

/**
 * The summary section; a sentence about a term only when a term ended in the period.
 *
 * @example
 * summarySection(options, reportText.nl); // [## In het kort, - We ontvingen 17 klachten (vorige periode: 12). …]
 */
export function summarySection(options: ReportOptions, t: ReportText): RootContent[] {
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
