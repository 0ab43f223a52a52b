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
