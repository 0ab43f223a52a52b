// What the tests that talk to the GitHub stand-in share: an Octokit pointed at it, and the
// environment variables that make the CLI or the site use it.
import type { Octokit } from '@octokit/rest';
import { makeOctokit, type GitHubSettings } from '../../cases/stores/github/client.ts';

/** Where the stand-in listens: only its URL is needed (a `GitHubStandIn` fits). */
export interface StandInAddress {
  url: string;
}

/** Settings for {@link standInOctokit}: anything `makeOctokit` takes, plus a shorthand token. */
export interface StandInOctokitOptions extends Partial<Omit<GitHubSettings, 'apiUrl'>> {
  /** The token to sign in with; default `test-token`. Ignored when `auth` is given. */
  token?: string;
}

/**
 * An Octokit built with the real `makeOctokit`, pointed at the stand-in and signed in with a
 * token; writes are not spaced (`writeIntervalMs: 0`) unless the options say otherwise.
 *
 * @example
 * const octokit = standInOctokit(standIn);
 * const store = makeGitHubStore(octokit, { owner: 'livable', repo: 'klachten' }, { context });
 * @example
 * // Rate-limit waits of 10 ms per second of `retry-after`, logged into `events`.
 * const octokit = standInOctokit(standIn, { retryAfterUnitMs: 10, log: (event) => void events.push(event) });
 * @example
 * const reader = standInOctokit(standIn, { token: 'read-token' });
 */
export function standInOctokit(standIn: StandInAddress, options: StandInOctokitOptions = {}): Octokit {
  const { token = 'test-token', ...settings } = options;
  return makeOctokit({
    apiUrl: standIn.url,
    auth: { kind: 'token', token },
    writeIntervalMs: 0,
    ...settings,
  });
}

/** Settings for {@link standInGitHubEnv}. */
export interface StandInEnvOptions {
  /** `KLACHTEN_DATA_DIR`, the fallback store's folder; left out when not given. */
  dataDir?: string;
  /** `GITHUB_TOKEN`; default `test-token`. */
  token?: string;
  /** `GITHUB_REPOSITORY`; default `livable/klachten`. */
  repository?: string;
  /** `KLACHTEN_GITHUB_WRITE_INTERVAL_MS`; default 0. `undefined` leaves the variable out. */
  writeIntervalMs?: number | undefined;
}

/**
 * The environment that makes the CLI (or the site) keep cases in the stand-in, as
 * `KLACHTEN_STORE=github` with a token does in production.
 *
 * @example
 * const env = standInGitHubEnv(standIn, { dataDir });
 * // { KLACHTEN_STORE: 'github', GITHUB_REPOSITORY: 'livable/klachten', GITHUB_API_URL: standIn.url,
 * //   GITHUB_TOKEN: 'test-token', KLACHTEN_GITHUB_WRITE_INTERVAL_MS: '0', KLACHTEN_DATA_DIR: dataDir }
 * @example
 * // A read-only reader that never writes: no write interval.
 * const env = standInGitHubEnv(standIn, { token: 'read-token', writeIntervalMs: undefined });
 */
export function standInGitHubEnv(standIn: StandInAddress, options: StandInEnvOptions = {}): Record<string, string> {
  const { dataDir, token = 'test-token', repository = 'livable/klachten' } = options;
  const writeIntervalMs = 'writeIntervalMs' in options ? options.writeIntervalMs : 0;
  return {
    KLACHTEN_STORE: 'github',
    ...(dataDir === undefined ? {} : { KLACHTEN_DATA_DIR: dataDir }),
    GITHUB_REPOSITORY: repository,
    GITHUB_API_URL: standIn.url,
    GITHUB_TOKEN: token,
    ...(writeIntervalMs === undefined ? {} : { KLACHTEN_GITHUB_WRITE_INTERVAL_MS: String(writeIntervalMs) }),
  };
}
