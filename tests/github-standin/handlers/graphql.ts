/**
 * `POST /graphql`, for what the tooling sends there because REST cannot: `deleteIssue` (an edited
 * body stays in an issue's edit history, so erasure deletes the issue), `pinIssue` (the pinned
 * workload issue), and the Projects v2 operations (`graphql-projects.ts`).
 * `deleteIssue` is checked as GitHub checks it, and stricter where a mistake of ours should show:
 * - the query must have exactly the shape `github-helper.ts` sends (one mutation, the node id as
 *   the variable `issueId`); anything else is a mismatch of the test, not an answer;
 * - the node id must name an issue (not a pull request) the token can see; else GitHub's
 *   NOT_FOUND error;
 * - the token needs `administration: write` on the repository (deleting an issue is an admin
 *   action on GitHub); else GitHub's FORBIDDEN error — with status 200, as GraphQL answers;
 * - the issue goes with all its comments (continuation pages included), as on GitHub.
 * `pinIssue` likewise: its exact shape, an issue the token can see, and `issues: write`.
 */
import type { Actor } from '../auth.ts';
import { answerProject, projectOperation } from './graphql-projects.ts';
import { failed, type Reply } from '../reply.ts';
import type { StandInState } from '../state.ts';

/** The mutation, as the tooling sends it (whitespace free). */
const deleteIssueShape =
  /^mutation\s*\(\s*\$issueId\s*:\s*ID!\s*\)\s*\{\s*deleteIssue\s*\(\s*input\s*:\s*\{\s*issueId\s*:\s*\$issueId\s*\}\s*\)\s*\{\s*clientMutationId\s*\}\s*\}$/;

/** The pin mutation, as the tooling sends it. */
const pinIssueShape =
  /^mutation\s*\(\s*\$issueId\s*:\s*ID!\s*\)\s*\{\s*pinIssue\s*\(\s*input\s*:\s*\{\s*issueId\s*:\s*\$issueId\s*\}\s*\)\s*\{\s*issue\s*\{\s*id\s*\}\s*\}\s*\}$/;

/** What the GraphQL endpoint answers, and the mismatches it saw. */
export interface GraphqlAnswer {
  reply: Reply;
  problems: string[];
  /** The root field the call asked for (`deleteIssue`, `pinIssue`, …), for the call log. */
  field?: string;
}

const error = (type: string, message: string) => ({
  status: 200,
  body: { data: { deleteIssue: null }, errors: [{ type, path: ['deleteIssue'], locations: [], message }] },
});

/**
 * Makes the GraphQL endpoint over the stand-in's state.
 *
 * @example
 * const graphql = makeGraphqlHandler(state, (header) => auth.authenticate(header));
 * graphql({ query, variables: { issueId } }, 'token test-token').reply.status // 200
 */
export function makeGraphqlHandler(
  state: StandInState,
  authenticate: (header: string | undefined) => Actor | undefined,
): (body: unknown, authorization: string | undefined) => GraphqlAnswer {
  return (body, authorization) => {
    const actor = authenticate(authorization);
    if (!actor) return { reply: failed(401, 'Bad credentials'), problems: [] };
    const { query, variables } = (typeof body === 'object' && body !== null ? body : {}) as {
      query?: unknown;
      variables?: { issueId?: unknown };
    };
    const text = typeof query === 'string' ? query.trim() : '';
    const project = projectOperation(text);
    if (project !== undefined) {
      const answer = answerProject(state, actor, project, text, (variables ?? {}) as Record<string, unknown>);
      return { reply: { status: 200, body: answer.body }, problems: answer.problems, field: answer.field };
    }
    if (pinIssueShape.test(text)) return pin(state, actor, variables?.issueId);
    if (!deleteIssueShape.test(text)) {
      return {
        reply: { status: 200, body: { errors: [{ message: 'Stand-in: a query it does not know' }] } },
        problems: [`graphql: a query the stand-in does not know: ${JSON.stringify(text).slice(0, 200)}`],
      };
    }
    const issueId = typeof variables?.issueId === 'string' ? variables.issueId : '';
    const [kind, id] = Buffer.from(issueId, 'base64').toString('utf8').split(':');
    for (const repo of state.repos.values()) {
      const fullName = `${repo.owner.login}/${repo.name}`.toLowerCase();
      const visible = actor.repositories === undefined || actor.repositories.some((n) => n.toLowerCase() === fullName);
      const issue = repo.issues.find((candidate) => kind === 'Issue' && String(candidate.id) === id);
      if (!visible || issue === undefined || issue.isPull) continue;
      if (actor.permissions.administration !== 'write') {
        return {
          reply: error('FORBIDDEN', `${actor.login} does not have the correct permissions to execute \`DeleteIssue\``),
          problems: [],
        };
      }
      repo.issues.splice(repo.issues.indexOf(issue), 1);
      // With its comments and the edit history of both, as GitHub deletes them.
      repo.written = repo.written.filter((written) => written.issueNumber !== issue.number);
      for (let index = repo.comments.length - 1; index >= 0; index -= 1) {
        if (repo.comments[index]?.issueNumber === issue.number) repo.comments.splice(index, 1);
      }
      return {
        reply: { status: 200, body: { data: { deleteIssue: { clientMutationId: null } } } },
        problems: [],
        field: 'deleteIssue',
      };
    }
    return {
      reply: error('NOT_FOUND', `Could not resolve to a node with the global id of '${issueId}'`),
      problems: [],
    };
  };
}

/** `pinIssue`: the issue named by its node id is pinned; the token needs `issues: write`. */
function pin(state: StandInState, actor: Actor, issueId: unknown): GraphqlAnswer {
  const [kind, id] = Buffer.from(typeof issueId === 'string' ? issueId : '', 'base64')
    .toString('utf8')
    .split(':');
  for (const repo of state.repos.values()) {
    const fullName = `${repo.owner.login}/${repo.name}`.toLowerCase();
    const visible = actor.repositories === undefined || actor.repositories.some((n) => n.toLowerCase() === fullName);
    const issue = repo.issues.find((candidate) => kind === 'Issue' && String(candidate.id) === id);
    if (!visible || issue === undefined || issue.isPull) continue;
    if (actor.permissions.issues !== 'write') {
      return {
        reply: {
          status: 200,
          body: {
            data: { pinIssue: null },
            errors: [{ type: 'FORBIDDEN', path: ['pinIssue'], message: 'Resource not accessible by integration' }],
          },
        },
        problems: [],
        field: 'pinIssue',
      };
    }
    issue.pinned = true;
    return {
      reply: { status: 200, body: { data: { pinIssue: { issue: { id: issueId } } } } },
      problems: [],
      field: 'pinIssue',
    };
  }
  return {
    reply: {
      status: 200,
      body: {
        data: { pinIssue: null },
        errors: [{ type: 'NOT_FOUND', path: ['pinIssue'], message: 'Could not resolve to a node' }],
      },
    },
    problems: [],
    field: 'pinIssue',
  };
}
