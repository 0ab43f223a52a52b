/**
 * The register in the GitHub case repository: one file per month of receipt
 * (`register/<YYYY-MM>.jsonl`, JSON Lines as cases/register/codec.ts writes them, one line per
 * case, rewritten in place), and the stamp up to when it is complete (`register/stand.json`,
 * stamp.ts). Why a file in the repository and not issues or a database: it is private exactly as
 * the cases are, versioned, readable by a coordinator, and needs no other service.
 *
 * Why this shape: a year of 50,000 cases is some 25 MB of register. The contents API gives a
 * file's content only up to 1 MB, so files are read as blobs (the Git data API, up to 100 MB),
 * and kept to a month each (about 2 MB) so no file nears a limit; and a file holds each case once,
 * so it does not grow with every move. Older repositories have one file per year
 * (`register/2026.jsonl`): read like the months, and moved into month files by the first write.
 *
 * Writes are batches, one commit for all files and the stamp (Git data API: blobs, a tree, a
 * commit, the branch moved forward from the commit it was read at, so a concurrent write is
 * refused rather than lost). The daily retention run writes every changed record at once; the
 * intake may spend only two content writes per complaint (issue #12), so nothing is written per
 * move. Readers bring it up to date from the cases changed since the stamp (`current.ts`).
 */
import type { GitHubHelper } from '../stores/github/github-helper.ts';
import {
  compactText,
  decodeRegister,
  encodeRegisterLine,
  registerFileKind,
  registerFolder,
  registerMonthOf,
  registerMonthPath,
  sortedRecords,
} from './codec.ts';
import type { RegisterRecord } from './record.ts';
import type { Register } from './register.ts';
import { decodeStamp, encodeStamp, stampPath } from './stamp.ts';

/** What one read of the folder found. */
interface Held {
  /** Every record, the last file's record of a reference winning (years first, then months). */
  records: Map<string, RegisterRecord>;
  /** Per month file: its records in file order. */
  months: Map<string, Map<string, RegisterRecord>>;
  /** The year files still there, to be folded into months by the next write. */
  years: string[];
  complete: string | undefined;
}

/**
 * Makes the register of one GitHub repository.
 *
 * @example
 * const register = makeGitHubRegister(makeGitHubHelper(octokit, repository), 'livable/klachten');
 * await register.write(records, 'register bijgewerkt door klachten retention', { completeAsOf: listedAt });
 */
export function makeGitHubRegister(
  github: Pick<GitHubHelper, 'listFolder' | 'readBlob' | 'commitFiles'>,
  fullName: string,
): Register {
  async function load(): Promise<Held> {
    const files = await github.listFolder(registerFolder);
    const held: Held = { records: new Map(), months: new Map(), years: [], complete: undefined };
    const ordered = [...files].sort((a, b) => {
      // Years before months, each in date order: a month file is the newer copy of its records.
      const kind = (name: string) => (registerFileKind(name) === 'year' ? 0 : 1);
      return kind(a.name) - kind(b.name) || a.name.localeCompare(b.name);
    });
    for (const file of ordered) {
      const kind = registerFileKind(file.name);
      if (file.path === stampPath) held.complete = decodeStamp(await github.readBlob(file.sha));
      if (kind === undefined) continue;
      const records = decodeRegister(await github.readBlob(file.sha), `${fullName}:${file.path}`);
      for (const [reference, record] of records) held.records.set(reference, record);
      if (kind === 'year') held.years.push(file.path);
      else held.months.set(file.name.slice(0, 7), records);
    }
    return held;
  }

  // One read of the folder serves the stamp and the records alike; a write reads afresh.
  let loaded: Promise<Held> | undefined;
  const cached = () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };

  return {
    description: `register in ${fullName}`,
    async read() {
      return sortedRecords([(await cached()).records]);
    },
    async completeAsOf() {
      return (await cached()).complete;
    },
    async write(records, note, options = {}) {
      loaded = undefined;
      const held = await load();
      // Each month file as it should be: its records where they stand, changed ones in place,
      // new ones at the end; the records of a year file moved into their months.
      const months = new Map<string, Map<string, RegisterRecord>>();
      const monthOf = (month: string) => {
        let found = months.get(month);
        if (found === undefined) {
          found = new Map(held.months.get(month) ?? []);
          months.set(month, found);
        }
        return found;
      };
      const dirty = new Set<string>();
      if (held.years.length > 0) {
        for (const record of held.records.values()) {
          const month = registerMonthOf(record);
          const file = monthOf(month);
          if (!file.has(record.reference)) {
            file.set(record.reference, record);
            dirty.add(month);
          }
        }
      }
      let written = 0;
      for (const record of records) {
        const before = held.records.get(record.reference);
        if (before !== undefined && encodeRegisterLine(before) === encodeRegisterLine(record)) continue;
        const month = registerMonthOf(record);
        monthOf(month).set(record.reference, record);
        dirty.add(month);
        written += 1;
      }
      const files: Array<{ path: string; text: string | null }> = [...dirty]
        .sort()
        .map((month) => ({ path: registerMonthPath(month), text: compactText(months.get(month)?.values() ?? []) }));
      files.push(...held.years.map((path) => ({ path, text: null })));
      const stampChanged = options.completeAsOf !== undefined && options.completeAsOf !== held.complete;
      if (files.length === 0 && !stampChanged) return 0;
      if (options.completeAsOf !== undefined) files.push({ path: stampPath, text: encodeStamp(options.completeAsOf) });
      await github.commitFiles(files, note);
      loaded = undefined;
      return written;
    },
  };
}
