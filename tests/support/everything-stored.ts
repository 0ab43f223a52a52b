// What an erasure test searches: every byte a set-up keeps on disk. Files are read whole; every
// Git repository below is asked for every object it holds, reachable or not, inflated (packed
// objects are compressed, so a plain read of .git would miss what they hold).
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/**
 * Every file under `dir` and every object of every Git repository under it, as one text.
 *
 * @example
 * expect(await everythingStored(dataDir)).not.toContain('123456782');
 */
export async function everythingStored(dir: string): Promise<string> {
  const parts: string[] = [];
  const repositories: string[] = [];
  const walk = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) return;
    if (!info.isDirectory()) {
      parts.push(await readFile(path, 'utf8'));
      return;
    }
    const names = await readdir(path);
    if (names.includes('.git')) repositories.push(path);
    for (const name of names) await walk(join(path, name));
  };
  await walk(dir);
  for (const repository of repositories) {
    const objects = await exec('git', ['cat-file', '--batch-all-objects', '--batch', '--unordered'], {
      cwd: repository,
      maxBuffer: 256 * 1024 * 1024,
    });
    parts.push(objects.stdout);
  }
  return parts.join('\n');
}

/**
 * The values of `values` that occur in `text`, also in the forms a store may write them in: as
 * JSON escapes them (the machine block writes non-ASCII as `\u00eb`).
 *
 * @example
 * found(everything, ['Zoë', '123456782']) // [] when neither is anywhere
 */
export function found(text: string, values: readonly string[]): string[] {
  const ascii = (value: string) =>
    JSON.stringify(value)
      .slice(1, -1)
      .replace(/[\u007f-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return values.filter((value) => value !== '' && (text.includes(value) || text.includes(ascii(value))));
}
