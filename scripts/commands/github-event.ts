import { readFile } from 'node:fs/promises';
import { silentLog } from '../../cases/log.ts';
import { readAnswerTemplate } from '../../cases/answer/answer-template.ts';
import { usageExit, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { handleEvent } from './github-event/handle-event.ts';
import { makeIssueActions } from './github-event/issue-actions.ts';
import { refreshAndTell } from './workload-refresh.ts';

/**
 * `klachten github-event`: handles the event of the running GitHub Actions job
 * (`GITHUB_EVENT_NAME`, `GITHUB_EVENT_PATH`) on the GitHub store. Prints one line with what it
 * did: codes and references only. Exit 0 when handled or ignored, 1 on a GitHub failure,
 * 2 when not run inside an Action.
 *
 * @example
 * // in .github/workflows/case-events.yml
 * await run({ argv: [], env: process.env, … }) // "github-event: issue_comment K-2026-…: /bevestig moved"
 */
export async function run(ctx: CliContext): Promise<number> {
  const name = ctx.env['GITHUB_EVENT_NAME'];
  const path = ctx.env['GITHUB_EVENT_PATH'];
  if (ctx.argv.length > 0 || !name || !path) {
    ctx.stderr(
      'Gebruik: klachten github-event (in een GitHub Actions-job: leest GITHUB_EVENT_NAME en GITHUB_EVENT_PATH).\n',
    );
    return usageExit;
  }
  const payload: unknown = JSON.parse(await readFile(path, 'utf8'));
  const { github, octokit, repository } = servicesOf(ctx).makeGitHub(ctx, silentLog);
  const result = await handleEvent(name, payload, {
    config: ctx.config,
    store: github,
    actions: makeIssueActions(octokit, repository),
    now: ctx.now,
    templates: await servicesOf(ctx).loadTemplates(ctx),
    answerTemplate: (locale) => readAnswerTemplate(ctx.cwd, locale),
  });
  ctx.stdout(
    result.handled
      ? `github-event: ${name} ${result.reference}: ${result.moves.map((move) => `${move.command} ${move.result}`).join(', ')}\n`
      : `github-event: ${name} genegeerd (${result.why})\n`,
  );
  // A move changes the workload: the pinned issue follows it (one write, only when it changed).
  if (result.handled && result.moves.some((move) => move.result === 'moved')) await refreshAndTell(ctx, github);
  return 0;
}
