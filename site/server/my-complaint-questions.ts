// The complainant's answer to a handler's question, from their page: checked like an addition
// (line endings, trimmed, not empty, not too long), put on the question in the case, and told to
// the handler (or the coordinators) in a note written by the tooling: on GitHub a comment that
// mentions them, with the complainant's text fenced so nothing in it can mention, link or format.
import type { Case } from '../../cases/case.ts';
import type { Config } from '../../cases/config.ts';
import { answerQuestion } from '../../cases/answer/questions.ts';
import { receivedAtIso } from '../../cases/intake.ts';
import type { CaseStore } from '../../cases/store.ts';
import { displayText, fence } from '../../cases/stores/github/inert-text.ts';
import { mentionsFor, parseAddition } from './my-complaint-actions.ts';

/**
 * The note with an answer to a question: who should read it, the question's id, the text fenced.
 *
 * @example
 * questionAnswerComment('v1', 'Op de derde.', ['jdevries']) // '**Antwoord van de klager op vraag v1** …'
 */
export function questionAnswerComment(id: string, text: string, logins: readonly string[]): string {
  const who = logins.length === 0 ? '' : `${logins.map((login) => `@${login}`).join(' ')}: `;
  return [
    `**Antwoord van de klager op vraag ${id}** (via de eigen pagina)`,
    '',
    `${who}de klager heeft uw vraag beantwoord. Het antwoord staat hieronder, zoals getypt.`,
    '',
    fence(displayText(text)),
  ].join('\n');
}

/** What became of an answer posted on the page. */
export type QuestionAnswerResult =
  { ok: true; case: Case; answered: boolean } | { ok: false; error: 'required' | 'tooLong' | 'closed' };

/**
 * Puts the complainant's answer on question `id`. A question answered already (the reload of the
 * page that posted it) is left as it is and `answered` is false.
 *
 * @example
 * await answerQuestionOnPage(store, config, 'K-2026-7QF3M9', 'v1', 'Op de derde.', new Date())
 */
export async function answerQuestionOnPage(
  store: CaseStore,
  config: Config,
  reference: string,
  id: string,
  raw: unknown,
  now: Date,
  /** The case as the page just read it from this store: on GitHub, one call fewer. */
  read?: Case,
): Promise<QuestionAnswerResult> {
  const parsed = parseAddition(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const current = read ?? (await store.getCase(reference));
  if (current === undefined) throw new Error(`${reference} bestaat niet`);
  const at = receivedAtIso(now, config.terms.timeZone);
  if (!answerQuestion(current, id, parsed.text, at).answered) {
    const known = current.questions?.some((question) => question.id === id && question.answer !== undefined);
    return known ? { ok: true, case: current, answered: false } : { ok: false, error: 'closed' };
  }
  let answered = false;
  const updated = await store.updateCase(
    reference,
    (record) => {
      const result = answerQuestion(record, id, parsed.text, at);
      answered = result.answered;
      return result.case;
    },
    `antwoord van de klager op vraag ${id}`,
    { current, comment: questionAnswerComment(id, parsed.text, mentionsFor(current, config)) },
  );
  return { ok: true, case: updated, answered };
}
