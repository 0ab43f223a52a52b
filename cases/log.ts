/** The values a log line may carry: references, counts, codes — never personal data. */
export type LogFields = Record<string, string | number | boolean>;

/**
 * Records what the system did, one event at a time, without personal data. Adapters take one
 * and the edge decides where it goes (the server prints JSON lines; tests collect them).
 *
 * @example
 * const log: Log = (event, fields) => console.log(JSON.stringify({ event, ...fields }));
 * log('case.filed', { reference: 'K-2026-7QF3M9' });
 */
export type Log = (event: string, fields: LogFields) => void;

/**
 * A log that drops every line, for callers that do not care.
 *
 * @example
 * makeResilientStore({ primary, fallback, log: silentLog, now });
 */
export const silentLog: Log = () => {};
