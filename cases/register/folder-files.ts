/**
 * The register as files in a folder (`<dir>/register/<year>.jsonl`): read with a cache that is
 * valid while a file's size and mtime are unchanged, and appended to by writing the whole file
 * anew beside it and renaming it over, so a reader never sees half a line. Committing is the
 * caller's business (the Git-folder store commits the register with the case).
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { privateDirMode, privateFileMode } from '../private-files.ts';
import { byYear, changedLines, decodeRegister, registerFolder, registerPath, sortedRecords } from './codec.ts';
import type { RegisterRecord } from './record.ts';

/** What staging wrote, and how to take it back. */
export interface StagedRegister {
  paths: string[];
  undo(): Promise<void>;
}

/** The register files of one folder. */
export interface RegisterFiles {
  /** Whether the folder has a register at all (a folder from before the register has none). */
  exists(): Promise<boolean>;
  /** The latest record of every case, oldest receipt first. */
  read(): Promise<RegisterRecord[]>;
  /** The latest record of one reference, if any. */
  get(reference: string): Promise<RegisterRecord | undefined>;
  /**
   * Appends the changed records; resolves with the paths written (relative to the folder) and an
   * `undo` that puts the files back as they were, without Git (whose index may be what failed).
   */
  stage(records: readonly RegisterRecord[]): Promise<StagedRegister>;
}

/**
 * Makes the register files of `dir` (the Git folder of the cases).
 *
 * @example
 * const files = makeRegisterFiles('.data/cases');
 * const paths = await files.stage([registerRecordOf(record)]); // ['register/2026.jsonl']
 */
export function makeRegisterFiles(dir: string): RegisterFiles {
  const cache = new Map<string, { key: string; text: string; records: Map<string, RegisterRecord> }>();

  async function load(year: string) {
    const path = join(dir, registerPath(year));
    const info = await stat(path).catch(() => undefined);
    if (!info) return { text: '', records: new Map<string, RegisterRecord>() };
    const key = `${info.mtimeMs}:${info.size}`;
    const hit = cache.get(year);
    if (hit?.key === key) return hit;
    const text = await readFile(path, 'utf8');
    const loaded = { key, text, records: decodeRegister(text, registerPath(year)) };
    cache.set(year, loaded);
    return loaded;
  }

  async function years(): Promise<string[]> {
    const names = await readdir(join(dir, registerFolder)).catch(() => [] as string[]);
    return names.filter((name) => /^\d{4}\.jsonl$/.test(name)).map((name) => name.slice(0, 4));
  }

  return {
    async exists() {
      return (await stat(join(dir, registerFolder)).catch(() => undefined)) !== undefined;
    },
    async read() {
      const maps = [];
      for (const year of await years()) maps.push((await load(year)).records);
      return sortedRecords(maps);
    },
    async get(reference) {
      const year = /^K-(\d{4})-/.exec(reference)?.[1];
      // The reference names the year of receipt; look there first, then everywhere.
      if (year !== undefined) {
        const found = (await load(year)).records.get(reference);
        if (found) return found;
      }
      for (const other of await years()) {
        const found = (await load(other)).records.get(reference);
        if (found) return found;
      }
      return undefined;
    },
    async stage(records) {
      const written: string[] = [];
      const before: Array<{ path: string; text: string }> = [];
      for (const [year, group] of byYear(records)) {
        const held = await load(year);
        const lines = changedLines(held.records, group);
        if (lines === '') continue;
        await mkdir(join(dir, registerFolder), { recursive: true, mode: privateDirMode });
        const path = join(dir, registerPath(year));
        const temporary = `${path}.tmp`;
        await writeFile(temporary, held.text + lines, { encoding: 'utf8', mode: privateFileMode });
        await rename(temporary, path);
        before.push({ path, text: held.text });
        written.push(registerPath(year));
      }
      return {
        paths: written,
        async undo() {
          for (const { path, text } of before) {
            if (text === '') await rm(path, { force: true });
            else await writeFile(path, text, { encoding: 'utf8', mode: privateFileMode });
            cache.clear();
          }
        },
      };
    },
  };
}
