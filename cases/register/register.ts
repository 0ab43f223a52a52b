/**
 * The register's port: what the report, retention and the data subject's commands ask of it,
 * whichever store holds it (the Git folder commits it on every move; GitHub keeps it as files in
 * the case repository, written in batches by the daily job).
 */
import type { RegisterRecord } from './record.ts';

/** Where the anonymised records are kept. */
export interface Register {
  /** Where, for a person reading the terminal: "register in Git-map …", "register in owner/repo". */
  readonly description: string;
  /** The latest record of every case ever registered, oldest receipt first. */
  read(): Promise<RegisterRecord[]>;
  /**
   * Records these, appending a line only where a record changed; `note` is the commit message
   * (no personal data). Resolves with the number of lines added.
   */
  write(records: readonly RegisterRecord[], note: string): Promise<number>;
}
