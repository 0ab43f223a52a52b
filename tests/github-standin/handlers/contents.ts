/** File contents: reading a file (or listing a folder) on a branch, and writing one as a new commit on it. */
import { fileObject, timestamp } from '../objects.ts';
import { failed } from '../reply.ts';
import { gitSha, type CommitState } from '../state.ts';
import { fields, type HandlerDeps, type Handlers } from './context.ts';
import { commitOn } from './git.ts';

/**
 * The handlers of the contents operations.
 *
 * @example
 * const handlers = { ...contentHandlers({ state, urls }) };
 */
export function contentHandlers({ state, urls }: HandlerDeps) {
  return {
    'repos/get-content': (ctx, repo) => {
      const path = ctx.params['path'] ?? '';
      const ref = ctx.query.get('ref') ?? repo.defaultBranch;
      const files = commitOn(repo, ref).files;
      const content = files.get(path);
      if (content === undefined) {
        // A folder: its files one level down, without their content, as GitHub lists them.
        const inside = [...files].filter(
          ([name]) => name.startsWith(`${path}/`) && !name.slice(path.length + 1).includes('/'),
        );
        if (inside.length === 0) return failed(404, 'Not Found');
        const body = inside.map(([name, text]) => {
          const {
            content: _content,
            encoding: _encoding,
            ...item
          } = fileObject(urls(), repo, name, text, gitSha('blob', text), ref);
          return item;
        });
        return { status: 200, body };
      }
      return { status: 200, body: fileObject(urls(), repo, path, content, gitSha('blob', content), ref) };
    },

    'repos/create-or-update-file-contents': (ctx, repo) => {
      const path = ctx.params['path'] ?? '';
      const input = fields(ctx.body);
      const branch = typeof input['branch'] === 'string' ? input['branch'] : repo.defaultBranch;
      if (!repo.refs.has(`refs/heads/${branch}`)) return failed(404, `Branch ${branch} not found`);
      const parent = commitOn(repo, branch);
      const existing = parent.files.get(path);
      if (existing !== undefined && input['sha'] === undefined) return failed(422, '"sha" wasn\'t supplied.');
      if (existing !== undefined && input['sha'] !== gitSha('blob', existing)) {
        return failed(409, `${path} does not match ${String(input['sha'])}`);
      }
      const content = Buffer.from(String(input['content'] ?? ''), 'base64').toString('utf8');
      const files = new Map(parent.files);
      files.set(path, content);
      const message = String(input['message'] ?? '');
      const commit: CommitState = {
        sha: gitSha('commit', parent.sha, message, path, content),
        parent: parent.sha,
        message,
        files,
      };
      repo.commits.set(commit.sha, commit);
      repo.refs.set(`refs/heads/${branch}`, commit.sha);
      const file = fileObject(urls(), repo, path, content, gitSha('blob', content), branch);
      const base = `${urls().api}/repos/${repo.owner.login}/${repo.name}`;
      return {
        status: existing === undefined ? 201 : 200,
        body: {
          content: {
            name: file.name,
            path,
            sha: file.sha,
            size: file.size,
            url: file.url,
            html_url: file.html_url,
            git_url: file.git_url,
            download_url: `${urls().web}/raw/${path}`,
            type: 'file',
            _links: file._links,
          },
          commit: {
            sha: commit.sha,
            node_id: Buffer.from(`Commit:${commit.sha}`).toString('base64'),
            url: `${base}/git/commits/${commit.sha}`,
            html_url: `${urls().web}/${repo.owner.login}/${repo.name}/commit/${commit.sha}`,
            author: {
              date: timestamp(state.now()),
              name: ctx.actor.login,
              email: `${ctx.actor.login}@users.noreply.stand-in`,
            },
            committer: {
              date: timestamp(state.now()),
              name: ctx.actor.login,
              email: `${ctx.actor.login}@users.noreply.stand-in`,
            },
            message,
            tree: { url: `${base}/git/trees/${gitSha('tree', commit.sha)}`, sha: gitSha('tree', commit.sha) },
            parents: [
              {
                url: `${base}/git/commits/${parent.sha}`,
                html_url: `${urls().web}/commit/${parent.sha}`,
                sha: parent.sha,
              },
            ],
            verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
          },
        },
      };
    },
  } satisfies Handlers;
}
