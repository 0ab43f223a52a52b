/**
 * The workload in words: a Markdown table for the pinned issue and the terminal, the same rows in
 * both, the reference linked where a link is given (the case's issue on GitHub). Dutch, with one
 * English line. Only what `workload.ts` holds: no complainant's name or text.
 */
import { formatDate } from './format-date.ts';
import type { Workload, WorkloadRow } from './workload.ts';
import { soonWorkingDays } from './workload.ts';

/** The hidden line that marks the workload issue (and that a workload body is ours). */
export const workloadMarker = '<!-- klachtenloket:werkvoorraad -->';

/** GitHub refuses an issue body over 65,536 characters; the table stops well before. */
const maxBodyCharacters = 60_000;

/** How to write the workload. */
export interface WorkloadTextOptions {
  /** The address of a case (its issue); without one the reference is plain text. */
  link?: (reference: string) => string | undefined;
  /** The hidden marker first (the pinned issue's body), or not (the terminal). */
  marker?: boolean;
}

/** A table cell: no line break, no pipe that would split it. */
function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
}

function daysText(row: WorkloadRow): string {
  const left = row.workingDaysLeft;
  if (left === undefined) return '—';
  if (left < 0) return `**verlopen (${left})**`;
  if (left === 0) return '**vandaag laatste dag**';
  return row.mark === 'bijna' ? `**${left} (bijna)**` : String(left);
}

function rowLine(row: WorkloadRow, link: WorkloadTextOptions['link']): string {
  const url = link?.(row.reference);
  return `| ${[
    url === undefined ? row.reference : `[${row.reference}](${url})`,
    cell(row.category),
    row.status,
    cell(row.handler ?? '(nog geen)'),
    row.nextTerm ?? '(afsluiten)',
    row.date === undefined ? '—' : formatDate(row.date, 'nl'),
    daysText(row),
  ].join(' | ')} |`;
}

/**
 * The workload as Markdown: a summary line, the cases in term order, and the counts per status
 * and per handler. A workload too long for one issue shows its first rows and says how many more.
 *
 * @example
 * workloadMarkdown(workload, { link: (ref) => issueUrl(ref), marker: true })
 * // '<!-- klachtenloket:werkvoorraad -->\n## Werkvoorraad op maandag 2 november 2026\n…'
 */
export function workloadMarkdown(workload: Workload, options: WorkloadTextOptions = {}): string {
  const { rows } = workload;
  const overdue = rows.filter((row) => row.mark === 'verlopen').length;
  const soon = rows.filter((row) => row.mark === 'bijna').length;
  const head = [
    ...(options.marker ? [workloadMarker] : []),
    `## Werkvoorraad op ${formatDate(workload.today, 'nl')}`,
    '',
    `${rows.length} open ${rows.length === 1 ? 'klacht' : 'klachten'}: ${overdue} met een verlopen termijn, ` +
      `${soon} binnen ${soonWorkingDays} werkdagen. De termijn die het eerst afloopt staat bovenaan.`,
    '',
    `_Workload: ${rows.length} open, ${overdue} overdue, ${soon} due within ${soonWorkingDays} working days; the term that runs out first is at the top._`,
    '',
  ];
  const table = [
    '| Kenmerk | Categorie | Status | Behandelaar | Volgende termijn | Datum | Werkdagen over |',
    '| --- | --- | --- | --- | --- | --- | ---: |',
  ];
  const counts = [
    '',
    '| Status | Aantal |',
    '| --- | ---: |',
    ...workload.perStatus.map((entry) => `| ${entry.status} | ${entry.count} |`),
    '',
    '| Behandelaar | Aantal |',
    '| --- | ---: |',
    ...workload.perHandler.map((entry) => `| ${cell(entry.handler ?? '(nog geen)')} | ${entry.count} |`),
    '',
  ];
  let length = [...head, ...table, ...counts].join('\n').length + 200;
  let shown = 0;
  for (const row of rows) {
    const line = rowLine(row, options.link);
    if (length + line.length + 1 > maxBodyCharacters) break;
    table.push(line);
    length += line.length + 1;
    shown += 1;
  }
  if (shown < rows.length) {
    table.push('', `… en nog ${rows.length - shown} klachten: zie \`klachten werkvoorraad\` voor de hele lijst.`);
  }
  return `${[...head, ...table, ...counts].join('\n')}`;
}
