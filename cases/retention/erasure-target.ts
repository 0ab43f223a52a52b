/**
 * What retention, `erase` and `export` need of a set-up, whichever store holds the cases: the
 * current register, a case, recording a request, and erasure that either erases a case wholly or
 * leaves it untouched. The Git folder is one target (`folderTarget`); the GitHub set-up with its
 * fallback folder is the other (`github-target.ts`).
 */
import type { Case } from '../case.ts';
import type { ErasureReason, RegisterRecord, RequestKind } from '../register/record.ts';
import type { Register } from '../register/register.ts';
import type { FolderErasure, GitFolderStore } from '../stores/git-folder.ts';
import { registerRecordOf, withRequest } from '../register/record.ts';

/** The commit message of a request, per kind (no personal data). */
export const requestNotes: Record<RequestKind, string> = { inzage: 'verzoek om inzage', wissen: 'verzoek tot wissen' };

/** A set-up whose personal data can be erased. */
export interface ErasureTarget {
  /** Where, for a person: "Git-map …", "GitHub-issues in owner/repo". */
  readonly description: string;
  /** The stored register, for batch writes. */
  readonly register: Register;
  /** The latest record of every case, brought up to date with the cases held now. */
  records(): Promise<RegisterRecord[]>;
  /**
   * When the last `records()` began listing, where those records are every case from then on
   * (GitHub); a batch written from them may say so (`RegisterWriteOptions.completeAsOf`).
   */
  completeAsOf?(): string | undefined;
  getCase(reference: string): Promise<Case | undefined>;
  /** The bytes of a file the case holds (`klachten export`); undefined when it is not there. */
  readFile?(reference: string, name: string): Promise<Uint8Array | undefined>;
  /** Records a request of the data subject about a case that is still held. */
  recordRequest(record: Case, kind: RequestKind, at: string): Promise<void>;
  /**
   * Erases these cases, one history rewrite or one register write for all. A case on hold is
   * `held`, one not found `unknown`. When the store refuses (GitHub without the permission) it
   * throws an error tagged `forbidden` before the first case is touched.
   */
  erase(
    references: readonly string[],
    at: string,
    because: ErasureReason,
    request?: RequestKind,
  ): Promise<Record<string, FolderErasure>>;
}

/**
 * The Git folder as an erasure target: its own register, committed on every move.
 *
 * @example
 * const target = folderTarget(makeGitFolderStore('.data/cases'));
 * await target.erase(['K-2026-7QF3M9'], new Date().toISOString(), 'verzoek', 'wissen');
 */
export function folderTarget(store: GitFolderStore): ErasureTarget {
  const heldRecord = async (reference: string) =>
    (await store.register.read()).find((record) => record.reference === reference);
  return {
    description: store.description,
    register: store.register,
    records: () => store.register.read(),
    getCase: (reference) => store.getCase(reference),
    readFile: (reference, name) => store.readFile?.(reference, name) ?? Promise.resolve(undefined),
    async recordRequest(record, kind, at) {
      const held = await heldRecord(record.reference);
      await store.register.write(
        [withRequest(registerRecordOf(record, held), kind, at)],
        `${record.reference}: ${requestNotes[kind]}`,
      );
    },
    async erase(references, at, because, request) {
      // The request first, so the register shows it even if the erasure breaks off.
      if (request !== undefined) {
        for (const reference of references) {
          const current = await store.getCase(reference);
          if (current && current.hold === undefined) await this.recordRequest(current, request, at);
        }
      }
      return store.erase(references, at, because);
    },
  };
}
