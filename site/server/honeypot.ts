// The honeypot: a field on the complaint form that people never see or hear (ComplaintForm.astro
// hides it from eyes and screen readers and keeps it out of the tab order), so only a program
// that fills in every field fills it. Such a post is answered exactly like a person's, so the
// program learns nothing to adapt to: the same status, headers and page, the limit per client
// address before it, the same reference for the same form sent again (honeypot-memory.ts), and
// about the same time (timing-mirror.ts). Nothing is filed and nothing is mailed.
import type { IncomingFile, PreparedFile } from '../../cases/attachments/pipeline.ts';
import { inertFileName, sha256Hex } from '../../cases/attachments/pipeline.ts';
import { sniffKind } from '../../cases/attachments/sniff.ts';
import type { WorkingDayCalendar } from '../../cases/calendar.ts';
import type { Case } from '../../cases/case.ts';
import type { Config } from '../../cases/config.ts';
import { makeKeyedQueue } from '../../cases/keyed-queue.ts';
import type { CaseStore } from '../../cases/store.ts';
import { computeTerms } from '../../cases/terms.ts';
import config from '../../klachten.config.ts';
import { calendar, getQueueSetup } from './context.ts';
import { makeMemoryHoneypotMemory, makeQueueHoneypotMemory, type HoneypotMemory } from './honeypot-memory.ts';
import { makeTimingMirror } from './timing-mirror.ts';

/**
 * The honeypot's field name: one a form-filling program takes for a real field, and that no
 * field of the complaint (cases/complaint.ts) uses.
 *
 * @example
 * <input name={honeypotField} tabindex="-1" autocomplete="off" />
 */
export const honeypotField = 'website';

/**
 * Whether a posted form filled the honeypot (anything but blanks).
 *
 * @example
 * filledHoneypot({ website: 'https://spam.example' }) // true
 */
export function filledHoneypot(raw: Record<string, unknown>): boolean {
  const value = raw[honeypotField];
  return value !== undefined && !(typeof value === 'string' && value.trim() === '');
}

/**
 * The case as the real store would give it back for a form sent again: the reference and receipt
 * moment of the first time, and the terms counted from that moment.
 */
function asFiledBefore(
  record: Case,
  reference: string,
  receivedAt: string,
  days: WorkingDayCalendar,
  settings: Config,
): Case {
  return {
    ...record,
    reference,
    receivedAt,
    terms: computeTerms(receivedAt, days, settings.terms),
    events: [{ at: receivedAt, status: 'ontvangen', by: 'website' }],
  };
}

/**
 * A store that confirms every case and keeps none: filing into it gives the bot the very receipt
 * a person gets — a fresh reference, or for the same form within a day the reference it got the
 * first time — while nothing is written and so nothing is mailed.
 *
 * @example
 * await fileComplaint(raw, { ...context, store: makeHoneypotStore(makeMemoryHoneypotMemory(), calendar, config) });
 */
export function makeHoneypotStore(memory: HoneypotMemory, days: WorkingDayCalendar, settings: Config): CaseStore {
  // The same form twice at once is one after the other, as in the real stores.
  const serialised = makeKeyedQueue();
  return {
    description: 'nergens (honeypot)',
    fileCase: (record) =>
      serialised([record.fingerprint], async () => {
        const earlier = await memory.recall(record.fingerprint, record.receivedAt);
        if (earlier !== undefined) {
          return { case: asFiledBefore(record, earlier.reference, earlier.receivedAt, days, settings), created: false };
        }
        await memory.remember(record.fingerprint, { reference: record.reference, receivedAt: record.receivedAt });
        return { case: record, created: true };
      }),
    getCase: async () => undefined,
    listCases: async () => [],
    updateCase: async (reference) => {
      throw new Error(`${reference} is nergens opgeslagen`);
    },
  };
}

let store: CaseStore | undefined;

/**
 * The honeypot's store of this server process: its memory in the queue when there is one.
 *
 * @example
 * await fileComplaint(raw, { ...context, store: getHoneypotStore(), log: silentLog });
 */
export function getHoneypotStore(): CaseStore {
  const queue = getQueueSetup()?.queue;
  store ??= makeHoneypotStore(
    queue === undefined ? makeMemoryHoneypotMemory() : makeQueueHoneypotMemory(queue),
    calendar,
    config,
  );
  return store;
}

/** How long the real path's filings take, for the honeypot to take as long. */
export const filingTimes = makeTimingMirror();

/**
 * The files of a honeypot post as the receipt lists them, without the work of cleaning: kind from
 * the first bytes, size as sent. Nothing of them is kept.
 *
 * @example
 * await honeypotFiles(posted.files, 5) // [{ type: 'image/jpeg', extension: 'jpg', size: 81234, … }]
 */
export async function honeypotFiles(files: readonly IncomingFile[], max: number): Promise<PreparedFile[]> {
  const listed: PreparedFile[] = [];
  for (const file of files.slice(0, max)) {
    if (file.bytes === 'too-large' || file.bytes.byteLength === 0) continue;
    const kind = await sniffKind(file.bytes);
    if (kind === undefined) continue;
    const { bytes } = file;
    listed.push({
      bytes,
      type: kind.stored,
      extension: kind.extension,
      size: bytes.byteLength,
      sha256: sha256Hex(bytes),
      originalName: inertFileName(file.originalName),
    });
  }
  return listed;
}
