/**
 * The handler's questions to the complainant, as pure functions on the case: asking one, the
 * complainant's answer, and which question mails are due. A question is asked while the case is
 * open; the answer term runs on regardless (the mails and the coordinators' guide say so). A
 * question without an answer 5 working days after it was asked gets one reminder, never more.
 *
 * No clock, no I/O: the moment and the working-day calendar are parameters.
 */
import type { Case, Question } from '../case.ts';
import type { WorkingDayCalendar } from '../calendar.ts';
import { isOpen } from '../lifecycle.ts';
import { addWorkingDays, receiptDate } from '../terms.ts';

/** After this many working days without an answer the complainant gets the one reminder. */
export const questionReminderWorkingDays = 5;

/** The longest question, and the longest answer the page takes (as the complaint's own text). */
export const questionMaxLength = 5000;

/** Why asking was refused, in Dutch for the handler. */
export const questionTextMissing =
  'De vraag is leeg. Schrijf de vraag achter of onder de opdracht, bijvoorbeeld: `/vraag Op welke verdieping woont u?`';

/**
 * The case with a new question from `by`, or a Dutch reason for refusing.
 *
 * @example
 * askQuestion(record, 'Op welke verdieping woont u?', '2026-11-02T09:00:00+01:00', 'jdevries')
 * // { ok: true, case: { …, questions: [{ id: 'v1', … }] }, question: { id: 'v1', … } }
 */
export function askQuestion(
  record: Case,
  text: string,
  at: string,
  by: string,
): { ok: true; case: Case; question: Question } | { ok: false; reason: string } {
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  if (trimmed === '') return { ok: false, reason: questionTextMissing };
  if (trimmed.length > questionMaxLength)
    return { ok: false, reason: `De vraag is te lang: hoogstens ${questionMaxLength} tekens.` };
  if (!isOpen(record)) return { ok: false, reason: 'Deze klacht is gesloten; er kan geen vraag meer bij.' };
  const questions = record.questions ?? [];
  const question: Question = { id: `v${questions.length + 1}`, at, by, text: trimmed };
  return { ok: true, case: { ...record, questions: [...questions, question] }, question };
}

/** The questions the complainant can still answer on their page, oldest first. */
export function openQuestions(record: Pick<Case, 'questions' | 'status'>): Question[] {
  if (!isOpen(record)) return [];
  return (record.questions ?? []).filter((question) => question.answer === undefined);
}

/**
 * The case with the complainant's answer to question `id`; unchanged (`answered: false`) when the
 * question is not open (answered already: a reload of the page that posted it, or unknown).
 *
 * @example
 * answerQuestion(record, 'v1', 'Op de derde.', at) // { case, answered: true }
 */
export function answerQuestion(record: Case, id: string, text: string, at: string): { case: Case; answered: boolean } {
  if (!openQuestions(record).some((question) => question.id === id)) return { case: record, answered: false };
  const questions = (record.questions ?? []).map((question) =>
    question.id === id ? { ...question, answer: { at, text } } : question,
  );
  return { case: { ...record, questions }, answered: true };
}

/** A question mail that should go out now. */
export interface DueQuestionMail {
  id: string;
  kind: 'question' | 'question-reminder';
}

/**
 * The question mails due on `today` (a calendar date in the organisation's time zone): the
 * question itself until it went out, and one reminder once `questionReminderWorkingDays` working
 * days passed without an answer. Nothing for a closed case or one without an address.
 *
 * @example
 * dueQuestionMails(record, '2026-11-09', calendar, 'Europe/Amsterdam') // [{ id: 'v1', kind: 'question-reminder' }]
 */
export function dueQuestionMails(
  record: Case,
  today: string,
  calendar: WorkingDayCalendar,
  timeZone: string,
): DueQuestionMail[] {
  if (record.email.trim() === '') return [];
  return openQuestions(record).flatMap((question): DueQuestionMail[] => {
    if (question.mailedAt === undefined) return [{ id: question.id, kind: 'question' }];
    if (question.remindedAt !== undefined) return [];
    const remindOn = addWorkingDays(receiptDate(question.at, timeZone), questionReminderWorkingDays, calendar);
    return today >= remindOn ? [{ id: question.id, kind: 'question-reminder' }] : [];
  });
}
