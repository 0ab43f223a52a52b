import { parseArgs, type ParseArgsConfig } from 'node:util';

/** What a command gets from the outside world; tests pass a fake one. */
export interface CliContext {
  /** The arguments after the command name. */
  argv: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
}

/** Exit code for bad arguments or an unknown reference. */
export const usageExit = 2;

/**
 * Says in Dutch what was wrong with the flags, from the error `node:util` parseArgs threw;
 * Node's own (English) message follows in brackets.
 *
 * @example
 * flagError(error); // "Onbekende optie. (Unknown option '--x' …)"
 */
export function flagError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const text =
    code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ? 'Onbekende optie.'
      : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? 'Een optie mist haar waarde, of krijgt er een die ze niet verwacht.'
        : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
          ? 'Onverwacht argument zonder optie ervoor.'
          : 'De opties kloppen niet.';
  return `${text} (${error instanceof Error ? error.message : String(error)})`;
}

/**
 * The flags and positionals a command accepts, as `node:util` parseArgs takes them. The arguments
 * come from the context and parsing is always strict, so a wrong flag is an error, never ignored.
 */
export type CommandArgsConfig = Omit<ParseArgsConfig, 'args' | 'strict' | 'tokens'>;

/** What parseArgs makes of `ctx.argv` under `config`: typed `values` and `positionals`. */
export type CommandArgs<T extends CommandArgsConfig> = ReturnType<typeof parseArgs<T>>;

/**
 * Reads a command's arguments from `ctx.argv` with `node:util` parseArgs (strict). Returns the
 * parsed `{ values, positionals }`, or the exit code the command should return at once:
 * - a wrong flag or stray argument: a Dutch message (see `flagError`) and `usage` on stderr, `usageExit`;
 * - `--help`, when the command declares a `help` option: `usage` on stdout, 0. A command without
 *   that option treats `--help` as an unknown flag.
 * Errors that are not about the arguments (a broken `config`) are thrown: they are bugs.
 *
 * @example
 * const parsed = parseCommandArgs(ctx, usage, {
 *   options: { year: { type: 'string' }, help: { type: 'boolean', default: false } },
 * });
 * if (typeof parsed === 'number') return parsed;
 * parsed.values.year; // string | undefined
 */
export function parseCommandArgs<const T extends CommandArgsConfig>(
  ctx: CliContext,
  usage: string,
  config: T,
): CommandArgs<T> | number {
  let parsed: CommandArgs<T>;
  try {
    parsed = parseArgs<T>({ ...config, args: ctx.argv, strict: true });
  } catch (error) {
    if (!(error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) throw error;
    ctx.stderr(`${flagError(error)}\n\n${usage}`);
    return usageExit;
  }
  if ((parsed.values as Record<string, unknown>)['help'] === true) {
    ctx.stdout(usage);
    return 0;
  }
  return parsed;
}
