/**
 * Builders for the report's Markdown syntax tree (mdast): small, typed, plain objects. Text from
 * outside only ever enters through {@link text}, a text node the serialiser escapes, so it never
 * becomes markup.
 */
import type {
  AlignType,
  Blockquote,
  FootnoteDefinition,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import type { ReportChart } from './report-options.ts';

/**
 * A text node.
 *
 * @example
 * text('Totaal'); // { type: 'text', value: 'Totaal' }
 */
export const text = (value: string): PhrasingContent => ({ type: 'text', value });

/**
 * Bold text.
 *
 * @example
 * strong('17'); // **17**
 */
export const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });

/**
 * A reference to a footnote.
 *
 * @example
 * note('peildatum'); // [^peildatum]
 */
export const note = (identifier: string): PhrasingContent => ({
  type: 'footnoteReference',
  identifier,
  label: identifier,
});

/**
 * A paragraph.
 *
 * @example
 * paragraph(text('We ontvingen 17 klachten.'), note('ontvangen'));
 */
export const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

/**
 * A quoted block.
 *
 * @example
 * blockquote(paragraph(strong('Dit is een voorbeeld.'))); // > **Dit is een voorbeeld.**
 */
export const blockquote = (...children: Paragraph[]): Blockquote => ({ type: 'blockquote', children });

/**
 * A heading of plain text.
 *
 * @example
 * heading(2, 'Omvang'); // ## Omvang
 */
export const heading = (depth: 1 | 2 | 3, value: string): Heading => ({
  type: 'heading',
  depth,
  children: [text(value)],
});

/**
 * A table cell.
 *
 * @example
 * cell(text('juli 2026'));
 */
export const cell = (...children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });

/**
 * A table row.
 *
 * @example
 * row(cell(text('juli 2026')), cell(text('4')));
 */
export const row = (...cells: TableCell[]): TableRow => ({ type: 'tableRow', children: cells });

/**
 * A table with a header row of plain text.
 *
 * @example
 * table(['left', 'right'], ['Maand', 'Ontvangen'], [row(cell(text('juli 2026')), cell(text('4')))]);
 */
export const table = (align: AlignType[], header: string[], rows: TableRow[]): Table => ({
  type: 'table',
  align,
  children: [row(...header.map((value) => cell(text(value)))), ...rows],
});

/**
 * A tight bulleted list; with `checkboxes`, a task list whose items are all unticked.
 *
 * @example
 * list([item(text('Een actiepunt'))], true); // - [ ] Een actiepunt
 */
export const list = (items: ListItem[], checkboxes = false): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: checkboxes ? items.map((entry) => ({ ...entry, checked: false })) : items,
});

/**
 * A list item of one paragraph.
 *
 * @example
 * item(text('We ontvingen 17 klachten.'));
 */
export const item = (...children: PhrasingContent[]): ListItem => ({
  type: 'listItem',
  spread: false,
  children: [paragraph(...children)],
});

/**
 * A footnote's text.
 *
 * @example
 * definition('spreiding', 'De helft binnen: de middelste waarde.'); // [^spreiding]: De helft binnen: …
 */
export const definition = (identifier: string, value: string): FootnoteDefinition => ({
  type: 'footnoteDefinition',
  identifier,
  label: identifier,
  children: [paragraph(text(value))],
});

/**
 * A chart as an image beside the report, its description as the alt text.
 *
 * @example
 * image(chart); // ![Staafdiagram van …](./2026-h2.per-maand.svg)
 */
export function image(chart: ReportChart): Paragraph {
  return paragraph({ type: 'image', url: `./${chart.fileName}`, alt: chart.chart.description });
}
