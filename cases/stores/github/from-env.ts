import { randomFillSync } from 'node:crypto';
import type { Octokit } from '@octokit/rest';
import { makeCalendar } from '../../calendar.ts';
import type { Config } from '../../config.ts';
import { parseSettings } from '../../settings.ts';
import type { CaseStore, UnreadableCase } from '../../store.ts';
import { computeTerms } from '../../terms.ts';
import { explainTerms } from '../../terms-explanation.ts';
import type { Log } from '../../log.ts';
import { makeGitFolderStore } from '../git-folder.ts';
import { fileLink } from './case-files.ts';
import { makeOctokit, readGitHubSettings, type GitHubRepository } from './client.ts';
import { makeGitHubStore, type GitHubStore } from './store.ts';
import { makeResilientStore, type ResilientStore } from '../with-fallback.ts';

/** The parts of the GitHub set-up, for the commands that need more than the store. */
export interface GitHubStores {
  octokit: Octokit;
  repository: GitHubRepository;
  /** The GitHub store alone. */
  github: GitHubStore;
  /** The Git folder that holds cases while GitHub is unavailable (`$KLACHTEN_DATA_DIR/cases`). */
  fallback: CaseStore;
  /** GitHub with the fallback: what the site and the commands file into. */
  store: ResilientStore;
}

/**
 * Builds the GitHub store from the environment (`readGitHubSettings`), wrapped in the fallback to
 * the server's Git folder. Tuning, for tests and unusual installations:
 * `KLACHTEN_GITHUB_BUDGET_MS` (time budget of one filing, default 10000) and
 * `KLACHTEN_GITHUB_WRITE_INTERVAL_MS` (least time between writes, default 1000).
 *
 * @example
 * const { store, github, fallback } = makeGitHubStoresFromEnv(process.env, config, process.cwd(), log);
 */
export function makeGitHubStoresFromEnv(
  env: Record<string, string | undefined>,
  config: Config,
  cwd: string,
  log: Log,
  options: { onUnreadable?: (unreadable: UnreadableCase) => void } = {},
): GitHubStores {
  const { onUnreadable } = options;
  const { casesDir } = parseSettings(env, cwd);
  const { settings, repository } = readGitHubSettings(env);
  const number = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name}: verwacht een aantal milliseconden.`);
    return value;
  };
  const octokit = makeOctokit({ ...settings, log, writeIntervalMs: number('KLACHTEN_GITHUB_WRITE_INTERVAL_MS', 1000) });
  const calendar = makeCalendar(config.terms);
  const github = makeGitHubStore(octokit, repository, {
    context: {
      categories: config.categories,
      people: config.people,
      terms: config.terms,
      explainTerms: (terms) => explainTerms(terms, calendar, config.terms, 'nl'),
      fileLink: (reference, name) => fileLink(settings.apiUrl, repository, reference, name),
    },
    log,
    budgetMs: number('KLACHTEN_GITHUB_BUDGET_MS', 10_000),
    adopt: {
      termsFor: (receivedAt) => computeTerms(receivedAt, calendar, config.terms),
      fillRandom: (bytes) => randomFillSync(bytes),
    },
    ...(onUnreadable === undefined ? {} : { onUnreadable }),
  });
  const fallback = makeGitFolderStore(casesDir, onUnreadable === undefined ? {} : { onUnreadable });
  const store = makeResilientStore({ primary: github, fallback, log, now: () => new Date() });
  return { octokit, repository, github, fallback, store };
}
