/**
 * The footnotes: how every number of the report is counted, one note per kind of count, each
 * referenced from the text.
 */
import type { FootnoteDefinition } from 'mdast';
import { definition } from '../markdown-nodes.ts';
import type { ReportOptions } from '../report-options.ts';
import { longDate, periodName } from '../date-names.ts';
import type { ReportText } from '../report-text.ts';

/**
 * The footnote definitions, in the order the report first refers to them.
 *
 * @example
 * footnotes(options, reportText.nl).map((note) => note.identifier); // ['peildatum', 'ontvangen', …]
 */
export function footnotes(options: ReportOptions, t: ReportText): FootnoteDefinition[] {
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
    definition('heropend', t.notes.reopened),
    definition('actiepunten', t.notes.actions(actions.origin)),
  ];
}
