// What the command tests share: a context of their own (arguments, environment, folder, clock,
// configuration, stand-in services) and what the command printed and returned.
import type { Config } from '../../cases/config.ts';
import shippedConfig from '../../klachten.config.ts';
import type { CliContext, Services } from '../../scripts/cli-context.ts';

/**
 * The world a command runs in; what is left out gets a quiet default.
 *
 * @example
 * const world: CommandWorld = { argv: ['list'], env: { KLACHTEN_DATA_DIR: dir }, now: new Date('2026-11-25T12:00:00Z') };
 */
export interface CommandWorld {
  /** The arguments after the command name; default none. */
  argv?: string[];
  /** Default: empty, so nothing of the machine's environment leaks in. */
  env?: Record<string, string | undefined>;
  /** Default: the repository root (the real templates and issue form). */
  cwd?: string;
  /** The clock: a fixed moment or a function; default 2026-06-01T10:00:00Z. */
  now?: Date | (() => Date);
  /** Default: the shipped configuration, as klachten.config.ts validated it. */
  config?: Config;
  /** Stand-ins for what the command would build from the environment. */
  services?: Partial<Services>;
}

/**
 * What a command printed, and its exit code.
 *
 * @example
 * expect(await runCommand(run, { argv: ['--bogus'] })).toMatchObject({ code: 2, stdout: '' });
 */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

const defaultNow = new Date('2026-06-01T10:00:00Z');

/**
 * A context for one command run, and what was printed to it so far: for tests of the pieces a
 * command is built from (`parseCommandArgs`); a whole command goes through `runCommand`.
 *
 * @example
 * const { ctx, output } = testContext({ argv: ['--year', '2027'] });
 * parseCommandArgs(ctx, usage, config);
 * output().stderr; // ''
 */
export function testContext(world: CommandWorld = {}): { ctx: CliContext; output: () => Omit<CommandResult, 'code'> } {
  const out: string[] = [];
  const err: string[] = [];
  const { now = defaultNow } = world;
  const ctx: CliContext = {
    argv: world.argv ?? [],
    env: world.env ?? {},
    cwd: world.cwd ?? process.cwd(),
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    now: typeof now === 'function' ? now : () => now,
    config: world.config ?? shippedConfig,
    ...(world.services === undefined ? {} : { services: world.services }),
  };
  return { ctx, output: () => ({ stdout: out.join(''), stderr: err.join('') }) };
}

/**
 * Runs a command's `run` as `klachten` would, in the world given, and returns its exit code and
 * everything it printed. A command that throws rejects, as it would reach the dispatcher.
 *
 * @example
 * import { run } from '../../scripts/commands/calendar.ts';
 * await runCommand(run, { argv: ['--year', '2027', '--json'] }); // { code: 0, stdout: '{"year":2027,…', stderr: '' }
 * @example
 * await runCommand(run, { argv: ['list'], env: { KLACHTEN_DATA_DIR: dir }, services: { makeStore: () => store } });
 */
export async function runCommand(
  run: (ctx: CliContext) => Promise<number>,
  world: CommandWorld = {},
): Promise<CommandResult> {
  const { ctx, output } = testContext(world);
  const code = await run(ctx);
  return { code, ...output() };
}
