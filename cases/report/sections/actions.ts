/**
 * The sections about action points: how far the previous report's got, and the places the
 * coordinator fills in, the evaluation and the new action points.
 */
import type { RootContent } from 'mdast';
import { cell, heading, item, list, note, paragraph, row, table, text } from '../markdown-nodes.ts';
import type { ReportOptions } from '../report-options.ts';
import type { ReportText } from '../report-text.ts';

/**
 * The previous report's action points with their state, or a sentence saying there are none.
 *
 * @example
 * previousActionsSection(options, reportText.nl); // [## Actiepunten uit de vorige rapportage, …]
 */
export function previousActionsSection(options: ReportOptions, t: ReportText): RootContent[] {
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

/**
 * The evaluation and the new action points, as placeholders for the coordinator to replace.
 *
 * @example
 * coordinatorSections(reportText.nl); // [## Evaluatie, ✎ Voor de klachtencoördinator: …, ## Actiepunten, …]
 */
export function coordinatorSections(t: ReportText): RootContent[] {
  return [
    heading(2, t.evaluation.heading),
    paragraph(text(t.evaluation.placeholder)),
    heading(2, t.actions.heading),
    paragraph(text(t.actions.intro)),
    list([item(text(t.actions.placeholder))], true),
  ];
}
