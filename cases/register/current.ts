/**
 * The register as it stands now, for readers (the report, `cases show`): the Git folder's own
 * register, committed on every move; for another store (GitHub, whose register file is written in
 * batches by the daily job) the records of the cases it lists now, on top of the stored register
 * when there is one, so the numbers are current and erased cases still count.
 */
import type { CaseStore } from '../store.ts';
import { isGitFolderStore } from '../retention/folder-eraser.ts';
import { registerRecordOf, type RegisterRecord } from './record.ts';
import type { Register } from './register.ts';
import { sortedRecords } from './codec.ts';

/**
 * The latest record of every case: stored ones, with those of the listed cases brought up to date.
 *
 * @example
 * const records = await currentRegister(store); // Git folder: its register file, no case read
 */
export async function currentRegister(store: CaseStore, stored?: Register): Promise<RegisterRecord[]> {
  if (isGitFolderStore(store)) return store.register.read();
  const held = new Map((stored === undefined ? [] : await stored.read()).map((record) => [record.reference, record]));
  for (const record of await store.listCases()) {
    held.set(record.reference, registerRecordOf(record, held.get(record.reference)));
  }
  return sortedRecords([held]);
}
