import type { Case } from '../case.ts';
import { errorCode, errorTag, taggedError } from '../errors.ts';
import { referenceTakenTag, type CaseStore, type FiledCase } from '../store.ts';
import type { Log } from '../log.ts';

/**
 * Nothing is lost when GitHub is down. The resilient store files every case at the primary store
 * (GitHub issues); when that fails — GitHub unreachable, too slow for the request's time budget,
 * rate-limited beyond it, or refusing the credentials — it files the case at the fallback instead:
 * the server's own Git folder (`$KLACHTEN_DATA_DIR/cases`, the same store the embedded default
 * uses). The complainant gets their reference either way; only when the fallback fails too does
 * the filing fail, and then the complainant is told so and keeps their input.
 *
 * Held cases are not forgotten: every hold is logged (`store.held-in-fallback`, reference only),
 * `klachten sync` files them at the primary exactly once — the primary is idempotent by reference,
 * so a sync that broke off, or a filing that reached GitHub after all, is recognised — and marks
 * each record in the fallback as synced (a notice with key `synced:<reference>`); it never
 * deletes one. `klachten sync` exits non-zero while cases are held, so a scheduled run alerts a
 * person.
 */

/** The notice that marks a fallback record as filed at the primary. */
export const syncedNoticePrefix = 'synced:';

/**
 * Whether a fallback record was filed at the primary already.
 *
 * @example
 * isSynced(record) // true once `klachten sync` filed it at GitHub
 */
export function isSynced(record: Pick<Case, 'notices'>): boolean {
  return record.notices.some((notice) => notice.key.startsWith(syncedNoticePrefix));
}

/** A filing, and whether the case is held by the fallback rather than the primary. */
export interface ResilientFiledCase extends FiledCase {
  held: boolean;
}

/** The resilient store: a `CaseStore` whose filings also say where the case went. */
export interface ResilientStore extends CaseStore {
  fileCase(record: Case): Promise<ResilientFiledCase>;
}

/** What the resilient store is made of. */
export interface ResilientStoreOptions {
  primary: CaseStore;
  fallback: CaseStore;
  log: Log;
  /** The clock, for the moment a held case is marked synced. */
  now: () => Date;
  /**
   * The longest a filing waits for the primary before holding the case, in ms; default 12 s. The
   * GitHub store keeps to its own, shorter budget; this guards against any primary that does not.
   */
  budgetMs?: number;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(taggedError('budget', 'De opslag antwoordde niet op tijd.')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Makes the resilient store.
 *
 * @example
 * const store = makeResilientStore({ primary: githubStore, fallback: makeGitFolderStore('.data/cases'), log, now: () => new Date() });
 * const { case: filed, held } = await store.fileCase(record); // held: true when GitHub was down
 */
export function makeResilientStore(options: ResilientStoreOptions): ResilientStore {
  const { primary, fallback, log, now } = options;
  const budgetMs = options.budgetMs ?? 12_000;

  /** A held record not yet filed at the primary, if there is one. */
  async function heldCase(reference: string): Promise<Case | undefined> {
    const held = await fallback.getCase(reference);
    return held && !isSynced(held) ? held : undefined;
  }

  return {
    description: `${primary.description} (bij storing: ${fallback.description})`,

    async fileCase(record) {
      try {
        const filed = await within(primary.fileCase(record), budgetMs);
        return { ...filed, held: false };
      } catch (error) {
        // Not an outage: GitHub answered that another case holds this reference. The intake draws
        // a new one; holding the case would only move the collision to the next sync.
        if (errorTag(error) === referenceTakenTag) throw error;
        log('store.primary-failed', { reference: record.reference, kind: errorCode(error) });
      }
      try {
        const held = await fallback.fileCase(record);
        log('store.held-in-fallback', { reference: held.case.reference, created: held.created });
        return { ...held, held: true };
      } catch (error) {
        if (errorTag(error) === referenceTakenTag) throw error;
        log('store.fallback-failed', { reference: record.reference, kind: errorCode(error) });
        throw taggedError('unavailable', 'De klacht kon nergens worden opgeslagen.');
      }
    },

    async getCase(reference) {
      let failure: unknown;
      try {
        const found = await primary.getCase(reference);
        if (found) return found;
      } catch (error) {
        failure = error;
      }
      const held = await heldCase(reference);
      if (held) return held;
      if (failure !== undefined) throw failure;
      return undefined;
    },

    async listCases(listOptions = {}) {
      const [filed, heldAll] = await Promise.all([primary.listCases(listOptions), fallback.listCases(listOptions)]);
      const known = new Set(filed.map((record) => record.reference));
      const held = heldAll.filter((record) => !isSynced(record) && !known.has(record.reference));
      return [...filed, ...held].sort(
        (a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.reference.localeCompare(b.reference),
      );
    },

    async updateCase(reference, change, note, updateOptions) {
      // A held case is filed at the primary first, so the change lands where people work on it;
      // the fallback copy is never changed apart from its synced mark, so the two never diverge.
      const held = await heldCase(reference);
      if (held) await syncOne(primary, fallback, held, log, now);
      // `current` came from the fallback: the primary reads its own copy instead.
      const { current: _current, ...rest } = updateOptions ?? {};
      return primary.updateCase(reference, change, note, held ? rest : updateOptions);
    },
  };
}

/** What `syncFallback` did, by reference (references carry no personal data). */
export interface SyncReport {
  /** Filed at the primary by this run. */
  filed: string[];
  /** Already at the primary (an earlier run or filing got there); now marked synced. */
  alreadyThere: string[];
  /** Still held: the primary failed. */
  failed: string[];
}

async function syncOne(
  primary: CaseStore,
  fallback: CaseStore,
  record: Case,
  log: Log,
  now: () => Date,
): Promise<FiledCase> {
  const filed = await primary.fileCase(record);
  await fallback.updateCase(
    record.reference,
    (current) => ({
      ...current,
      // The primary may know the case under an earlier reference (the same submission sent twice).
      notices: [...current.notices, { key: `${syncedNoticePrefix}${filed.case.reference}`, at: now().toISOString() }],
    }),
    `overgezet naar de hoofdopslag${filed.case.reference === record.reference ? '' : ` als ${filed.case.reference}`}`,
  );
  log('store.synced', {
    reference: record.reference,
    created: filed.created,
    sameReference: filed.case.reference === record.reference,
  });
  return filed;
}

/**
 * Files every case the fallback holds at the primary, oldest first, exactly once, and marks each
 * synced in the fallback. Safe to run again at any moment: the primary recognises what it has.
 *
 * @example
 * const report = await syncFallback({ primary: githubStore, fallback: gitFolderStore, log, now: () => new Date() });
 * // { filed: ['K-2026-7QF3M9'], alreadyThere: [], failed: [] }
 */
export async function syncFallback(options: Omit<ResilientStoreOptions, 'budgetMs'>): Promise<SyncReport> {
  const { primary, fallback, log, now } = options;
  const report: SyncReport = { filed: [], alreadyThere: [], failed: [] };
  const held = (await fallback.listCases()).filter((record) => !isSynced(record));
  for (const record of held) {
    try {
      const filed = await syncOne(primary, fallback, record, log, now);
      (filed.created ? report.filed : report.alreadyThere).push(record.reference);
    } catch (error) {
      log('store.sync-failed', { reference: record.reference, kind: errorCode(error) });
      report.failed.push(record.reference);
    }
  }
  return report;
}
