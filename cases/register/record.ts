/**
 * The register: per case an anonymised record that outlives the case. It holds what the report
 * and a complaints register (Awb 9:12a) count — receipt, role, category, source, terms, the dated
 * moves, extension, outcome, satisfaction, not-taken-up with the earlier reference, hold, erasure,
 * and the requests of the data subject — and nothing that identifies a person: no name, contact
 * details, free text, handler or login, and not the person complained about.
 */
import { z } from 'zod';
import { caseSchema, outcomes, sources, statuses, termsSchema, type Case } from '../case.ts';
import { roles } from '../complaint.ts';
import { locales } from '../locale.ts';

const isoInstant = z.iso.datetime({ offset: true });

/**
 * The pattern zod checks an instant against, for the fast check of a register line
 * (record-check.ts): taken from the schema itself so the two cannot drift apart.
 *
 * @example
 * isoInstantPattern.test('2026-10-26T00:30:00+01:00') // true
 */
export const isoInstantPattern: RegExp = (() => {
  const pattern = isoInstant._zod.def.pattern;
  if (!(pattern instanceof RegExp)) throw new Error('zod geeft het patroon van een tijdstip niet meer.');
  return pattern;
})();

/** Why the personal data of a case was erased: its retention term ran out, or the person asked. */
export const erasureReasons = ['bewaartermijn', 'verzoek'] as const;
export type ErasureReason = (typeof erasureReasons)[number];

/** A request of the data subject, recorded without anything of its content. */
export const requestKinds = ['inzage', 'wissen'] as const;
export type RequestKind = (typeof requestKinds)[number];

/**
 * One move, as the register keeps it: when, to which status, the outcome it recorded, and for a
 * reopening its new answer term.
 */
export const registerMoveSchema = z.strictObject({
  at: isoInstant,
  status: z.enum(statuses),
  outcome: z.enum(outcomes).optional(),
  answerBy: termsSchema.shape.answerBy.optional(),
});

/** The anonymised record of one case. Strict: a field that is not named here is refused on read. */
export const registerRecordSchema = z.strictObject({
  reference: caseSchema.shape.reference,
  status: z.enum(statuses),
  source: z.enum(sources),
  /** The case's language, so a notice about it (erased, on hold) is given in that language. */
  locale: z.enum(locales),
  role: z.enum(roles),
  category: z.string(),
  terms: termsSchema,
  moves: z.array(registerMoveSchema),
  extended: z.boolean(),
  outcome: z.enum(outcomes).optional(),
  satisfaction: z.strictObject({ answer: z.enum(['ja', 'deels', 'nee']), at: isoInstant }).optional(),
  earlierReference: z.string().optional(),
  /** Since when the case is on hold (its reason stays with the case: it may name people). */
  heldSince: isoInstant.optional(),
  requests: z.array(z.strictObject({ kind: z.enum(requestKinds), at: isoInstant })),
  /** When the personal data of the case was erased; the record itself stays. */
  erasedAt: isoInstant.optional(),
  erasedBecause: z.enum(erasureReasons).optional(),
});

/** The anonymised record of one case. */
export type RegisterRecord = z.output<typeof registerRecordSchema>;

/**
 * The register record of a case: its countable facts only. Pure. The requests and the erasure of
 * an earlier record of the same case are kept (the case itself does not hold them).
 *
 * @example
 * registerRecordOf(record).moves // [{ at: '2026-10-26T00:30:00+01:00', status: 'ontvangen' }]
 * registerRecordOf(record, held).requests // the requests recorded before
 */
export function registerRecordOf(record: Case, earlier?: RegisterRecord): RegisterRecord {
  // Built field by field, in the schema's order: the bytes of a line depend on it.
  return {
    reference: record.reference,
    status: record.status,
    source: record.source,
    locale: record.locale,
    role: record.role,
    category: record.category,
    terms: {
      received: record.terms.received,
      confirmBy: record.terms.confirmBy,
      answerBy: record.terms.answerBy,
      extendedAnswerBy: record.terms.extendedAnswerBy,
    },
    moves: record.events.map((event) => ({
      at: event.at,
      status: event.status,
      ...(event.outcome === undefined ? {} : { outcome: event.outcome }),
      ...(event.status === 'heropend' && event.answerBy !== undefined ? { answerBy: event.answerBy } : {}),
    })),
    extended: record.extended,
    ...(record.outcome === undefined ? {} : { outcome: record.outcome }),
    ...(record.satisfaction === undefined
      ? {}
      : { satisfaction: { answer: record.satisfaction.answer, at: record.satisfaction.at } }),
    ...(record.earlierReference === undefined ? {} : { earlierReference: record.earlierReference }),
    ...(record.hold === undefined ? {} : { heldSince: record.hold.at }),
    requests: earlier?.requests ?? [],
    ...(earlier?.erasedAt === undefined ? {} : { erasedAt: earlier.erasedAt }),
    ...(earlier?.erasedBecause === undefined ? {} : { erasedBecause: earlier.erasedBecause }),
  };
}

/**
 * The record with one more request of the data subject.
 *
 * @example
 * withRequest(record, 'inzage', '2027-03-01T10:00:00.000Z').requests.at(-1) // { kind: 'inzage', at: … }
 */
export function withRequest(record: RegisterRecord, kind: RequestKind, at: string): RegisterRecord {
  return { ...record, requests: [...record.requests, { kind, at }] };
}

/**
 * The record of a case whose personal data is erased now: no longer on hold, with when and why.
 *
 * @example
 * erasedRecord(record, '2029-01-05T03:00:00.000Z', 'bewaartermijn').erasedAt // '2029-01-05T03:00:00.000Z'
 */
export function erasedRecord(record: RegisterRecord, at: string, because: ErasureReason): RegisterRecord {
  const { heldSince: _held, erasedAt: _at, erasedBecause: _because, ...rest } = record;
  return { ...rest, erasedAt: at, erasedBecause: because };
}
