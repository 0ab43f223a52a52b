/**
 * The current register of the configured set-up, for the commands that read it (the report, the
 * export): the Git folder's own; on GitHub the register files in the case repository brought up
 * to date with the cases changed since they were last complete (cases/register/current.ts).
 */
import { silentLog } from '../../cases/log.ts';
import { currentRegister, currentRegisterAsOf } from '../../cases/register/current.ts';
import { makeGitHubRegister } from '../../cases/register/github-files.ts';
import type { RegisterRecord } from '../../cases/register/record.ts';
import { parseSettings } from '../../cases/settings.ts';
import type { CaseStore } from '../../cases/store.ts';
import { makeGitHubHelper } from '../../cases/stores/github/github-helper.ts';
import type { CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';

/**
 * The latest record of every case of the set-up, erased ones included.
 *
 * @example
 * const records = await readRegister(ctx, store);
 */
export async function readRegister(ctx: CliContext, store: CaseStore): Promise<RegisterRecord[]> {
  if (parseSettings(ctx.env, ctx.cwd).store !== 'github') return currentRegister(store);
  const { octokit, repository } = servicesOf(ctx).makeGitHub(ctx, silentLog);
  const register = makeGitHubRegister(makeGitHubHelper(octokit, repository), `${repository.owner}/${repository.repo}`);
  return (await currentRegisterAsOf(store, register, ctx.now)).records;
}
