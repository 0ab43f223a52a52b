/**
 * The section on handling: confirmation and answer within the reglement's terms, how long they
 * took, the complaints not taken up, and the ones still waiting at the end of the period.
 */
import type { RootContent } from 'mdast';
import { cell, heading, note, paragraph, row, strong, table, text } from '../markdown-nodes.ts';
import type { ReportOptions } from '../report-options.ts';
import { formatNumber, showCount } from '../suppress.ts';
import { shareTable } from '../table-parts.ts';
import type { ReportText } from '../report-text.ts';

/**
 * The handling section.
 *
 * @example
 * handlingSection(options, reportText.nl); // [## Behandeling, ### Bevestiging binnen 7 werkdagen, …]
 */
export function handlingSection(options: ReportOptions, t: ReportText): RootContent[] {
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
    shareTable(
      h.confirmationColumn,
      [
        [h.onTime, c.onTime],
        [h.lateConfirmed, c.late],
        [h.notConfirmed, c.missing],
      ],
      c.due,
      options,
      t,
    ),
    paragraph(text(h.confirmSpread(orDash(c.days.median), orDash(c.days.p90), n(c.days.measured))), note('spreiding')),
    heading(3, h.answer(terms.answerWeeks)),
    paragraph(text(h.answerIntro(terms.answerWeeks, terms.extensionWeeks)), note('antwoord')),
    shareTable(
      h.answerColumn,
      [
        [h.withinTerm, a.withinTerm],
        [h.withinExtendedTerm, a.withinExtendedTerm],
        [h.lateAnswered, a.late],
        [h.notAnswered, a.missing],
      ],
      a.due,
      options,
      t,
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
