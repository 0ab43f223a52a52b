/**
 * The secret that signs satisfaction links: `KLACHTEN_TOKEN_SECRET` from the environment.
 *
 * The embedded default must work on a fresh machine without setup, so with the Git-folder store
 * and no variable set, a random secret is made once and kept beside the cases in
 * `$KLACHTEN_DATA_DIR/token-secret` (readable by its owner only), shared by the site and the
 * `klachten` command on that machine. With the GitHub store the link is made in GitHub Actions and
 * checked by the site, two machines: there the variable is required and nothing is made up.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensurePrivateDir } from '../private-files.ts';
import { parseSettings } from '../settings.ts';
import { minimumSecretLength } from '../signed-token.ts';

/**
 * The token secret for this environment, or undefined when there is none (GitHub store without
 * `KLACHTEN_TOKEN_SECRET`). Throws when the variable is set but too short.
 *
 * @example
 * const secret = await loadTokenSecret(process.env, process.cwd());
 */
export async function loadTokenSecret(
  env: Record<string, string | undefined>,
  cwd: string,
): Promise<string | undefined> {
  const fromEnv = env['KLACHTEN_TOKEN_SECRET'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < minimumSecretLength) {
      throw new Error(`KLACHTEN_TOKEN_SECRET is te kort: gebruik minstens ${minimumSecretLength} willekeurige tekens.`);
    }
    return fromEnv;
  }
  const settings = parseSettings(env, cwd);
  if (settings.store !== 'git') return undefined;
  const file = join(settings.dataDir, 'token-secret');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing !== undefined && existing.trim().length >= minimumSecretLength) return existing.trim();
  await ensurePrivateDir(settings.dataDir);
  try {
    // 'wx': when two processes start at once, one writes and the other reads what it wrote.
    await writeFile(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // The other process may still be writing: wait a moment for the whole secret.
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const written = (await readFile(file, 'utf8')).trim();
    if (written.length >= minimumSecretLength) return written;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${file} bevat geen bruikbaar geheim: verwijder het bestand, dan wordt een nieuw gemaakt.`);
}
