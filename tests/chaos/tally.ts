// The chaos suite's counting, pure: from what the people were told (the load), what GitHub holds
// (the stand-in's issues) and what the mail server took, per round of a fault — acknowledged,
// filed, lost, doubled, receipts missing and doubled, the longest waits, the 5xx answers.
import type { Complaint } from './load.ts';

/** An issue as the tally reads it. */
export interface FiledIssue {
  reference: string;
  /** The complaint's number, read from its text. */
  n: number | undefined;
  createdAt: number;
}

/** A message the mail server took. */
export interface TakenReceipt {
  to: string;
  at: number;
}

/** One row of a fault's table. */
export interface TallyRow {
  round: string;
  sent: number;
  acknowledged: number;
  filed: number;
  lost: number;
  doubled: number;
  receiptsMissing: number;
  receiptsDoubled: number;
  /** The longest from acknowledgement to the issue and to the receipt, in ms; undefined when none. */
  longestToIssueMs: number | undefined;
  longestToReceiptMs: number | undefined;
  /** Answers with a 5xx status; `answers500` of them a 500, which must never be. */
  answers5xx: number;
  answers500: number;
}

const longest = (values: number[]) => (values.length === 0 ? undefined : Math.max(0, ...values));

/**
 * The row of one round.
 *
 * @example
 * tallyRound('sigkill 1', complaints, issues, receipts) // { acknowledged: 30, lost: 0, doubled: 0, … }
 */
export function tallyRound(
  round: string,
  complaints: readonly Complaint[],
  issues: readonly FiledIssue[],
  receipts: readonly TakenReceipt[],
): TallyRow {
  const mine = complaints.filter((complaint) => complaint.round === round);
  const issuesOf = new Map<number, FiledIssue[]>();
  for (const issue of issues) {
    if (issue.n === undefined) continue;
    issuesOf.set(issue.n, [...(issuesOf.get(issue.n) ?? []), issue]);
  }
  const receiptsTo = new Map<string, TakenReceipt[]>();
  for (const receipt of receipts) receiptsTo.set(receipt.to, [...(receiptsTo.get(receipt.to) ?? []), receipt]);
  const acknowledged = mine.filter((complaint) => complaint.ackAt !== undefined);
  const filed = acknowledged.filter((complaint) => (issuesOf.get(complaint.n) ?? []).length > 0);
  const toIssue: number[] = [];
  const toReceipt: number[] = [];
  let receiptsMissing = 0;
  let receiptsDoubled = 0;
  for (const complaint of acknowledged) {
    const at = complaint.ackAt ?? 0;
    const first = Math.min(...(issuesOf.get(complaint.n) ?? []).map((issue) => issue.createdAt));
    if (Number.isFinite(first)) toIssue.push(first - at);
    const got = receiptsTo.get(complaint.email) ?? [];
    if (got.length === 0) receiptsMissing += 1;
    else toReceipt.push(Math.min(...got.map((receipt) => receipt.at)) - at);
    receiptsDoubled += Math.max(0, got.length - 1);
  }
  // Doubled: a complaint filed more than once, or given two references — acknowledged or not.
  const doubled = mine.filter(
    (complaint) => (issuesOf.get(complaint.n) ?? []).length > 1 || complaint.references.length > 1,
  ).length;
  const statuses = mine.flatMap((complaint) => complaint.statuses);
  return {
    round,
    sent: mine.length,
    acknowledged: acknowledged.length,
    filed: filed.length,
    lost: acknowledged.length - filed.length,
    doubled,
    receiptsMissing,
    receiptsDoubled,
    longestToIssueMs: longest(toIssue),
    longestToReceiptMs: longest(toReceipt),
    answers5xx: statuses.filter((status) => status >= 500).length,
    answers500: statuses.filter((status) => status === 500).length,
  };
}

/**
 * The row that sums a fault's rounds (the longest waits are the longest of any round).
 *
 * @example
 * totalOf('sigkill', rows)
 */
export function totalOf(round: string, rows: readonly TallyRow[]): TallyRow {
  const sum = (pick: (row: TallyRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const most = (pick: (row: TallyRow) => number | undefined) =>
    longest(rows.flatMap((row) => (pick(row) === undefined ? [] : [pick(row) as number])));
  return {
    round,
    sent: sum((row) => row.sent),
    acknowledged: sum((row) => row.acknowledged),
    filed: sum((row) => row.filed),
    lost: sum((row) => row.lost),
    doubled: sum((row) => row.doubled),
    receiptsMissing: sum((row) => row.receiptsMissing),
    receiptsDoubled: sum((row) => row.receiptsDoubled),
    longestToIssueMs: most((row) => row.longestToIssueMs),
    longestToReceiptMs: most((row) => row.longestToReceiptMs),
    answers5xx: sum((row) => row.answers5xx),
    answers500: sum((row) => row.answers500),
  };
}

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);

/** The columns of a table, as docs/reliability.md explains them. */
export const columns = [
  'round',
  'sent',
  'acknowledged',
  'filed',
  'lost',
  'doubled',
  'receipts missing',
  'receipts doubled',
  'longest ack → issue',
  'longest ack → receipt',
  '5xx answers',
] as const;

/**
 * One fault's table, as Markdown: a row per round and the total.
 *
 * @example
 * console.log(faultTable('SIGKILL of the server, and restart', rows));
 */
export function faultTable(title: string, rows: readonly TallyRow[]): string {
  const cells = (row: TallyRow) => [
    row.round,
    String(row.sent),
    String(row.acknowledged),
    String(row.filed),
    String(row.lost),
    String(row.doubled),
    String(row.receiptsMissing),
    String(row.receiptsDoubled),
    seconds(row.longestToIssueMs),
    seconds(row.longestToReceiptMs),
    `${row.answers5xx}${row.answers500 > 0 ? ` (${row.answers500} × 500)` : ''}`,
  ];
  const all = rows.length > 1 ? [...rows, totalOf('total', rows)] : [...rows];
  const table = [[...columns], ...all.map(cells)];
  const widths = columns.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [
    `### ${title}`,
    '',
    line(table[0] ?? []),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...table.slice(1).map(line),
  ].join('\n');
}
