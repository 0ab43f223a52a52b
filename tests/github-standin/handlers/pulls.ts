/** Pull requests: listing by state, head and base; opening one (its issue shares the numbering); reading one. */
import { pullObject } from '../objects.ts';
import { failed } from '../reply.ts';
import { fields, type HandlerDeps, type Handlers } from './context.ts';
import { newIssue } from './issues.ts';
import { paginate } from './paging.ts';
import { invalid } from './validation.ts';

/**
 * The handlers of the pull request operations.
 *
 * @example
 * const handlers = { ...pullHandlers({ state, urls }) };
 */
export function pullHandlers({ state, urls }: HandlerDeps) {
  return {
    'pulls/list': (ctx, repo) => {
      const wantState = ctx.query.get('state') ?? 'open';
      const head = ctx.query.get('head');
      const base = ctx.query.get('base');
      const list = repo.pulls.filter((pull) => {
        const issue = repo.issues.find((candidate) => candidate.number === pull.number);
        if (wantState !== 'all' && issue?.state !== wantState) return false;
        if (head && head !== `${repo.owner.login}:${pull.head}` && head !== pull.head) return false;
        return !base || base === pull.base;
      });
      const { page, headers } = paginate(ctx, list, urls());
      return { status: 200, headers, body: page.map((pull) => pullObject(urls(), repo, pull, state.users)) };
    },

    'pulls/create': (ctx, repo) => {
      const input = fields(ctx.body);
      const head = String(input['head'] ?? '').replace(/^[^:]+:/, '');
      const base = String(input['base'] ?? '');
      if (!repo.refs.has(`refs/heads/${head}`)) invalid('PullRequest', 'head', 'invalid');
      if (!repo.refs.has(`refs/heads/${base}`)) invalid('PullRequest', 'base', 'invalid');
      if (repo.refs.get(`refs/heads/${head}`) === repo.refs.get(`refs/heads/${base}`)) {
        invalid('PullRequest', 'head', 'custom', `No commits between ${base} and ${head}`);
      }
      const open = repo.pulls.find(
        (pull) => pull.head === head && repo.issues.find((issue) => issue.number === pull.number)?.state === 'open',
      );
      if (open)
        invalid('PullRequest', 'head', 'custom', `A pull request already exists for ${repo.owner.login}:${head}.`);
      const title = String(input['title'] ?? '');
      const text = typeof input['body'] === 'string' ? input['body'] : null;
      const issue = newIssue(state, repo, ctx.actor, title, text, true);
      const pull = { id: state.nextId(), number: issue.number, head, base, draft: input['draft'] === true };
      repo.pulls.push(pull);
      const body = pullObject(urls(), repo, pull, state.users);
      return { status: 201, headers: { location: body.url }, body };
    },

    'pulls/get': (ctx, repo) => {
      const pull = repo.pulls.find((candidate) => String(candidate.number) === ctx.params['pull_number']);
      return pull ? { status: 200, body: pullObject(urls(), repo, pull, state.users) } : failed(404, 'Not Found');
    },
  } satisfies Handlers;
}
