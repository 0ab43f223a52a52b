/**
 * The words of the report in English.
 */
import { capitalise, periodName } from './date-names.ts';
import { placeholderPrefix } from './placeholder.ts';
import type { ReportText } from './report-text.ts';

/** "1 complaint", "2 complaints": the count comes formatted, so "1" is the only singular. */
const complaints = (count: string) => `${count} ${count === '1' ? 'complaint' : 'complaints'}`;

/**
 * Everything the English report says.
 *
 * @example
 * en.summary.received('17', '12'); // "We received 17 complaints (previous period: 12)."
 */
export const en: ReportText = {
  title: (period) => `Complaints report, ${period}`,
  exampleTitle: (period) => `Example: complaints report, ${period}`,
  description: (from, to) =>
    `The nature and volume of complaints from ${from} to ${to}, with the evaluation and the action points.`,
  exampleNotice:
    'This is an example. The complaints in this report are made up. This is what a report looks like once there are real complaints.',
  intro: (from, to) =>
    `Twice a year we make an overview of the nature and volume of complaints (complaints procedure, article 7). ` +
    `This overview covers ${from} to ${to}. The evaluation and the action points follow.`,
  protectionIntro: (threshold) =>
    `This report contains no names or other personal data. We do not show small numbers: ` +
    `in tables about complainants a number below ${threshold} is shown as "< ${threshold}".`,
  summary: {
    heading: 'In brief',
    received: (count, previous) => `We received ${complaints(count)} (previous period: ${previous}).`,
    confirmed: (onTime, due, share) => `${onTime} of ${complaints(due)} confirmed in time (${share}).`,
    answered: (within, due, share, extended, weeks) =>
      `${within} of ${complaints(due)} answered within ${weeks} weeks (${share}); ${extended} within the extended term.`,
    open: (count, end) =>
      `On ${end}, ${complaints(count)} ${count === '1' ? 'was' : 'were'} still waiting for an answer.`,
  },
  volume: {
    heading: 'Volume',
    perMonth: 'Complaints received per month',
    perMonthIntro: 'The number of complaints per month in which we received them.',
    month: 'Month',
    received: 'Received',
    total: 'Total',
    compared: 'Compared with the previous period',
    comparedIntro: (previous) => `We compare with the previous period: ${previous}.`,
    period: 'Period',
    thisPeriod: (name) => `${capitalise(name)} (this period)`,
    difference: 'Difference',
    chartAlt: (list) => `Bar chart of the number of complaints received per month: ${list}.`,
    chartTitle: 'Complaints received per month',
  },
  nature: {
    heading: 'Nature',
    perCategory: 'By subject',
    category: 'Subject',
    unknownCategory: 'Subject no longer on the form',
    perRole: 'Who complained',
    role: 'Complainant',
    roles: { bewoner: 'Resident', 'pand-eigenaar': 'Property owner', opdrachtgever: 'Client' },
    count: 'Number',
    chartAlt: (list) => `Bar chart of the number of complaints received per subject: ${list}.`,
    chartTitle: 'Complaints received per subject',
  },
  handling: {
    heading: 'Handling',
    confirmation: (days) => `Confirmation within ${days} working days`,
    confirmationColumn: 'Confirmation',
    confirmationIntro: (days) =>
      `Within ${days} working days of receipt the complainant gets a confirmation. It says who handles the complaint and when the answer will come at the latest.`,
    onTime: 'Confirmed in time',
    lateConfirmed: 'Confirmed late',
    notConfirmed: 'Not yet confirmed',
    dueTotal: 'Total (term ended in this period)',
    share: 'Share',
    confirmSpread: (median, p90, measured) =>
      `Working days to the confirmation: half within ${median}, 90% within ${p90} (of ${measured} confirmed complaints).`,
    answer: (weeks) => `Answer within ${weeks} weeks`,
    answerColumn: 'Answer',
    answerIntro: (weeks, extension) =>
      `Within ${weeks} weeks of receipt the complainant gets a reasoned answer. We can extend that term once by ${extension} weeks.`,
    withinTerm: 'Answered within the term',
    withinExtendedTerm: 'Answered within the extended term',
    lateAnswered: 'Answered late',
    notAnswered: 'Not yet answered',
    extended: (count, due) => `The term was extended for ${count} of these ${due} complaints.`,
    answerSpread: (median, p90, measured) =>
      `Working days to the answer: half within ${median}, 90% within ${p90} (of ${measured} answered complaints).`,
    noValue: '–',
    notTakenUpHeading: 'Not taken up',
    notTakenUp: (count) =>
      `Not taken up because the complaint had been dealt with before and there were no new facts: ${count}.`,
    openHeading: 'Not yet answered at the end of the period',
    waiting: 'Waiting since receipt',
    band: (from, to) =>
      to === undefined ? `more than ${Number(from) - 1} working days` : `${from} to ${to} working days`,
    overdue: (count) => `For ${count} of these complaints the answer term has passed.`,
    oldest: (days) => `The complaint that has waited longest has waited ${days} working days.`,
    answeredNotClosed: (count) => `Answered but not yet closed: ${count}.`,
  },
  endings: {
    heading: 'Outcome',
    intro: 'How the complaints that ended in this period turned out.',
    ending: 'Outcome',
    labels: {
      gegrond: 'Upheld',
      'deels-gegrond': 'Partly upheld',
      ongegrond: 'Not upheld',
      'opgelost-in-overleg': 'Resolved by agreement',
      ingetrokken: 'Withdrawn',
      'niet-vastgelegd': 'Closed without a recorded outcome',
      'niet-in-behandeling': 'Not taken up',
    },
  },
  satisfaction: {
    heading: 'Satisfaction',
    intro: 'Afterwards we ask the complainant: was your complaint resolved to your satisfaction?',
    answer: 'Answer',
    labels: { ja: 'Yes', deels: 'Partly', nee: 'No', 'geen-reactie': 'No reply' },
  },
  reopened: {
    heading: 'Reopened',
    intro: 'Complaints we handled again in this period, because they were not resolved to satisfaction.',
    state: 'State at the end of the period',
    labels: {
      'loopt-nog': 'Still being handled',
      gegrond: 'Closed again: well-founded',
      'deels-gegrond': 'Closed again: partly well-founded',
      ongegrond: 'Closed again: unfounded',
      'opgelost-in-overleg': 'Closed again: resolved by agreement',
      ingetrokken: 'Closed again: withdrawn',
      'niet-vastgelegd': 'Closed again without a recorded outcome',
    },
  },
  previousActions: {
    heading: 'Action points from the previous report',
    intro: (origin) =>
      origin.kind === 'github'
        ? 'How far we got with the action points that were still open.'
        : `How far we got with the action points from the previous report${origin.kind === 'previous-report' ? ` (${periodName(origin.period, 'en')})` : ''}.`,
    action: 'Action point',
    state: 'State',
    states: { open: 'Not done yet', afgerond: 'Done', vervallen: 'Dropped' },
    none: (origin) =>
      origin.kind === 'github'
        ? `There are no action points (issues labelled "${origin.label}") that are open or were completed in this period.`
        : origin.kind === 'previous-report'
          ? `The previous report (${periodName(origin.period, 'en')}) had no action points.`
          : 'There is no previous report with action points.',
    check: `${placeholderPrefix.en} check the state of each action point and correct it where needed.`,
  },
  evaluation: {
    heading: 'Evaluation',
    placeholder: `${placeholderPrefix.en} replace this paragraph with the evaluation. What do the numbers show? What went well, what can be better, and why?`,
  },
  actions: {
    heading: 'Action points',
    intro: 'What we will do in the coming period. The next report says how far we got.',
    placeholder: `${placeholderPrefix.en} replace this line with an action point (one per line). No action points? Then say so.`,
  },
  totalHidden: 'not shown',
  notes: {
    protection: (threshold) =>
      `In the tables on subject, complainant, outcome, satisfaction and reopened complaints a number from 1 to ${threshold - 1} is shown as "< ${threshold}". ` +
      `So "< ${threshold}" means: 0 to ${threshold - 1}. The totals are real. ` +
      `Where a hidden number could still be worked out (the total minus the numbers shown), we also hide the smallest other number in that table; ` +
      `if that is ${threshold} or more, it shows as "≥ ${threshold}". So no hidden number can be derived exactly. ` +
      'Where even hiding every number of a table is not enough, the total of that table is not shown either. ' +
      `The numbers per month and on our terms say something about our work only, not about complainants: we show them in full.`,
    asOf: (end) =>
      `All numbers describe the state on ${end}, the end of the period. Anything recorded in a case file later does not count. ` +
      'A date is the calendar date in Dutch time. Everything comes from the case files: the date of receipt, the terms and the recorded steps with their dates.',
    received: (previous, from, to) =>
      `A complaint counts in the period of its date of receipt. The previous period: ${previous}, ${from} to ${to}.`,
    nature: 'The subject and role the complainant chose on the form, for the complaints received in the period.',
    confirmation: (days) =>
      `Counted are the complaints whose confirmation term ended in this period: the latest date in the case file, ${days} working days after receipt. ` +
      'Complaints not taken up are left out. In time: the first step "bevestigd" (confirmed) fell on or before that date. ' +
      'Working days are Monday to Friday, without the public holidays of the Algemene termijnenwet (General Time Limits Act). The day of receipt does not count.',
    spread:
      'Half within: the middle value (the median; for an even number the lower of the two middle ones). ' +
      '90% within: the 90th percentile, the ⌈0.9 × n⌉-th value from small to large. ' +
      'Only complaints already confirmed or answered at the end of the period count.',
    answer: (weeks) =>
      `Counted are the complaints whose answer term ended in this period: ${weeks} weeks after receipt, or the extended date where the term was extended. ` +
      'Complaints not taken up are left out. The answer is the first step "beantwoord" (answered). ' +
      'A complaint closed without that step (for example withdrawn) counts as answered on the day it was closed. ' +
      'Within the extended term: after the normal date, but no later than the extended date.',
    extension:
      'Extended: the step "verdaagd" (extended) fell on or before the normal answer date. An extension recorded later does not count as an extension.',
    open:
      'All complaints received up to the end of the period that had no answer by then (complaints not taken up left out). ' +
      'Waiting time: working days from the date of receipt up to and including the end of the period. ' +
      'Term passed: the answer date (the extended one where the term was extended) was before the end of the period.',
    endings:
      'The complaints that ended in this period: closed (the step "afgesloten", with the outcome recorded with it) ' +
      'or not taken up (the step "niet-in-behandeling": the complaint had been dealt with before and there were no new facts, complaints procedure article 5).',
    satisfaction:
      'The complaints closed in this period, with the answer to the question whether the complaint was resolved to satisfaction, ' +
      'as far as that answer had come in by the end of the period. No reply: no answer was recorded.',
    reopened:
      'The complaints with the step "heropend" (reopened) in this period: answered or closed, then handled again, ' +
      'because the complainant answered "no" to the question whether the complaint was resolved to satisfaction, or because a coordinator decided so. ' +
      'A complaint counts once, in the period of its first reopening. The state: still being handled, or closed again with the outcome of that close.',
    actions: (origin) =>
      origin.kind === 'github'
        ? `The action points are the issues labelled "${origin.label}" that were open at the end of the period or were closed during it.`
        : origin.kind === 'previous-report'
          ? `The action points come from the previous report (${periodName(origin.period, 'en')}). There, a ticked action point is done and a struck-through one dropped.`
          : 'No previous report was found to take action points from.',
  },
};
