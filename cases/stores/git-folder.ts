import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { parseCase, referencePattern, type Case } from '../case.ts';
import { readFrontMatter, writeFrontMatter } from '../front-matter.ts';
import { ensurePrivateDir, privateFileMode } from '../private-files.ts';
import { isOpen } from '../lifecycle.ts';
import { makeRegisterFiles } from '../register/folder-files.ts';
import { erasedRecord, registerRecordOf, type ErasureReason, type RegisterRecord } from '../register/record.ts';
import type { Register } from '../register/register.ts';
import { purgeFromHistory } from '../retention/git-purge.ts';
import { errorTag } from '../errors.ts';
import {
  findResubmission,
  referenceTaken,
  unreadableCase,
  unreadableCaseTag,
  type CaseStore,
  type UnreadableCase,
} from '../store.ts';
import { caseFilesPath, readCaseFile, removeCaseFiles, writeCaseFiles } from './git-folder-files.ts';
import { makeGitRepo } from './git.ts';

/**
 * What erasing one case in the Git folder came to; `unreadable`: its file cannot be read, so
 * whether it is on hold is unknown and it is left for a person (named to `onUnreadable`).
 */
export type FolderErasure = 'erased' | 'held' | 'unknown' | 'unreadable';

/** The Git-folder store, with its register and the erasure that retention and `klachten erase` use. */
export interface GitFolderStore extends CaseStore {
  /** The register, committed beside the cases on every move (`register/<year>.jsonl`). */
  readonly register: Register;
  /**
   * Erases the personal data of these cases: the register record gets `erasedAt`, the case file
   * goes, and its every version is purged from the Git history and the object store. A case on
   * hold is left alone (`held`). One history rewrite for all of them.
   */
  erase(references: readonly string[], at: string, because: ErasureReason): Promise<Record<string, FolderErasure>>;
}

/**
 * Turns a case into its file: YAML front matter with the structured fields, the complaint as body.
 * The body always ends in one newline that is not part of the complaint, so text round-trips exactly.
 *
 * @example
 * caseToFile(record) // "---\nreference: K-2026-7QF3M9\n…---\nDe lift is al weken kapot.\n"
 */
export function caseToFile(record: Case): string {
  const { complaint, ...fields } = record;
  // YAML has no undefined: leave absent fields out rather than write them as null.
  const data = JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
  // Front matter alone through gray-matter, the body appended as is: gray-matter would read a body
  // that itself starts with `---` as more front matter.
  return `${writeFrontMatter('', data).replace(/\n$/, '')}${complaint}\n`;
}

/**
 * The message of a case's commit: the reference and the move's note, on one line. Nothing a
 * person typed goes in it (notes are the code's own words); the first line of a note alone, so a
 * caller's mistake cannot add a body.
 *
 * @example
 * commitMessage('K-2026-7QF3M9', 'aanvulling van de klager') // 'K-2026-7QF3M9: aanvulling van de klager'
 */
export function commitMessage(reference: string, note: string): string {
  return `${reference}: ${note.split(/[\r\n\u2028\u2029\u0085]/, 1)[0]?.trim() ?? ''}`;
}

/**
 * Reads a case file back and validates it.
 *
 * @example
 * fileToCase(caseToFile(record)) // deep-equals record
 */
export function fileToCase(text: string): Case {
  // YAML only: a `---js` file dropped into the folder is refused, never run.
  const parsed = readFrontMatter(text);
  const complaint = parsed.content.endsWith('\n') ? parsed.content.slice(0, -1) : parsed.content;
  return parseCase({ ...parsed.data, complaint });
}

/** What the Git-folder store may be told besides its folder. */
export interface GitFolderOptions {
  /**
   * Told of each case file a listing leaves out because it cannot be read (see
   * {@link UnreadableCase}); the command line prints it, the site logs it.
   */
  onUnreadable?: (unreadable: UnreadableCase) => void;
}

/**
 * Why a case file is refused, as a code and in words that quote nothing of it: a YAML parser's
 * own message quotes the lines around the mistake, which hold personal data. Undefined for an
 * error that is not about the file's content (a disk error), which is not a refusal.
 *
 * @example
 * refusal(taggedError('not-yaml', '…')) // { code: 'not-yaml', reason: 'voorwerk is geen YAML' }
 */
export function refusal(error: unknown): { code: string; reason: string } | undefined {
  const tag = errorTag(error);
  if (tag === 'not-yaml') return { code: tag, reason: 'voorwerk is geen YAML' };
  if (tag === 'invalid-case') {
    return { code: tag, reason: `veld ${String((error as { field?: unknown }).field)} klopt niet` };
  }
  if (error instanceof Error && error.name === 'YAMLException') {
    return { code: 'invalid-yaml', reason: 'voorwerk is geen geldige YAML' };
  }
  return undefined;
}

/**
 * The embedded default store: one Markdown file per case in a local Git repository, every change a
 * commit naming the reference. Writes are serialised within the process (a queue) and across
 * processes (a lock file beside the folder), so the site and the `klachten` command can share it.
 *
 * @example
 * const store = makeGitFolderStore('.data/cases');
 * await store.fileCase(record);
 */
export function makeGitFolderStore(dir: string, options: GitFolderOptions = {}): GitFolderStore {
  const repo = makeGitRepo(dir);
  const registerFiles = makeRegisterFiles(dir);
  let ready: Promise<unknown> | undefined;
  let initialised = false;
  let queue: Promise<unknown> = Promise.resolve();
  // Parsed cases by file name, valid while the file's mtime and size are unchanged.
  const cache = new Map<string, { key: string; record: Case }>();

  const prepare = () =>
    (ready ??= ensurePrivateDir(dir).catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));

  /** Runs `work` alone: after every earlier write of this process, under the folder lock. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(async () => {
      await prepare();
      const release = await lockfile.lock(dir, {
        retries: { retries: 100, minTimeout: 10, maxTimeout: 250 },
        stale: 30_000,
        realpath: false,
      });
      try {
        // Under the lock, so two processes starting on a fresh folder do not both run `git init`.
        if (!initialised) await repo.init();
        initialised = true;
        return await work();
      } finally {
        await release();
      }
    });
    queue = next.catch(() => undefined);
    return next;
  }

  const fileName = (reference: string) => `${reference}.md`;

  async function read(name: string): Promise<Case | undefined> {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info) return undefined;
    const key = `${info.mtimeMs}:${info.size}`;
    const hit = cache.get(name);
    if (hit?.key === key) return hit.record;
    let record: Case;
    try {
      record = fileToCase(await readFile(path, 'utf8'));
    } catch (error) {
      const refused = refusal(error);
      if (refused === undefined) throw error;
      throw unreadableCase({ reference: name.replace(/\.md$/, ''), where: name, ...refused });
    }
    cache.set(name, { key, record });
    return record;
  }

  // Each refused file is told once per store: the site lists on every intake.
  const told = new Set<string>();

  /** A case file for a listing: a refused one is named to `onUnreadable` (once) and left out. */
  async function readListed(name: string): Promise<Case | undefined> {
    try {
      return await read(name);
    } catch (error) {
      if (errorTag(error) !== unreadableCaseTag) throw error;
      const { unreadable } = error as Error & { unreadable: UnreadableCase };
      if (!told.has(`${name}\0${unreadable.reason}`)) options.onUnreadable?.(unreadable);
      told.add(`${name}\0${unreadable.reason}`);
      return undefined;
    }
  }

  const caseFileNames = async () =>
    (await readdir(dir)).filter((name) => referencePattern.test(name.replace(/\.md$/, '')));

  async function readAll(): Promise<Case[]> {
    await prepare();
    const names = await caseFileNames();
    // In batches: reading all at once opens every file together, which fails (EMFILE) once the
    // folder holds more cases than the process may open files (1,024 to 20,000 on most machines).
    const records: Array<Case | undefined> = [];
    for (let start = 0; start < names.length; start += 256) {
      records.push(...(await Promise.all(names.slice(start, start + 256).map(readListed))));
    }
    return records
      .filter((record): record is Case => record !== undefined)
      .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.reference.localeCompare(b.reference));
  }

  /**
   * Writes via a temporary file and a rename, with the case's register record, then commits both
   * in one commit; on failure nothing stays half-written.
   */
  async function write(record: Case, message: string, files: readonly string[] = []): Promise<void> {
    const name = fileName(record.reference);
    const temporary = join(dir, `.${name}.tmp`);
    await ensureRegister();
    const held = await registerFiles.get(record.reference);
    await writeFile(temporary, caseToFile(record), { encoding: 'utf8', mode: privateFileMode });
    await rename(temporary, join(dir, name));
    let undo = async () => {};
    try {
      const staged = await registerFiles.stage([registerRecordOf(record, held)]);
      undo = staged.undo;
      await repo.commit([name, ...files, ...staged.paths], message);
    } catch (error) {
      await undo();
      await repo.restore([name, ...files]);
      cache.delete(name);
      throw error;
    }
  }

  /** Commits register records alone (a request of the data subject, an erasure). */
  async function commitRegister(records: readonly RegisterRecord[], message: string): Promise<number> {
    const staged = await registerFiles.stage(records);
    if (staged.paths.length === 0) return 0;
    try {
      await repo.commit(staged.paths, message);
    } catch (error) {
      await staged.undo();
      throw error;
    }
    return records.length;
  }

  /**
   * A folder from before the register has cases but no register: make it once from the cases
   * (under the lock), so the report over the register counts them.
   */
  async function ensureRegister(): Promise<void> {
    if (await registerFiles.exists()) return;
    const all = await readAll();
    if (all.length === 0) return;
    await commitRegister(
      all.map((record) => registerRecordOf(record)),
      'register aangelegd uit de bestaande klachten',
    );
  }

  const register: Register = {
    description: `register in Git-map ${dir}`,
    async read() {
      await prepare();
      if (!(await registerFiles.exists())) await exclusive(ensureRegister);
      return registerFiles.read();
    },
    write(records, note) {
      return exclusive(async () => {
        await ensureRegister();
        return commitRegister(records, note);
      });
    },
  };

  return {
    description: `Git-map ${dir}`,
    register,
    erase(references, at, because) {
      return exclusive(async () => {
        await ensureRegister();
        const results: Record<string, FolderErasure> = {};
        const erased: string[] = [];
        for (const reference of references) {
          const valid = referencePattern.test(reference);
          const current = valid ? await readListed(fileName(reference)) : undefined;
          if (!current && valid && (await caseFileNames()).includes(fileName(reference))) {
            results[reference] = 'unreadable';
            continue;
          }
          if (!current) {
            results[reference] = 'unknown';
            continue;
          }
          if (current.hold !== undefined) {
            results[reference] = 'held';
            continue;
          }
          const name = fileName(reference);
          const record = erasedRecord(registerRecordOf(current, await registerFiles.get(reference)), at, because);
          await rm(join(dir, name), { force: true });
          cache.delete(name);
          const files = current.attachments?.length ? [caseFilesPath(reference)] : [];
          await removeCaseFiles(dir, reference);
          const staged = await registerFiles.stage([record]);
          await repo.commit([name, ...files, ...staged.paths], `${reference}: persoonsgegevens gewist (${because})`);
          // The files' folder is purged from the history whether or not the case still lists files.
          erased.push(name, caseFilesPath(reference));
          results[reference] = 'erased';
        }
        // Every earlier version of the files is still in the history: rewrite it without them
        // and prune what is no longer reachable (see cases/retention/git-purge.ts for why).
        if (erased.length > 0) await purgeFromHistory(dir, erased);
        return results;
      });
    },
    async fileCase(record, files = []) {
      const valid = parseCase(record);
      return exclusive(async () => {
        const all = await readAll();
        const earlier = findResubmission(all, valid);
        if (earlier) return { case: earlier, created: false };
        // By file name: a file that cannot be read still holds its reference.
        if ((await caseFileNames()).includes(fileName(valid.reference))) throw referenceTaken(valid);
        await write(valid, `${valid.reference}: klacht ontvangen`, await writeCaseFiles(dir, valid.reference, files));
        return { case: valid, created: true };
      });
    },
    async getCase(reference) {
      if (!referencePattern.test(reference)) return undefined;
      await prepare();
      return read(fileName(reference));
    },
    async listCases(options = {}) {
      const all = await readAll();
      return options.openOnly ? all.filter(isOpen) : all;
    },
    updateCase(reference, change, note) {
      // `UpdateOptions.current` is not needed: reading a local file is cheap, and under the lock it is
      // the only way to be sure nobody changed the case since it was listed.
      return exclusive(async () => {
        const current = referencePattern.test(reference) ? await read(fileName(reference)) : undefined;
        if (!current) throw new Error(`Geen klacht met kenmerk ${reference}.`);
        const next = parseCase(change(current));
        if (next.reference !== current.reference) throw new Error('Het kenmerk van een klacht verandert nooit.');
        // The note alone, never `UpdateOptions.comment`: a comment may quote what the complainant typed
        // (an addition), and a commit message is out of erasure's reach while the case lives.
        await write(next, commitMessage(reference, note));
        return next;
      });
    },
    addFiles(reference, name, note) {
      return exclusive(async () => {
        const current = referencePattern.test(reference) ? await read(fileName(reference)) : undefined;
        if (!current) throw new Error(`Geen klacht met kenmerk ${reference}.`);
        const files = name(current);
        if (files.length === 0) return { case: current, added: [] };
        const added = files.map((file) => file.record);
        const next = parseCase({ ...current, attachments: [...(current.attachments ?? []), ...added] });
        await write(next, commitMessage(reference, note), await writeCaseFiles(dir, reference, files));
        return { case: next, added };
      });
    },
    readFile: (reference, name) => readCaseFile(dir, reference, name),
  };
}
