/**
 * Brings the workload up to date on GitHub: the pinned "Werkvoorraad" issue (one write, only when
 * its text changed) and, with `KLACHTEN_PROJECT`, the fields of the GitHub Project. Called after
 * every move (`klachten cases <move>`, `klachten github-event`) and by `klachten werkvoorraad
 * --publish`, which the daily workflow runs after the deadlines (deadlines.yml) and another
 * workflow after changes made elsewhere, such as by the site (werkvoorraad.yml). On the Git folder
 * there is no issue to write; `klachten werkvoorraad` prints the same table there.
 */
import { makeCalendar } from '../../cases/calendar.ts';
import { errorCode } from '../../cases/errors.ts';
import { silentLog } from '../../cases/log.ts';
import { parseSettings } from '../../cases/settings.ts';
import type { CaseStore } from '../../cases/store.ts';
import { makeCaseIssues } from '../../cases/stores/github/case-issues.ts';
import { makeGitHubHelper } from '../../cases/stores/github/github-helper.ts';
import { readPageHeader } from '../../cases/stores/github/machine-block.ts';
import { makeProjectCalls, type ProjectCalls } from '../../cases/stores/github/project-calls.ts';
import { parseProjectRef, syncProject, type ProjectRow } from '../../cases/stores/github/project-sync.ts';
import { publishWorkload } from '../../cases/stores/github/workload-issue.ts';
import { receiptDate } from '../../cases/terms.ts';
import { workloadOf, type Workload } from '../../cases/workload.ts';
import { workloadMarkdown } from '../../cases/workload-text.ts';
import type { CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';

/**
 * The workload of today on this store.
 *
 * @example
 * const workload = await currentWorkload(ctx, store); // workload.rows in term order
 */
export async function currentWorkload(ctx: CliContext, store: CaseStore, today?: string): Promise<Workload> {
  const { config } = ctx;
  const day = today ?? receiptDate(ctx.now().toISOString(), config.terms.timeZone);
  return workloadOf(await store.listCases({ openOnly: true }), day, makeCalendar(config.terms), config);
}

/**
 * Publishes the workload on GitHub when the store is GitHub; returns what it did for the person
 * running the command (references and counts only), or undefined on the Git folder. Never
 * throws: the workload is a view, and a failure to write it must not fail the move before it.
 *
 * @example
 * await refreshWorkload(ctx, store) // { ok: true, text: 'Werkvoorraad bijgewerkt: issue #7.' }
 */
export async function refreshWorkload(
  ctx: CliContext,
  store: CaseStore,
  today?: string,
): Promise<{ ok: boolean; text: string } | undefined> {
  if (parseSettings(ctx.env, ctx.cwd).store !== 'github') return undefined;
  try {
    const workload = await currentWorkload(ctx, store, today);
    const { octokit, repository } = servicesOf(ctx).makeGitHub(ctx, silentLog);
    const github = makeGitHubHelper(octokit, repository);
    // The open case issues, for the links in the table and the items of the project.
    const issues = new Map<string, { url: string | undefined; nodeId: string | undefined }>();
    const walk = makeCaseIssues(github);
    await walk.walk(performance.now() + 60_000, { state: 'open' }, (issue) => {
      const reference = readPageHeader(issue.body ?? '')?.reference;
      if (reference !== undefined) issues.set(reference, { url: issue.html_url, nodeId: issue.node_id });
      return false;
    });
    const body = workloadMarkdown(workload, { marker: true, link: (reference) => issues.get(reference)?.url });
    const published = await publishWorkload(github, body);
    const lines = [
      published.created && published.unpinned === true
        ? `Werkvoorraad gemaakt: issue #${published.number}. GitHub weigerde het vast te zetten; zet het zelf vast (Pin issue).`
        : published.created
          ? `Werkvoorraad gemaakt en vastgezet: issue #${published.number}.`
          : published.written
            ? `Werkvoorraad bijgewerkt: issue #${published.number}.`
            : `Werkvoorraad ongewijzigd: issue #${published.number}.`,
    ];
    const project = ctx.env['KLACHTEN_PROJECT']?.trim();
    if (project) {
      const calls = makeProjectCalls(octokit);
      lines.push(await refreshProject(calls, project, workload, issues, `${repository.owner}/${repository.repo}`));
    }
    return { ok: true, text: lines.join('\n') };
  } catch (error) {
    return {
      ok: false,
      text: `De werkvoorraad is niet bijgewerkt (${errorCode(error)}); de volgende run probeert het opnieuw.`,
    };
  }
}

async function refreshProject(
  calls: ProjectCalls,
  project: string,
  workload: Workload,
  issues: ReadonlyMap<string, { nodeId: string | undefined }>,
  repository: string,
): Promise<string> {
  const ref = parseProjectRef(project);
  if (typeof ref === 'string') return ref;
  const rows: ProjectRow[] = workload.rows.flatMap((row) => {
    const issueId = issues.get(row.reference)?.nodeId;
    return issueId === undefined
      ? []
      : [{ issueId, status: row.status, handler: row.handler, nextTerm: row.nextTerm, date: row.date }];
  });
  try {
    const report = await syncProject(calls, ref, repository, rows);
    return [
      `Project ${ref.owner}/${ref.number}: ${report.added} toegevoegd, ${report.written} velden geschreven, ${report.cleared} gewist` +
        (report.createdFields.length > 0 ? `, velden gemaakt: ${report.createdFields.join(', ')}` : '') +
        (report.postponed > 0 ? `, ${report.postponed} voor de volgende run` : '') +
        '.',
      ...report.problems,
    ].join('\n');
  } catch (error) {
    return `Het project is niet bijgewerkt (${errorCode(error)}): heeft de GitHub App de permissie Projects: read and write?`;
  }
}

/**
 * Refreshes the workload and prints what happened: to stdout when it worked, to stderr when not.
 *
 * @example
 * await refreshAndTell(ctx, store);
 */
export async function refreshAndTell(ctx: CliContext, store: CaseStore, today?: string): Promise<void> {
  const result = await refreshWorkload(ctx, store, today);
  if (result === undefined) return;
  (result.ok ? ctx.stdout : ctx.stderr)(`${result.text}\n`);
}
