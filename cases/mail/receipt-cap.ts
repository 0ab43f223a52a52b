/**
 * At most three receipts to one address within a day. The form is public: without a cap anyone
 * can make the organisation mail a victim forty times with a text of the attacker's choosing.
 * A person with several real complaints still has each one filed; only the receipts after the
 * third wait out the day, and the case says so to the coordinators, who still confirm each case
 * (that mail names the handler and comes after a person looked at the case).
 */
import type { Case } from '../case.ts';
import type { CaseStore } from '../store.ts';
import { addressHash } from './message-record.ts';

/** How many receipts one address gets within `windowMs`. */
export const receiptCap = { max: 3, windowMs: 24 * 60 * 60 * 1000 } as const;

/** Where the receipts sent lately can be counted. */
export interface ReceiptLedger {
  /**
   * How many receipts went to the address with this hash at or after `since`, leaving out the
   * case `exceptReference` (the one whose receipt is being decided: its own attempt never counts).
   */
  countSentSince(toHash: string, since: Date, exceptReference?: string): Promise<number>;
}

/**
 * Counts receipts sent to the address with `toHash` at or after `since`, from the cases' own
 * message records (each records where it went as a hash, see `addressHash`). A receipt under way
 * in another process counts too: it is about to be sent.
 *
 * @example
 * receiptsSentSince(cases, addressHash('zoe@example.nl'), new Date('2026-10-25T09:00:00Z')) // 2
 */
export function receiptsSentSince(
  cases: Iterable<Case>,
  toHash: string,
  since: Date,
  exceptReference?: string,
): number {
  let count = 0;
  for (const record of cases) {
    if (record.reference === exceptReference) continue;
    for (const message of record.messages) {
      if (message.kind !== 'receipt') continue;
      const at = message.sentAt ?? message.attemptStartedAt;
      if (at === undefined) continue;
      // An attempt under way has no address hash yet: it is this case's own address.
      if ((message.toHash ?? addressHash(record.email)) !== toHash) continue;
      if (Date.parse(at) >= since.getTime()) count += 1;
    }
  }
  return count;
}

/**
 * A ledger that reads the store's cases: exact, shared by every process on the store, and cheap
 * on the Git folder (its reads are cached). Only cases received within the window plus the mail
 * retry window can hold a recent receipt, but counting all keeps it simple and obviously right.
 *
 * @example
 * const ledger = makeCaseReceiptLedger(store);
 * await ledger.countSentSince(addressHash('zoe@example.nl'), new Date(Date.now() - receiptCap.windowMs));
 */
export function makeCaseReceiptLedger(store: Pick<CaseStore, 'listCases'>): ReceiptLedger {
  return {
    async countSentSince(toHash, since, exceptReference) {
      return receiptsSentSince(await store.listCases(), toHash, since, exceptReference);
    },
  };
}
