/**
 * The workload (werkvoorraad) on GitHub: one pinned issue "Werkvoorraad" in the case repository,
 * labelled `werkvoorraad` and marked by a hidden line, whose body is the workload table
 * (cases/workload-text.ts). It is rewritten with one write, and only when its text changed: the
 * same cases on the same day give the same body, so a run after a move that changed nothing in
 * the table writes nothing. The issue is never a case: it carries neither the case label nor a
 * machine block. Made (and pinned, with GraphQL `pinIssue`: the REST API cannot pin) the first
 * time; reopened if someone closed it.
 */
import { workloadMarker } from '../../workload-text.ts';
import { labelNames, type GitHubHelper, type IssueItem } from './github-helper.ts';
import { workloadLabel } from './labels.ts';

export { workloadLabel };

/** The workload issue's title. */
export const workloadTitle = 'Werkvoorraad';

/** What publishing did. */
export interface WorkloadPublication {
  number: number;
  /** Made now (and pinned). */
  created: boolean;
  /** Its body was written; false when it already said this. */
  written: boolean;
  /** Made now, but GitHub refused to pin it (the token may not): a person pins it by hand. */
  unpinned?: boolean;
}

/** How long the workload's calls may take together. */
const budgetMs = 60_000;

/**
 * Writes `body` into the workload issue: finds it (one listing call), and creates and pins it, or
 * patches it, or leaves it alone when it already holds exactly this body.
 *
 * @example
 * await publishWorkload(github, workloadMarkdown(workload, { marker: true, link })) // { number: 7, created: false, written: true }
 */
export async function publishWorkload(
  github: Pick<GitHubHelper, 'issuePages' | 'createIssue' | 'patchIssue' | 'getIssue' | 'pinIssue'>,
  body: string,
  clock: () => number = () => performance.now(),
): Promise<WorkloadPublication> {
  const deadline = clock() + budgetMs;
  let found: IssueItem | undefined;
  // Newest first; the first page holds it (there is one, unless someone made more by hand).
  for await (const page of github.issuePages({ labels: workloadLabel, state: 'all' }, deadline)) {
    found = page.find((issue) => issue.pull_request === undefined && (issue.body ?? '').startsWith(workloadMarker));
    break;
  }
  if (found === undefined) {
    const number = await github.createIssue({ title: workloadTitle, body, labels: [workloadLabel] }, deadline);
    const made = await github.getIssue(number, deadline);
    // Pinning is a convenience: the issue is written either way, and a refusal is said, not fatal.
    const pinned =
      made?.node_id === undefined
        ? false
        : await github.pinIssue(made.node_id).then(
            () => true,
            () => false,
          );
    return { number, created: true, written: true, ...(pinned ? {} : { unpinned: true }) };
  }
  if ((found.body ?? '') === body && found.state === 'open')
    return { number: found.number, created: false, written: false };
  // The coordinators' own labels stay.
  const labels = [...new Set([...labelNames(found), workloadLabel])];
  await github.patchIssue(found.number, { title: workloadTitle, body, labels, state: 'open' }, deadline);
  return { number: found.number, created: false, written: true };
}
