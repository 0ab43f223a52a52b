import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

/** Run-time settings from the environment: where cases are kept. Secrets never live in files. */
export const settingsSchema = z.object({
  KLACHTEN_STORE: z.enum(['git', 'github'], { error: 'kies "git" of "github"' }).default('git'),
  KLACHTEN_DATA_DIR: z.string().min(1).default('.data'),
});

/** Settings after validation, with the data folder made absolute. */
export interface Settings {
  store: 'git' | 'github';
  dataDir: string;
  /** The Git-folder store's folder: `$KLACHTEN_DATA_DIR/cases`. */
  casesDir: string;
}

/**
 * Reads the run-time settings from an environment; throws one message naming the bad variable.
 *
 * @example
 * parseSettings({ KLACHTEN_DATA_DIR: '/srv/klachten' }, '/app') // { store: 'git', dataDir: '/srv/klachten', casesDir: '/srv/klachten/cases' }
 */
export function parseSettings(env: Record<string, string | undefined>, cwd: string): Settings {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = settingsSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Ongeldige omgevingsvariabele:\n${lines.join('\n')}`);
  }
  const dataDir = isAbsolute(result.data.KLACHTEN_DATA_DIR)
    ? result.data.KLACHTEN_DATA_DIR
    : resolve(cwd, result.data.KLACHTEN_DATA_DIR);
  return { store: result.data.KLACHTEN_STORE, dataDir, casesDir: join(dataDir, 'cases') };
}
