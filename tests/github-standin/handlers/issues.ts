/**
 * Issues: listing with GitHub's filters and sorting, creating, reading, editing, and assignees.
 * Pull requests are issues too (they share the numbering and show up in the list), as on GitHub.
 */
import { issueObject } from '../objects.ts';
import type { Actor } from '../auth.ts';
import type { IssueState, RepoState, StandInState } from '../state.ts';
import { fields, issueOf, touch, type HandlerDeps, type Handlers } from './context.ts';
import { labelNames } from './labels.ts';
import { paginate } from './paging.ts';
import { checkText, invalid } from './validation.ts';

/**
 * Adds a new open issue (or the issue of a pull request) with the next number.
 *
 * @example
 * const issue = newIssue(state, repo, ctx.actor, 'Titel', null, false);
 */
export function newIssue(
  state: StandInState,
  repo: RepoState,
  actor: Actor,
  title: string,
  body: string | null,
  isPull: boolean,
): IssueState {
  const at = state.now();
  const issue: IssueState = {
    id: state.nextId(),
    number: repo.issues.length + 1,
    title,
    body,
    state: 'open',
    stateReason: null,
    labels: [],
    assignees: [],
    user: actor.login,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    isPull,
  };
  repo.issues.push(issue);
  return issue;
}

/** The logins of a request that may be assigned: GitHub silently drops people who cannot be. */
function assigneesOf(repo: RepoState, logins: unknown): string[] {
  if (!Array.isArray(logins)) return [];
  return logins.map(String).filter((login) => repo.collaborators.has(login.toLowerCase()));
}

function setState(state: StandInState, issue: IssueState, next: unknown, reason: unknown): void {
  if (next === 'closed' && issue.state !== 'closed') {
    issue.state = 'closed';
    issue.closedAt = state.now();
    issue.stateReason = reason === 'not_planned' ? 'not_planned' : reason === 'duplicate' ? 'duplicate' : 'completed';
  } else if (next === 'open' && issue.state !== 'open') {
    issue.state = 'open';
    issue.closedAt = null;
    issue.stateReason = 'reopened';
  } else if (next === 'closed' && typeof reason === 'string') {
    issue.stateReason = reason as IssueState['stateReason'];
  }
}

/**
 * The handlers of the issue operations.
 *
 * @example
 * const handlers = { ...issueHandlers({ state, urls }) };
 */
export function issueHandlers({ state, urls }: HandlerDeps) {
  return {
    'issues/list-for-repo': (ctx, repo) => {
      const wantState = ctx.query.get('state') ?? 'open';
      const wantLabels = (ctx.query.get('labels') ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
      const since = ctx.query.get('since');
      const sinceMs = since ? Date.parse(since) : undefined;
      const creator = ctx.query.get('creator')?.toLowerCase();
      const sort = ctx.query.get('sort') ?? 'created';
      const direction = ctx.query.get('direction') ?? 'desc';
      const key = (issue: IssueState) =>
        sort === 'updated'
          ? issue.updatedAt.getTime()
          : sort === 'comments'
            ? repo.comments.filter((comment) => comment.issueNumber === issue.number).length
            : issue.createdAt.getTime();
      const matching = repo.issues
        .filter((issue) => wantState === 'all' || issue.state === wantState)
        .filter((issue) => wantLabels.every((name) => issue.labels.some((label) => label.toLowerCase() === name)))
        // GitHub compares `since` with whole seconds of updated_at.
        .filter((issue) => sinceMs === undefined || Math.floor(issue.updatedAt.getTime() / 1000) * 1000 >= sinceMs)
        .filter((issue) => creator === undefined || issue.user.toLowerCase() === creator)
        .sort((a, b) => (key(a) - key(b) || a.number - b.number) * (direction === 'asc' ? 1 : -1));
      const { page, headers } = paginate(ctx, matching, urls());
      return { status: 200, headers, body: page.map((issue) => issueObject(urls(), repo, issue, state.users)) };
    },

    'issues/create': (ctx, repo) => {
      const input = fields(ctx.body);
      const title = String(input['title'] ?? '');
      if (title.trim() === '') invalid('Issue', 'title', 'missing_field');
      checkText('Issue', 'title', title, 256);
      checkText('Issue', 'body', input['body'], 65536);
      const text = typeof input['body'] === 'string' ? input['body'] : null;
      const issue = newIssue(state, repo, ctx.actor, title, text, false);
      repo.written.push({ issueNumber: issue.number, text: title }, { issueNumber: issue.number, text: text ?? '' });
      issue.labels = labelNames(state, repo, input['labels']);
      issue.assignees = assigneesOf(repo, input['assignees']);
      const body = issueObject(urls(), repo, issue, state.users);
      return { status: 201, headers: { location: body.url }, body };
    },

    'issues/get': (ctx, repo) => ({
      status: 200,
      body: issueObject(urls(), repo, issueOf(repo, ctx.params['issue_number']), state.users),
    }),

    'issues/update': (ctx, repo) => {
      const issue = issueOf(repo, ctx.params['issue_number']);
      const input = fields(ctx.body);
      if (typeof input['title'] === 'string') {
        checkText('Issue', 'title', input['title'], 256);
        issue.title = input['title'];
        repo.written.push({ issueNumber: issue.number, text: issue.title });
      }
      if ('body' in input) {
        checkText('Issue', 'body', input['body'], 65536);
        issue.body = typeof input['body'] === 'string' ? input['body'] : null;
        repo.written.push({ issueNumber: issue.number, text: issue.body ?? '' });
      }
      if ('labels' in input) issue.labels = labelNames(state, repo, input['labels']);
      if ('assignees' in input) issue.assignees = assigneesOf(repo, input['assignees']);
      if ('state' in input || 'state_reason' in input)
        setState(state, issue, input['state'] ?? issue.state, input['state_reason']);
      touch(state, issue);
      return { status: 200, body: issueObject(urls(), repo, issue, state.users) };
    },

    'issues/add-assignees': (ctx, repo) => {
      const issue = issueOf(repo, ctx.params['issue_number']);
      issue.assignees = [...new Set([...issue.assignees, ...assigneesOf(repo, fields(ctx.body)['assignees'])])];
      touch(state, issue);
      return { status: 201, body: issueObject(urls(), repo, issue, state.users) };
    },

    'issues/remove-assignees': (ctx, repo) => {
      const issue = issueOf(repo, ctx.params['issue_number']);
      const gone = new Set(assigneesOf(repo, fields(ctx.body)['assignees']).map((login) => login.toLowerCase()));
      issue.assignees = issue.assignees.filter((login) => !gone.has(login.toLowerCase()));
      touch(state, issue);
      return { status: 200, body: issueObject(urls(), repo, issue, state.users) };
    },
  } satisfies Handlers;
}
