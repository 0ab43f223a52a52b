/**
 * The last failure any process logged, kept in the queue (`meta:last-failure`) so a person can
 * see it where they look: `klachten sync --status` and `klachten doctor`. A failure is a log line
 * whose event ends in `failed` or `unavailable`; what is kept is its event, its cause code (the
 * line's `error`, `kind` or `code`: `smtp-refused`, `github-unauthorized`, `queue-unreachable` …),
 * the reference when there is one, and the moment — never anything a person wrote.
 *
 * Writing it never holds up or fails the work that failed: notes are written in the background,
 * the newest wins, and one that cannot be written (the queue itself is down) is written once the
 * queue answers again.
 */
import type { Log, LogFields } from '../log.ts';
import type { IntakeQueue } from './port.ts';

/** One failure, as kept. */
export interface FailureNote {
  event: string;
  code: string;
  at: string;
  reference?: string;
}

const failureEvent = /(?:^|[.-])(?:failed|unavailable)$/;

/**
 * The note a log line makes, when it is a failure.
 *
 * @example
 * failureOf('queue.file-failed', { reference: 'K-2026-7QF3-M9XA', error: 'github-unauthorized' }, new Date())
 * // { event: 'queue.file-failed', code: 'github-unauthorized', reference: 'K-2026-7QF3-M9XA', at: '…' }
 * failureOf('queue.filed', { reference: 'K-2026-7QF3-M9XA' }, new Date()) // undefined
 */
export function failureOf(event: string, fields: LogFields, now: Date): FailureNote | undefined {
  if (!failureEvent.test(event)) return undefined;
  const given = fields['error'] ?? fields['kind'] ?? fields['code'];
  const code = typeof given === 'string' || typeof given === 'number' ? String(given) : 'unknown';
  // The GitHub store's own lines say `kind: 'unauthorized'` under a `github.` event: kept with its area.
  const area = event.startsWith('github.') && !code.startsWith('github-') ? 'github-' : '';
  const reference = fields['reference'];
  return {
    event,
    code: `${area}${code}`,
    at: now.toISOString(),
    ...(typeof reference === 'string' ? { reference } : {}),
  };
}

/**
 * Reads a kept note; undefined when there is none or it is not one.
 *
 * @example
 * await lastFailure(queue) // { event: 'mail.failed', code: 'smtp-refused', at: '2026-10-26T09:12:03.120Z' }
 */
export async function lastFailure(queue: Pick<IntakeQueue, 'getMeta'>): Promise<FailureNote | undefined> {
  const value = (await queue.getMeta('last-failure')) as Partial<FailureNote> | undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const { event, code, at, reference } = value;
  if (typeof event !== 'string' || typeof code !== 'string' || typeof at !== 'string') return undefined;
  return { event, code, at, ...(typeof reference === 'string' ? { reference } : {}) };
}

/**
 * The last failure, for a person (Dutch, as the commands speak): cause code, event, reference, moment.
 *
 * @example
 * failureText({ event: 'mail.failed', code: 'smtp-refused', at: '2026-10-26T08:12:03.120Z' })
 * // 'smtp-refused (mail.failed) om 2026-10-26T08:12:03.120Z'
 * failureText(undefined) // 'geen vastgelegd'
 */
export function failureText(note: FailureNote | undefined): string {
  if (note === undefined) return 'geen vastgelegd';
  return `${note.code} (${note.event}${note.reference === undefined ? '' : `, ${note.reference}`}) om ${note.at}`;
}

/** Notes failures in the queue, in the background. */
export interface FailureRecorder {
  note(note: FailureNote): void;
  /** Resolves once what was noted so far is written, or could not be. */
  settled(): Promise<void>;
}

/**
 * A recorder on this queue.
 *
 * @example
 * const recorder = makeFailureRecorder(queue);
 * const log = noteFailures(consoleLog, recorder);
 */
export function makeFailureRecorder(
  queue: Pick<IntakeQueue, 'setMeta'>,
  options: { retryMs?: number } = {},
): FailureRecorder {
  const retryMs = options.retryMs ?? 5_000;
  let latest: FailureNote | undefined;
  let written: FailureNote | undefined;
  let writing: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;

  function write(): Promise<void> {
    writing ??= (async () => {
      while (latest !== undefined && latest !== written) {
        const note = latest;
        try {
          await queue.setMeta('last-failure', note);
          written = note;
        } catch {
          // The queue is down (often the very failure noted): try again in a while.
          retry ??= setTimeout(() => {
            retry = undefined;
            void write();
          }, retryMs);
          retry.unref();
          return;
        }
      }
    })().finally(() => {
      writing = undefined;
    });
    return writing;
  }

  return {
    note(note) {
      latest = note;
      void write();
    },
    settled: () => writing ?? Promise.resolve(),
  };
}

/**
 * A log that also notes every failure line with `recorder` (from `recorder()`, asked at each
 * failure, so a recorder made later is used too).
 *
 * @example
 * const log = noteFailures((event, fields) => console.log(JSON.stringify({ event, ...fields })), () => recorder);
 */
export function noteFailures(
  log: Log,
  recorder: () => FailureRecorder | undefined,
  now: () => Date = () => new Date(),
): Log {
  return (event, fields) => {
    log(event, fields);
    const note = failureOf(event, fields, now());
    if (note !== undefined) recorder()?.note(note);
  };
}
