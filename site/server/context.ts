import { makeCalendar } from '../../cases/calendar.ts';
import type { CaseStore } from '../../cases/store.ts';
import { makeStoreFromEnv } from '../../cases/stores/from-env.ts';
import config from '../../klachten.config.ts';

// One store per server process: the Git-folder store's write queue must be shared by all requests.
let store: CaseStore | undefined;

/**
 * The store configured by the environment (`KLACHTEN_STORE`, `KLACHTEN_DATA_DIR`), made once.
 *
 * @example
 * await getStore().fileCase(record);
 */
export function getStore(): CaseStore {
  store ??= makeStoreFromEnv(process.env, config, process.cwd(), log);
  return store;
}

/** The working-day calendar from the configuration. */
export const calendar = makeCalendar(config.terms);

/**
 * Server log: one JSON line per event. Callers pass only non-personal fields (reference, counts, codes).
 *
 * @example
 * log('intake.filed', { reference: 'K-2026-7QF3M9' });
 */
export function log(event: string, fields: Record<string, string | number | boolean>): void {
  console.log(JSON.stringify({ event, ...fields }));
}
