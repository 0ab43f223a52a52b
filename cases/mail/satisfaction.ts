/**
 * The complainant's answer to "was your complaint resolved to your satisfaction?": checked against
 * the signed link and recorded on the case, once.
 *
 * The link's token proves which case and until when (`satisfaction-token.ts`); "once" is the
 * case's: a case that holds an answer refuses every further one, checked inside `updateCase` so
 * two answers sent at the same moment cannot both count.
 *
 * Pure apart from the store, which is a parameter.
 */
import { z } from 'zod';
import type { Case } from '../case.ts';
import type { Config } from '../config.ts';
import { applyMove, type MoveContext } from '../lifecycle.ts';
import { reopenedNote } from '../reopen-note.ts';
import { verifySatisfactionToken } from '../satisfaction-token.ts';
import type { CaseStore } from '../store.ts';

/**
 * The three answers, as the case records them.
 *
 * @example
 * satisfactionAnswers.includes('deels') // true
 */
export const satisfactionAnswers = ['ja', 'deels', 'nee'] as const;
export type SatisfactionAnswer = (typeof satisfactionAnswers)[number];

/**
 * The remark is optional and at most this long.
 *
 * @example
 * remark.length <= remarkMaxLength
 */
export const remarkMaxLength = 2000;

/** Why a link cannot be used (any more). */
export type LinkProblem = 'invalid' | 'expired' | 'used';

/** What a link leads to: the question for a case, or a reason it cannot be answered. */
export type LinkState = { ok: true; reference: string; expiresAt: Date } | { ok: false; problem: LinkProblem };

/**
 * Checks a link's token and its case: signed by us, not expired, the case there and not answered.
 * A well-signed token for a case the store does not hold counts as invalid.
 *
 * @example
 * await checkSatisfactionLink(token, { store, secret, now: new Date() }) // { ok: true, reference: 'K-2026-7QF3M9', … }
 */
export async function checkSatisfactionLink(
  token: string,
  context: { store: CaseStore; secret: string; now: Date },
): Promise<LinkState> {
  const link = await linkWithCase(token, context);
  return link.ok ? { ok: true, reference: link.reference, expiresAt: link.expiresAt } : link;
}

/** The check of `checkSatisfactionLink`, with the case as read: one read serves the check and the answer. */
async function linkWithCase(
  token: string,
  context: { store: CaseStore; secret: string; now: Date },
): Promise<(LinkState & { ok: true; record: Case }) | (LinkState & { ok: false })> {
  const check = verifySatisfactionToken(token, context.secret, context.now);
  if (!check.ok) return { ok: false, problem: check.problem === 'expired' ? 'expired' : 'invalid' };
  const record = await context.store.getCase(check.reference);
  if (record === undefined) return { ok: false, problem: 'invalid' };
  if (record.satisfaction !== undefined) return { ok: false, problem: 'used' };
  return { ok: true, reference: check.reference, expiresAt: check.expiresAt, record };
}

/** What the form sent, checked: the answer, and the remark if one was given. */
export type SatisfactionInput = { answer: SatisfactionAnswer; remark?: string };

/** Errors per field of the satisfaction form. */
export type SatisfactionErrors = Partial<Record<'answer' | 'remark', 'required' | 'tooLong'>>;

const inputSchema = z.object({
  answer: z.enum(satisfactionAnswers, { error: 'required' }),
  remark: z
    .string()
    .nullish()
    .transform((value) => (value ?? '').replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(remarkMaxLength, { error: 'tooLong' })),
});

/**
 * Checks the form's fields.
 *
 * @example
 * parseSatisfactionInput({ answer: 'nee', remark: ' Niets gebeurd. ' }) // { ok: true, input: { answer: 'nee', remark: 'Niets gebeurd.' } }
 * parseSatisfactionInput({}) // { ok: false, errors: { answer: 'required' } }
 */
export function parseSatisfactionInput(
  raw: Record<string, unknown>,
): { ok: true; input: SatisfactionInput } | { ok: false; errors: SatisfactionErrors } {
  const result = inputSchema.safeParse(raw);
  if (result.success) {
    const { answer, remark } = result.data;
    return { ok: true, input: remark === '' ? { answer } : { answer, remark } };
  }
  const errors: SatisfactionErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if ((field === 'answer' || field === 'remark') && errors[field] === undefined) {
      errors[field] = issue.message === 'tooLong' ? 'tooLong' : 'required';
    }
  }
  return { ok: false, errors };
}

/**
 * Why a case reopened by the complainant's "nee" is open again: their own remark stays on the
 * case (the satisfaction answer), for the handler to read there.
 */
export const dissatisfiedReason =
  'De klager antwoordde "nee" op de vraag of de klacht naar tevredenheid is afgehandeld.';

/** How recording an answer ended. */
export type RecordResult = { ok: true; case: Case } | { ok: false; problem: LinkProblem };

/**
 * Records the answer on the case, unless the link is no longer good or the case was answered
 * meanwhile. The note for the history says which answer, nothing the complainant wrote. A "nee"
 * reopens the case in the same write (given `reopen`, the move's context), when it may be
 * reopened: answered or closed, and not reopened before.
 *
 * @example
 * await recordSatisfaction(token, { answer: 'nee', remark: 'Niets gebeurd.' }, { store, secret, now, at })
 * // { ok: true, case: { …, satisfaction: { answer: 'nee', remark: 'Niets gebeurd.', at } } }
 */
export async function recordSatisfaction(
  token: string,
  input: SatisfactionInput,
  context: {
    store: CaseStore;
    secret: string;
    now: Date;
    /** `now` as the case records it, with offset. */ at: string;
    /**
     * The context of the reopening a "nee" makes, and who to mention in its note; without it a
     * "nee" is only recorded.
     */
    reopen?: MoveContext & { coordinators: Config['coordinators'] };
  },
): Promise<RecordResult> {
  const link = await linkWithCase(token, context);
  if (!link.ok) return link;
  const used = new Error('already answered');
  // Whether the "nee" will reopen the case, as it stands now: then the update carries the note that
  // tells the handler and the coordinators (the change below decides again on the case as stored).
  const reopening =
    input.answer !== 'nee' || context.reopen === undefined
      ? undefined
      : applyMove(
          { ...link.record, satisfaction: { ...input, at: context.at } },
          { type: 'reopen', reason: dissatisfiedReason },
          context.reopen,
        );
  try {
    const updated = await context.store.updateCase(
      link.reference,
      (current) => {
        if (current.satisfaction !== undefined) throw used;
        const answered: Case = { ...current, satisfaction: { ...input, at: context.at } };
        if (input.answer !== 'nee' || context.reopen === undefined) return answered;
        const reopened = applyMove(answered, { type: 'reopen', reason: dissatisfiedReason }, context.reopen);
        return reopened.ok ? reopened.case : answered;
      },
      `tevredenheid ontvangen: ${input.answer}`,
      reopening?.ok === true && context.reopen !== undefined
        ? {
            comment: reopenedNote(
              reopening.case,
              { people: context.reopen.people, coordinators: context.reopen.coordinators },
              '_Door de klager, met "nee" op de tevredenheidsvraag._',
            ),
          }
        : {},
    );
    return { ok: true, case: updated };
  } catch (error) {
    if (error === used) return { ok: false, problem: 'used' };
    throw error;
  }
}
