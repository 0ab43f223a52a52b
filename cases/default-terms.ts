/**
 * The terms the klachtenreglement sets, and so what `config.terms` holds unless an organisation
 * writes other numbers: a confirmation within 7 working days, a reasoned answer within 6 weeks,
 * once extendable by 4 weeks, all counted in Dutch time; and, where a complaint is reopened because
 * it was not resolved, a new answer within 4 weeks of reopening. The one place these numbers are written:
 * the configuration's defaults, the organisation's file and the tests refer to it.
 *
 * @example
 * computeTerms('2028-03-03T10:00:00+01:00', calendar, DEFAULT_TERMS_SETTINGS).answerBy; // "2028-04-18"
 */
export const DEFAULT_TERMS_SETTINGS: Readonly<{
  timeZone: string;
  confirmWorkingDays: number;
  answerWeeks: number;
  extensionWeeks: number;
  reopenWeeks: number;
}> = {
  timeZone: 'Europe/Amsterdam',
  confirmWorkingDays: 7,
  answerWeeks: 6,
  extensionWeeks: 4,
  reopenWeeks: 4,
};
