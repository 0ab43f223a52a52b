import { createHash } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { nameFiles } from './attachments/names.ts';
import type { FileRefusal, PreparedFile } from './attachments/pipeline.ts';
import type { CaseFile } from './attachments/record.ts';
import type { Case } from './case.ts';
import {
  makeComplaintSchema,
  validateComplaint,
  complaintFields,
  type Complaint,
  type ComplaintErrors,
  type ComplaintValues,
} from './complaint.ts';
import type { Locale } from './locale.ts';
import type { Config } from './config.ts';
import type { Log } from './log.ts';
import type { WorkingDayCalendar } from './calendar.ts';
import { makeReference } from './reference.ts';
import { errorCode, errorTag } from './errors.ts';
import { referenceTakenTag, type CaseStore } from './store.ts';
import { computeTerms } from './terms.ts';

/** What intake needs from outside: all side effects and the moment of receipt are passed in. */
export interface IntakeContext {
  store: CaseStore;
  config: Config;
  calendar: WorkingDayCalendar;
  /** The moment the complaint was received. */
  now: Date;
  fillRandom: (bytes: Uint8Array) => Uint8Array;
  /** Records what happened, without personal data. */
  log: Log;
}

/** The files sent with a complaint, as the pipeline (`cases/attachments/pipeline.ts`) left them. */
export interface IntakeFiles {
  /** Cleaned files, in the order they were sent. */
  prepared: readonly PreparedFile[];
  /** Refused files, by the sender's name for them: the form shows each with its reason. */
  refused: readonly FileRefusal[];
}

/** The three ways an intake ends. */
export type IntakeResult =
  | { kind: 'filed'; case: Case; created: boolean }
  | { kind: 'invalid'; errors: ComplaintErrors; values: ComplaintValues; fileErrors?: readonly FileRefusal[] }
  | { kind: 'failed'; values: ComplaintValues };

const noFiles: IntakeFiles = { prepared: [], refused: [] };

/**
 * Keeps exactly what the person typed, as strings, for showing the form again.
 *
 * @example
 * keepValues({ name: 'Anna', stray: 'x' }) // { name: 'Anna' }
 */
export function keepValues(raw: Record<string, unknown>): ComplaintValues {
  const values: ComplaintValues = {};
  for (const field of complaintFields) {
    const value = raw[field];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

/**
 * The receipt moment as ISO 8601 with the offset of the configured time zone.
 *
 * @example
 * receivedAtIso(new Date('2026-10-25T23:30:00Z'), 'Europe/Amsterdam') // '2026-10-26T00:30:00+01:00'
 */
export function receivedAtIso(now: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/**
 * A stable hash of a submission, so the same form sent twice (a reload, a double click) is one case.
 *
 * @example
 * fingerprint(complaint) // 'sha256:4f1c…'
 */
export function fingerprint(complaint: Complaint, fileHashes: readonly string[] = []): string {
  const ordered: unknown[] = complaintFields.map((field) => [field, complaint[field] ?? null]);
  // The same text with other files is another complaint; without files the hash is as it always was.
  if (fileHashes.length > 0) ordered.push(['files', fileHashes]);
  return `sha256:${createHash('sha256').update(JSON.stringify(ordered)).digest('hex')}`;
}

/**
 * Builds the case record for a valid complaint: reference, receipt moment and terms.
 *
 * @example
 * makeCase(complaint, 'nl', context) // { reference: 'K-2026-…', status: 'ontvangen', terms: {…}, … }
 */
export function makeCase(
  complaint: Complaint,
  context: Omit<IntakeContext, 'store' | 'log'>,
  files: readonly CaseFile[] = [],
): Case {
  const { config, calendar, now, fillRandom } = context;
  const receivedAt = receivedAtIso(now, config.terms.timeZone);
  const terms = computeTerms(receivedAt, calendar, config.terms);
  const { consent: _consent, locale, ...fields } = complaint;
  return {
    ...fields,
    ...(files.length === 0 ? {} : { attachments: files.map((file) => file.record) }),
    reference: makeReference(Number(terms.received.slice(0, 4)), fillRandom),
    status: 'ontvangen',
    source: 'web',
    locale,
    receivedAt,
    terms,
    fingerprint: fingerprint(
      complaint,
      files.map((file) => file.record.sha256),
    ),
    extended: false,
    events: [{ at: receivedAt, status: 'ontvangen', by: 'website' }],
    notices: [],
    messages: [],
  };
}

/**
 * Takes a submitted form from raw values to a filed case. The complaint counts as filed only once
 * the store confirmed it; on any store failure the person gets their input back, nothing half-written.
 *
 * @example
 * const result = await fileComplaint(Object.fromEntries(formData), context);
 * if (result.kind === 'filed') showReceipt(result.case);
 */
export async function fileComplaint(
  raw: Record<string, unknown>,
  context: IntakeContext,
  files: IntakeFiles = noFiles,
): Promise<IntakeResult> {
  const values = keepValues(raw);
  const categoryIds = context.config.categories.map((category) => category.id) as [string, ...string[]];
  const checked = validateComplaint(makeComplaintSchema(categoryIds), { ...raw, locale: localeOf(raw) });
  if (!checked.ok || files.refused.length > 0) {
    const errors = checked.ok ? {} : checked.errors;
    context.log('intake.invalid', { fields: Object.keys(errors).join(','), files: files.refused.length });
    return { kind: 'invalid', errors, values, ...(files.refused.length > 0 ? { fileErrors: files.refused } : {}) };
  }
  const named = nameFiles([], files.prepared, receivedAtIso(context.now, context.config.terms.timeZone), 'formulier');
  let record = makeCase(checked.complaint, context, named);
  for (let draw = 1; ; draw += 1) {
    try {
      const filed = await context.store.fileCase(record, named);
      context.log('intake.filed', { reference: filed.case.reference, created: filed.created });
      return { kind: 'filed', case: filed.case, created: filed.created };
    } catch (error) {
      // Another complaint holds this reference (40 random bits make it rare, never impossible):
      // draw a new one. Bounded, so a store that refuses every reference cannot loop forever.
      if (errorTag(error) === referenceTakenTag && draw < maxReferenceDraws) {
        context.log('intake.reference-taken', { reference: record.reference, draw });
        record = { ...record, reference: makeReference(Number(record.terms.received.slice(0, 4)), context.fillRandom) };
        continue;
      }
      // The error text may quote the record; log only its kind.
      context.log('intake.failed', { reference: record.reference, error: errorCode(error) });
      return { kind: 'failed', values };
    }
  }
}

/** How many references the intake draws for one complaint before it gives up. */
const maxReferenceDraws = 5;

function localeOf(raw: Record<string, unknown>): Locale {
  return raw['locale'] === 'en' ? 'en' : 'nl';
}
