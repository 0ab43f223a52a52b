import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Config } from '../cases/config.ts';
import type { Log } from '../cases/log.ts';
import type { TemplateSet } from '../cases/mail/compose-message.ts';
import type { Mailer } from '../cases/mail/transport.ts';
import type { CaseStore } from '../cases/store.ts';
import type { GitHubStores } from '../cases/stores/github/from-env.ts';

/**
 * What a command gets from the outside world; tests make one with `tests/support/run-command.ts`.
 *
 * @example
 * const ctx: CliContext = { argv: ['--year', '2027'], env: process.env, cwd: process.cwd(), config,
 *   stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), now: () => new Date() };
 */
export interface CliContext {
  /** The arguments after the command name. */
  argv: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
  /** The organisation's configuration, as klachten.config.ts validated it. */
  config: Config;
  /** What to use instead of building it from the environment; production leaves it out (see `services.ts`). */
  services?: Partial<Services>;
}

/**
 * What the commands build from the environment (`ctx.env`, `ctx.cwd`, `ctx.config`) when they need
 * it, one factory each. What a factory makes belongs to its caller: a command closes the mailer it
 * asked for. Production uses `defaultServices` (services.ts); a test puts its own on `ctx.services`.
 *
 * @example
 * const services: Partial<Services> = { makeStore: () => makeGitFolderStore(join(root, 'cases')) };
 */
export interface Services {
  /** The store `KLACHTEN_STORE` names: the Git folder, or GitHub with its fallback. */
  makeStore: (ctx: CliContext) => CaseStore;
  /** The GitHub set-up: the client, the repository, the GitHub store alone and its fallback. */
  makeGitHub: (ctx: CliContext, log: Log) => GitHubStores;
  /** How mail leaves: through `SMTP_URL`, or into the outbox folder. */
  makeMailer: (ctx: CliContext) => Mailer;
  /** The message templates (templates/mail/). */
  loadTemplates: (ctx: CliContext) => Promise<TemplateSet>;
  /** The secret that signs the satisfaction links; undefined where there is none. */
  loadTokenSecret: (ctx: CliContext) => Promise<string | undefined>;
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

/**
 * The `--json` and `--help` flags, as most commands take them: spread into a command's `options`.
 *
 * @example
 * parseCommandArgs(ctx, usage, { options: { year: { type: 'string' }, ...jsonAndHelpOptions } });
 */
export const jsonAndHelpOptions = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

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

/**
 * Reads a command that takes one flag with a value, which it needs, and `--json` and `--help`
 * (see `parseCommandArgs`). Returns the value and whether JSON was asked for, or the exit code to
 * return at once: with `missing` when the flag is not given, or with what `refuse` says of its
 * value, on stderr before `usage`, `usageExit`.
 *
 * @example
 * const parsed = parseValueCommand(ctx, usage, 'year', 'Geef het jaar op met --year.', (year) =>
 *   /^\d{4}$/.test(year) ? undefined : `"${year}" is geen jaartal.`,
 * );
 * if (typeof parsed === 'number') return parsed;
 * parsed.value; // '2027'
 */
export function parseValueCommand(
  ctx: CliContext,
  usage: string,
  flag: string,
  missing: string,
  refuse: (value: string) => string | undefined = () => undefined,
): { value: string; json: boolean } | number {
  const parsed = parseCommandArgs(ctx, usage, {
    allowPositionals: false,
    options: { [flag]: { type: 'string' }, ...jsonAndHelpOptions },
  });
  if (typeof parsed === 'number') return parsed;
  const value = (parsed.values as Record<string, unknown>)[flag];
  const refusal = typeof value === 'string' ? refuse(value) : missing;
  if (refusal !== undefined || typeof value !== 'string') {
    ctx.stderr(`${refusal ?? missing}\n\n${usage}`);
    return usageExit;
  }
  return { value, json: parsed.values.json === true };
}
