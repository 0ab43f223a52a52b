/**
 * The index from reference to issue (`cases/stores/github/issue-index.ts`) in the queue's storage,
 * where every instance finds it: one note per reference (`meta:issue:<reference>`, the number, so
 * two writers never overwrite each other's notes) and the index's state (`meta:issue-index`). A
 * reference and an issue number are no personal data; a forgotten note is written as `null`.
 */
import type { IndexAnswer, IndexState, IssueIndex } from '../stores/github/issue-index.ts';
import { referencePattern } from '../reference.ts';
import type { IntakeQueue } from './port.ts';

const stateKey = 'issue-index';
const noteKey = (reference: string) => `issue:${reference}`;

function parseState(value: unknown): IndexState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { since, checkedAt } = value as Record<string, unknown>;
  if (typeof since !== 'string' || typeof checkedAt !== 'string') return undefined;
  if (Number.isNaN(Date.parse(since)) || Number.isNaN(Date.parse(checkedAt))) return undefined;
  return { since, checkedAt };
}

/**
 * The index on the queue's notes.
 *
 * @example
 * const index = makeQueueIssueIndex(queue);
 * await index.note('K-2026-7QF3-M9XA', 12);
 * await index.lookup('K-2026-7QF3-M9XA') // { kind: 'issue', number: 12 }
 */
export function makeQueueIssueIndex(queue: IntakeQueue): IssueIndex {
  return {
    async lookup(reference): Promise<IndexAnswer> {
      // Only a well-formed reference becomes a key: anything else is no case, and names no file.
      if (!referencePattern.test(reference)) return { kind: 'absent' };
      const [noted, state] = await Promise.all([queue.getMeta(noteKey(reference)), queue.getMeta(stateKey)]);
      if (typeof noted === 'number' && Number.isSafeInteger(noted) && noted > 0)
        return { kind: 'issue', number: noted };
      return parseState(state) === undefined ? { kind: 'unknown' } : { kind: 'absent' };
    },
    async note(reference, number) {
      if (referencePattern.test(reference)) await queue.setMeta(noteKey(reference), number);
    },
    async forget(reference) {
      if (referencePattern.test(reference)) await queue.setMeta(noteKey(reference), null);
    },
    state: async () => parseState(await queue.getMeta(stateKey)),
    setState: (state) => queue.setMeta(stateKey, state),
  };
}
