/**
 * The arguments of a data subject's request about one case (`erase`, `export`): its reference,
 * one flag with a value, and `--help`.
 */
import { parseCommandArgs, usageExit, type CliContext } from '../cli-context.ts';

/** The case the request is about, and the value of the flag when it was given. */
export interface RequestArgs {
  /** In capitals, as the register spells it, however it was typed. */
  reference: string;
  value: string | undefined;
}

/**
 * Reads `<ref> [--<flag> <value>]` (see `parseCommandArgs`), or returns the exit code to return at
 * once: `usage` on stderr and `usageExit` when there is no reference or more than one.
 *
 * @example
 * const parsed = parseRequestArgs(ctx, usage, 'out');
 * if (typeof parsed === 'number') return parsed;
 * parsed.reference; // 'K-2026-7QF3M9'
 */
export function parseRequestArgs(ctx: CliContext, usage: string, flag: string): RequestArgs | number {
  const parsed = parseCommandArgs(ctx, usage, {
    allowPositionals: true,
    options: { [flag]: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  if (typeof parsed === 'number') return parsed;
  const [given, ...rest] = parsed.positionals;
  if (given === undefined || rest.length > 0) {
    ctx.stderr(usage);
    return usageExit;
  }
  const value = (parsed.values as Record<string, unknown>)[flag];
  return { reference: given.toUpperCase(), value: typeof value === 'string' ? value : undefined };
}
