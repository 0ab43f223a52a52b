/**
 * The home of a case's files in the Git folder: `bijlagen/<reference>/bijlage-1.jpg` beside the
 * case files, folders 0700 and files 0600 like everything there, committed with the case. Only
 * our own names (`bijlage-N.ext`) ever become paths; the sender's name is text on the case.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attachmentNamePattern, type CaseFile } from '../attachments/record.ts';
import { referencePattern } from '../case.ts';
import { ensurePrivateDir, privateFileMode } from '../private-files.ts';

/** The folder of all cases' files, relative to the Git folder. */
export const filesFolder = 'bijlagen';

/**
 * The folder of one case's files, relative to the Git folder.
 *
 * @example
 * caseFilesPath('K-2026-7QF3-M9XA') // 'bijlagen/K-2026-7QF3-M9XA'
 */
export function caseFilesPath(reference: string): string {
  if (!referencePattern.test(reference)) throw new Error(`Geen geldig kenmerk: ${reference}`);
  return `${filesFolder}/${reference}`;
}

function filePath(reference: string, name: string): string {
  if (!attachmentNamePattern.test(name)) throw new Error(`Geen bijlagenaam: ${name}`);
  return `${caseFilesPath(reference)}/${name}`;
}

/**
 * Writes a case's files into the folder and gives their paths (relative, to commit).
 *
 * @example
 * await writeCaseFiles('.data/cases', 'K-2026-7QF3-M9XA', files) // ['bijlagen/K-2026-7QF3-M9XA/bijlage-1.jpg']
 */
export async function writeCaseFiles(dir: string, reference: string, files: readonly CaseFile[]): Promise<string[]> {
  if (files.length === 0) return [];
  await ensurePrivateDir(join(dir, filesFolder));
  await ensurePrivateDir(join(dir, caseFilesPath(reference)));
  const paths: string[] = [];
  for (const file of files) {
    const path = filePath(reference, file.record.name);
    await writeFile(join(dir, path), file.bytes, { mode: privateFileMode, flag: 'wx' });
    paths.push(path);
  }
  return paths;
}

/**
 * The bytes of one kept file, or undefined.
 *
 * @example
 * await readCaseFile('.data/cases', 'K-2026-7QF3-M9XA', 'bijlage-1.jpg') // Uint8Array
 */
export async function readCaseFile(dir: string, reference: string, name: string): Promise<Uint8Array | undefined> {
  if (!attachmentNamePattern.test(name) || !referencePattern.test(reference)) return undefined;
  return readFile(join(dir, filePath(reference, name))).then(
    (bytes) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    () => undefined,
  );
}

/**
 * Removes a case's files from the working folder (erasure purges them from the history too).
 *
 * @example
 * await removeCaseFiles('.data/cases', 'K-2026-7QF3-M9XA');
 */
export async function removeCaseFiles(dir: string, reference: string): Promise<void> {
  await rm(join(dir, caseFilesPath(reference)), { recursive: true, force: true });
}
