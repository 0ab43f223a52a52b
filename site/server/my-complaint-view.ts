// What the complainant's page shows of a case, as data: the status, the steps so far, the dates
// that still matter, what they sent and added. Only what the complainant was told or wrote goes
// in: the handler by the configured name (never a login), the reason of an extension (mailed to
// them), the outcome, the reasoned answer and verslag as sent to them, the handler's questions;
// no coordinator's notes, no drafts, no logins. Pure.
import type { Case, Outcome, Status } from '../../cases/case.ts';
import type { Config } from '../../cases/config.ts';
import { awaitsAnswer, isOpen } from '../../cases/lifecycle.ts';
import { findPerson } from '../../cases/people.ts';
import { answerTermOf } from '../../cases/reopen.ts';
import { receiptDate } from '../../cases/terms.ts';
import { renderAnswer } from '../../cases/answer/answer-markdown.ts';
import { openQuestions } from '../../cases/answer/questions.ts';

/** One step in the timeline, on the day it happened (organisation's time zone). */
export type TimelineStep =
  | { step: 'received'; date: string }
  | { step: 'confirmed'; date: string; handlerName: string | undefined }
  | { step: 'extended'; date: string; reason: string }
  | { step: 'answered'; date: string }
  | { step: 'closed'; date: string; outcome: Outcome | undefined }
  | { step: 'reopened'; date: string }
  | { step: 'not-taken-up'; date: string; earlierReference: string | undefined }
  | { step: 'asked'; date: string; id: string }
  | { step: 'question-answered'; date: string; id: string };

/** The dates of the procedure that are still ahead of the complainant. */
export interface DatesAhead {
  confirmBy?: string;
  answerBy?: string;
  /** The answer date once the term was extended. */
  extendedAnswerBy?: string;
}

/** The page's view of one case. */
export interface CaseView {
  reference: string;
  status: Status;
  /** The case's terms, for the explanation of how its dates were counted. */
  terms: Case['terms'];
  outcome: Outcome | undefined;
  /** The personal data was removed (retention): show no details. */
  erased: boolean;
  open: boolean;
  timeline: TimelineStep[];
  dates: DatesAhead;
  /** The answer date as it stands, for the calendar file; undefined once answered. */
  calendarDate: string | undefined;
  /** Further procedures and external bodies: shown once the complaint was answered or ended. */
  showExternalBodies: boolean;
  /** The satisfaction question is open: answered, and not yet asked back. */
  satisfactionOpen: boolean;
  /** Information can still be added, and the complaint withdrawn. */
  canAdd: boolean;
  canWithdraw: boolean;
  sent:
    | Pick<
        Case,
        | 'role'
        | 'name'
        | 'email'
        | 'phone'
        | 'address'
        | 'category'
        | 'complaint'
        | 'expectation'
        | 'concerns'
        | 'earlier'
        | 'whatIsNew'
      >
    | undefined;
  /** What the complainant added later; `byMail` for a reply to one of our mails (`cases/inbox/`). */
  additions: { date: string; text: string; byMail: boolean }[];
  /** The files the case holds, by our names and sizes (site/components/files/CaseFiles.astro). */
  files: { name: string; size: number }[];
  /** The reasoned answers as sent, newest first, rendered safely (cases/answer/answer-markdown.ts). */
  answers: { date: string; html: string; reportHtml?: string }[];
  /** The handler's questions, oldest first, rendered safely; the answer as the complainant typed it. */
  questions: { id: string; date: string; html: string; open: boolean; answer?: { date: string; text: string } }[];
}

/**
 * Whether a case's personal data was removed: the register's `erasedAt` where the case has it,
 * else a case whose name and complaint are both empty (what erasing leaves).
 *
 * @example
 * isErased({ ...record, name: '', complaint: '' }) // true
 */
export function isErased(record: Case): boolean {
  const marked = (record as Case & { erasedAt?: unknown }).erasedAt;
  return marked !== undefined || (record.name.trim() === '' && record.complaint.trim() === '');
}

function timelineOf(record: Case, config: Config): TimelineStep[] {
  const day = (at: string) => receiptDate(at, config.terms.timeZone);
  const steps: TimelineStep[] = [{ step: 'received', date: day(record.receivedAt) }];
  for (const event of record.events) {
    const date = day(event.at);
    switch (event.status) {
      case 'ontvangen':
        break;
      case 'bevestigd': {
        const person = event.handler === undefined ? undefined : findPerson(config.people, event.handler);
        // Only a configured person's name, looked up by id: a login never reaches the page.
        steps.push({ step: 'confirmed', date, handlerName: person?.id === event.handler ? person?.name : undefined });
        break;
      }
      case 'verdaagd':
        steps.push({ step: 'extended', date, reason: event.reason ?? '' });
        break;
      case 'beantwoord':
        steps.push({ step: 'answered', date });
        break;
      case 'afgesloten':
        steps.push({ step: 'closed', date, outcome: event.outcome });
        break;
      case 'heropend':
        steps.push({ step: 'reopened', date });
        break;
      case 'niet-in-behandeling':
        steps.push({ step: 'not-taken-up', date, earlierReference: event.earlierReference });
        break;
    }
  }
  // The questions and their answers go in the timeline on the days they happened.
  for (const question of record.questions ?? []) {
    steps.push({ step: 'asked', date: day(question.at), id: question.id });
    if (question.answer) steps.push({ step: 'question-answered', date: day(question.answer.at), id: question.id });
  }
  // Stable: steps of one day keep the order they were added in.
  return steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function answersOf(record: Case, config: Config): CaseView['answers'] {
  return [...(record.answers ?? [])].reverse().map((answer) => ({
    date: receiptDate(answer.at, config.terms.timeZone),
    html: renderAnswer(answer.text).html,
    ...(answer.report === undefined ? {} : { reportHtml: renderAnswer(answer.report).html }),
  }));
}

function questionsOf(record: Case, config: Config): CaseView['questions'] {
  const open = new Set(openQuestions(record).map((question) => question.id));
  const day = (at: string) => receiptDate(at, config.terms.timeZone);
  return (record.questions ?? []).map((question) => ({
    id: question.id,
    date: day(question.at),
    html: renderAnswer(question.text).html,
    open: open.has(question.id),
    ...(question.answer ? { answer: { date: day(question.answer.at), text: question.answer.text } } : {}),
  }));
}

/**
 * The page's view of a case at `now`.
 *
 * @example
 * caseView(record, config).timeline[0] // { step: 'received', date: '2026-10-26' }
 */
export function caseView(record: Case, config: Config): CaseView {
  const erased = isErased(record);
  const open = isOpen(record);
  const dates: DatesAhead = {};
  if (record.status === 'ontvangen') {
    dates.confirmBy = record.terms.confirmBy;
    dates.answerBy = record.terms.answerBy;
  } else if (record.status === 'bevestigd') {
    dates.answerBy = record.terms.answerBy;
  } else if (record.status === 'verdaagd') {
    dates.extendedAnswerBy = record.terms.extendedAnswerBy;
  } else if (record.status === 'heropend') {
    dates.answerBy = answerTermOf(record);
  }
  const waiting = awaitsAnswer(record);
  const answered = record.events.some((event) => event.status === 'beantwoord');
  return {
    reference: record.reference,
    status: record.status,
    terms: record.terms,
    outcome: record.outcome,
    erased,
    open,
    timeline: timelineOf(record, config),
    dates,
    calendarDate: waiting ? answerTermOf(record) : undefined,
    showExternalBodies: !waiting,
    satisfactionOpen: record.status === 'beantwoord' && answered && record.satisfaction === undefined,
    canAdd: open && !erased,
    canWithdraw: open && !erased,
    sent: erased
      ? undefined
      : {
          role: record.role,
          name: record.name,
          email: record.email,
          phone: record.phone,
          address: record.address,
          category: record.category,
          complaint: record.complaint,
          expectation: record.expectation,
          concerns: record.concerns,
          earlier: record.earlier,
          whatIsNew: record.whatIsNew,
        },
    answers: erased ? [] : answersOf(record, config),
    questions: erased ? [] : questionsOf(record, config),
    files: erased ? [] : (record.attachments ?? []).map((file) => ({ name: file.name, size: file.size })),
    additions: erased
      ? []
      : (record.additions ?? []).map((addition) => ({
          date: receiptDate(addition.at, config.terms.timeZone),
          text: addition.text,
          byMail: addition.via === 'e-mail',
        })),
  };
}
