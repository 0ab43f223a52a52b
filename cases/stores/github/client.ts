import { createAppAuth } from '@octokit/auth-app';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Log } from '../../log.ts';

/**
 * The one place where an Octokit is built. Everything that talks to GitHub gets its client here.
 *
 * Retry policy — what is repeated, and what never is:
 * - A call GitHub refused because of a rate limit (403/429 with `retry-after`, or
 *   `x-ratelimit-remaining: 0`) is retried by the throttling plugin after the time GitHub asks, at
 *   most twice, and only when that wait fits the call's time budget (`request.deadline`, see
 *   {@link withBudget}); otherwise it fails at once. GitHub did not carry out such a call, so
 *   repeating it cannot make a duplicate.
 * - Nothing else is retried here: no retry plugin, no retry on 5xx, timeouts or connection
 *   resets. After such an ambiguous failure a write may or may not have happened; in particular
 *   the create call is never retried blindly. The store decides (`store.ts`; every call it makes
 *   is in `github-helper.ts`): it first looks whether the issue exists, and creates it only when
 *   it does not.
 * - Writes are spaced at least `writeIntervalMs` apart (GitHub asks for one second between
 *   content-creating requests), so a burst (a `sync` of many held cases) does not trip the
 *   secondary rate limit in the first place.
 */

/** How the tooling signs in: a GitHub App installation (preferred) or a fine-grained token. */
export type GitHubAuth =
  { kind: 'app'; appId: string; privateKey: string; installationId: string } | { kind: 'token'; token: string };

/** Everything `makeOctokit` needs. */
export interface GitHubSettings {
  /** `https://api.github.com`, or `https://github.example.nl/api/v3` for GitHub Enterprise Server. */
  apiUrl: string;
  auth: GitHubAuth;
  /** Least time between two writes, in ms; default 1000. Tests pass 0. */
  writeIntervalMs?: number;
  /** How long one second of `retry-after` lasts, in ms; default 1000. Tests shrink it. */
  retryAfterUnitMs?: number;
  /** The longest rate-limit wait for a call without a budget (the CLI), in ms; default 60 s. */
  maxRateLimitWaitMs?: number;
  /** Records rate-limit waits, never request details. */
  log?: Log;
}

/** The repository that holds the cases. */
export interface GitHubRepository {
  owner: string;
  repo: string;
}

/** The extra request option that carries a call's deadline (milliseconds on `performance.now()`). */
export interface BudgetedRequest {
  signal?: AbortSignal;
  deadline?: number;
}

/**
 * The request options that hold a call to a deadline: aborted when the time is up, and no
 * rate-limit wait beyond it.
 *
 * @example
 * await octokit.request('GET /repos/{owner}/{repo}', { owner, repo, request: withBudget(deadline) });
 */
export function withBudget(deadline: number, now: () => number = () => performance.now()): BudgetedRequest {
  const left = Math.max(1, Math.floor(deadline - now()));
  return { signal: AbortSignal.timeout(left), deadline };
}

/** A Bottleneck-like group that only spaces jobs (the plugin asks groups for `key(id).schedule`). */
function makePacer(intervalMs: number) {
  let next = 0;
  const limiter = {
    async schedule<T>(_options: unknown, job: (...args: unknown[]) => Promise<T>, ...args: unknown[]): Promise<T> {
      const now = performance.now();
      const start = Math.max(now, next);
      next = start + intervalMs;
      if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now));
      return job(...args);
    },
  };
  return { key: () => limiter };
}

/**
 * Builds the GitHub client: @octokit/rest with the throttling plugin, signed in as a GitHub App
 * installation (tokens are fetched and renewed by @octokit/auth-app) or with a token. Octokit's own
 * log is silenced: its debug lines hold request headers, and its messages may hold URLs.
 *
 * @example
 * const octokit = makeOctokit({ apiUrl: 'https://api.github.com', auth: { kind: 'token', token } });
 */
export function makeOctokit(settings: GitHubSettings): Octokit {
  const log = settings.log ?? (() => {});
  const unit = settings.retryAfterUnitMs ?? 1000;
  const maxWait = settings.maxRateLimitWaitMs ?? 60_000;
  const decide =
    (kind: string) =>
    (retryAfter: number, options: { request?: BudgetedRequest }, _octokit: unknown, retryCount: number) => {
      const wait = retryAfter * unit;
      const deadline = options.request?.deadline;
      const fits = deadline === undefined ? wait <= maxWait : performance.now() + wait < deadline;
      const retry = retryCount < 2 && fits;
      log('github.rate-limited', { kind, retryAfterSeconds: retryAfter, attempt: retryCount + 1, retry });
      return retry;
    };
  const pacer = makePacer(settings.writeIntervalMs ?? 1000);
  const throttle = {
    onRateLimit: decide('primary'),
    onSecondaryRateLimit: decide('secondary'),
    retryAfterBaseValue: unit,
    // The plugin types these as Bottleneck groups; it only ever calls `key(id).schedule(…)`. Our
    // calls are few and mostly sequential: writes are paced, the rest goes straight through.
    write: pacer as unknown as NonNullable<ThrottlingOptions['write']>,
    notifications: makePacer(0) as unknown as NonNullable<ThrottlingOptions['notifications']>,
    global: makePacer(0) as unknown as NonNullable<ThrottlingOptions['write']>,
  } as ThrottlingOptions;
  const Client = Octokit.plugin(throttling);
  const quiet = { debug: () => {}, info: () => {}, warn: () => log('github.client-warning', {}), error: () => {} };
  const common = { baseUrl: settings.apiUrl.replace(/\/+$/, ''), userAgent: 'klachtenloket', throttle, log: quiet };
  if (settings.auth.kind === 'token') return new Client({ ...common, auth: settings.auth.token });
  const { appId, privateKey, installationId } = settings.auth;
  return new Client({ ...common, authStrategy: createAppAuth, auth: { appId, privateKey, installationId } });
}

/**
 * Reads the GitHub settings from an environment, with the names GitHub Actions uses:
 * `GITHUB_REPOSITORY` (`owner/name`), `GITHUB_API_URL` (default `https://api.github.com`), and the
 * credentials `KLACHTEN_APP_ID` + `KLACHTEN_APP_PRIVATE_KEY` + `KLACHTEN_APP_INSTALLATION_ID`
 * (a GitHub App, preferred) or `GITHUB_TOKEN`. Error messages name variables, never their values.
 *
 * @example
 * const { settings, repository } = readGitHubSettings(process.env);
 */
export function readGitHubSettings(env: Record<string, string | undefined>): {
  settings: GitHubSettings;
  repository: GitHubRepository;
} {
  const value = (name: string) => {
    const found = env[name]?.trim();
    return found === undefined || found === '' ? undefined : found;
  };
  const problems: string[] = [];
  const fullName = value('GITHUB_REPOSITORY');
  const [owner, repo, ...rest] = (fullName ?? '').split('/');
  if (!owner || !repo || rest.length > 0)
    problems.push('GITHUB_REPOSITORY: zet de repository als eigenaar/naam, bijvoorbeeld livable/klachten');
  const apiUrl = value('GITHUB_API_URL') ?? 'https://api.github.com';
  if (!URL.canParse(apiUrl)) problems.push('GITHUB_API_URL: geen geldige URL');

  let auth: GitHubAuth | undefined;
  const appId = value('KLACHTEN_APP_ID');
  const privateKey = value('KLACHTEN_APP_PRIVATE_KEY');
  const installationId = value('KLACHTEN_APP_INSTALLATION_ID');
  const token = value('GITHUB_TOKEN');
  if (appId !== undefined || privateKey !== undefined || installationId !== undefined) {
    if (appId === undefined) problems.push('KLACHTEN_APP_ID ontbreekt');
    if (privateKey === undefined) problems.push('KLACHTEN_APP_PRIVATE_KEY ontbreekt');
    if (installationId === undefined) problems.push('KLACHTEN_APP_INSTALLATION_ID ontbreekt');
    if (appId !== undefined && privateKey !== undefined && installationId !== undefined) {
      // Secret stores often hold a PEM on one line with literal \n.
      auth = { kind: 'app', appId, privateKey: privateKey.replace(/\\n/g, '\n'), installationId };
    }
  } else if (token !== undefined) {
    auth = { kind: 'token', token };
  } else {
    problems.push(
      'geen toegang tot GitHub ingesteld: zet KLACHTEN_APP_ID, KLACHTEN_APP_PRIVATE_KEY en KLACHTEN_APP_INSTALLATION_ID (een GitHub App, aanbevolen) of GITHUB_TOKEN',
    );
  }
  if (problems.length > 0 || auth === undefined || !owner || !repo) {
    throw new Error(
      `GitHub-instellingen onvolledig (KLACHTEN_STORE=github):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return { settings: { apiUrl, auth }, repository: { owner, repo } };
}
