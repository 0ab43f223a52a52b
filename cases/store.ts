import type { CaseFile, StoredFile } from './attachments/record.ts';
import type { Case } from './case.ts';
import { taggedError } from './errors.ts';

/** What filing gave: the case as stored, and whether this call created it. */
export interface FiledCase {
  case: Case;
  /** False when the store already held this reference or an identical recent submission. */
  created: boolean;
}

/** Which cases to list. */
export interface ListOptions {
  /** Only cases that are not closed (afgesloten, niet-in-behandeling). */
  openOnly?: boolean;
  /**
   * Only cases changed at or after this moment (ISO 8601), where the store can tell (GitHub: the
   * issue's last update); a store that cannot gives them all.
   */
  updatedSince?: string;
}

/**
 * A case a store holds but cannot read (a file with non-YAML front matter, a field that fails the
 * schema, a damaged machine block): named by where it is and why, never by what it holds, since
 * the reason is printed and logged.
 */
export interface UnreadableCase {
  /** The reference, when the file name or the issue says which case it is. */
  reference?: string;
  /** Where it is, for a person: "K-2026-7QF3-M9XA.md", "issue #12". */
  where: string;
  /** The reason as a short code, for logs: `not-yaml`, `invalid-yaml`, `invalid-case`, `invalid`. */
  code: string;
  /** Why it is refused, in a few Dutch words without its content: "voorwerk is geen YAML". */
  reason: string;
}

/** The tag of the error `getCase` and `updateCase` throw for a case they cannot read. */
export const unreadableCaseTag = 'unreadable-case';

/**
 * The error for a case that is there but cannot be read: its message names the place and the
 * reason only, so it can be shown to the person who asked for that case.
 *
 * @example
 * throw unreadableCase({ reference: 'K-2026-7QF3-M9XA', where: 'K-2026-7QF3-M9XA.md', reason: 'voorwerk is geen YAML' });
 */
export function unreadableCase(unreadable: UnreadableCase): Error {
  return taggedError(
    unreadableCaseTag,
    `Het dossier ${unreadable.where} is onleesbaar (${unreadable.reason}); herstel of verwijder het.`,
    { unreadable },
  );
}

/** Optional extras of `updateCase`; a store that cannot use one still does the update. */
export interface UpdateOptions {
  /**
   * The case exactly as this store just handed it out (from `listCases` or `getCase`). A store
   * whose reads cost a network call may write on top of it without reading the case again; the
   * daily deadlines job passes it so its reads stay at one listing. `change` still gets the
   * current record, which is this one when the store skips its read.
   */
  current?: Case;
  /**
   * A message to record with the change, for the people working the case (Markdown): one comment
   * on the issue (GitHub), which goes with the issue when the case is erased. It may quote what
   * the complainant typed (an addition), so the Git folder never puts it in a commit message,
   * which names the move and the reference only (`note`); the case file holds the text itself.
   */
  comment?: string;
  /**
   * Bookkeeping that the people working the case need not see (a mail being claimed for sending):
   * no comment on the issue (GitHub); the Git folder still commits, as it records every change.
   */
  quiet?: boolean;
}

/**
 * The port every case store implements: the Git folder (embedded default) and GitHub issues.
 * Both pass the same contract tests (`cases/stores/contract.ts`).
 */
export interface CaseStore {
  /** Where cases are kept, for a person reading the terminal: "Git-map /srv/klachten/.data/cases". */
  readonly description: string;
  /**
   * Files a new case. Resolves only once the store confirmed it durably.
   * Idempotent: the same reference, or the same fingerprint received within a day, gives back the
   * case already held (with `created: false`) instead of a duplicate. `files` are the bytes of the
   * files `record.attachments` lists, kept with the case in the same step.
   */
  fileCase(record: Case, files?: readonly CaseFile[]): Promise<FiledCase>;
  /** The case with this reference, or undefined. */
  getCase(reference: string): Promise<Case | undefined>;
  /**
   * All cases, oldest first. A case that cannot be read is left out, never the whole list: the
   * store tells its `onUnreadable` (given where the store is made), and the rest is listed.
   */
  listCases(options?: ListOptions): Promise<Case[]>;
  /**
   * Changes a case. `change` gets the current record and returns the new one; `note` is a short
   * line for the history (a commit message, a comment) in the code's own words: the move and
   * nothing a person typed (no addition, reason, report or remark).
   */
  updateCase(reference: string, change: (current: Case) => Case, note: string, options?: UpdateOptions): Promise<Case>;
  /**
   * Keeps more files with a case, as one change: `name` gets the current record and gives the
   * files to add (named after those it holds, within the case's limit; none to add nothing).
   * A store without a home for files lacks it.
   */
  addFiles?(reference: string, name: (current: Case) => readonly CaseFile[], note: string): Promise<AddedFiles>;
  /** The bytes of a kept file (for `klachten export`); undefined when the store holds none. */
  readFile?(reference: string, name: string): Promise<Uint8Array | undefined>;
}

/** What `addFiles` did: the case as it now stands and the records of the files it took. */
export interface AddedFiles {
  case: Case;
  added: StoredFile[];
}

/** Cases with the same fingerprint within this window are one submission sent twice. */
export const resubmissionWindowMs = 24 * 60 * 60 * 1000;

/**
 * Finds an earlier case that is the same submission as `record` (a reload, a double click): the
 * same fingerprint, with the same reference or received within a day. An equal reference alone is
 * not enough — that is another complaint that drew the same reference (see `referenceTaken`).
 *
 * @example
 * findResubmission(existing, record) // the earlier case, or undefined
 */
export function findResubmission(cases: Iterable<Case>, record: Case): Case | undefined {
  const at = Date.parse(record.receivedAt);
  for (const existing of cases) {
    if (existing.fingerprint !== record.fingerprint) continue;
    if (existing.reference === record.reference) return existing;
    if (Math.abs(at - Date.parse(existing.receivedAt)) <= resubmissionWindowMs) return existing;
  }
  return undefined;
}

/** The tag of the error a store throws when a new case drew a reference another case has. */
export const referenceTakenTag = 'reference-taken';

/**
 * The error a store throws when `record` drew the reference of a different case: the intake then
 * draws a new reference and files again, so neither complaint is lost or shown to the other person.
 *
 * @example
 * if (held.fingerprint !== record.fingerprint) throw referenceTaken(record);
 */
export function referenceTaken(record: Pick<Case, 'reference'>): Error {
  return taggedError(referenceTakenTag, `Het kenmerk ${record.reference} is al aan een andere klacht gegeven.`);
}
