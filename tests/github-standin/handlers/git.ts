/** Git refs: reading, creating and moving a branch (enough to open a report pull request). */
import type { Urls } from '../objects.ts';
import { failed, thrown } from '../reply.ts';
import type { CommitState, RepoState } from '../state.ts';
import { fields, type HandlerDeps, type Handlers } from './context.ts';
import { isAncestor } from './git-data.ts';

/**
 * The commit a branch (or full ref, or SHA) points at; throws GitHub's 404 when there is none.
 *
 * @example
 * const files = commitOn(repo, repo.defaultBranch).files;
 */
export function commitOn(repo: RepoState, branch: string): CommitState {
  const sha = repo.refs.get(`refs/heads/${branch}`) ?? repo.refs.get(branch) ?? branch;
  const commit = repo.commits.get(sha);
  if (!commit) throw thrown(failed(404, 'No commit found for the ref'));
  return commit;
}

function refObject(urls: Urls, repo: RepoState, ref: string, sha: string) {
  const base = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  return {
    ref,
    node_id: Buffer.from(`Ref:${ref}`).toString('base64'),
    url: `${base}/git/${ref}`,
    object: { type: 'commit', sha, url: `${base}/git/commits/${sha}` },
  };
}

/**
 * The handlers of the Git ref operations.
 *
 * @example
 * const handlers = { ...gitHandlers({ state, urls }) };
 */
export function gitHandlers({ urls }: HandlerDeps) {
  return {
    'git/get-ref': (ctx, repo) => {
      const ref = `refs/${ctx.params['ref'] ?? ''}`;
      const sha = repo.refs.get(ref);
      return sha ? { status: 200, body: refObject(urls(), repo, ref, sha) } : failed(404, 'Not Found');
    },

    'git/create-ref': (ctx, repo) => {
      const input = fields(ctx.body);
      const ref = String(input['ref'] ?? '');
      const sha = String(input['sha'] ?? '');
      if (!/^refs\/.+/.test(ref) || ref.split('/').length < 3) return failed(422, 'Reference name is invalid');
      if (repo.refs.has(ref)) return failed(422, 'Reference already exists');
      if (!repo.commits.has(sha)) return failed(422, 'Object does not exist');
      repo.refs.set(ref, sha);
      return { status: 201, body: refObject(urls(), repo, ref, sha) };
    },

    'git/update-ref': (ctx, repo) => {
      const ref = `refs/${ctx.params['ref'] ?? ''}`;
      const current = repo.refs.get(ref);
      if (current === undefined) return failed(422, 'Reference does not exist');
      const input = fields(ctx.body);
      const sha = String(input['sha'] ?? '');
      if (!repo.commits.has(sha)) return failed(422, 'Object does not exist');
      // Without `force` a ref only moves forward: a write on top of an older state is refused.
      if (input['force'] !== true && !isAncestor(repo, current, sha))
        return failed(422, 'Update is not a fast forward');
      repo.refs.set(ref, sha);
      return { status: 200, body: refObject(urls(), repo, ref, sha) };
    },
  } satisfies Handlers;
}
