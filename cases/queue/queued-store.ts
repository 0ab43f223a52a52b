/**
 * Store first: the case store the site and the commands use with `KLACHTEN_STORE=github`. Filing
 * validates the case, checks for a resubmission by a key lookup in the queue (no GitHub listing)
 * and writes the case to the queue durably; that is "filed" — the complainant gets the receipt,
 * and the drainer (`drain.ts`) takes it to GitHub at GitHub's pace. Until then the case is read and
 * changed in the queue, so mail delivery (the receipt above all), the deadlines job and the report
 * work on it as on any other; once filed it is read and changed at GitHub (`filed`).
 *
 * A change of a queued case holds the entry's lease, as the drainer does while filing it, so a
 * change and a filing never cross: the change waits, and lands at GitHub if the filing won.
 *
 * Files go the same way (`queue-files.ts`): their bytes into the queue before the entry that lists
 * them; files added to a case already at GitHub wait in the queue too, listed on the case as soon
 * as they are there, until the drainer has them on the case's ref and in its issue.
 */
import { parseCase, type Case } from '../case.ts';
import { taggedError } from '../errors.ts';
import { isOpen } from '../lifecycle.ts';
import type { Log } from '../log.ts';
import { referenceTaken, type CaseStore } from '../store.ts';
import { makeKeyedQueue } from '../keyed-queue.ts';
import { newEntry, type QueuedEntry } from './entry.ts';
import type { ClaimOptions, IntakeQueue, Lease } from './port.ts';
import { noteNewReceipts } from './receipt-ledger.ts';
import { laterFiles, putQueuedFiles, setLaterFiles } from './queue-files.ts';

/** What the queued store is made of. */
export interface QueuedStoreOptions {
  queue: IntakeQueue;
  /** Where filed cases live: GitHub (with the old fallback folder, for what it still holds). */
  filed: CaseStore;
  now: () => Date;
  log: Log;
  /** How long a change waits for a drainer's lease on the same entry; default 30 s. */
  lockWaitMs?: number;
  /** How long a change holds the entry; default 30 s, far longer than a read and a write of one entry take. */
  leaseMs?: number;
  /** How this process claims entries (`owner-leases.ts`). */
  claims?: ClaimOptions;
}

/**
 * Makes the queued store.
 *
 * @example
 * const store = makeQueuedStore({ queue, filed: githubStores.store, now: () => new Date(), log });
 * await store.fileCase(record); // durable in the queue; GitHub follows
 */
export function makeQueuedStore(options: QueuedStoreOptions): CaseStore {
  const { queue, filed, now, log } = options;
  const lockWaitMs = options.lockWaitMs ?? 30_000;
  const changeLeaseMs = options.leaseMs ?? 30_000;
  const serialised = makeKeyedQueue();

  async function queued(reference: string): Promise<QueuedEntry | undefined> {
    const found = await queue.get(reference);
    return found.kind === 'entry' && found.entry.state === 'queued' ? found.entry : undefined;
  }

  async function getCase(reference: string): Promise<Case | undefined> {
    const found = await queue.get(reference);
    if (found.kind === 'entry' && found.entry.state === 'queued') return found.entry.record;
    const at = found.kind === 'entry' && found.entry.state === 'filed' ? found.entry.filedAs : reference;
    const record = await filed.getCase(at);
    const waiting = record === undefined ? [] : await laterFiles(queue, record.reference);
    if (record === undefined || waiting.length === 0) return record;
    // Files the drainer has not taken to GitHub yet are the case's all the same.
    const held = new Set((record.attachments ?? []).map((file) => file.name));
    const more = waiting.filter((file) => !held.has(file.name));
    return { ...record, attachments: [...(record.attachments ?? []), ...more] };
  }

  async function lease(reference: string): Promise<Lease> {
    const until = Date.now() + lockWaitMs;
    for (let pause = 20; ; pause = Math.min(pause * 2, 500)) {
      const got = await queue.claim(reference, changeLeaseMs, options.claims);
      if (got) return got;
      if (Date.now() >= until)
        throw taggedError('queue-busy', `De klacht ${reference} is bezet; probeer het zo opnieuw.`);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  return {
    description: `wachtrij (${queue.description}), daarna ${filed.description}`,

    fileCase(input, files = []) {
      const record = parseCase(input);
      return serialised([record.reference, record.fingerprint], async () => {
        const same = await queue.get(record.reference);
        if (same.kind === 'entry') {
          const held = await getCase(record.reference);
          if (held?.fingerprint !== record.fingerprint) throw referenceTaken(record);
          return { case: held, created: false };
        }
        if (same.kind === 'corrupt') throw referenceTaken(record);
        const earlier = await queue.findFingerprint(record.fingerprint, record.receivedAt);
        const before = earlier === undefined ? undefined : await getCase(earlier);
        if (before?.fingerprint === record.fingerprint) {
          log('queue.resubmission', { reference: before.reference });
          return { case: before, created: false };
        }
        // The bytes first: an entry is never there without the files it lists.
        await putQueuedFiles(queue, record.reference, files);
        // The resubmission key first: a process killed between the two writes then leaves a key
        // without an entry (a resubmission is taken for new), never an entry without its key
        // (the person, who saw no reference, sends again, and the complaint would be queued twice).
        await queue.rememberFingerprint(record.fingerprint, record.reference, record.receivedAt);
        await queue.put(newEntry(record, now()));
        log('queue.queued', { reference: record.reference });
        return { case: record, created: true };
      });
    },

    getCase,

    async listCases(listOptions = {}) {
      const [atGitHub, listing] = await Promise.all([filed.listCases(listOptions), queue.list()]);
      const waiting = listing.entries.flatMap((entry) => (entry.state === 'queued' ? [entry.record] : []));
      // Filed but not yet marked (a drainer between its create and its mark): the queue's copy is the newer.
      const queuedReferences = new Set(waiting.map((record) => record.reference));
      const all = [...atGitHub.filter((record) => !queuedReferences.has(record.reference)), ...waiting];
      return all
        .filter((record) => !listOptions.openOnly || isOpen(record))
        .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.reference.localeCompare(b.reference));
    },

    async updateCase(reference, change, note, updateOptions) {
      if ((await queued(reference)) === undefined) return filed.updateCase(reference, change, note, updateOptions);
      const held = await lease(reference);
      let next: Case | undefined;
      try {
        const entry = await queued(reference);
        if (entry !== undefined) {
          next = parseCase(change(entry.record));
          if (next.reference !== entry.record.reference) throw new Error('Het kenmerk van een klacht verandert nooit.');
          await queue.put({ ...entry, record: next, revision: entry.revision + 1 });
          await noteNewReceipts(queue, entry.record, next, now().getTime());
          log('queue.case-updated', { reference, status: next.status });
        }
      } finally {
        await queue.release(held);
      }
      // Filed while we waited for the lease: the change goes where the case now is.
      return next ?? filed.updateCase(reference, change, note, updateOptions);
    },

    async addFiles(reference, name) {
      const held = await lease(reference);
      try {
        const entry = await queued(reference);
        const current = entry?.record ?? (await getCase(reference));
        if (current === undefined) throw new Error(`Geen klacht met kenmerk ${reference}.`);
        const files = name(current);
        if (files.length === 0) return { case: current, added: [] };
        const added = files.map((file) => file.record);
        const next = parseCase({ ...current, attachments: [...(current.attachments ?? []), ...added] });
        await putQueuedFiles(queue, reference, files);
        if (entry !== undefined) await queue.put({ ...entry, record: next, revision: entry.revision + 1 });
        else await setLaterFiles(queue, reference, [...(await laterFiles(queue, reference)), ...added]);
        log('queue.files-queued', { reference, files: added.length, filed: entry === undefined });
        return { case: next, added };
      } finally {
        await queue.release(held);
      }
    },
  };
}
