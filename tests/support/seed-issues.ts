// Cases put straight into the GitHub stand-in as the store would have written them (issue,
// labels, continuation comments), for tests that need many issues without filing each one.
import type { Case } from '../../cases/case.ts';
import { encodeIssue } from '../../cases/stores/github/issue-format.ts';
import type { IssueContext } from '../../cases/stores/github/readable-copy.ts';
import type { GitHubStandIn } from '../github-standin/index.ts';

/**
 * Writes each case as its issue into the stand-in's repository; gives each reference's number.
 * `at` is when the issues were made and last changed (default the stand-in's now).
 *
 * @example
 * const numbers = seedIssues(standIn, [aCase(), aCase()], { categories });
 */
export function seedIssues(
  standIn: GitHubStandIn,
  records: readonly Case[],
  context: IssueContext,
  fullName = 'livable/klachten',
  at: Date = standIn.state.now(),
): Map<string, number> {
  const repo = standIn.state.repo(fullName);
  const numbers = new Map<string, number>();
  const labels = new Set(repo.labels.map((label) => label.name));
  for (const record of records) {
    const encoded = encodeIssue(record, context);
    for (const name of encoded.labels) {
      if (labels.has(name)) continue;
      labels.add(name);
      repo.labels.push({ id: standIn.state.nextId(), name, color: 'ededed', description: null });
    }
    const closed = record.status === 'afgesloten' || record.status === 'niet-in-behandeling';
    const number = repo.issues.length + 1;
    repo.issues.push({
      id: standIn.state.nextId(),
      number,
      title: encoded.title,
      body: encoded.body,
      state: closed ? 'closed' : 'open',
      stateReason: closed ? 'completed' : null,
      labels: encoded.labels,
      assignees: [],
      user: 'github-actions[bot]',
      createdAt: at,
      updatedAt: at,
      closedAt: closed ? at : null,
      isPull: false,
    });
    for (const page of encoded.continuation ?? []) {
      repo.comments.push({
        id: standIn.state.nextId(),
        issueNumber: number,
        body: page,
        user: 'github-actions[bot]',
        createdAt: at,
        updatedAt: at,
      });
    }
    numbers.set(record.reference, number);
  }
  return numbers;
}
