/**
 * Labels: the repository's list, and the labels on an issue. An issue that names a missing label
 * creates it on the fly, as GitHub does.
 */
import { labelObject } from '../objects.ts';
import { failed } from '../reply.ts';
import type { LabelState, RepoState, StandInState } from '../state.ts';
import { fields, issueOf, touch, type HandlerDeps, type Handlers } from './context.ts';
import { paginate } from './paging.ts';
import { checkText, invalid } from './validation.ts';

/**
 * The repository's label of this name (case-insensitive), made grey when missing.
 *
 * @example
 * ensureLabel(state, repo, 'klacht').color // 'ededed' for a new one
 */
export function ensureLabel(state: StandInState, repo: RepoState, name: string): LabelState {
  let label = repo.labels.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (!label) {
    label = { id: state.nextId(), name, color: 'ededed', description: null };
    repo.labels.push(label);
  }
  return label;
}

/**
 * The label names of a request (`['a', …]` or `[{ name: 'a' }, …]`), spelled as the repository
 * has them, without doubles; missing labels are made.
 *
 * @example
 * issue.labels = labelNames(state, repo, input['labels']);
 */
export function labelNames(state: StandInState, repo: RepoState, labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  const names = labels.map((label) =>
    typeof label === 'string' ? label : String((label as { name?: unknown }).name ?? ''),
  );
  return [...new Set(names.filter((name) => name !== '').map((name) => ensureLabel(state, repo, name).name))];
}

/**
 * The handlers of the label operations.
 *
 * @example
 * const handlers = { ...labelHandlers({ state, urls }) };
 */
export function labelHandlers({ state, urls }: HandlerDeps) {
  const byName = (repo: RepoState, name: string | undefined) =>
    repo.labels.find((candidate) => candidate.name.toLowerCase() === (name ?? '').toLowerCase());

  return {
    'issues/list-labels-for-repo': (ctx, repo) => {
      const { page, headers } = paginate(
        ctx,
        [...repo.labels].sort((a, b) => a.name.localeCompare(b.name)),
        urls(),
      );
      return { status: 200, headers, body: page.map((label) => labelObject(urls(), repo, label)) };
    },

    'issues/create-label': (ctx, repo) => {
      const input = fields(ctx.body);
      const name = String(input['name'] ?? '');
      if (repo.labels.some((label) => label.name.toLowerCase() === name.toLowerCase())) {
        invalid('Label', 'name', 'already_exists');
      }
      checkText('Label', 'description', input['description'], 100);
      const color = String(input['color'] ?? 'ededed').replace(/^#/, '');
      if (!/^[0-9a-fA-F]{6}$/.test(color)) invalid('Label', 'color', 'invalid');
      const label: LabelState = {
        id: state.nextId(),
        name,
        color,
        description: typeof input['description'] === 'string' ? input['description'] : null,
      };
      repo.labels.push(label);
      const body = labelObject(urls(), repo, label);
      return { status: 201, headers: { location: body.url }, body };
    },

    'issues/get-label': (ctx, repo) => {
      const label = byName(repo, ctx.params['name']);
      return label ? { status: 200, body: labelObject(urls(), repo, label) } : failed(404, 'Not Found');
    },

    'issues/update-label': (ctx, repo) => {
      const label = byName(repo, ctx.params['name']);
      if (!label) return failed(404, 'Not Found');
      const input = fields(ctx.body);
      checkText('Label', 'description', input['description'], 100);
      if (typeof input['new_name'] === 'string') {
        const oldName = label.name;
        label.name = input['new_name'];
        for (const issue of repo.issues)
          issue.labels = issue.labels.map((name) => (name === oldName ? label.name : name));
      }
      if (typeof input['color'] === 'string') label.color = input['color'].replace(/^#/, '');
      if (typeof input['description'] === 'string') label.description = input['description'];
      return { status: 200, body: labelObject(urls(), repo, label) };
    },

    'issues/add-labels': (ctx, repo) => {
      const issue = issueOf(repo, ctx.params['issue_number']);
      const input = Array.isArray(ctx.body) ? ctx.body : fields(ctx.body)['labels'];
      const added = labelNames(state, repo, input);
      issue.labels = [...new Set([...issue.labels, ...added])];
      touch(state, issue);
      return {
        status: 200,
        body: issue.labels.map((name) => labelObject(urls(), repo, ensureLabel(state, repo, name))),
      };
    },

    'issues/remove-label': (ctx, repo) => {
      const issue = issueOf(repo, ctx.params['issue_number']);
      const name = (ctx.params['name'] ?? '').toLowerCase();
      if (!issue.labels.some((label) => label.toLowerCase() === name)) return failed(404, 'Label does not exist');
      issue.labels = issue.labels.filter((label) => label.toLowerCase() !== name);
      touch(state, issue);
      return {
        status: 200,
        body: issue.labels.map((label) => labelObject(urls(), repo, ensureLabel(state, repo, label))),
      };
    },
  } satisfies Handlers;
}
