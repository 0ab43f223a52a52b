/**
 * # A local stand-in for GitHub's REST API, for offline tests
 *
 * GitHub cannot be reached from the test machines, and a mock that answers whatever the code
 * expects proves nothing. This stand-in is a real HTTP server on loopback (`node:http`, port 0)
 * that keeps state in memory and answers like GitHub: status codes, error bodies, `Location` and
 * `Link` headers, pagination with `per_page` (default 30, at most 100) and `page`, label and state
 * filters, `since`, sorting. **Every request and every response is checked against GitHub's
 * official OpenAPI description** (`openapi-subset.json`, extracted from `@octokit/openapi` by
 * `scripts/extract-openapi-subset.ts`); any mismatch is collected and makes `close()` reject, so a
 * test that calls `await standIn.close()` in `afterEach` fails on it.
 *
 * ```ts
 * const standIn = await startGitHubStandIn();              // repository livable/klachten, token 'test-token'
 * const octokit = makeOctokit({ apiUrl: standIn.url, auth: { kind: 'token', token: 'test-token' }, … });
 * standIn.faults.inject({ kind: 'server-error-after', operation: 'issues/create' }); // next create: 502 after creating
 * …
 * expect(standIn.calls.count('issues/list-for-repo')).toBe(Math.ceil(n / 100));
 * expect(standIn.state.repo('livable/klachten').issues).toHaveLength(n);
 * await standIn.close();                                    // rejects on any OpenAPI mismatch
 * ```
 *
 * What it knows (see `operations.ts` for the exact list): the repository; issues (pull requests
 * are issues too and show up in the issue list, as on GitHub); comments; labels (created on the
 * fly when an issue names a missing one, as GitHub does); assignees and collaborators with their
 * permission; installation access tokens for a GitHub App (the JWT is verified with the app's
 * public key); Git refs, file contents and pull requests, enough to open a report pull request.
 *
 * Credentials: each token carries fine-grained permissions (`issues`, `contents`,
 * `pull_requests`, `metadata`: `read` or `write`) and optionally a list of repositories; a call
 * outside them gets GitHub's 403 "Resource not accessible" (or 404 for a repository the token
 * cannot see), so tests show which permissions the code really needs. An unknown token gets 401.
 *
 * Faults, injected on demand (`faults.inject`, one-shot by default, for one operation or any) or
 * decided per call (`faults.decide`, for random faults): a 5xx before or after the change was
 * made, a hang (before or after the change) that outlasts the client's timeout, a connection reset
 * (before or after), a secondary rate limit (403 or 429 with `retry-after`), a primary rate limit
 * (403 with `x-ratelimit-remaining: 0`), 401 and 404. Injected fault responses are not checked
 * against the description (GitHub's 502 is not documented either).
 *
 * `calls` counts every call per operation id (`issues/create`, …); `state` is the live data, for
 * seeding and for assertions.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadOpenApi, type OpenApiChecker } from './openapi.ts';
import {
  commentObject,
  fileObject,
  issueObject,
  labelObject,
  pullObject,
  repoObject,
  timestamp,
  userObject,
  type Urls,
} from './objects.ts';
import type { StandInOperation } from './operations.ts';
import {
  gitSha,
  makeState,
  permissionOrder,
  type CommitState,
  type IssueState,
  type LabelState,
  type Permission,
  type RepoState,
  type StandInState,
} from './state.ts';

export type { StandInState } from './state.ts';
export { standInOperations, type StandInOperation } from './operations.ts';

type Access = 'read' | 'write';
/** Fine-grained permissions of a token, as GitHub Apps and fine-grained tokens have them. */
export interface TokenPermissions {
  issues?: Access;
  contents?: Access;
  pull_requests?: Access;
  metadata?: 'read';
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

/** How to start a stand-in; everything has a default. */
export interface StandInOptions {
  /** Repositories to create (private by default); default `['livable/klachten']`. */
  repositories?: Array<string | { fullName: string; private?: boolean; defaultBranch?: string }>;
  /** Default: one token `test-token` acting as `klachten-bot` with every permission. */
  tokens?: TokenOption[];
  apps?: AppOption[];
  /** Path prefix of the API, e.g. `/api/v3` as on GitHub Enterprise Server; default none. */
  basePath?: string;
  /** The stand-in's clock; default the real one. */
  now?: () => Date;
  /** Check calls against the OpenAPI description; default true. */
  validate?: boolean;
  /** A loaded description, to share between stand-ins. */
  openapi?: OpenApiChecker;
}

/** The kinds of fault the stand-in injects. */
export type FaultKind =
  | 'server-error'
  | 'server-error-after'
  | 'hang'
  | 'hang-after'
  | 'reset'
  | 'reset-after'
  | 'secondary-rate-limit'
  | 'rate-limit'
  | 'unauthorized'
  | 'not-found';

/** One fault to inject. */
export interface Fault {
  kind: FaultKind;
  /** Only for this operation; default the next call of any operation. */
  operation?: StandInOperation;
  /** Status of a server error (default 502) or a secondary rate limit (403 or 429, default 403). */
  status?: number;
  /** How long a hang lasts before the stand-in answers after all; default 5000 ms. */
  hangMs?: number;
  /** `retry-after` of a rate limit, in seconds; default 1. */
  retryAfterSeconds?: number;
  /** How many calls it hits; default 1. */
  times?: number;
}

/** The fault controls of a stand-in. */
export interface Faults {
  inject(fault: Fault): void;
  clear(): void;
  /** Asked for every call that no injected fault hits: return a fault for random injection. */
  decide: ((call: { operation: StandInOperation; method: string; path: string }) => Fault | undefined) | undefined;
  /** Faults that were injected, in order. */
  readonly injected: { kind: FaultKind; operation: string }[];
}

/** One call the stand-in answered. */
export interface CallRecord {
  operation: string;
  method: string;
  path: string;
  query: string;
  status: number | 'reset' | 'aborted';
  fault?: FaultKind;
}

/** The call log of a stand-in. */
export interface Calls {
  readonly all: CallRecord[];
  /** Calls of one operation (or all), injected faults included. */
  count(operation?: StandInOperation): number;
  reset(): void;
}

/** A running stand-in. */
export interface GitHubStandIn {
  /** The API base URL, e.g. `http://127.0.0.1:41234` (with the base path, if any). */
  url: string;
  state: StandInState;
  faults: Faults;
  calls: Calls;
  /** OpenAPI mismatches seen so far. */
  mismatches: string[];
  /** Resolves once no call is being handled (hangs included): nothing more will change the state. */
  idle(): Promise<void>;
  /** Stops the server; rejects when there were mismatches. */
  close(): Promise<void>;
}

interface Actor {
  login: string;
  permissions: TokenPermissions;
  repositories: string[] | undefined;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface HandlerContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  actor: Actor;
  /** The request path without the base path, for `Link` headers. */
  path: string;
}

const docs = 'https://docs.github.com/rest';
const failed = (status: number, message: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { message, documentation_url: docs, status: String(status), ...extra },
});
const thrown = (reply: Reply) => Object.assign(new Error(`stand-in reply ${reply.status}`), { reply });
const allPermissions: TokenPermissions = {
  issues: 'write',
  contents: 'write',
  pull_requests: 'write',
  metadata: 'read',
};

/** Which permission each operation needs; `null`: authenticated by the app's JWT instead. */
const needs: Record<StandInOperation, [keyof TokenPermissions, Access] | null> = {
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
  'repos/get-content': ['contents', 'read'],
  'repos/create-or-update-file-contents': ['contents', 'write'],
  'pulls/list': ['pull_requests', 'read'],
  'pulls/create': ['pull_requests', 'write'],
  'pulls/get': ['pull_requests', 'read'],
};

let sharedChecker: OpenApiChecker | undefined;

/**
 * Starts a stand-in on a free loopback port.
 *
 * @example
 * const standIn = await startGitHubStandIn({ repositories: ['livable/klachten'] });
 * // … run the code under test against standIn.url with token 'test-token' …
 * await standIn.close();
 */
export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const checker = options.validate === false ? undefined : (options.openapi ?? (sharedChecker ??= loadOpenApi()));
  const state = makeState(options.now ?? (() => new Date()));
  for (const entry of options.repositories ?? ['livable/klachten']) {
    const repo = typeof entry === 'string' ? state.addRepo(entry) : state.addRepo(entry.fullName, entry);
    void repo;
  }
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
  const basePath = (options.basePath ?? '').replace(/\/$/, '');
  const mismatches: string[] = [];
  const queued: Fault[] = [];
  const injected: { kind: FaultKind; operation: string }[] = [];
  const callLog: CallRecord[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let urls: Urls = { api: '', web: '' };

  const faults: Faults = {
    inject: (fault) => void queued.push({ ...fault }),
    clear: () => void queued.splice(0),
    decide: undefined,
    injected,
  };
  const calls: Calls = {
    all: callLog,
    count: (operation) => callLog.filter((call) => operation === undefined || call.operation === operation).length,
    reset: () => void callLog.splice(0),
  };

  function takeFault(operation: StandInOperation, method: string, path: string): Fault | undefined {
    const index = queued.findIndex((fault) => fault.operation === undefined || fault.operation === operation);
    if (index >= 0) {
      const fault = queued[index] as Fault;
      const left = (fault.times ?? 1) - 1;
      if (left <= 0) queued.splice(index, 1);
      else fault.times = left;
      return fault;
    }
    return faults.decide?.({ operation, method, path });
  }

  function authenticate(header: string | undefined): Actor | undefined {
    const match = /^(?:token|bearer)\s+(.+)$/i.exec(header ?? '');
    return match?.[1] ? tokens.get(match[1]) : undefined;
  }

  const handlers = makeHandlers(state, () => urls, tokens, apps);

  async function handle(req: IncomingMessage, res: ServerResponse, closed: () => boolean): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, failed(400, 'Problems parsing JSON'));
      }
    }
    if (!url.pathname.startsWith(basePath)) return send(res, failed(404, 'Not Found'));
    const path = url.pathname.slice(basePath.length) || '/';
    const found = checker?.find(method, path) ?? findWithoutChecker(method, path);
    if (!found) {
      mismatches.push(`${method} ${path}: no such operation in the stand-in's OpenAPI subset`);
      return send(res, failed(404, 'Not Found'));
    }
    const operation = found.operation.id as StandInOperation;
    const record: CallRecord = { operation, method, path, query: url.search, status: 0 };
    callLog.push(record);
    const problems = checker?.checkRequest(found.operation, found.params, url.searchParams, body) ?? [];
    if (problems.length > 0) {
      mismatches.push(...problems.map((problem) => `${operation} request: ${problem}`));
      record.status = 422;
      return send(
        res,
        failed(422, `Stand-in: request does not match GitHub's OpenAPI description: ${problems.join('; ')}`),
      );
    }

    const fault = takeFault(operation, method, path);
    if (fault) {
      record.fault = fault.kind;
      injected.push({ kind: fault.kind, operation });
    }
    const wait = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
        res.once('close', () => {
          clearTimeout(timer);
          timers.delete(timer);
          resolve();
        });
      });
    const reset = () => {
      record.status = 'reset';
      req.socket.destroy();
    };

    switch (fault?.kind) {
      case 'reset':
        return reset();
      case 'server-error':
        record.status = fault.status ?? 502;
        return send(res, { status: record.status, body: { message: 'Server Error' } });
      case 'unauthorized':
        record.status = 401;
        return send(res, failed(401, 'Bad credentials'));
      case 'not-found':
        record.status = 404;
        return send(res, failed(404, 'Not Found'));
      case 'secondary-rate-limit':
        record.status = fault.status ?? 403;
        return send(res, {
          status: record.status,
          headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
          body: {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
            documentation_url: `${docs}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
          },
        });
      case 'rate-limit': {
        record.status = 403;
        const reset = Math.ceil(Date.now() / 1000) + (fault.retryAfterSeconds ?? 1);
        return send(res, {
          status: 403,
          headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
          body: { message: 'API rate limit exceeded for installation.', documentation_url: docs },
        });
      }
      case 'hang':
        await wait(fault.hangMs ?? 5000);
        // A client that gave up never reached GitHub's application: nothing happens.
        if (closed()) {
          record.status = 'aborted';
          return;
        }
        break;
      default:
        break;
    }

    const reply = run(operation, found.params, url.searchParams, body, req.headers.authorization, path);
    if (!fault?.kind.endsWith('-after') && checker && shouldCheck(reply.status)) {
      const found2 = checker.checkResponse(found.operation, reply.status, reply.body);
      mismatches.push(...found2.map((problem) => `${operation} response: ${problem}`));
    }
    record.status = reply.status;
    switch (fault?.kind) {
      case 'server-error-after':
        record.status = fault.status ?? 502;
        return send(res, { status: record.status, body: { message: 'Server Error' } });
      case 'reset-after':
        return reset();
      case 'hang-after':
        await wait(fault.hangMs ?? 5000);
        if (closed()) {
          record.status = 'aborted';
          return;
        }
        break;
      default:
        break;
    }
    return send(res, reply);
  }

  function run(
    operation: StandInOperation,
    params: Record<string, string>,
    query: URLSearchParams,
    body: unknown,
    authorization: string | undefined,
    path: string,
  ): Reply {
    try {
      const need = needs[operation];
      if (need === null) return handlers.createInstallationToken(params, authorization);
      const actor = authenticate(authorization);
      if (!actor) return failed(401, 'Bad credentials');
      return handlers.run(operation, { params, query, body, actor, path }, need);
    } catch (error) {
      if (error instanceof Error && 'reply' in error) return error.reply as Reply;
      throw error;
    }
  }

  let inFlight = 0;
  let whenIdle: Array<() => void> = [];
  const server = createServer((req, res) => {
    let isClosed = false;
    res.once('close', () => {
      isClosed = true;
    });
    inFlight += 1;
    handle(req, res, () => isClosed || req.socket.destroyed)
      .catch((error: unknown) => {
        mismatches.push(`stand-in crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (!res.headersSent) send(res, failed(500, 'Stand-in error'));
      })
      .finally(() => {
        inFlight -= 1;
        if (inFlight > 0) return;
        for (const resolve of whenIdle) resolve();
        whenIdle = [];
      });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  urls = { api: `http://127.0.0.1:${port}${basePath}`, web: `http://127.0.0.1:${port}/web` };

  return {
    url: urls.api,
    state,
    faults,
    calls,
    mismatches,
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => whenIdle.push(resolve))),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (mismatches.length > 0) {
        throw new Error(`The GitHub stand-in saw calls that do not match GitHub's API:\n${mismatches.join('\n')}`);
      }
    },
  };
}

/** Statuses whose bodies are checked; 401 is answered by GitHub's front door and rarely documented. */
function shouldCheck(status: number): boolean {
  return status !== 401;
}

let plainChecker: OpenApiChecker | undefined;
function findWithoutChecker(method: string, path: string) {
  // Routing still needs the description when checks are off.
  return (plainChecker ??= loadOpenApi()).find(method, path);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...(text === '' ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    'x-github-request-id': `STANDIN:${Math.random().toString(16).slice(2, 10)}`,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    ...reply.headers,
  });
  res.end(text);
}

// ---------------------------------------------------------------------------------------------
// Operations

type Apps = Array<AppOption & { key: KeyObject; botLogin: string }>;

function makeHandlers(state: StandInState, urlsOf: () => Urls, tokens: Map<string, Actor>, apps: Apps) {
  const urls = () => urlsOf();
  const now = () => state.now();
  const codePoints = (text: string) => [...text].length;

  function repoFor(ctx: HandlerContext, [scope, access]: [keyof TokenPermissions, Access]): RepoState {
    const fullName = `${ctx.params['owner'] ?? ''}/${ctx.params['repo'] ?? ''}`.toLowerCase();
    const repo = state.repos.get(fullName);
    const visible =
      ctx.actor.repositories === undefined || ctx.actor.repositories.some((name) => name.toLowerCase() === fullName);
    if (!repo || !visible) throw thrown(failed(404, 'Not Found'));
    const granted = ctx.actor.permissions[scope];
    if (granted === undefined || (access === 'write' && granted !== 'write')) {
      throw thrown(failed(403, 'Resource not accessible by integration'));
    }
    return repo;
  }

  function issueOf(repo: RepoState, number: string | undefined): IssueState {
    const issue = repo.issues.find((candidate) => String(candidate.number) === number);
    if (!issue) throw thrown(failed(404, 'Not Found'));
    return issue;
  }

  function invalid(resource: string, field: string, code: string, message?: string): never {
    throw thrown(
      failed(422, 'Validation Failed', { errors: [{ resource, field, code, ...(message ? { message } : {}) }] }),
    );
  }

  function ensureLabel(repo: RepoState, name: string): LabelState {
    let label = repo.labels.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!label) {
      label = { id: state.nextId(), name, color: 'ededed', description: null };
      repo.labels.push(label);
    }
    return label;
  }

  function labelNames(repo: RepoState, labels: unknown): string[] {
    if (!Array.isArray(labels)) return [];
    const names = labels.map((label) =>
      typeof label === 'string' ? label : String((label as { name?: unknown }).name ?? ''),
    );
    return [...new Set(names.filter((name) => name !== '').map((name) => ensureLabel(repo, name).name))];
  }

  function checkText(resource: string, field: string, text: unknown, max: number): void {
    if (typeof text === 'string' && codePoints(text) > max) {
      invalid(resource, field, 'custom', `${field} is too long (maximum is ${max} characters)`);
    }
  }

  function paginate<T>(ctx: HandlerContext, items: T[]): { page: T[]; headers: Record<string, string> } {
    const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30) || 30));
    const pageNumber = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (page: number, rel: string) => {
      const query = new URLSearchParams(ctx.query);
      query.set('page', String(page));
      return `<${urls().api}${ctx.path}?${query.toString()}>; rel="${rel}"`;
    };
    const links = [];
    if (pageNumber > 1) links.push(link(pageNumber - 1, 'prev'), link(1, 'first'));
    if (pageNumber < last) links.push(link(pageNumber + 1, 'next'), link(last, 'last'));
    return {
      page: items.slice((pageNumber - 1) * perPage, pageNumber * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  }

  const touch = (issue: IssueState) => {
    issue.updatedAt = now();
  };
  const fields = (body: unknown): Record<string, unknown> =>
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

  function setState(issue: IssueState, next: unknown, reason: unknown): void {
    if (next === 'closed' && issue.state !== 'closed') {
      issue.state = 'closed';
      issue.closedAt = now();
      issue.stateReason = reason === 'not_planned' ? 'not_planned' : reason === 'duplicate' ? 'duplicate' : 'completed';
    } else if (next === 'open' && issue.state !== 'open') {
      issue.state = 'open';
      issue.closedAt = null;
      issue.stateReason = 'reopened';
    } else if (next === 'closed' && typeof reason === 'string') {
      issue.stateReason = reason as IssueState['stateReason'];
    }
  }

  function newIssue(repo: RepoState, actor: Actor, title: string, body: string | null, isPull: boolean): IssueState {
    const at = now();
    const issue: IssueState = {
      id: state.nextId(),
      number: repo.issues.length + 1,
      title,
      body,
      state: 'open',
      stateReason: null,
      labels: [],
      assignees: [],
      user: actor.login,
      createdAt: at,
      updatedAt: at,
      closedAt: null,
      isPull,
    };
    repo.issues.push(issue);
    return issue;
  }

  function commitOn(repo: RepoState, branch: string): CommitState {
    const sha = repo.refs.get(`refs/heads/${branch}`) ?? repo.refs.get(branch) ?? branch;
    const commit = repo.commits.get(sha);
    if (!commit) throw thrown(failed(404, 'No commit found for the ref'));
    return commit;
  }

  const ops: Record<
    Exclude<StandInOperation, 'apps/create-installation-access-token'>,
    (ctx: HandlerContext, repo: RepoState) => Reply
  > = {
    'repos/get': (ctx, repo) => ({
      status: 200,
      body: repoObject(urls(), repo, repo.collaborators.get(ctx.actor.login.toLowerCase()) ?? 'read'),
    }),

    'issues/list-for-repo': (ctx, repo) => {
      const wantState = ctx.query.get('state') ?? 'open';
      const wantLabels = (ctx.query.get('labels') ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
      const since = ctx.query.get('since');
      const sinceMs = since ? Date.parse(since) : undefined;
      const creator = ctx.query.get('creator')?.toLowerCase();
      const sort = ctx.query.get('sort') ?? 'created';
      const direction = ctx.query.get('direction') ?? 'desc';
      const key = (issue: IssueState) =>
        sort === 'updated'
          ? issue.updatedAt.getTime()
          : sort === 'comments'
            ? repo.comments.filter((comment) => comment.issueNumber === issue.number).length
            : issue.createdAt.getTime();
      const matching = repo.issues
        .filter((issue) => wantState === 'all' || issue.state === wantState)
        .filter((issue) => wantLabels.every((name) => issue.labels.some((label) => label.toLowerCase() === name)))
        // GitHub compares `since` with whole seconds of updated_at.
        .filter((issue) => sinceMs === undefined || Math.floor(issue.updatedAt.getTime() / 1000) * 1000 >= sinceMs)
        .filter((issue) => creator === undefined || issue.user.toLowerCase() === creator)
        .sort((a, b) => (key(a) - key(b) || a.number - b.number) * (direction === 'asc' ? 1 : -1));
      const { page, headers } = paginate(ctx, matching);
      return { status: 200, headers, body: page.map((issue) => issueObject(urls(), repo, issue, state.users)) };
    },

    'issues/create': (ctx, repo) => {
      const input = fields(ctx.body);
      const title = String(input['title'] ?? '');
      if (title.trim() === '') invalid('Issue', 'title', 'missing_field');
      checkText('Issue', 'title', title, 256);
      checkText('Issue', 'body', input['body'], 65536);
      const issue = newIssue(repo, ctx.actor, title, typeof input['body'] === 'string' ? input['body'] : null, false);
      issue.labels = labelNames(repo, input['labels']);
      issue.assignees = assigneesOf(repo, input['assignees']);
      const body = issueObject(urls(), repo, issue, state.users);
      return { status: 201, headers: { location: body.url }, body };
    },

    'issues/get': (ctx, repo) => ({
      status: 200,
      body: issueObject(urls(), repo, issueOf(repo, ctx.params['issue_number']), state.users),
    }),

    'issues/update': (ctx, repo) => {
      const issue = issueOf(repo, ctx.params['issue_number']);
      const input = fields(ctx.body);
      if (typeof input['title'] === 'string') {
        checkText('Issue', 'title', input['title'], 256);
        issue.title = input['title'];
      }
      if ('body' in input) {
        checkText('Issue', 'body', input['body'], 65536);
        issue.body = typeof input['body'] === 'string' ? input['body'] : null;
      }
      if ('labels' in input) issue.labels = labelNames(repo, input['labels']);
      if ('assignees' in input) issue.assignees = assigneesOf(repo, input['assignees']);
      if ('state' in input || 'state_reason' in input)
        setState(issue, input['state'] ?? issue.state, input['state_reason']);
      touch(issue);
      return { status: 200, body: issueObject(urls(), repo, issue, state.users) };
    },

    'issues/list-comments': (ctx, repo) => {
      const issue = issueOf(repo, ctx.params['issue_number']);
      const since = ctx.query.get('since');
      const list = repo.comments
        .filter((comment) => comment.issueNumber === issue.number)
        .filter((comment) => !since || comment.updatedAt.getTime() >= Date.parse(since))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
      const { page, headers } = paginate(ctx, list);
      return { status: 200, headers, body: page.map((comment) => commentObject(urls(), repo, comment, state.users)) };
    },

    'issues/create-comment': (ctx, repo) => {
      const issue = issueOf(repo, ctx.params['issue_number']);
      const body = String(fields(ctx.body)['body'] ?? '');
      if (body === '') invalid('IssueComment', 'body', 'missing_field');
      checkText('IssueComment', 'body', body, 65536);
      const at = now();
      const comment = {
        id: state.nextId(),
        issueNumber: issue.number,
        body,
        user: ctx.actor.login,
        createdAt: at,
        updatedAt: at,
      };
      repo.comments.push(comment);
      touch(issue);
      const object = commentObject(urls(), repo, comment, state.users);
      return { status: 201, headers: { location: object.url }, body: object };
    },

    'issues/get-comment': (ctx, repo) => {
      const comment = repo.comments.find((candidate) => String(candidate.id) === ctx.params['comment_id']);
      if (!comment) return failed(404, 'Not Found');
      return { status: 200, body: commentObject(urls(), repo, comment, state.users) };
    },

    'issues/update-comment': (ctx, repo) => {
      const comment = repo.comments.find((candidate) => String(candidate.id) === ctx.params['comment_id']);
      if (!comment) return failed(404, 'Not Found');
      const body = String(fields(ctx.body)['body'] ?? '');
      checkText('IssueComment', 'body', body, 65536);
      comment.body = body;
      comment.updatedAt = now();
      const issue = repo.issues.find((candidate) => candidate.number === comment.issueNumber);
      if (issue) touch(issue);
      return { status: 200, body: commentObject(urls(), repo, comment, state.users) };
    },

    'issues/delete-comment': (ctx, repo) => {
      const index = repo.comments.findIndex((candidate) => String(candidate.id) === ctx.params['comment_id']);
      if (index < 0) return failed(404, 'Not Found');
      repo.comments.splice(index, 1);
      return { status: 204 };
    },

    'issues/list-labels-for-repo': (ctx, repo) => {
      const { page, headers } = paginate(
        ctx,
        [...repo.labels].sort((a, b) => a.name.localeCompare(b.name)),
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
      const label = repo.labels.find(
        (candidate) => candidate.name.toLowerCase() === (ctx.params['name'] ?? '').toLowerCase(),
      );
      return label ? { status: 200, body: labelObject(urls(), repo, label) } : failed(404, 'Not Found');
    },

    'issues/update-label': (ctx, repo) => {
      const label = repo.labels.find(
        (candidate) => candidate.name.toLowerCase() === (ctx.params['name'] ?? '').toLowerCase(),
      );
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
      const added = labelNames(repo, input);
      issue.labels = [...new Set([...issue.labels, ...added])];
      touch(issue);
      return { status: 200, body: issue.labels.map((name) => labelObject(urls(), repo, ensureLabel(repo, name))) };
    },

    'issues/remove-label': (ctx, repo) => {
      const issue = issueOf(repo, ctx.params['issue_number']);
      const name = (ctx.params['name'] ?? '').toLowerCase();
      if (!issue.labels.some((label) => label.toLowerCase() === name)) return failed(404, 'Label does not exist');
      issue.labels = issue.labels.filter((label) => label.toLowerCase() !== name);
      touch(issue);
      return { status: 200, body: issue.labels.map((label) => labelObject(urls(), repo, ensureLabel(repo, label))) };
    },

    'issues/add-assignees': (ctx, repo) => {
      const issue = issueOf(repo, ctx.params['issue_number']);
      issue.assignees = [...new Set([...issue.assignees, ...assigneesOf(repo, fields(ctx.body)['assignees'])])];
      touch(issue);
      return { status: 201, body: issueObject(urls(), repo, issue, state.users) };
    },

    'issues/remove-assignees': (ctx, repo) => {
      const issue = issueOf(repo, ctx.params['issue_number']);
      const gone = new Set(assigneesOf(repo, fields(ctx.body)['assignees']).map((login) => login.toLowerCase()));
      issue.assignees = issue.assignees.filter((login) => !gone.has(login.toLowerCase()));
      touch(issue);
      return { status: 200, body: issueObject(urls(), repo, issue, state.users) };
    },

    'repos/list-collaborators': (ctx, repo) => {
      const list = [...repo.collaborators.entries()].map(([login, permission]) =>
        collaboratorObject(login, permission),
      );
      const { page, headers } = paginate(ctx, list);
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

    'git/get-ref': (ctx, repo) => {
      const ref = `refs/${ctx.params['ref'] ?? ''}`;
      const sha = repo.refs.get(ref);
      return sha ? { status: 200, body: refObject(repo, ref, sha) } : failed(404, 'Not Found');
    },

    'git/create-ref': (ctx, repo) => {
      const input = fields(ctx.body);
      const ref = String(input['ref'] ?? '');
      const sha = String(input['sha'] ?? '');
      if (!/^refs\/.+/.test(ref) || ref.split('/').length < 3) return failed(422, 'Reference name is invalid');
      if (repo.refs.has(ref)) return failed(422, 'Reference already exists');
      if (!repo.commits.has(sha)) return failed(422, 'Object does not exist');
      repo.refs.set(ref, sha);
      return { status: 201, body: refObject(repo, ref, sha) };
    },

    'git/update-ref': (ctx, repo) => {
      const ref = `refs/${ctx.params['ref'] ?? ''}`;
      if (!repo.refs.has(ref)) return failed(422, 'Reference does not exist');
      const sha = String(fields(ctx.body)['sha'] ?? '');
      if (!repo.commits.has(sha)) return failed(422, 'Object does not exist');
      repo.refs.set(ref, sha);
      return { status: 200, body: refObject(repo, ref, sha) };
    },

    'repos/get-content': (ctx, repo) => {
      const path = ctx.params['path'] ?? '';
      const ref = ctx.query.get('ref') ?? repo.defaultBranch;
      const content = commitOn(repo, ref).files.get(path);
      if (content === undefined) return failed(404, 'Not Found');
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
              date: timestamp(now()),
              name: ctx.actor.login,
              email: `${ctx.actor.login}@users.noreply.stand-in`,
            },
            committer: {
              date: timestamp(now()),
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
      const { page, headers } = paginate(ctx, list);
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
      const issue = newIssue(
        repo,
        ctx.actor,
        String(input['title'] ?? ''),
        typeof input['body'] === 'string' ? input['body'] : null,
        true,
      );
      const pull = { id: state.nextId(), number: issue.number, head, base, draft: input['draft'] === true };
      repo.pulls.push(pull);
      const body = pullObject(urls(), repo, pull, state.users);
      return { status: 201, headers: { location: body.url }, body };
    },

    'pulls/get': (ctx, repo) => {
      const pull = repo.pulls.find((candidate) => String(candidate.number) === ctx.params['pull_number']);
      return pull ? { status: 200, body: pullObject(urls(), repo, pull, state.users) } : failed(404, 'Not Found');
    },
  };

  function assigneesOf(repo: RepoState, logins: unknown): string[] {
    if (!Array.isArray(logins)) return [];
    // GitHub silently drops people who cannot be assigned.
    return logins.map(String).filter((login) => repo.collaborators.has(login.toLowerCase()));
  }

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

  function refObject(repo: RepoState, ref: string, sha: string) {
    const base = `${urls().api}/repos/${repo.owner.login}/${repo.name}`;
    return {
      ref,
      node_id: Buffer.from(`Ref:${ref}`).toString('base64'),
      url: `${base}/git/${ref}`,
      object: { type: 'commit', sha, url: `${base}/git/commits/${sha}` },
    };
  }

  return {
    run(operation: StandInOperation, ctx: HandlerContext, need: [keyof TokenPermissions, Access]): Reply {
      if (operation === 'apps/create-installation-access-token') return failed(401, 'Bad credentials');
      const repo = repoFor(ctx, need);
      return ops[operation](ctx, repo);
    },

    /** `POST /app/installations/{id}/access_tokens`, authenticated by the app's signed JWT. */
    createInstallationToken(params: Record<string, string>, authorization: string | undefined): Reply {
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
