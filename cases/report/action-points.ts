/**
 * The action points of the previous report, so the loop closes: each with its state.
 *
 * Two sources. On GitHub an action point is an issue with a label (`actiepunt`): open, or closed
 * as completed or as not planned. The Git-folder store has no issues, so there the action points
 * are read from the previous report itself: its "Actiepunten" section is a task list, and a ticked
 * item is done, a struck-through item dropped. The coordinator ticks them in the previous report
 * (or corrects the state in the new draft).
 */
import { readFrontMatter } from '../front-matter.ts';
import type { List, ListItem, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import type { LocalDate } from './dates.ts';
import { inPeriod, type Period } from './period.ts';
import type { ActionPointOrigin, ActionPointState } from './report-text.ts';
import { reportText } from './text.ts';

/** One action point as the report lists it: a title without personal data, and its state. */
export type ActionPoint = { title: string; state: ActionPointState };

/** The action points of the previous report and where they came from. */
export type PreviousActions = { origin: ActionPointOrigin; items: ActionPoint[] };

/**
 * Takes out of a title what could be personal data or point elsewhere: e-mail addresses, phone
 * numbers, @mentions, web addresses. Titles of action points are written for the public report,
 * but a slip should not get through, and a link in a published report is never wanted.
 *
 * @example
 * scrubTitle('Bel 06-12345678 terug'); // "Bel … terug"
 */
export function scrubTitle(title: string): string {
  return title
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, '…')
    .replace(/[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/g, '…')
    .replace(/(?:\+|\b)\d[\d\s\-().]{7,}\d/g, '…')
    .replace(/(^|\s)@[a-z0-9-]+/gi, '$1…')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The front matter a report carries that the next report needs. */
export type ReportFrontMatter = { period: string; from: string; to: string; locale: string; example: boolean };

/**
 * Reads a report's front matter; undefined for a file that is not a report.
 *
 * @example
 * reportFrontMatter(text)?.period; // "2026-H1"
 */
export function reportFrontMatter(text: string): ReportFrontMatter | undefined {
  const data = readFrontMatter(text).data;
  const { period, from, to, locale, example } = data;
  const date = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);
  const [start, end] = [date(from), date(to)];
  if (typeof period !== 'string' || typeof start !== 'string' || typeof end !== 'string') return undefined;
  return {
    period,
    from: start,
    to: end,
    locale: typeof locale === 'string' ? locale : 'nl',
    example: example === true,
  };
}

/**
 * Of the reports found, the Dutch one that ended last before `period` starts (examples skipped).
 *
 * @example
 * pickPreviousReport([{ path: 'a.md', data: h1 }, { path: 'b.md', data: h2 }], halfYear('2027-H1')); // b.md's entry
 */
export function pickPreviousReport<T extends { data: ReportFrontMatter }>(
  reports: readonly T[],
  period: Period,
): T | undefined {
  let best: T | undefined;
  for (const report of reports) {
    const { data } = report;
    if (data.locale !== 'nl' || data.example || data.to >= period.from) continue;
    if (best === undefined || data.to > best.data.to) best = report;
  }
  return best;
}

function isPlaceholder(text: string): boolean {
  return text.startsWith('✎');
}

function stateOf(item: ListItem): ActionPointState {
  const first = item.children[0];
  const struck =
    first?.type === 'paragraph' &&
    first.children.length > 0 &&
    first.children.every((child) => child.type === 'delete');
  if (struck) return 'vervallen';
  return item.checked === true ? 'afgerond' : 'open';
}

/** The nodes after the heading named `heading` (depth 2) up to the next heading of depth 1 or 2. */
function section(tree: Root, heading: string): RootContent[] {
  const start = tree.children.findIndex(
    (node) => node.type === 'heading' && node.depth === 2 && toString(node).trim() === heading,
  );
  if (start < 0) return [];
  const rest = tree.children.slice(start + 1);
  const end = rest.findIndex((node) => node.type === 'heading' && node.depth <= 2);
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * The action points of a report written by this tool: the items of the task list under
 * "Actiepunten" (placeholders skipped), ticked = done, struck through = dropped.
 *
 * @example
 * actionPointsFromReport(previousMarkdown);
 * // [{ title: 'Reparaties binnen 2 werkdagen inplannen', state: 'afgerond' }, …]
 */
export function actionPointsFromReport(markdown: string): ActionPoint[] {
  const { content, data } = readFrontMatter(markdown);
  const locale = data['locale'] === 'en' ? 'en' : 'nl';
  const tree = remark().use(remarkGfm).parse(content);
  const lists = section(tree, reportText[locale].actions.heading).filter((node): node is List => node.type === 'list');
  return lists
    .flatMap((list) => list.children)
    .map((item) => ({ title: scrubTitle(toString(item)), state: stateOf(item) }))
    .filter((point) => point.title !== '' && !isPlaceholder(point.title));
}

/** The fields of a GitHub issue that an action point needs (a REST `issues` list item). */
export type IssueSummary = {
  title: string;
  state: string;
  state_reason?: string | null;
  created_at: string;
  closed_at?: string | null;
  pull_request?: unknown;
};

/**
 * Action points from issues with the action-point label, as at the end of the period: issues
 * opened by then that were still open, or that were closed during the period. A closed issue is
 * done, or dropped when closed as not planned. Issues closed before the period were reported before.
 * Oldest first.
 *
 * @example
 * actionPointsFromIssues(issues, halfYear('2026-H2'), makeLocalDate('Europe/Amsterdam'));
 */
export function actionPointsFromIssues(
  issues: readonly IssueSummary[],
  period: Period,
  localDate: LocalDate,
): ActionPoint[] {
  const points: ActionPoint[] = [];
  // Oldest first, as they were agreed; the sort is stable, so same-moment issues keep their order.
  const byAge = [...issues].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
  for (const issue of byAge) {
    if (issue.pull_request !== undefined && issue.pull_request !== null) continue;
    if (localDate(issue.created_at) > period.to) continue;
    const closedOn = issue.state === 'closed' && issue.closed_at ? localDate(issue.closed_at) : undefined;
    const title = scrubTitle(issue.title);
    if (closedOn === undefined || closedOn > period.to) points.push({ title, state: 'open' });
    else if (inPeriod(closedOn, period)) {
      points.push({ title, state: issue.state_reason === 'not_planned' ? 'vervallen' : 'afgerond' });
    }
  }
  return points;
}

/** Reads one page (1-based) of the issues with a label, 100 per page, open and closed. */
export type IssuePageReader = (label: string, page: number) => Promise<IssueSummary[]>;

/**
 * Every issue with `label`, page by page until a page is not full: ⌈N/100⌉ calls for N issues
 * (one more when N is a multiple of 100).
 *
 * @example
 * await listLabelledIssues(readPage, 'actiepunt'); // all action-point issues
 */
export async function listLabelledIssues(readPage: IssuePageReader, label: string): Promise<IssueSummary[]> {
  const all: IssueSummary[] = [];
  for (let page = 1; ; page += 1) {
    const issues = await readPage(label, page);
    all.push(...issues);
    if (issues.length < 100) return all;
  }
}
