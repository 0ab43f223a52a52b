/**
 * What a case records about each of its messages (`messages[]`): the attempts, when one went out,
 * and where to, as a hash, so the case shows where a message went without holding the address twice.
 */
import { createHash } from 'node:crypto';
import type { Case } from '../case.ts';
import type { MessageKind } from './message-kinds.ts';

/** The recorded state of one message on a case, if any. */
export type MessageRecord = Case['messages'][number];

/**
 * The record of this kind on the case, if there is one.
 *
 * @example
 * messageRecord(record, 'receipt')?.sentAt // '2026-10-26T00:31:02+01:00'
 */
export function messageRecord(record: Pick<Case, 'messages'>, kind: MessageKind): MessageRecord | undefined {
  const all = record.messages.filter((message) => message.kind === kind);
  return all.find((message) => message.sentAt !== undefined) ?? all[0];
}

/**
 * The address a message goes to as it is recorded: `sha256:` and the hash of the address in lower
 * case, so a case shows where a message went without the address being in the message list.
 *
 * @example
 * addressHash(' Zoe@Example.nl ') // 'sha256:…'
 */
export function addressHash(address: string): string {
  return `sha256:${createHash('sha256').update(address.trim().toLowerCase()).digest('hex')}`;
}
