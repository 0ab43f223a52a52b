// What the github-event tests share: the stand-in with the repository's collaborators, a GitHub
// store on it, the handler's dependencies, and payloads as GitHub sends them.
import type { Case } from '../../../cases/case.ts';
import { makeGitHubStore, type GitHubStore } from '../../../cases/stores/github/store.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../../../tests/github-standin/index.ts';
import type { IssueState } from '../../../tests/github-standin/state.ts';
import { aConfig } from '../../../tests/support/config-fixture.ts';
import { standInOctokit } from '../../../tests/support/standin-octokit.ts';
import type { EventDeps } from './handle-event.ts';
import { readAnswerTemplate } from '../../../cases/answer/answer-template.ts';
import { defaultTemplatesDir, loadTemplates } from '../../../cases/mail/template-files.ts';
import { makeIssueActions } from './issue-actions.ts';

/**
 * Jan (jdevries, Onderhoud) and Els (ebakker, Klantcontact) handle cases; `coord` coordinates.
 *
 * @example
 * await runCommand(run, { env, config });
 */
export const config = aConfig();

/**
 * The repository the cases are issues in.
 *
 * @example
 * standIn.state.repo(fullName).issues;
 */
export const fullName = 'livable/klachten';

/**
 * The moment of every event: Wednesday 28 October 2026, 10:00 in Amsterdam.
 *
 * @example
 * await runCommand(run, { env, now: eventTime });
 */
export const eventTime = new Date('2026-10-28T09:00:00Z');

/**
 * A running stand-in with a case repository, and what the tests do with it.
 *
 * @example
 * const { file, comments } = await startCaseRepo();
 */
export interface CaseRepo {
  standIn: GitHubStandIn;
  store: GitHubStore;
  deps: EventDeps;
  /** Files a case through the store; returns its issue as the stand-in holds it. */
  file: (record: Case) => Promise<IssueState>;
  /** The comments on an issue, without the store's hidden marker. */
  comments: (issue: number) => string[];
}

/**
 * Starts the stand-in with collaborators of every role (coord and the handlers write, chef
 * maintains, lezer reads, triage triages; buitenstaander is no collaborator), and a GitHub store
 * and handler dependencies on it. Close `standIn` after the test.
 *
 * @example
 * beforeEach(async () => ({ standIn, store, deps, file, comments } = await startCaseRepo()));
 */
export async function startCaseRepo(): Promise<CaseRepo> {
  const standIn = await startGitHubStandIn({ now: () => eventTime });
  const repo = standIn.state.repo(fullName);
  for (const [login, permission] of [
    ['coord', 'write'],
    ['chef', 'maintain'],
    ['lezer', 'read'],
    ['triage', 'triage'],
    ['jdevries', 'write'],
    ['ebakker', 'write'],
  ] as const) {
    standIn.state.user(login);
    repo.collaborators.set(login, permission);
  }
  standIn.state.user('buitenstaander');
  const octokit = standInOctokit(standIn);
  const repository = { owner: 'livable', repo: 'klachten' };
  const store = makeGitHubStore(octokit, repository, {
    context: { categories: config.categories, people: config.people },
  });
  const deps: EventDeps = {
    config,
    store,
    actions: makeIssueActions(octokit, repository),
    now: () => eventTime,
    templates: await loadTemplates(defaultTemplatesDir(process.cwd())),
    answerTemplate: (locale) => readAnswerTemplate(process.cwd(), locale),
  };
  return {
    standIn,
    store,
    deps,
    async file(record) {
      await store.fileCase(record);
      const issue = repo.issues.find((candidate) => candidate.title.includes(record.reference));
      if (!issue) throw new Error('not filed');
      return issue;
    },
    comments: (number) =>
      standIn.state
        .repo(fullName)
        .comments.filter((comment) => comment.issueNumber === number)
        .map((comment) => comment.body.replace(/^<!-- klachtenloket:note -->\n/, '')),
  };
}

/**
 * The payload GitHub sends for a new comment, with what the handler reads.
 *
 * @example
 * await handleEvent('issue_comment', commentEvent(issue, 'coord', '/bevestig @jdevries'), deps);
 */
export function commentEvent(
  issue: { number: number; body: string | null; labels: string[] },
  login: string,
  body: string,
  type = 'User',
) {
  return {
    action: 'created',
    issue: { number: issue.number, body: issue.body, labels: issue.labels.map((name) => ({ name })), state: 'open' },
    comment: { id: 1, body, user: { login, type }, author_association: 'MEMBER' },
    sender: { login, type },
  };
}
