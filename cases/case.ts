import { z } from 'zod';
import { attachmentSchema } from './attachments/record.ts';
import { roles } from './complaint.ts';
import { locales } from './locale.ts';
import { referencePattern } from './reference.ts';
import { taggedError } from './errors.ts';

// The pattern lives beside the code that makes references; the schema uses it, as do all readers.
export { referencePattern };
/** `K-2026-7QF3-M9XA` (or the older `K-2026-7QF3M9`): year of receipt and a CSPRNG code. */
export const referenceSchema = z.string().regex(referencePattern, 'geen geldig kenmerk (zoals K-2026-7QF3-M9XA)');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** An instant with its offset, as ISO 8601: `2026-10-26T00:30:00+01:00` or `…Z`. */
const isoInstant = z.iso.datetime({ offset: true });

/**
 * Where a case stands. The GitHub store mirrors this in a `status: …` label. `heropend`: answered
 * or closed, then opened again because the complaint was not resolved (cases/reopen.ts).
 */
export const statuses = [
  'ontvangen',
  'bevestigd',
  'verdaagd',
  'beantwoord',
  'heropend',
  'afgesloten',
  'niet-in-behandeling',
] as const;
export type Status = (typeof statuses)[number];

/** How a closed case ended. */
export const outcomes = ['gegrond', 'deels-gegrond', 'ongegrond', 'opgelost-in-overleg', 'ingetrokken'] as const;
export type Outcome = (typeof outcomes)[number];

/** How the complaint reached us: the web form, or registered by a coordinator. */
export const sources = ['web', 'telefoon', 'brief', 'e-mail', 'balie'] as const;

/** The dates the reglement promises, computed at intake (see `terms.ts`). */
export const termsSchema = z.object({
  received: isoDate,
  confirmBy: isoDate,
  answerBy: isoDate,
  extendedAnswerBy: isoDate,
});

/** One move in the life of a case, recorded when it happens. */
export const caseEventSchema = z.object({
  at: isoInstant,
  /** The status the case moved to. */
  status: z.enum(statuses),
  /** Who made the move (a GitHub login or `klachten-cli`); never the complainant's data. */
  by: z.string().optional(),
  handler: z.string().optional(),
  reason: z.string().optional(),
  outcome: z.enum(outcomes).optional(),
  earlierReference: z.string().optional(),
  /** Link to or text of the mediation report (verslag) when there is one. */
  report: z.string().optional(),
  /** A reopening's new answer term: the latest date of the new answer. */
  answerBy: isoDate.optional(),
  /** A reopening beyond the one a case may have, made on purpose by a coordinator. */
  override: z.boolean().optional(),
});

/** A notice the system sent about a term, keyed so it is sent once. */
export const noticeSchema = z.object({
  key: z.string(),
  at: isoInstant,
});

/** A message to the complainant: recorded when sent, so a re-run never sends it twice. */
export const messageSchema = z.object({
  kind: z.string(),
  /** Set once the mail server accepted the message; absent while it still has to go out. */
  sentAt: isoInstant.optional(),
  /** SHA-256 of the address it went to; the address itself stays in the case only. */
  toHash: z.string().optional(),
  attempts: z.number().int().nonnegative().default(0),
  lastError: z.string().optional(),
  /**
   * Not sent on purpose, and why: `receipt-cap` — too many receipts to one address within a day;
   * `mail-budget` — that address (in any spelling, cases/mail/normalise-address.ts) already had its
   * share of the mails the public can trigger (cases/mail/mail-budget.ts).
   */
  withheldAt: isoInstant.optional(),
  withheld: z.enum(['receipt-cap', 'mail-budget']).optional(),
  /** Set while an attempt is under way (see cases/mail/deliver.ts): another run leaves it alone. */
  attemptStartedAt: isoInstant.optional(),
  /**
   * Who makes that attempt: a random name of the process (no personal data), and until when its
   * lease held when the attempt began. Past that, the attempt runs only while that process still
   * renews its lease (`cases/mail/attempt-owners.ts`); an attempt without an owner waits the old
   * in-flight time-out.
   */
  attemptOwner: z.string().optional(),
  attemptUntil: isoInstant.optional(),
});

/** The complainant's answer to "was your complaint resolved to your satisfaction?". */
export const satisfactionSchema = z.object({
  answer: z.enum(['ja', 'deels', 'nee']),
  remark: z.string().optional(),
  at: isoInstant,
});

/** Information the complainant added later on their own page (/mijn-klacht/), as they typed it. */
export const additionSchema = z.object({
  at: isoInstant,
  text: z.string(),
  /** How it came, when not through the page: `e-mail`, a reply read from the inbox (cases/inbox/). */
  via: z.enum(['e-mail']).optional(),
  /** With `via: 'e-mail'`: a hash of the mail's Message-ID, so a reply read twice lands once. */
  mailId: z.string().optional(),
});

/**
 * The reasoned answer as it was sent (`/beantwoord` confirmed with `/verstuur`, or `klachten cases
 * answer`): the handler's Markdown and the verslag, when there is one, exactly as recorded at that
 * moment. Appended, never changed: editing the comment it came from afterwards changes nothing.
 */
export const answerSchema = z.object({
  at: isoInstant,
  /** A GitHub login or `klachten-cli`; staff only. */
  by: z.string().optional(),
  text: z.string().min(1),
  report: z.string().optional(),
});

/** An answer shown as a preview on the case and not yet sent: only `/verstuur` sends it. */
export const answerDraftSchema = answerSchema;

/** The complainant's answer to a handler's question, as they typed it on their page. */
export const questionAnswerSchema = z.object({
  at: isoInstant,
  text: z.string(),
});

/**
 * A question of the handler's to the complainant (`/vraag`, `klachten cases ask`), with its
 * answer once given. `mailedAt` and `remindedAt` are set before the mail goes out (and taken off
 * again when it fails), so neither the question nor its one reminder is ever sent twice.
 */
export const questionSchema = z.object({
  /** `v1`, `v2`, … in the order asked: the page's form names the question by it. */
  id: z.string().regex(/^v\d+$/),
  at: isoInstant,
  by: z.string().optional(),
  text: z.string().min(1),
  answer: questionAnswerSchema.optional(),
  mailedAt: isoInstant.optional(),
  remindedAt: isoInstant.optional(),
});

/** A hold: while a dispute or a legal procedure runs, nothing of the case is erased. */
export const holdSchema = z.object({
  reason: z.string().min(1),
  at: isoInstant,
  by: z.string().optional(),
});

/**
 * A case: the complaint as submitted plus everything the procedure adds to it.
 * Every store keeps exactly this record and validates it on read.
 */
export const caseSchema = z.object({
  reference: referenceSchema,
  status: z.enum(statuses),
  source: z.enum(sources).default('web'),
  locale: z.enum(locales),
  receivedAt: isoInstant,
  terms: termsSchema,
  /** SHA-256 of the submitted fields: a resubmission of the same form is recognised, not filed twice. */
  fingerprint: z.string(),
  role: z.enum(roles),
  name: z.string(),
  email: z.string(),
  phone: z.string().optional(),
  address: z.string(),
  category: z.string(),
  complaint: z.string(),
  expectation: z.string(),
  concerns: z.string().optional(),
  earlier: z.enum(['nee', 'ja']),
  whatIsNew: z.string().optional(),
  /** Person id (config `people`) of the handler, once assigned. */
  handler: z.string().optional(),
  extended: z.boolean().default(false),
  outcome: z.enum(outcomes).optional(),
  earlierReference: z.string().optional(),
  events: z.array(caseEventSchema).default([]),
  notices: z.array(noticeSchema).default([]),
  messages: z.array(messageSchema).default([]),
  satisfaction: satisfactionSchema.optional(),
  /** What the complainant added after filing, oldest first; a coordinator reads it in the case. */
  additions: z.array(additionSchema).optional(),
  /** The files the complainant sent, cleaned and renamed (`bijlage-1.jpg`); the bytes live beside the case. */
  attachments: z.array(attachmentSchema).optional(),
  /** The reasoned answers as sent, oldest first (a reopened case may get a second). */
  answers: z.array(answerSchema).optional(),
  /** The answer previewed with `/beantwoord` and waiting for `/verstuur`. */
  answerDraft: answerDraftSchema.optional(),
  /** The handler's questions to the complainant and their answers, oldest first. */
  questions: z.array(questionSchema).optional(),
  /** Set by `klachten cases hold`: retention and erasure leave the case alone until `unhold`. */
  hold: holdSchema.optional(),
  /**
   * The generation of the complainant's personal links (cases/complainant-token.ts): a link made
   * before the last new link or the withdrawal carries a lower one and no longer opens the page.
   */
  linkGeneration: z.number().int().nonnegative().optional(),
});

/** A case as every store holds it. */
export type Case = z.output<typeof caseSchema>;
export type CaseInput = z.input<typeof caseSchema>;
export type CaseEvent = z.output<typeof caseEventSchema>;
export type Terms = z.output<typeof termsSchema>;
export type Answer = z.output<typeof answerSchema>;
export type Question = z.output<typeof questionSchema>;

/**
 * Validates a case record read from a store; a broken record is an error, never a guess.
 *
 * @example
 * parseCase(JSON.parse(text)) // Case, or throws naming the bad field (tag `invalid-case`, `field`)
 */
export function parseCase(input: unknown): Case {
  const result = caseSchema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const field = first?.path.join('.') ?? '?';
  throw taggedError('invalid-case', `Ongeldig dossier: ${field}: ${first?.message ?? 'onbekend'}`, { field });
}
