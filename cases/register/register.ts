/**
 * The register's port: what the report, retention and the data subject's commands ask of it,
 * whichever store holds it (the Git folder commits it on every move; GitHub keeps it as files in
 * the case repository, written in batches by the daily job).
 */
import type { RegisterRecord } from './record.ts';

/** Extras of `write`. */
export interface RegisterWriteOptions {
  /**
   * The records written are every case as listed from this moment on (a complete batch): a
   * register that keeps a stamp (GitHub) records it, so readers list only what changed since.
   */
  completeAsOf?: string;
}

/** Where the anonymised records are kept. */
export interface Register {
  /** Where, for a person reading the terminal: "register in Git-map …", "register in owner/repo". */
  readonly description: string;
  /** The latest record of every case ever registered, oldest receipt first. */
  read(): Promise<RegisterRecord[]>;
  /**
   * Records these, adding or changing a line only where a record changed; `note` is the commit
   * message (no personal data). Resolves with the number of lines written.
   */
  write(records: readonly RegisterRecord[], note: string, options?: RegisterWriteOptions): Promise<number>;
  /** Up to when the stored records are complete (see `RegisterWriteOptions`); undefined when unknown. */
  completeAsOf?(): Promise<string | undefined>;
}
