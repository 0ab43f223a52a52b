import type { Octokit } from '@octokit/rest';
import type { GitHubRepository } from '../../../cases/stores/github/client.ts';
import { classifyFailure } from '../../../cases/stores/github/failures.ts';
import { readPageHeader } from '../../../cases/stores/github/machine-block.ts';

/** What the handler does on GitHub besides the store: small, so tests can count and fake it. */
export interface IssueActions {
  /** Whether this user may write to the repository (admin, maintain or write). */
  canWrite(login: string): Promise<boolean>;
  /** Posts a comment on an issue. */
  comment(issue: number, body: string): Promise<void>;
  /** Adds an assignee to an issue (keeps the ones there). */
  assign(issue: number, login: string): Promise<void>;
  /** The reference of the case in issue `issue`, or undefined when it holds none. */
  referenceOf(issue: number): Promise<string | undefined>;
}

/**
 * The GitHub side of the event handler, through the one Octokit of `github-client.ts`.
 * Write access is asked of GitHub (`GET …/collaborators/{username}/permission`), not taken from
 * the payload's `author_association`, which says nothing about a collaborator's role.
 *
 * @example
 * const actions = makeIssueActions(octokit, { owner: 'livable', repo: 'klachten' });
 * await actions.canWrite('coord') // true for admin, maintain and write
 */
export function makeIssueActions(octokit: Octokit, repository: GitHubRepository): IssueActions {
  const { owner, repo } = repository;
  return {
    async canWrite(login) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
          owner,
          repo,
          username: login,
        });
        // `permission` is the base role: maintain shows as write, triage as read.
        return data.permission === 'admin' || data.permission === 'write';
      } catch (error) {
        if (classifyFailure(error) === 'not-found') return false;
        throw error;
      }
    },
    async comment(issue, body) {
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner,
        repo,
        issue_number: issue,
        body,
      });
    },
    async assign(issue, login) {
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', {
        owner,
        repo,
        issue_number: issue,
        assignees: [login],
      });
    },
    async referenceOf(issue) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
          owner,
          repo,
          issue_number: issue,
        });
        if (data.pull_request !== undefined) return undefined;
        return readPageHeader(data.body ?? '')?.reference;
      } catch (error) {
        if (classifyFailure(error) === 'not-found') return undefined;
        throw error;
      }
    },
  };
}
