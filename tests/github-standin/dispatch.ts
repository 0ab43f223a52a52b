/**
 * Carries out a call no fault stopped: the app's token exchange by its JWT; every other operation
 * as the token's actor, on a repository it may reach with the permission the operation needs,
 * by that operation's handler. A reply thrown deep in a handler becomes the answer.
 */
import { needs, type Auth } from './auth.ts';
import { collaboratorHandlers } from './handlers/collaborators.ts';
import { commentHandlers } from './handlers/comments.ts';
import { contentHandlers } from './handlers/contents.ts';
import type { Handler, HandlerDeps, RepoOperation } from './handlers/context.ts';
import { gitHandlers } from './handlers/git.ts';
import { gitDataHandlers } from './handlers/git-data.ts';
import { issueHandlers } from './handlers/issues.ts';
import { labelHandlers } from './handlers/labels.ts';
import { pullHandlers } from './handlers/pulls.ts';
import { failed, replyOf, type Reply } from './reply.ts';
import type { Call } from './server.ts';

/**
 * Makes the function that answers calls, with a handler for every operation (the type says so).
 *
 * @example
 * const answer = makeDispatch({ state, urls: () => urls }, makeAuth(state, options));
 * const server = await startServer({ …, answer });
 */
export function makeDispatch(deps: HandlerDeps, auth: Auth): (call: Call) => Reply {
  const handlers: Record<RepoOperation, Handler> = {
    ...collaboratorHandlers(deps),
    ...issueHandlers(deps),
    ...commentHandlers(deps),
    ...labelHandlers(deps),
    ...gitHandlers(deps),
    ...gitDataHandlers(deps),
    ...contentHandlers(deps),
    ...pullHandlers(deps),
  };
  return ({ operation, params, query, body, authorization, path }) => {
    try {
      const need = needs[operation];
      if (need === null) return auth.createInstallationToken(params, authorization);
      const actor = auth.authenticate(authorization);
      if (!actor || operation === 'apps/create-installation-access-token') return failed(401, 'Bad credentials');
      const repo = auth.repoFor(actor, params, need);
      return handlers[operation]({ params, query, body, actor, path }, repo);
    } catch (error) {
      const reply = replyOf(error);
      if (reply) return reply;
      throw error;
    }
  };
}
