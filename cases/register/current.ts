/**
 * The register as it stands now, for readers (the report, the export, retention, `cases show`):
 * the Git folder's own register, committed on every move; for another store (GitHub, whose
 * register file is written in batches by the daily job) the stored register with the records of
 * the cases changed since it was last complete brought up to date, so the numbers are current,
 * erased cases still count, and a year of 50,000 cases does not mean listing every issue.
 */
import type { CaseStore } from '../store.ts';
import { isGitFolderStore } from '../retention/folder-eraser.ts';
import { registerRecordOf, type RegisterRecord } from './record.ts';
import type { Register } from './register.ts';
import { sortedRecords } from './codec.ts';

/**
 * A stamp is trusted this much less than it says: cases changed on the stamp's day are listed
 * again, so a clock between the runner and GitHub that runs apart loses nothing.
 */
const stampMarginMs = 24 * 60 * 60 * 1000;

/** The current register, and the moment its listing started when it is complete from then on. */
export interface CurrentRegister {
  records: RegisterRecord[];
  /** Every case is in `records` as it stood at this moment or later (undefined for the Git folder). */
  completeAsOf: string | undefined;
}

/**
 * The latest record of every case, with the moment from which it is complete.
 *
 * @example
 * const { records, completeAsOf } = await currentRegisterAsOf(store, register, () => new Date());
 */
export async function currentRegisterAsOf(
  store: CaseStore,
  stored: Register | undefined,
  now: () => Date = () => new Date(),
): Promise<CurrentRegister> {
  if (isGitFolderStore(store)) return { records: await store.register.read(), completeAsOf: undefined };
  const stamp = await stored?.completeAsOf?.();
  const listedAt = now().toISOString();
  const held = new Map((stored === undefined ? [] : await stored.read()).map((record) => [record.reference, record]));
  // With a stamp, only what changed since: a case not updated since it is as the register says.
  const since = stamp === undefined ? undefined : new Date(Date.parse(stamp) - stampMarginMs).toISOString();
  for (const record of await store.listCases(since === undefined ? {} : { updatedSince: since })) {
    held.set(record.reference, registerRecordOf(record, held.get(record.reference)));
  }
  return { records: sortedRecords([held]), completeAsOf: listedAt };
}

/**
 * The latest record of every case: stored ones, with those of the changed cases brought up to date.
 *
 * @example
 * const records = await currentRegister(store); // Git folder: its register file, no case read
 */
export async function currentRegister(store: CaseStore, stored?: Register): Promise<RegisterRecord[]> {
  return (await currentRegisterAsOf(store, stored)).records;
}
