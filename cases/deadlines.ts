/**
 * Which term notices are due today: reminders before the confirmation and answer terms run out,
 * and escalations once they have. Each notice has a key that is stored on the case (`notices`)
 * once it is sent, so it goes out exactly once however often the daily job runs; and a job that
 * missed days sends what is due now, not what was due then (a reminder whose term has passed is
 * superseded by the escalation).
 *
 * Pure: the cases, today's date, the calendar and the configuration are parameters.
 */
import type { Case } from './case.ts';
import type { WorkingDayCalendar } from './calendar.ts';
import type { Config } from './config.ts';
import { awaitsAnswer, isOpen } from './lifecycle.ts';
import { findPerson } from './people.ts';
import { formatDate } from './format-date.ts';
import { answerTermOf } from './reopen.ts';
import { workingDaysBetween } from './terms.ts';

/** Remind the coordinators this many working days (or fewer) before the confirmation term ends. */
export const confirmReminderWorkingDays = 2;
/** Remind the handler this many working days (or fewer) before the answer term ends. */
export const answerReminderWorkingDays = 5;

/** The labels an overdue case carries on GitHub, while it stays overdue. */
export const overdueLabels = {
  confirm: 'termijn: bevestiging verlopen',
  answer: 'termijn: antwoord verlopen',
} as const;

/** The four notices, in the order of a case's life. */
export const noticeKinds = ['confirm-reminder', 'confirm-overdue', 'answer-reminder', 'answer-overdue'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** A notice that is due: who is told about which term of which case. */
export interface Notice {
  reference: string;
  kind: NoticeKind;
  /** Stored in the case's `notices` once sent: `<kind>:<term>`, so a new term (an extension) gets its own notices. */
  key: string;
  /** The last day of the term, `YYYY-MM-DD`. */
  term: string;
  /** Working days from today to the term: 0 on the last day, negative once it has passed. */
  workingDaysLeft: number;
  /** Who must act: the coordinators, or the handler. */
  audience: 'coordinators' | 'handler';
  /** GitHub logins to mention (staff only); empty when none are configured. */
  mentions: string[];
}

/** The configuration the notices depend on. */
export type DeadlineConfig = Pick<Config, 'coordinators' | 'people'>;

/**
 * The answer term that applies to a case now: the extended one once the term was extended, the
 * new one once the case was reopened (cases/reopen.ts).
 *
 * @example
 * answerTerm({ extended: true, terms, events }) // terms.extendedAnswerBy
 */
export function answerTerm(record: Pick<Case, 'extended' | 'terms' | 'events'>): string {
  return answerTermOf(record);
}

/**
 * The key under which a notice is stored on the case.
 *
 * @example
 * noticeKey('answer-reminder', '2026-12-07') // 'answer-reminder:2026-12-07'
 */
export function noticeKey(kind: NoticeKind, term: string): string {
  return `${kind}:${term}`;
}

function sent(record: Case, kind: NoticeKind, term: string): boolean {
  const key = noticeKey(kind, term);
  return record.notices.some((notice) => notice.key === key);
}

/** The notice of one term: nothing, a reminder, or the escalation once the term has passed. */
function termNotice(
  record: Case,
  term: string,
  left: number,
  kinds: { reminder: NoticeKind; overdue: NoticeKind },
  window: number,
): NoticeKind | undefined {
  if (left < 0) return sent(record, kinds.overdue, term) ? undefined : kinds.overdue;
  if (left > window) return undefined;
  if (sent(record, kinds.reminder, term) || sent(record, kinds.overdue, term)) return undefined;
  return kinds.reminder;
}

/**
 * Working days from `today` to `term`: 0 on the term's last day, negative after it.
 *
 * @example
 * workingDaysLeft('2026-11-02', '2026-11-04', calendar) // 2
 */
export function workingDaysLeft(today: string, term: string, calendar: WorkingDayCalendar): number {
  // workingDaysBetween counts the working days after `today` up to and including `term`, so a
  // term ending on a Saturday seen on that Saturday is 0, and the Monday after it is -1.
  if (today > term) return Math.min(-1, workingDaysBetween(today, term, calendar));
  return workingDaysBetween(today, term, calendar);
}

function coordinatorMentions(config: DeadlineConfig): string[] {
  return [...config.coordinators.logins];
}

function handlerLogin(record: Case, config: DeadlineConfig): string | undefined {
  return record.handler === undefined ? undefined : findPerson(config.people, record.handler)?.login;
}

/** Who hears of a notice: the audience and the logins mentioned. */
type Recipients = Pick<Notice, 'audience' | 'mentions'>;

/** One of the two terms a case is held to, and how its notices go out. */
type TermCheck = {
  /** Whether the term still runs for the case in its status. */
  runs: (record: Case) => boolean;
  /** The last day of the term, `YYYY-MM-DD`. */
  term: (record: Case) => string;
  kinds: { reminder: NoticeKind; overdue: NoticeKind };
  /** How many working days before the end the reminder is due. */
  window: number;
  /** The label the case carries once the escalation is sent, while the term still runs. */
  label: string;
  recipients: (kind: NoticeKind, coordinators: string[], handler: string | undefined) => Recipients;
};

/** The confirmation term, then the answer term: the order of a case's life, and of its notices. */
const termChecks: readonly TermCheck[] = [
  {
    runs: (record) => record.status === 'ontvangen',
    term: (record) => record.terms.confirmBy,
    kinds: { reminder: 'confirm-reminder', overdue: 'confirm-overdue' },
    window: confirmReminderWorkingDays,
    label: overdueLabels.confirm,
    recipients: (_kind, coordinators) => ({ audience: 'coordinators', mentions: coordinators }),
  },
  {
    runs: awaitsAnswer,
    term: answerTerm,
    kinds: { reminder: 'answer-reminder', overdue: 'answer-overdue' },
    window: answerReminderWorkingDays,
    label: overdueLabels.answer,
    recipients: (kind, coordinators, handler) => {
      // A reminder goes to the handler alone; an escalation to the coordinators, the handler in copy.
      const toHandler = kind === 'answer-reminder' && handler !== undefined;
      const withHandler = handler === undefined ? coordinators : unique([...coordinators, handler]);
      const mentions = toHandler ? [handler] : kind === 'answer-reminder' ? coordinators : withHandler;
      return { audience: toHandler ? 'handler' : 'coordinators', mentions };
    },
  },
];

/**
 * The notices due today for these cases, in the order of the cases and, per case, of its life.
 * Closed cases get none; a notice already stored on the case is never due again.
 *
 * - not confirmed, 2 working days or less before `confirmBy`: a reminder to the coordinators;
 * - not confirmed after `confirmBy`: an escalation to the coordinators (and the overdue label);
 * - not answered, 5 working days or less before the answer term: a reminder to the handler (to the
 *   coordinators while there is no handler with a GitHub login);
 * - not answered after it: an escalation to the coordinators, the handler mentioned too.
 *
 * @example
 * dueNotices(await store.listCases({ openOnly: true }), '2026-11-03', calendar, config)
 * // [{ reference: 'K-2026-7QF3M9', kind: 'confirm-reminder', key: 'confirm-reminder:2026-11-04', … }]
 */
export function dueNotices(
  cases: readonly Case[],
  today: string,
  calendar: WorkingDayCalendar,
  config: DeadlineConfig,
): Notice[] {
  const notices: Notice[] = [];
  for (const record of cases) {
    if (!isOpen(record)) continue;
    const coordinators = coordinatorMentions(config);
    const handler = handlerLogin(record, config);
    for (const check of termChecks) {
      if (!check.runs(record)) continue;
      const term = check.term(record);
      const left = workingDaysLeft(today, term, calendar);
      const kind = termNotice(record, term, left, check.kinds, check.window);
      if (kind === undefined) continue;
      notices.push({
        reference: record.reference,
        kind,
        key: noticeKey(kind, term),
        term,
        workingDaysLeft: left,
        ...check.recipients(kind, coordinators, handler),
      });
    }
  }
  return notices;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/**
 * The case with these notices recorded as sent at `at`; a key already there is not added again.
 *
 * @example
 * recordNotices(record, notices, '2026-11-03T06:17:00+01:00').notices // [..., { key: 'confirm-reminder:2026-11-04', at: … }]
 */
export function recordNotices(record: Case, notices: readonly Pick<Notice, 'key'>[], at: string): Case {
  const known = new Set(record.notices.map((notice) => notice.key));
  const added = notices.filter((notice) => !known.has(notice.key)).map((notice) => ({ key: notice.key, at }));
  return added.length === 0 ? record : { ...record, notices: [...record.notices, ...added] };
}

/**
 * The overdue labels a case carries now: set by an escalation, dropped once the case moved on
 * (confirmed; answered or closed; or its answer term extended to a date not yet escalated).
 * Derived from the case alone, so any write of the case puts its labels right.
 *
 * @example
 * overdueLabelsOf(record) // ['termijn: bevestiging verlopen']
 */
export function overdueLabelsOf(record: Case): string[] {
  return termChecks
    .filter((check) => check.runs(record) && sent(record, check.kinds.overdue, check.term(record)))
    .map((check) => check.label);
}

/**
 * Whether a label is one of the overdue labels (which the tooling sets and removes).
 *
 * @example
 * isOverdueLabel('termijn: antwoord verlopen') // true
 */
export function isOverdueLabel(name: string): boolean {
  return name === overdueLabels.confirm || name === overdueLabels.answer;
}

function workingDays(n: number): string {
  return `${n} ${n === 1 ? 'werkdag' : 'werkdagen'}`;
}

function mentionLine(mentions: readonly string[]): string {
  return mentions.length === 0 ? '' : `\n\n${mentions.map((login) => `@${login}`).join(' ')}`;
}

/**
 * The text of one notice, in Dutch with an English line after it: a comment on the issue, or a
 * line printed by the command for the Git folder. Only the reference, the term and staff logins:
 * no personal data of the complainant.
 *
 * @example
 * noticeText(notice) // '**Herinnering: bevestigen vóór woensdag 4 november 2026** …'
 */
export function noticeText(notice: Notice): string {
  const date = formatDate(notice.term, 'nl');
  const dateEn = formatDate(notice.term, 'en');
  const { reference } = notice;
  const left = notice.workingDaysLeft;
  const soon = left === 0 ? 'vandaag is de laatste dag' : `nog ${workingDays(left)}`;
  const soonEn = left === 0 ? 'today is the last day' : `${left} working day${left === 1 ? '' : 's'} left`;
  switch (notice.kind) {
    case 'confirm-reminder':
      return (
        `**Herinnering: klacht ${reference} bevestigen uiterlijk ${date}** (${soon}).\n` +
        'Wijs een behandelaar aan met `/bevestig @github-naam`; dan gaat de bevestiging naar de klager.\n\n' +
        `_Reminder: confirm complaint ${reference} by ${dateEn} (${soonEn})._` +
        mentionLine(notice.mentions)
      );
    case 'confirm-overdue':
      return (
        `**Termijn verlopen: klacht ${reference} is niet op tijd bevestigd.** De bevestiging had uiterlijk ` +
        `${date} verstuurd moeten zijn. Bevestig nu met \`/bevestig @github-naam\`.\n\n` +
        `_Overdue: complaint ${reference} should have been confirmed by ${dateEn}._` +
        mentionLine(notice.mentions)
      );
    case 'answer-reminder':
      return (
        `**Herinnering: het antwoord op klacht ${reference} moet uiterlijk ${date} verstuurd zijn** (${soon}).\n` +
        'Schrijf het antwoord onder `/beantwoord` en verstuur het na het voorbeeld met `/verstuur`, of verdaag de ' +
        'termijn eenmaal met `/verdaag <reden>`.\n\n' +
        `_Reminder: the reasoned answer to complaint ${reference} is due by ${dateEn} (${soonEn})._` +
        mentionLine(notice.mentions)
      );
    case 'answer-overdue':
      return (
        `**Termijn verlopen: klacht ${reference} is niet op tijd beantwoord.** Het antwoord had uiterlijk ` +
        `${date} verstuurd moeten zijn. De coördinator zorgt dat het antwoord nu volgt.\n\n` +
        `_Overdue: the answer to complaint ${reference} was due by ${dateEn}._` +
        mentionLine(notice.mentions)
      );
  }
}

/**
 * One comment for all notices of one case that are due on the same day.
 *
 * @example
 * noticesComment([reminder, escalation]) // both texts, separated by a rule
 */
export function noticesComment(notices: readonly Notice[]): string {
  return notices.map(noticeText).join('\n\n---\n\n');
}

/** Dutch names of the notice kinds, for the summary table. */
export const noticeKindNames: Readonly<Record<NoticeKind, string>> = {
  'confirm-reminder': 'herinnering bevestiging',
  'confirm-overdue': 'bevestiging verlopen',
  'answer-reminder': 'herinnering antwoord',
  'answer-overdue': 'antwoord verlopen',
};
