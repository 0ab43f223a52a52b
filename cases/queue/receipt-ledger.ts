/**
 * The receipt cap's ledger for queued cases (`cases/mail/receipt-cap.ts`): the moments receipts
 * went to each address hash in the past day, kept in the queue (`meta:receipts:<hash>`) when the
 * queued store records a receipt as sent. The cap's default ledger lists every case, which at
 * GitHub is a listing per receipt: exactly what a storm cannot afford.
 */
import type { Case } from '../case.ts';
import type { ReceiptLedger } from '../mail/receipt-cap.ts';
import { resubmissionWindowMs } from '../store.ts';
import type { IntakeQueue } from './port.ts';

const keyOf = (toHash: string) => `receipts:${toHash.replace(/[^a-zA-Z0-9]/g, '_')}`;

const moments = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((moment): moment is number => typeof moment === 'number') : [];

/**
 * Notes the receipts that `next` records as sent and `before` did not.
 *
 * @example
 * await noteNewReceipts(queue, before, next, Date.now());
 */
export async function noteNewReceipts(queue: IntakeQueue, before: Case, next: Case, now: number): Promise<void> {
  const had = new Set(before.messages.filter((m) => m.sentAt !== undefined).map((m) => `${m.kind}|${m.sentAt}`));
  for (const message of next.messages) {
    if (message.kind !== 'receipt' || message.sentAt === undefined || message.toHash === undefined) continue;
    if (had.has(`${message.kind}|${message.sentAt}`)) continue;
    const kept = moments(await queue.getMeta(keyOf(message.toHash))).filter(
      (moment) => moment > now - resubmissionWindowMs,
    );
    await queue.setMeta(keyOf(message.toHash), [...kept, Date.parse(message.sentAt)]);
  }
}

/**
 * The ledger on the queue's notes.
 *
 * @example
 * deliverDueMessages(store, mailer, { …, receiptLedger: makeQueueReceiptLedger(queue) });
 */
export function makeQueueReceiptLedger(queue: IntakeQueue): ReceiptLedger {
  return {
    async countSentSince(toHash, since) {
      return moments(await queue.getMeta(keyOf(toHash))).filter((moment) => moment >= since.getTime()).length;
    },
  };
}
