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
 * const octokit = standInOctokit(standIn);                // tests/support/standin-octokit.ts: our real client
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
 * public key); Git refs, file contents and pull requests, enough to open a report pull request;
 * and `POST /graphql` for the one mutation the tooling sends, `deleteIssue` (`handlers/graphql.ts`).
 *
 * Credentials (tokens with fine-grained permissions, GitHub App JWTs) are checked as GitHub
 * checks them: see `auth.ts`. Faults (5xx, hangs and resets before or after the change, rate
 * limits, 401, 404) are injected on demand or at random: see `faults.ts`. The HTTP side (routing,
 * the OpenAPI checks, when a fault strikes) is `server.ts`; the answers per resource are in
 * `handlers/`, wired up in `dispatch.ts`.
 *
 * `calls` counts every call per operation id (`issues/create`, …); `state` is the live data, for
 * seeding and for assertions. Each repository's `written` keeps every title, body and comment
 * body ever written, as GitHub's edit history does, until the comment or issue is deleted:
 * erasure tests search it for what must be gone.
 */
import { makeAuth, type AppOption, type TokenOption } from './auth.ts';
import { makeCalls, type Calls } from './calls.ts';
import { makeDispatch } from './dispatch.ts';
import { makeFaults, type Faults } from './faults.ts';
import { makeGraphqlHandler } from './handlers/graphql.ts';
import { makeWriteLimiter, type WriteLimitOptions } from './limits.ts';
import type { Urls } from './objects.ts';
import type { OpenApiChecker } from './openapi.ts';
import { startServer } from './server.ts';
import { makeState, type StandInState } from './state.ts';

export type { AppOption, TokenOption, TokenPermissions } from './auth.ts';
export type { CallRecord, Calls } from './calls.ts';
export type { Fault, FaultKind, Faults } from './faults.ts';
export type { WriteLimitOptions } from './limits.ts';
export type { StandInState } from './state.ts';
export { standInOperations, type StandInOperation } from './operations.ts';

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
  /** Enforce GitHub's secondary limit on writes, per minute and hour of this clock (`limits.ts`). */
  writeLimits?: WriteLimitOptions;
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

/**
 * Starts a stand-in on a free loopback port.
 *
 * @example
 * const standIn = await startGitHubStandIn({ repositories: ['livable/klachten'] });
 * // … run the code under test against standIn.url with token 'test-token' …
 * await standIn.close();
 */
export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const state = makeState(options.now ?? (() => new Date()));
  for (const entry of options.repositories ?? ['livable/klachten']) {
    if (typeof entry === 'string') state.addRepo(entry);
    else state.addRepo(entry.fullName, entry);
  }
  // After the repositories: each token's user becomes a writer of every one of them.
  const auth = makeAuth(state, options);
  const faultQueue = makeFaults();
  const calls = makeCalls();
  let urls: Urls = { api: '', web: '' };
  const server = await startServer({
    basePath: (options.basePath ?? '').replace(/\/$/, ''),
    validate: options.validate !== false,
    openapi: options.openapi,
    faults: faultQueue,
    calls,
    answer: makeDispatch({ state, urls: () => urls }, auth),
    writeLimiter: options.writeLimits ? makeWriteLimiter(options.writeLimits) : undefined,
    graphql: makeGraphqlHandler(state, (header) => auth.authenticate(header)),
  });
  urls = server.urls;
  return {
    url: urls.api,
    state,
    faults: faultQueue.faults,
    calls,
    mismatches: server.mismatches,
    idle: server.idle,
    close: server.close,
  };
}
