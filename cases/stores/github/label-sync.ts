import type { Octokit } from '@octokit/rest';
import type { Config } from '../../config.ts';
import type { GitHubRepository } from './client.ts';
import { makeGitHubHelper } from './github-helper.ts';
import { labelDefinitions, type LabelDefinition } from './labels.ts';

/**
 * The repository's labels, brought in line with the labels the tooling uses (`klachten setup`).
 */

/** What `syncLabels` did. */
export interface LabelChanges {
  created: string[];
  updated: string[];
  unchanged: string[];
}

/**
 * Makes the repository's labels match the definitions: creates what is missing, updates colour
 * and description where they changed, deletes nothing. Running it twice changes nothing the second time.
 *
 * @example
 * await syncLabels(octokit, { owner, repo }, labelDefinitions(config.categories)) // { created: [...], updated: [], unchanged: [...] }
 */
export async function syncLabels(
  octokit: Octokit,
  repository: GitHubRepository,
  definitions: readonly LabelDefinition[],
): Promise<LabelChanges> {
  const github = makeGitHubHelper(octokit, repository);
  const existing = await github.listLabels();
  const byName = new Map(existing.map((label) => [label.name.toLowerCase(), label]));
  const changes: LabelChanges = { created: [], updated: [], unchanged: [] };
  for (const definition of definitions) {
    const current = byName.get(definition.name.toLowerCase());
    if (!current) {
      await github.createLabel(definition);
      changes.created.push(definition.name);
    } else if (
      current.name !== definition.name ||
      current.color.toLowerCase() !== definition.color.toLowerCase() ||
      (current.description ?? '') !== definition.description
    ) {
      await github.updateLabel(current.name, definition);
      changes.updated.push(definition.name);
    } else {
      changes.unchanged.push(definition.name);
    }
  }
  return changes;
}

/**
 * The labels for a configuration.
 *
 * @example
 * caseLabels(config) // [{ name: 'klacht', … }, { name: 'status: ontvangen', … }, …]
 */
export function caseLabels(config: Pick<Config, 'categories'>): LabelDefinition[] {
  return labelDefinitions(config.categories);
}
