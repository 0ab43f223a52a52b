/**
 * The erasure target of the configured set-up, for `retention`, `erase` and `export`: the Git
 * folder, or GitHub with its fallback folder, its register file and (for retention) its queue.
 */
import { silentLog } from '../../cases/log.ts';
import { makeQueueSetupFromEnv } from '../../cases/queue/setup-from-env.ts';
import type { IntakeQueue } from '../../cases/queue/port.ts';
import { makeGitHubRegister } from '../../cases/register/github-files.ts';
import { folderTarget, type ErasureTarget } from '../../cases/retention/erasure-target.ts';
import { isGitFolderStore } from '../../cases/retention/folder-eraser.ts';
import { makeGitHubTarget } from '../../cases/retention/github-target.ts';
import { parseSettings } from '../../cases/settings.ts';
import { makeCaseIssues } from '../../cases/stores/github/case-issues.ts';
import { makeGitHubHelper } from '../../cases/stores/github/github-helper.ts';
import type { CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';

/** The target, and on GitHub the intake queue (opened on demand; close it after). */
export interface ErasureSetup {
  target: ErasureTarget;
  /** The intake queue of the GitHub set-up; undefined for the Git folder, which has none. */
  openQueue(): IntakeQueue | undefined;
}

/**
 * The erasure set-up of the context, or a message when its store cannot erase.
 *
 * @example
 * const setup = erasureSetup(ctx);
 * if (typeof setup === 'string') return fail(setup);
 */
export function erasureSetup(ctx: CliContext): ErasureSetup | string {
  if (parseSettings(ctx.env, ctx.cwd).store === 'github') {
    const stores = servicesOf(ctx).makeGitHub(ctx, silentLog);
    const { octokit, repository } = stores;
    if (!isGitFolderStore(stores.fallback)) return `De noodopslag ${stores.fallback.description} kan niet wissen.`;
    const github = makeGitHubHelper(octokit, repository);
    const target = makeGitHubTarget({
      github,
      issues: makeCaseIssues(github),
      store: stores.github,
      fallback: stores.fallback,
      register: makeGitHubRegister(github, `${repository.owner}/${repository.repo}`),
      queued: async (reference, name) => {
        const queue = makeQueueSetupFromEnv(ctx.env, ctx.config, ctx.cwd, silentLog, { github: stores }).queue;
        try {
          return await queue.binary.get(`file:${reference}:${name}`);
        } finally {
          await queue.close();
        }
      },
      now: ctx.now,
    });
    return {
      target,
      openQueue: () => makeQueueSetupFromEnv(ctx.env, ctx.config, ctx.cwd, silentLog, { github: stores }).queue,
    };
  }
  const store = servicesOf(ctx).makeStore(ctx);
  if (!isGitFolderStore(store)) return `Wissen kan niet in ${store.description}.`;
  return { target: folderTarget(store), openQueue: () => undefined };
}
