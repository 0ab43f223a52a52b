/**
 * Who a call acts as, and what it may do.
 *
 * Credentials: each token carries fine-grained permissions (`issues`, `contents`,
 * `pull_requests`, `metadata`: `read` or `write`) and optionally a list of repositories; a call
 * outside them gets GitHub's 403 "Resource not accessible" (or 404 for a repository the token
 * cannot see), so tests show which permissions the code really needs. An unknown token gets 401.
 * A GitHub App gets installation access tokens for a JWT signed with its private key; the
 * stand-in verifies it with the app's public key.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { timestamp } from './objects.ts';
import type { StandInOperation } from './operations.ts';
import { failed, thrown, type Reply } from './reply.ts';
import type { RepoState, StandInState } from './state.ts';

/** A level of a fine-grained permission. */
export type Access = 'read' | 'write';

/** Fine-grained permissions of a token, as GitHub Apps and fine-grained tokens have them. */
export interface TokenPermissions {
  issues?: Access;
  contents?: Access;
  pull_requests?: Access;
  metadata?: 'read';
  /** Repository administration: GitHub asks `write` to delete an issue (GraphQL `deleteIssue`). */
  administration?: Access;
  /** Projects (v2) of the organisation: read to see a project, write to change its items. */
  projects?: Access;
}

/** A token the stand-in accepts. */
export interface TokenOption {
  token: string;
  /** The user (or bot) the token acts as: author of what it creates. */
  login: string;
  /** Default: everything, write. */
  permissions?: TokenPermissions;
  /** `owner/name` of the repositories it may reach; default all. */
  repositories?: string[];
}

/** A GitHub App whose installation tokens the stand-in hands out. */
export interface AppOption {
  appId: number;
  /** PEM of the app's public key; the stand-in verifies the JWT with it. */
  publicKey: string | KeyObject;
  installationId: number;
  /** Login of the app's bot user; default `klachtenloket[bot]`. */
  botLogin?: string;
  permissions?: TokenPermissions;
  repositories?: string[];
}

/** Whom a token acts as, and what it may reach. */
export interface Actor {
  login: string;
  permissions: TokenPermissions;
  repositories: string[] | undefined;
}

/** The permission one operation needs. */
export type Need = [keyof TokenPermissions, Access];

const allPermissions: TokenPermissions = {
  issues: 'write',
  contents: 'write',
  pull_requests: 'write',
  metadata: 'read',
  administration: 'write',
  projects: 'write',
};

/** Which permission each operation needs; `null`: authenticated by the app's JWT instead. */
export const needs: Record<StandInOperation, Need | null> = {
  'repos/get': ['metadata', 'read'],
  'issues/list-for-repo': ['issues', 'read'],
  'issues/create': ['issues', 'write'],
  'issues/get': ['issues', 'read'],
  'issues/update': ['issues', 'write'],
  'issues/list-comments': ['issues', 'read'],
  'issues/create-comment': ['issues', 'write'],
  'issues/get-comment': ['issues', 'read'],
  'issues/update-comment': ['issues', 'write'],
  'issues/delete-comment': ['issues', 'write'],
  'issues/list-labels-for-repo': ['issues', 'read'],
  'issues/create-label': ['issues', 'write'],
  'issues/get-label': ['issues', 'read'],
  'issues/update-label': ['issues', 'write'],
  'issues/add-labels': ['issues', 'write'],
  'issues/remove-label': ['issues', 'write'],
  'issues/add-assignees': ['issues', 'write'],
  'issues/remove-assignees': ['issues', 'write'],
  'repos/list-collaborators': ['metadata', 'read'],
  'repos/check-collaborator': ['metadata', 'read'],
  'repos/get-collaborator-permission-level': ['metadata', 'read'],
  'apps/create-installation-access-token': null,
  'git/get-ref': ['contents', 'read'],
  'git/create-ref': ['contents', 'write'],
  'git/update-ref': ['contents', 'write'],
  'git/delete-ref': ['contents', 'write'],
  'git/create-blob': ['contents', 'write'],
  'git/get-blob': ['contents', 'read'],
  'git/create-tree': ['contents', 'write'],
  'git/get-tree': ['contents', 'read'],
  'git/create-commit': ['contents', 'write'],
  'git/get-commit': ['contents', 'read'],
  'repos/get-content': ['contents', 'read'],
  'repos/create-or-update-file-contents': ['contents', 'write'],
  'pulls/list': ['pull_requests', 'read'],
  'pulls/create': ['pull_requests', 'write'],
  'pulls/get': ['pull_requests', 'read'],
};

/** The stand-in's gate: tokens, app JWTs, and permission checks. */
export interface Auth {
  /** The actor of an `Authorization` header (`token …` or `bearer …`); undefined for an unknown token. */
  authenticate(header: string | undefined): Actor | undefined;
  /** The repository the path names, when the actor may see it and has the permission; else throws the reply. */
  repoFor(actor: Actor, params: Record<string, string>, need: Need): RepoState;
  /** `POST /app/installations/{id}/access_tokens`, authenticated by the app's signed JWT. */
  createInstallationToken(params: Record<string, string>, authorization: string | undefined): Reply;
}

/**
 * Makes the gate. The tokens' users are made now, and each becomes a writer of every repository
 * already in the state; call it after the repositories are added.
 *
 * @example
 * const auth = makeAuth(state, { tokens: [{ token: 'test-token', login: 'klachten-bot' }], apps: [] });
 * const actor = auth.authenticate('token test-token');
 */
export function makeAuth(state: StandInState, options: { tokens?: TokenOption[]; apps?: AppOption[] }): Auth {
  const tokens = new Map<string, Actor>();
  for (const option of options.tokens ?? [{ token: 'test-token', login: 'klachten-bot' }]) {
    tokens.set(option.token, {
      login: state.user(option.login).login,
      permissions: option.permissions ?? allPermissions,
      repositories: option.repositories,
    });
    for (const repo of state.repos.values()) repo.collaborators.set(option.login.toLowerCase(), 'write');
  }
  const apps = (options.apps ?? []).map((app) => ({
    ...app,
    key: typeof app.publicKey === 'string' ? createPublicKey(app.publicKey) : app.publicKey,
    botLogin: app.botLogin ?? 'klachtenloket[bot]',
  }));

  return {
    authenticate(header) {
      const match = /^(?:token|bearer)\s+(.+)$/i.exec(header ?? '');
      return match?.[1] ? tokens.get(match[1]) : undefined;
    },

    repoFor(actor, params, [scope, access]) {
      const fullName = `${params['owner'] ?? ''}/${params['repo'] ?? ''}`.toLowerCase();
      const repo = state.repos.get(fullName);
      const visible =
        actor.repositories === undefined || actor.repositories.some((name) => name.toLowerCase() === fullName);
      if (!repo || !visible) throw thrown(failed(404, 'Not Found'));
      const granted = actor.permissions[scope];
      if (granted === undefined || (access === 'write' && granted !== 'write')) {
        throw thrown(failed(403, 'Resource not accessible by integration'));
      }
      return repo;
    },

    createInstallationToken(params, authorization) {
      const jwt = /^bearer\s+(.+)$/i.exec(authorization ?? '')?.[1] ?? '';
      const [header = '', payload = '', signature = ''] = jwt.split('.');
      let claims: { iss?: unknown; exp?: unknown } = {};
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
      } catch {
        return failed(401, 'A JSON web token could not be decoded');
      }
      const app = apps.find((candidate) => String(candidate.appId) === String(claims.iss));
      const valid =
        app !== undefined &&
        verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), app.key, Buffer.from(signature, 'base64url')) &&
        typeof claims.exp === 'number' &&
        claims.exp * 1000 > Date.now();
      if (!app || !valid) return failed(401, 'A JSON web token could not be decoded');
      if (String(app.installationId) !== params['installation_id']) return failed(404, 'Not Found');
      const token = `ghs_standin${state.nextId()}`;
      const permissions = app.permissions ?? allPermissions;
      tokens.set(token, { login: state.user(app.botLogin, 'Bot').login, permissions, repositories: app.repositories });
      return {
        status: 201,
        body: {
          token,
          expires_at: timestamp(new Date(Date.now() + 3_600_000)),
          permissions,
          repository_selection: app.repositories ? 'selected' : 'all',
        },
      };
    },
  };
}
