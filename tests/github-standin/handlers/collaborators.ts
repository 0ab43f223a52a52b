/**
 * The repository and who may work in it: the repository itself (with the caller's permission),
 * its collaborators, and one person's permission level.
 */
import { repoObject, userObject } from '../objects.ts';
import { failed } from '../reply.ts';
import { permissionOrder, type Permission } from '../state.ts';
import type { HandlerDeps, Handlers } from './context.ts';
import { paginate } from './paging.ts';

/**
 * The handlers of the repository and collaborator operations.
 *
 * @example
 * const handlers = { ...collaboratorHandlers({ state, urls }) };
 */
export function collaboratorHandlers({ state, urls }: HandlerDeps) {
  function collaboratorObject(login: string, permission: Permission) {
    const user = state.users.get(login.toLowerCase()) ?? state.user(login);
    const at = (level: Permission) => permissionOrder.indexOf(permission) >= permissionOrder.indexOf(level);
    return {
      ...userObject(urls(), user),
      permissions: {
        pull: true,
        triage: at('triage'),
        push: at('write'),
        maintain: at('maintain'),
        admin: at('admin'),
      },
      role_name: permission,
    };
  }

  return {
    'repos/get': (ctx, repo) => ({
      status: 200,
      body: repoObject(urls(), repo, repo.collaborators.get(ctx.actor.login.toLowerCase()) ?? 'read'),
    }),

    'repos/list-collaborators': (ctx, repo) => {
      const list = [...repo.collaborators.entries()].map(([login, permission]) =>
        collaboratorObject(login, permission),
      );
      const { page, headers } = paginate(ctx, list, urls());
      return { status: 200, headers, body: page };
    },

    'repos/check-collaborator': (ctx, repo) =>
      repo.collaborators.has((ctx.params['username'] ?? '').toLowerCase()) ? { status: 204 } : failed(404, 'Not Found'),

    'repos/get-collaborator-permission-level': (ctx, repo) => {
      const login = ctx.params['username'] ?? '';
      if (!state.users.has(login.toLowerCase())) return failed(404, 'Not Found');
      const permission = repo.collaborators.get(login.toLowerCase());
      const simple =
        permission === undefined
          ? 'none'
          : permission === 'maintain'
            ? 'write'
            : permission === 'triage'
              ? 'read'
              : permission;
      return {
        status: 200,
        body: {
          permission: simple,
          role_name: permission ?? 'none',
          user: collaboratorObject(login, permission ?? 'read'),
        },
      };
    },
  } satisfies Handlers;
}
