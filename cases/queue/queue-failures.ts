/**
 * What went wrong with the queue, as a cause code for the log, `klachten sync --status` and the
 * intake's 503: every failure of a queue call is rethrown as a tagged error — `queue-read-only`
 * (the disk refuses writes), `queue-full` (no space left) or `queue-unreachable` (Redis or Netlify
 * Blobs did not answer, or answered with a server error) — with the driver's own code as its
 * `detail` and the original as its `cause`. Messages of drivers may name hosts, never cases; the
 * log still only ever shows the codes.
 */
import { errorCode, taggedError } from '../errors.ts';
import type { IntakeQueue } from './port.ts';

/** Why a queue call failed. */
export type QueueCause = 'queue-read-only' | 'queue-full' | 'queue-unreachable';

const readOnly = new Set(['EROFS', 'EACCES', 'EPERM']);
const full = new Set(['ENOSPC', 'EDQUOT']);

/**
 * The cause of a failed queue call.
 *
 * @example
 * queueCause(Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' })) // 'queue-read-only'
 * queueCause(Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' })) // 'queue-unreachable'
 */
export function queueCause(error: unknown): QueueCause {
  const code = errorCode(error);
  if (readOnly.has(code)) return 'queue-read-only';
  if (full.has(code)) return 'queue-full';
  return 'queue-unreachable';
}

/**
 * The queue with every call's failure named by its cause (see above); a failure that already
 * names one passes unchanged.
 *
 * @example
 * const queue = withQueueCauses(makeUnstorageQueue(storage, options));
 * await queue.put(entry); // rejects with { tag: 'queue-unreachable', detail: 'ECONNREFUSED' } while Redis is down
 */
export function withQueueCauses(queue: IntakeQueue): IntakeQueue {
  const named =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (error) {
        if (errorCode(error).startsWith('queue-')) throw error;
        throw taggedError(queueCause(error), `De wachtrij (${queue.description}) werkte niet mee.`, {
          detail: errorCode(error),
          cause: error,
        });
      }
    };
  return {
    description: queue.description,
    put: named(queue.put),
    get: named(queue.get),
    list: named(queue.list),
    claim: named(queue.claim),
    release: named(queue.release),
    markFiled: named(queue.markFiled),
    setAside: named(queue.setAside),
    listAside: named(queue.listAside),
    remove: named(queue.remove),
    rememberFingerprint: named(queue.rememberFingerprint),
    findFingerprint: named(queue.findFingerprint),
    getMeta: named(queue.getMeta),
    setMeta: named(queue.setMeta),
    prune: named(queue.prune),
    binary: {
      put: named(queue.binary.put),
      get: named(queue.binary.get),
      remove: named(queue.binary.remove),
      keys: named(queue.binary.keys),
    },
    close: queue.close,
  };
}
