/** Issue comments: listing (with `since`), adding, reading, editing and deleting. */
import { commentObject } from '../objects.ts';
import { failed } from '../reply.ts';
import type { RepoState } from '../state.ts';
import { fields, issueOf, touch, type HandlerDeps, type Handlers } from './context.ts';
import { paginate } from './paging.ts';
import { checkText, invalid } from './validation.ts';

/**
 * The handlers of the comment operations.
 *
 * @example
 * const handlers = { ...commentHandlers({ state, urls }) };
 */
export function commentHandlers({ state, urls }: HandlerDeps) {
  const byId = (repo: RepoState, id: string | undefined) =>
    repo.comments.find((candidate) => String(candidate.id) === id);

  return {
    'issues/list-comments': (ctx, repo) => {
      const issue = issueOf(repo, ctx.params['issue_number']);
      const since = ctx.query.get('since');
      const list = repo.comments
        .filter((comment) => comment.issueNumber === issue.number)
        .filter((comment) => !since || comment.updatedAt.getTime() >= Date.parse(since))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
      const { page, headers } = paginate(ctx, list, urls());
      return { status: 200, headers, body: page.map((comment) => commentObject(urls(), repo, comment, state.users)) };
    },

    'issues/create-comment': (ctx, repo) => {
      const issue = issueOf(repo, ctx.params['issue_number']);
      const body = String(fields(ctx.body)['body'] ?? '');
      if (body === '') invalid('IssueComment', 'body', 'missing_field');
      checkText('IssueComment', 'body', body, 65536);
      const at = state.now();
      const comment = {
        id: state.nextId(),
        issueNumber: issue.number,
        body,
        user: ctx.actor.login,
        createdAt: at,
        updatedAt: at,
      };
      repo.comments.push(comment);
      repo.written.push({ issueNumber: issue.number, commentId: comment.id, text: body });
      touch(state, issue);
      const object = commentObject(urls(), repo, comment, state.users);
      return { status: 201, headers: { location: object.url }, body: object };
    },

    'issues/get-comment': (ctx, repo) => {
      const comment = byId(repo, ctx.params['comment_id']);
      if (!comment) return failed(404, 'Not Found');
      return { status: 200, body: commentObject(urls(), repo, comment, state.users) };
    },

    'issues/update-comment': (ctx, repo) => {
      const comment = byId(repo, ctx.params['comment_id']);
      if (!comment) return failed(404, 'Not Found');
      const body = String(fields(ctx.body)['body'] ?? '');
      checkText('IssueComment', 'body', body, 65536);
      comment.body = body;
      repo.written.push({ issueNumber: comment.issueNumber, commentId: comment.id, text: body });
      comment.updatedAt = state.now();
      const issue = repo.issues.find((candidate) => candidate.number === comment.issueNumber);
      if (issue) touch(state, issue);
      return { status: 200, body: commentObject(urls(), repo, comment, state.users) };
    },

    'issues/delete-comment': (ctx, repo) => {
      const index = repo.comments.findIndex((candidate) => String(candidate.id) === ctx.params['comment_id']);
      if (index < 0) return failed(404, 'Not Found');
      const [gone] = repo.comments.splice(index, 1);
      repo.written = repo.written.filter((written) => written.commentId !== gone?.id);
      return { status: 204 };
    },
  } satisfies Handlers;
}
