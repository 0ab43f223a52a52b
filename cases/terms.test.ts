import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { atwCalendar as calendar } from '../tests/support/terms-fixture.ts';
import { makeCalendar, type WorkingDayCalendar } from './calendar.ts';
import { DEFAULT_TERMS_SETTINGS } from './default-terms.ts';
import {
  addWorkingDays,
  computeTerms,
  onOrAfterWorkingDay,
  receiptDate,
  termsForReceiptDate,
  workingDaysBetween,
  type Terms,
  type TermsSettings,
} from './terms.ts';

const settings = DEFAULT_TERMS_SETTINGS;
const AMS = 'Europe/Amsterdam';

describe('the receipt date', () => {
  const moments: [what: string, receivedAt: string, date: string][] = [
    ['late on Sunday 25 October 2026 in UTC is already Monday in Amsterdam', '2026-10-25T23:30:00Z', '2026-10-26'],
    ['23:59:59 in Amsterdam on the night before summer time is still Saturday', '2026-03-28T22:59:59Z', '2026-03-28'],
    ['midnight in Amsterdam as summer time begins is Sunday', '2026-03-28T23:00:00Z', '2026-03-29'],
    ['23:30 on the first day of summer time (21:30 UTC) is still Sunday', '2026-03-29T21:30:00Z', '2026-03-29'],
    ['22:30 UTC on the first day of summer time is Monday in Amsterdam', '2026-03-29T22:30:00Z', '2026-03-30'],
    ['23:59:59 summer time on the eve of winter time is Saturday', '2026-10-24T21:59:59Z', '2026-10-24'],
    ['22:00 UTC on the eve of winter time is Sunday in Amsterdam', '2026-10-24T22:00:00Z', '2026-10-25'],
    ['the repeated hour 02:30 summer time is Sunday', '2026-10-25T02:30:00+02:00', '2026-10-25'],
    ['the repeated hour 02:30 winter time is Sunday', '2026-10-25T02:30:00+01:00', '2026-10-25'],
    ['23:30 on the first day of winter time (22:30 UTC) is still Sunday', '2026-10-25T22:30:00Z', '2026-10-25'],
    ['New Year’s Eve 23:59:59 in Amsterdam is still 31 December', '2026-12-31T22:59:59Z', '2026-12-31'],
    ['23:30 UTC on New Year’s Eve is New Year’s Day in Amsterdam', '2026-12-31T23:30:00Z', '2027-01-01'],
    [
      'an evening in California on 31 December is New Year’s Day in Amsterdam',
      '2026-12-31T18:00:00-08:00',
      '2027-01-01',
    ],
    [
      'a moment with an offset and a zone annotation is read by its offset',
      '2026-03-03T10:00:00+01:00[Europe/Amsterdam]',
      '2026-03-03',
    ],
    ['a leap day is a real day', '2028-02-29T12:00:00Z', '2028-02-29'],
  ];

  it.each(moments)('says %s', (_what, receivedAt, date) => {
    expect(receiptDate(receivedAt, AMS)).toBe(date);
  });

  it('refuses a moment without an offset, in Dutch', () => {
    expect(() => receiptDate('2026-03-03T10:00', AMS)).toThrow(/geen tijdzone/);
    expect(() => receiptDate('2026-03-03T10:00:00[Europe/Amsterdam]', AMS)).toThrow(/geen tijdzone/);
  });

  it.each(['2026-02-30T10:00Z', '2027-02-29T10:00:00Z', '2026-03-03T25:00Z', '2026-02-30', 'gisteren', ''])(
    'refuses "%s" as a moment that does not exist or is not ISO 8601',
    (receivedAt) => {
      expect(() => receiptDate(receivedAt, AMS)).toThrow(/geen bestaand tijdstip/);
    },
  );

  it('refuses a date without a time and says so', () => {
    expect(() => receiptDate('2026-03-03', AMS)).toThrow(/datum zonder tijdstip en tijdzone/);
  });

  it('refuses an impossible date as not existing, not as lacking a zone', () => {
    expect(() => receiptDate('2026-02-30T10:00Z', AMS)).toThrow(/geen bestaand tijdstip/);
  });

  it('refuses an unknown time zone', () => {
    expect(() => receiptDate('2026-03-03T10:00Z', 'Europe/Atlantis')).toThrow(/geen bekende tijdzone/);
  });
});

describe('the terms of a complaint', () => {
  const cases: [
    what: string,
    receivedAt: string,
    received: string,
    confirmBy: string,
    answerBy: string,
    extended: string,
  ][] = [
    [
      'the reglement’s example, received on Friday 3 March 2028, answers after Easter',
      '2028-03-03T10:00:00+01:00',
      '2028-03-03',
      '2028-03-14',
      '2028-04-18',
      '2028-05-12',
    ],
    [
      'a complaint received on a Saturday counts from Monday',
      '2026-03-07T11:00:00+01:00',
      '2026-03-07',
      '2026-03-17',
      '2026-04-20',
      '2026-05-18',
    ],
    [
      'a complaint received on a Sunday counts from Monday',
      '2026-03-08T11:00:00+01:00',
      '2026-03-08',
      '2026-03-17',
      '2026-04-20',
      '2026-05-18',
    ],
    [
      'a complaint received on Tweede Paasdag counts from Tuesday',
      '2026-04-06T09:00:00+02:00',
      '2026-04-06',
      '2026-04-15',
      '2026-05-18',
      '2026-06-15',
    ],
    [
      'a complaint received on Koningsdag skips Bevrijdingsdag too',
      '2026-04-27T15:00:00+02:00',
      '2026-04-27',
      '2026-05-07',
      '2026-06-08',
      '2026-07-06',
    ],
    [
      'a complaint received before Christmas 2026 skips both Christmas days',
      '2026-12-17T12:00:00Z',
      '2026-12-17',
      '2026-12-29',
      '2027-01-28',
      '2027-02-25',
    ],
    [
      'a complaint received just before the year end skips Nieuwjaarsdag but not Oudejaarsavond',
      '2026-12-23T12:00:00Z',
      '2026-12-23',
      '2027-01-05',
      '2027-02-03',
      '2027-03-03',
    ],
    [
      'a complaint received before Easter 2027 skips Goede Vrijdag and Tweede Paasdag',
      '2027-03-22T12:00:00Z',
      '2027-03-22',
      '2027-04-02',
      '2027-05-03',
      '2027-05-31',
    ],
    [
      'a complaint received the day before Koningsdag 2027 skips three holidays in two weeks',
      '2027-04-26T12:00:00Z',
      '2027-04-26',
      '2027-05-10',
      '2027-06-07',
      '2027-07-05',
    ],
    [
      'a complaint received two days before Koningsdag 2028 skips Koningsdag and Bevrijdingsdag',
      '2028-04-25T12:00:00Z',
      '2028-04-25',
      '2028-05-08',
      '2028-06-06',
      '2028-07-04',
    ],
    [
      'a complaint received before Hemelvaartsdag 2026 skips it',
      '2026-05-11T12:00:00Z',
      '2026-05-11',
      '2026-05-21',
      '2026-06-22',
      '2026-07-20',
    ],
    [
      'a complaint received before Pinksteren 2028 skips Tweede Pinksterdag',
      '2028-05-31T12:00:00Z',
      '2028-05-31',
      '2028-06-12',
      '2028-07-12',
      '2028-08-09',
    ],
    [
      'a complaint received before Christmas 2028 runs into 2029',
      '2028-12-22T12:00:00Z',
      '2028-12-22',
      '2029-01-05',
      '2029-02-02',
      '2029-03-02',
    ],
    [
      'late Sunday evening before summer time ends counts from the Sunday',
      '2026-03-29T21:30:00Z',
      '2026-03-29',
      '2026-04-09',
      '2026-05-11',
      '2026-06-08',
    ],
    [
      'half past midnight in summer time counts from the Monday',
      '2026-03-29T22:30:00Z',
      '2026-03-30',
      '2026-04-10',
      '2026-05-11',
      '2026-06-08',
    ],
    [
      'late Sunday evening on the day winter time begins counts from the Sunday',
      '2026-10-25T22:30:00Z',
      '2026-10-25',
      '2026-11-03',
      '2026-12-07',
      '2027-01-04',
    ],
    [
      '23:30 UTC on 25 October 2026 counts from Monday 26 October',
      '2026-10-25T23:30:00Z',
      '2026-10-26',
      '2026-11-04',
      '2026-12-07',
      '2027-01-04',
    ],
    [
      'New Year’s Eve 2027 at 23:45 in Amsterdam counts from 31 December',
      '2027-12-31T22:45:00Z',
      '2027-12-31',
      '2028-01-11',
      '2028-02-11',
      '2028-03-10',
    ],
    [
      'New Year’s Eve 2027 at 23:15 UTC counts from Nieuwjaarsdag 2028',
      '2027-12-31T23:15:00Z',
      '2028-01-01',
      '2028-01-11',
      '2028-02-14',
      '2028-03-13',
    ],
    [
      'an extended term ending on Tweede Pinksterdag 2028 moves to Tuesday',
      '2028-03-27T12:00:00+02:00',
      '2028-03-27',
      '2028-04-05',
      '2028-05-08',
      '2028-06-06',
    ],
  ];

  it.each(cases)('%s', (_what, receivedAt, received, confirmBy, answerBy, extendedAnswerBy) => {
    expect(computeTerms(receivedAt, calendar, settings)).toEqual({ received, confirmBy, answerBy, extendedAnswerBy });
  });

  // Each weekday holiday of 2026–2028 as the day six weeks after receipt, with the working day
  // the Atw moves the answer to.
  const answerOnHoliday: [holiday: string, name: string, answerBy: string][] = [
    ['2026-01-01', 'Nieuwjaarsdag', '2026-01-02'],
    ['2026-04-03', 'Goede Vrijdag', '2026-04-07'],
    ['2026-04-06', 'Tweede Paasdag', '2026-04-07'],
    ['2026-04-27', 'Koningsdag', '2026-04-28'],
    ['2026-05-05', 'Bevrijdingsdag', '2026-05-06'],
    ['2026-05-14', 'Hemelvaartsdag', '2026-05-15'],
    ['2026-05-25', 'Tweede Pinksterdag', '2026-05-26'],
    ['2026-12-25', 'Eerste Kerstdag', '2026-12-28'],
    ['2027-01-01', 'Nieuwjaarsdag', '2027-01-04'],
    ['2027-03-26', 'Goede Vrijdag', '2027-03-30'],
    ['2027-03-29', 'Tweede Paasdag', '2027-03-30'],
    ['2027-04-27', 'Koningsdag', '2027-04-28'],
    ['2027-05-05', 'Bevrijdingsdag', '2027-05-07'],
    ['2027-05-06', 'Hemelvaartsdag', '2027-05-07'],
    ['2027-05-17', 'Tweede Pinksterdag', '2027-05-18'],
    ['2028-04-14', 'Goede Vrijdag', '2028-04-18'],
    ['2028-04-17', 'Tweede Paasdag', '2028-04-18'],
    ['2028-04-27', 'Koningsdag', '2028-04-28'],
    ['2028-05-05', 'Bevrijdingsdag', '2028-05-08'],
    ['2028-05-25', 'Hemelvaartsdag', '2028-05-26'],
    ['2028-06-05', 'Tweede Pinksterdag', '2028-06-06'],
    ['2028-12-25', 'Eerste Kerstdag', '2028-12-27'],
    ['2028-12-26', 'Tweede Kerstdag', '2028-12-27'],
  ];

  it.each(answerOnHoliday)('moves an answer term ending on %s (%s) to %s', (holiday, _name, answerBy) => {
    const received = Temporal.PlainDate.from(holiday).subtract({ weeks: 6 });
    const terms = computeTerms(`${received.toString()}T12:00:00Z`, calendar, settings);
    expect(terms.received).toBe(received.toString());
    expect(terms.answerBy).toBe(answerBy);
  });

  it('adds the extension to the receipt date, not to an answer date that the Atw moved', () => {
    // The reglement's own example: answer on Tuesday 18 April, yet extended to Friday 12 May,
    // which is 24 days later, not 28 (see the property tests for what does hold).
    const terms = computeTerms('2028-03-03T10:00:00+01:00', calendar, settings);
    expect(terms.extendedAnswerBy).toBe(Temporal.PlainDate.from('2028-03-03').add({ weeks: 10 }).toString());
    expect(Temporal.PlainDate.from(terms.answerBy).until(terms.extendedAnswerBy).days).toBe(24);
  });

  // The reglement's example (received Friday 3 March 2028) under an organisation's own configuration.
  const ownCalendar = makeCalendar({
    extraClosingDays: [{ date: '2028-03-13', name: { nl: 'Verhuizing kantoor', en: 'Office move' } }],
    removedClosingDays: ['2028-04-17'],
  });
  const configured: [
    what: string,
    calendar: WorkingDayCalendar,
    settings: TermsSettings,
    terms: Omit<Terms, 'received'>,
  ][] = [
    [
      'uses the configured numbers instead of the reglement’s',
      calendar,
      { timeZone: AMS, confirmWorkingDays: 5, answerWeeks: 8, extensionWeeks: 2 },
      { confirmBy: '2028-03-10', answerBy: '2028-04-28', extendedAnswerBy: '2028-05-12' },
    ],
    [
      'follows the organisation’s closing days',
      ownCalendar,
      settings,
      { confirmBy: '2028-03-15', answerBy: '2028-04-17', extendedAnswerBy: '2028-05-12' },
    ],
  ];

  it.each(configured)('%s', (_what, own, ownSettings, terms) => {
    expect(computeTerms('2028-03-03T10:00:00+01:00', own, ownSettings)).toEqual({ received: '2028-03-03', ...terms });
  });

  it('counts in another configured time zone', () => {
    const london = { ...settings, timeZone: 'Europe/London' };
    expect(computeTerms('2026-10-25T23:30:00Z', calendar, london).received).toBe('2026-10-25');
  });

  it('computes the same terms from a stored receipt date', () => {
    expect(termsForReceiptDate('2028-03-03', calendar, settings)).toEqual(
      computeTerms('2028-03-03T23:59:00+01:00', calendar, settings),
    );
  });

  it('refuses a receipt whose terms reach past the calendar’s horizon', () => {
    expect(() => computeTerms('2040-12-01T10:00:00Z', calendar, settings)).toThrow(/kent het jaar 2041 niet/);
  });
});

describe('working-day arithmetic', () => {
  it('counts seven working days from Friday 3 March 2028 to Tuesday 14 March', () => {
    expect(addWorkingDays('2028-03-03', 7, calendar)).toBe('2028-03-14');
    expect(workingDaysBetween('2028-03-03', '2028-03-14', calendar)).toBe(7);
  });

  it('goes back over Easter when the number is negative', () => {
    expect(addWorkingDays('2028-04-18', -1, calendar)).toBe('2028-04-13');
    expect(workingDaysBetween('2028-04-18', '2028-04-13', calendar)).toBe(-1);
  });

  it('returns the date itself for zero working days, even on a holiday', () => {
    expect(addWorkingDays('2028-04-17', 0, calendar)).toBe('2028-04-17');
    expect(workingDaysBetween('2028-04-17', '2028-04-17', calendar)).toBe(0);
  });

  it('counts no working days across a long weekend', () => {
    expect(workingDaysBetween('2028-04-13', '2028-04-17', calendar)).toBe(0);
  });

  it('refuses a fractional number of working days', () => {
    expect(() => addWorkingDays('2028-04-13', 1.5, calendar)).toThrow(/geheel getal/);
  });

  it('keeps a working day and moves a holiday to the next working day', () => {
    expect(onOrAfterWorkingDay('2028-04-13', calendar)).toBe('2028-04-13');
    expect(onOrAfterWorkingDay('2028-04-14', calendar)).toBe('2028-04-18');
  });
});
