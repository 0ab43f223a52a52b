/**
 * The workload's fields on the items of a GitHub Project (optional: `KLACHTEN_PROJECT` names it,
 * and the App needs the Projects permission), so coordinators can sort, group and filter in
 * Project views: **Status**, **Behandelaar**, **Volgende termijn** and **Datum**. Every open case
 * is an item; a case that is no longer open keeps its item with its last status and no term.
 * Only what differs is written, so a run after one move writes that case's fields and nothing else.
 * A field that is missing is made; a single-select field without an option for a value is left
 * as it is, and the run says which option to add.
 */
import { statuses, type Status } from '../../case.ts';
import type { NextTerm } from '../../workload.ts';
import type { FieldValue, ProjectCalls, ProjectField, ProjectItem, ProjectRef } from './project-calls.ts';

/** The names of the fields, as coordinators see them in the project. */
export const projectFieldNames = {
  status: 'Status',
  handler: 'Behandelaar',
  nextTerm: 'Volgende termijn',
  date: 'Datum',
} as const;

type FieldKey = keyof typeof projectFieldNames;

/** How each field is made when the project lacks it. */
const fieldTypes: Record<FieldKey, { dataType: 'TEXT' | 'DATE' | 'SINGLE_SELECT'; options?: readonly string[] }> = {
  status: { dataType: 'SINGLE_SELECT', options: statuses },
  handler: { dataType: 'TEXT' },
  nextTerm: { dataType: 'SINGLE_SELECT', options: ['bevestigen', 'antwoorden'] satisfies NextTerm[] },
  date: { dataType: 'DATE' },
};

/** One open case as the project shows it. */
export interface ProjectRow {
  /** The GraphQL id of the case's issue. */
  issueId: string;
  status: Status;
  handler: string | undefined;
  nextTerm: NextTerm | undefined;
  date: string | undefined;
}

/** What a sync did. */
export interface ProjectSyncReport {
  added: number;
  written: number;
  cleared: number;
  createdFields: string[];
  /** Writes left for the next run (over `maxWrites`). */
  postponed: number;
  /** What a coordinator should fix in the project, in Dutch. */
  problems: string[];
}

/**
 * Reads `KLACHTEN_PROJECT`: a project's address (`https://github.com/orgs/livable/projects/3`,
 * `…/users/<login>/projects/3`) or `owner/number` for an organisation's project.
 *
 * @example
 * parseProjectRef('livable/3') // { owner: 'livable', ownerType: 'organization', number: 3 }
 * parseProjectRef('3') // 'KLACHTEN_PROJECT: …' (a problem, in Dutch)
 */
export function parseProjectRef(value: string): ProjectRef | string {
  const url = /^https:\/\/[^/]+\/(orgs|users)\/([^/]+)\/projects\/(\d+)\/?$/.exec(value.trim());
  if (url?.[1] !== undefined && url[2] !== undefined && url[3] !== undefined) {
    return { owner: url[2], ownerType: url[1] === 'orgs' ? 'organization' : 'user', number: Number(url[3]) };
  }
  const short = /^([A-Za-z0-9-]+)\/(\d+)$/.exec(value.trim());
  if (short?.[1] !== undefined && short[2] !== undefined) {
    return { owner: short[1], ownerType: 'organization', number: Number(short[2]) };
  }
  return (
    `KLACHTEN_PROJECT: "${value}" is geen project. Geef het adres (https://github.com/orgs/<organisatie>/projects/<nummer>) ` +
    'of <organisatie>/<nummer>.'
  );
}

const sameValue = (a: FieldValue | undefined, b: FieldValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** The value a field should hold for `wanted`, or a problem when a single select has no such option. */
function valueFor(field: ProjectField, wanted: string): FieldValue | { problem: string } {
  if (field.dataType === 'DATE') return { date: wanted };
  if (field.dataType === 'SINGLE_SELECT') {
    const option = field.options?.find((candidate) => candidate.name.toLowerCase() === wanted.toLowerCase());
    if (option === undefined) return { problem: `Voeg aan het veld "${field.name}" de optie "${wanted}" toe.` };
    return { singleSelectOptionId: option.id };
  }
  return { text: wanted };
}

/** The status an issue's `status: …` label mirrors, for a case that is no longer open. */
function statusFromLabels(labels: readonly string[]): Status | undefined {
  for (const label of labels) {
    const status = /^status: (.+)$/.exec(label)?.[1];
    if (status !== undefined && (statuses as readonly string[]).includes(status)) return status as Status;
  }
  return undefined;
}

/**
 * Brings the project's items in line with the open cases: adds the missing ones and writes the
 * fields that differ, at most `maxWrites` writes in one run.
 *
 * @example
 * await syncProject(makeProjectCalls(octokit), ref, 'livable/klachten', rows) // { added: 2, written: 7, … }
 */
export async function syncProject(
  calls: ProjectCalls,
  ref: ProjectRef,
  repository: string,
  rows: readonly ProjectRow[],
  maxWrites = 200,
): Promise<ProjectSyncReport> {
  const report: ProjectSyncReport = { added: 0, written: 0, cleared: 0, createdFields: [], postponed: 0, problems: [] };
  const project = await calls.project(ref);
  if (project === undefined) {
    report.problems.push(`Het project ${ref.owner}/${ref.number} bestaat niet, of de GitHub App ziet het niet.`);
    return report;
  }
  let writes = 0;
  const write = async (work: () => Promise<void>): Promise<boolean> => {
    if (writes >= maxWrites) {
      report.postponed += 1;
      return false;
    }
    writes += 1;
    await work();
    return true;
  };

  const fields = {} as Record<FieldKey, ProjectField>;
  for (const key of Object.keys(projectFieldNames) as FieldKey[]) {
    const name = projectFieldNames[key];
    const existing = project.fields.find((field) => field.name.toLowerCase() === name.toLowerCase());
    if (existing !== undefined) {
      fields[key] = existing;
      continue;
    }
    const type = fieldTypes[key];
    fields[key] = await calls.createField(
      project.id,
      name,
      type.dataType,
      type.options === undefined ? undefined : [...type.options],
    );
    writes += 1;
    report.createdFields.push(name);
  }

  const items = await calls.items(project.id);
  const byIssue = new Map<string, ProjectItem>();
  for (const item of items) if (item.issue !== undefined) byIssue.set(item.issue.id, item);
  const open = new Set(rows.map((row) => row.issueId));
  const problems = new Set<string>();

  const bring = async (item: ProjectItem, wanted: Partial<Record<FieldKey, string | undefined>>) => {
    for (const key of Object.keys(wanted) as FieldKey[]) {
      const field = fields[key];
      const target = wanted[key];
      const current = item.values.get(field.id);
      if (target === undefined) {
        if (current !== undefined && (await write(() => calls.clearValue(project.id, item.id, field.id))))
          report.cleared += 1;
        continue;
      }
      const value = valueFor(field, target);
      if ('problem' in value) {
        problems.add(value.problem);
        continue;
      }
      if (sameValue(current, value)) continue;
      if (await write(() => calls.setValue(project.id, item.id, field.id, value))) report.written += 1;
    }
  };

  for (const row of rows) {
    let item = byIssue.get(row.issueId);
    if (item === undefined) {
      let id: string | undefined;
      if (!(await write(async () => void (id = await calls.addItem(project.id, row.issueId))))) continue;
      if (id === undefined) continue;
      report.added += 1;
      item = { id, issue: undefined, values: new Map() };
    }
    await bring(item, { status: row.status, handler: row.handler, nextTerm: row.nextTerm, date: row.date });
  }
  // Cases of this repository that are no longer open: their last status, and no term running.
  for (const item of items) {
    if (item.issue === undefined || open.has(item.issue.id)) continue;
    if (item.issue.repository.toLowerCase() !== repository.toLowerCase()) continue;
    const status = statusFromLabels(item.issue.labels);
    if (status === undefined) continue;
    await bring(item, { status, nextTerm: undefined, date: undefined });
  }
  report.problems.push(...problems);
  return report;
}
