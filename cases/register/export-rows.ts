/**
 * The register for management: one row per case received in a period, from the anonymised
 * register alone (so erased cases count too), with the dates of each step and whether each term
 * was kept. The columns are documented in docs/reports.md; the facts are read the way the
 * half-yearly report reads them (cases/report/case-facts.ts), so the export and the report agree.
 *
 * Pure: the records, the period, the configuration and today's date are parameters.
 */
import type { Config } from '../config.ts';
import { caseFacts } from '../report/case-facts.ts';
import { makeLocalDate } from '../report/dates.ts';
import { inPeriod, type Period } from '../report/period.ts';
import type { RegisterRecord } from './record.ts';

/** One cell: text, a yes/no, or empty (not applicable, or not yet known). */
export type ExportValue = string | boolean | null;

/**
 * The columns, in their order: the key of each row and of each CSV header.
 *
 * @example
 * exportColumns[0] // 'reference'
 */
export const exportColumns = [
  'reference',
  'received',
  'category',
  'category_label',
  'role',
  'source',
  'status',
  'confirm_by',
  'confirmed_on',
  'confirmed_in_time',
  'extended',
  'answer_by',
  'answered_on',
  'answered_in_time',
  'reopened',
  'reopened_on',
  'reopen_answer_by',
  'reanswered_on',
  'reanswered_in_time',
  'closed_on',
  'outcome',
  'not_taken_up_on',
  'satisfaction',
  'erased',
] as const;

export type ExportColumn = (typeof exportColumns)[number];

/** One row of the export. */
export type ExportRow = Record<ExportColumn, ExportValue>;

/** In time (true), late (false), or not yet known (null: not done, and its term still runs). */
function inTime(doneOn: string | undefined, term: string, today: string): boolean | null {
  if (doneOn !== undefined) return doneOn <= term;
  return today > term ? false : null;
}

/**
 * The rows of the cases received in `period`, oldest receipt first.
 *
 * @example
 * exportRows(records, dateRange('2026-01-01', '2026-12-31'), config, '2027-01-05')[0].answered_in_time // true
 */
export function exportRows(
  records: readonly RegisterRecord[],
  period: Period,
  config: Pick<Config, 'categories' | 'terms'>,
  today: string,
): ExportRow[] {
  const localDate = makeLocalDate(config.terms.timeZone);
  const rows: ExportRow[] = [];
  for (const record of records) {
    if (!inPeriod(record.terms.received, period)) continue;
    const facts = caseFacts(record, today, localDate);
    const notTakenUp = facts.notTakenUpOn !== undefined;
    // The reopening: its new term, and the first answer after it.
    const reopenAt = record.moves.findIndex((move) => move.status === 'heropend');
    const reopen = reopenAt === -1 ? undefined : record.moves[reopenAt];
    const reanswer =
      reopenAt === -1 ? undefined : record.moves.slice(reopenAt + 1).find((move) => move.status === 'beantwoord');
    const reansweredOn = reanswer === undefined ? undefined : localDate(reanswer.at);
    rows.push({
      reference: record.reference,
      received: record.terms.received,
      category: record.category,
      category_label: config.categories.find((category) => category.id === record.category)?.label.nl ?? null,
      role: record.role,
      source: record.source,
      status: record.status,
      confirm_by: record.terms.confirmBy,
      confirmed_on: facts.confirmedOn ?? null,
      confirmed_in_time: notTakenUp ? null : inTime(facts.confirmedOn, record.terms.confirmBy, today),
      extended: facts.extended,
      answer_by: notTakenUp ? null : facts.deadline,
      answered_on: facts.answeredOn ?? null,
      answered_in_time: notTakenUp ? null : inTime(facts.answeredOn, facts.deadline, today),
      reopened: reopen !== undefined,
      reopened_on: reopen === undefined ? null : localDate(reopen.at),
      reopen_answer_by: reopen?.answerBy ?? null,
      reanswered_on: reansweredOn ?? null,
      reanswered_in_time: reopen?.answerBy === undefined ? null : inTime(reansweredOn, reopen.answerBy, today),
      closed_on: facts.closedAfterReopen?.on ?? facts.closedOn ?? null,
      outcome: record.outcome ?? null,
      not_taken_up_on: facts.notTakenUpOn ?? null,
      satisfaction: record.satisfaction?.answer ?? null,
      erased: record.erasedAt !== undefined,
    });
  }
  return rows.sort(
    (a, b) =>
      String(a.received).localeCompare(String(b.received)) || String(a.reference).localeCompare(String(b.reference)),
  );
}
