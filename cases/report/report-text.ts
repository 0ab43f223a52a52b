/**
 * The shape of the report's words in one language, and the action-point facts they speak of.
 * Every number is passed in already formatted, so one set of numbers gives both reports.
 */
import type { Role } from '../complaint.ts';
import type { Period } from './period.ts';
import type { ReopenedState } from './reopened.ts';
import type { Ending, SatisfactionAnswer } from './stats.ts';

/** How action points reached the report. */
export type ActionPointOrigin =
  { kind: 'previous-report'; period: Period } | { kind: 'github'; label: string } | { kind: 'none' };

/** The state of an action point: still to do, done, or dropped. */
export type ActionPointState = 'open' | 'afgerond' | 'vervallen';

/** Everything the report says in one language. Functions take numbers already formatted. */
export type ReportText = {
  title: (period: string) => string;
  exampleTitle: (period: string) => string;
  description: (from: string, to: string) => string;
  exampleNotice: string;
  intro: (from: string, to: string) => string;
  protectionIntro: (threshold: number) => string;
  summary: {
    heading: string;
    received: (count: string, previous: string) => string;
    confirmed: (onTime: string, due: string, share: string) => string;
    answered: (within: string, due: string, share: string, extended: string, weeks: number) => string;
    open: (count: string, end: string) => string;
  };
  volume: {
    heading: string;
    perMonth: string;
    perMonthIntro: string;
    month: string;
    received: string;
    total: string;
    compared: string;
    comparedIntro: (previous: string) => string;
    period: string;
    thisPeriod: (name: string) => string;
    difference: string;
    chartAlt: (list: string) => string;
    chartTitle: string;
  };
  nature: {
    heading: string;
    perCategory: string;
    category: string;
    unknownCategory: string;
    perRole: string;
    role: string;
    roles: Record<Role, string>;
    count: string;
    chartAlt: (list: string) => string;
    chartTitle: string;
  };
  handling: {
    heading: string;
    confirmation: (days: number) => string;
    confirmationColumn: string;
    confirmationIntro: (days: number) => string;
    onTime: string;
    lateConfirmed: string;
    notConfirmed: string;
    dueTotal: string;
    share: string;
    confirmSpread: (median: string, p90: string, measured: string) => string;
    answer: (weeks: number) => string;
    answerColumn: string;
    answerIntro: (weeks: number, extension: number) => string;
    withinTerm: string;
    withinExtendedTerm: string;
    lateAnswered: string;
    notAnswered: string;
    extended: (count: string, due: string) => string;
    answerSpread: (median: string, p90: string, measured: string) => string;
    noValue: string;
    notTakenUpHeading: string;
    notTakenUp: (count: string) => string;
    openHeading: string;
    waiting: string;
    band: (from: string, to: string | undefined) => string;
    overdue: (count: string) => string;
    oldest: (days: string) => string;
    answeredNotClosed: (count: string) => string;
  };
  endings: { heading: string; intro: string; ending: string; labels: Record<Ending, string> };
  satisfaction: { heading: string; intro: string; answer: string; labels: Record<SatisfactionAnswer, string> };
  reopened: { heading: string; intro: string; state: string; labels: Record<ReopenedState, string> };
  previousActions: {
    heading: string;
    intro: (origin: ActionPointOrigin) => string;
    action: string;
    state: string;
    states: Record<ActionPointState, string>;
    none: (origin: ActionPointOrigin) => string;
    check: string;
  };
  evaluation: { heading: string; placeholder: string };
  actions: { heading: string; intro: string; placeholder: string };
  totalHidden: string;
  notes: {
    protection: (threshold: number) => string;
    asOf: (end: string) => string;
    received: (previous: string, from: string, to: string) => string;
    nature: string;
    confirmation: (days: number) => string;
    spread: string;
    answer: (weeks: number) => string;
    extension: string;
    open: string;
    endings: string;
    satisfaction: string;
    reopened: string;
    actions: (origin: ActionPointOrigin) => string;
  };
};
