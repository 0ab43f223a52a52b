/** What every handler gets: the call, the state and the stand-in's address, and the small look-ups they share. */
import type { Actor } from '../auth.ts';
import type { Urls } from '../objects.ts';
import type { StandInOperation } from '../operations.ts';
import { failed, thrown, type Reply } from '../reply.ts';
import type { IssueState, RepoState, StandInState } from '../state.ts';

/** One call, as a handler sees it: already let in, its repository found. */
export interface HandlerContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  actor: Actor;
  /** The request path without the base path, for `Link` headers. */
  path: string;
}

/** What the handlers are made with. */
export interface HandlerDeps {
  state: StandInState;
  /** The stand-in's address, known once the server listens. */
  urls: () => Urls;
}

/** The operations on a repository: all but the app's token exchange. */
export type RepoOperation = Exclude<StandInOperation, 'apps/create-installation-access-token'>;

/** Answers one operation on the repository the path names. */
export type Handler = (ctx: HandlerContext, repo: RepoState) => Reply;

/** Some of the handlers, by operation id; each resource module gives its own. */
export type Handlers = Partial<Record<RepoOperation, Handler>>;

/**
 * The request body as an object of fields; `{}` for anything else.
 *
 * @example
 * String(fields(ctx.body)['title'] ?? '')
 */
export function fields(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/**
 * The issue (or pull request) with this number; throws GitHub's 404 when there is none.
 *
 * @example
 * const issue = issueOf(repo, ctx.params['issue_number']);
 */
export function issueOf(repo: RepoState, number: string | undefined): IssueState {
  const issue = repo.issues.find((candidate) => String(candidate.number) === number);
  if (!issue) throw thrown(failed(404, 'Not Found'));
  return issue;
}

/**
 * Marks the issue changed now, as GitHub does on every edit, label, assignee or comment.
 *
 * @example
 * touch(state, issue);
 */
export function touch(state: StandInState, issue: IssueState): void {
  issue.updatedAt = state.now();
}
