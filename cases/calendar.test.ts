import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { closingDays2027 } from '../tests/support/terms-fixture.ts';
import {
  DEFAULT_SUPPORTED_YEARS,
  easterSunday,
  horizonWarning,
  isUnsupportedYearError,
  makeCalendar,
  type HolidayRecord,
} from './calendar.ts';

const calendar = makeCalendar({ extraClosingDays: [], removedClosingDays: [] });

describe('the Atw holidays of 2026 to 2028', () => {
  // Every holiday of Algemene termijnenwet art. 3, by hand from the law and a printed calendar.
  const holidays: [date: string, nl: string, en: string][] = [
    ['2026-01-01', 'Nieuwjaarsdag', "New Year's Day"],
    ['2026-04-03', 'Goede Vrijdag', 'Good Friday'],
    ['2026-04-05', 'Eerste Paasdag', 'Easter Sunday'],
    ['2026-04-06', 'Tweede Paasdag', 'Easter Monday'],
    ['2026-04-27', 'Koningsdag', "King's Day"],
    ['2026-05-05', 'Bevrijdingsdag', 'Liberation Day'],
    ['2026-05-14', 'Hemelvaartsdag', 'Ascension Day'],
    ['2026-05-24', 'Eerste Pinksterdag', 'Whit Sunday'],
    ['2026-05-25', 'Tweede Pinksterdag', 'Whit Monday'],
    ['2026-12-25', 'Eerste Kerstdag', 'Christmas Day'],
    ['2026-12-26', 'Tweede Kerstdag', 'Boxing Day'],
    ['2027-01-01', 'Nieuwjaarsdag', "New Year's Day"],
    ['2027-03-26', 'Goede Vrijdag', 'Good Friday'],
    ['2027-03-28', 'Eerste Paasdag', 'Easter Sunday'],
    ['2027-03-29', 'Tweede Paasdag', 'Easter Monday'],
    ['2027-04-27', 'Koningsdag', "King's Day"],
    ['2027-05-05', 'Bevrijdingsdag', 'Liberation Day'],
    ['2027-05-06', 'Hemelvaartsdag', 'Ascension Day'],
    ['2027-05-16', 'Eerste Pinksterdag', 'Whit Sunday'],
    ['2027-05-17', 'Tweede Pinksterdag', 'Whit Monday'],
    ['2027-12-25', 'Eerste Kerstdag', 'Christmas Day'],
    ['2027-12-26', 'Tweede Kerstdag', 'Boxing Day'],
    ['2028-01-01', 'Nieuwjaarsdag', "New Year's Day"],
    ['2028-04-14', 'Goede Vrijdag', 'Good Friday'],
    ['2028-04-16', 'Eerste Paasdag', 'Easter Sunday'],
    ['2028-04-17', 'Tweede Paasdag', 'Easter Monday'],
    ['2028-04-27', 'Koningsdag', "King's Day"],
    ['2028-05-05', 'Bevrijdingsdag', 'Liberation Day'],
    ['2028-05-25', 'Hemelvaartsdag', 'Ascension Day'],
    ['2028-06-04', 'Eerste Pinksterdag', 'Whit Sunday'],
    ['2028-06-05', 'Tweede Pinksterdag', 'Whit Monday'],
    ['2028-12-25', 'Eerste Kerstdag', 'Christmas Day'],
    ['2028-12-26', 'Tweede Kerstdag', 'Boxing Day'],
  ];

  it.each(holidays)('treats %s as %s, not a working day', (date, nl, en) => {
    expect(calendar.isWorkingDay(date)).toBe(false);
    expect(calendar.whyNotWorking(date)).toEqual({ nl, en });
  });

  it.each([2026, 2027, 2028])('lists exactly the weekday holidays of %i as closing days', (year) => {
    const expected = holidays
      .filter(([date]) => date.startsWith(`${year}-`) && Temporal.PlainDate.from(date).dayOfWeek <= 5)
      .map(([date, nl, en]) => ({ date, name: { nl, en } }));
    expect(calendar.closingDays(year)).toEqual(expected);
  });

  it('lists the closing days of 2027 as a coordinator would check them', () => {
    expect(calendar.closingDays(2027).map((day) => `${day.date} ${day.name.nl}`)).toEqual(closingDays2027);
  });
});

describe('days that are not Atw holidays', () => {
  // date-holidays knows these days too (some as `bank` or `school`); the Atw does not.
  const workingDays: [date: string, what: string][] = [
    ['2026-12-31', 'Oudejaarsavond (a Thursday)'],
    ['2027-12-31', 'Oudejaarsavond (a Friday)'],
    ['2026-12-24', 'Kerstavond'],
    ['2025-12-05', 'Sinterklaasavond'],
    ['2028-12-05', 'Sinterklaasavond'],
    ['2028-02-14', 'Valentijnsdag'],
    ['2026-05-04', 'Nationale Dodenherdenking'],
    ['2026-09-15', 'Prinsjesdag'],
    ['2026-11-11', 'Sint-Maarten'],
    ['2026-12-15', 'Koninkrijksdag'],
    ['2027-02-08', 'carnavalsmaandag'],
    ['2026-05-15', 'the Friday after Hemelvaartsdag'],
    ['2026-04-02', 'Witte Donderdag'],
    ['2026-04-28', 'the day after Koningsdag'],
  ];

  it.each(workingDays)('counts %s (%s) as a working day', (date) => {
    expect(calendar.isWorkingDay(date)).toBe(true);
    expect(calendar.whyNotWorking(date)).toBeUndefined();
  });

  it('names Saturday and Sunday in both languages', () => {
    expect(calendar.whyNotWorking('2026-03-07')).toEqual({ nl: 'zaterdag', en: 'Saturday' });
    expect(calendar.whyNotWorking('2026-03-08')).toEqual({ nl: 'zondag', en: 'Sunday' });
    expect(calendar.isWorkingDay(Temporal.PlainDate.from('2026-03-09'))).toBe(true);
  });
});

describe('Koningsdag when 27 April is a Sunday', () => {
  it.each([
    ['2025', '2025-04-26', '2025-04-27', '2025-04-28'],
    ['2031', '2031-04-26', '2031-04-27', '2031-04-28'],
  ])(
    'moves Koningsdag %s to Saturday %s, keeps Sunday %s a Sunday and Monday %s a working day',
    (year, saturday, sunday, monday) => {
      expect(calendar.whyNotWorking(saturday)).toEqual({ nl: 'Koningsdag', en: "King's Day" });
      expect(calendar.whyNotWorking(sunday)).toEqual({ nl: 'zondag', en: 'Sunday' });
      expect(calendar.isWorkingDay(monday)).toBe(true);
      expect(calendar.closingDays(Number(year)).some((day) => day.name.nl === 'Koningsdag')).toBe(false);
    },
  );
});

describe('the organisation’s own closing days', () => {
  it('closes an extra day under its configured name', () => {
    const own = makeCalendar({
      extraClosingDays: [{ date: '2026-05-15', name: { nl: 'Brugdag', en: 'Bridge day' } }],
      removedClosingDays: [],
    });
    expect(own.whyNotWorking('2026-05-15')).toEqual({ nl: 'Brugdag', en: 'Bridge day' });
    expect(own.closingDays(2026).map((day) => day.date)).toContain('2026-05-15');
  });

  it('keeps the legal name when an extra closing day is also an Atw holiday', () => {
    const own = makeCalendar({
      extraClosingDays: [{ date: '2026-05-05', name: { nl: 'Sluiting', en: 'Closed' } }],
      removedClosingDays: [],
    });
    expect(own.whyNotWorking('2026-05-05')?.nl).toBe('Bevrijdingsdag');
  });

  it('works on a removed holiday, but a removed Sunday holiday stays a Sunday', () => {
    const own = makeCalendar({ extraClosingDays: [], removedClosingDays: ['2026-05-05', '2026-04-05'] });
    expect(own.isWorkingDay('2026-05-05')).toBe(true);
    expect(own.closingDays(2026).map((day) => day.date)).not.toContain('2026-05-05');
    expect(own.whyNotWorking('2026-04-05')).toEqual({ nl: 'zondag', en: 'Sunday' });
  });

  it('refuses to remove a day that is no Atw holiday, since that is most likely a typo', () => {
    expect(() => makeCalendar({ extraClosingDays: [], removedClosingDays: ['2026-05-06'] })).toThrow(
      /2026-05-06.*geen feestdag van de Algemene termijnenwet/,
    );
  });

  it('refuses a closing day that is not a real date', () => {
    expect(() =>
      makeCalendar({ extraClosingDays: [{ date: '2026-02-30', name: { nl: 'x', en: 'x' } }], removedClosingDays: [] }),
    ).toThrow(/2026-02-30/);
  });
});

describe('dates the calendar is asked about', () => {
  it.each(['26-04-2026', '2026-4-6', '2026-04-06T10:00', '2026-02-30', ''])('refuses "%s" as a date', (date) => {
    expect(() => calendar.isWorkingDay(date)).toThrow(/datum/);
  });
});

describe('the supported years', () => {
  it('refuses, loudly, a year beyond its horizon instead of calling every day a working day', () => {
    const after = DEFAULT_SUPPORTED_YEARS.to + 1;
    expect(() => calendar.isWorkingDay(`${after}-03-06`)).toThrow(new RegExp(`kent het jaar ${after} niet`));
    expect(() => calendar.closingDays(after)).toThrow(/supportedYears/);
    expect(() => calendar.whyNotWorking(`${DEFAULT_SUPPORTED_YEARS.from - 1}-12-31`)).toThrow(/kent het jaar/);
  });

  it('marks the refusal so a command can tell it from a fault', () => {
    const refusal = (() => {
      try {
        calendar.closingDays(2099);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(isUnsupportedYearError(refusal)).toBe(true);
    expect(isUnsupportedYearError(new Error('kent het jaar 2099 niet'))).toBe(false);
  });

  it('answers for a narrower configured horizon only', () => {
    const narrow = makeCalendar({
      extraClosingDays: [],
      removedClosingDays: [],
      supportedYears: { from: 2026, to: 2027 },
    });
    expect(narrow.isWorkingDay('2027-12-31')).toBe(true);
    expect(() => narrow.isWorkingDay('2028-01-03')).toThrow(/2026 tot en met 2027/);
  });

  it('covers every term of a complaint received up to a year from today', () => {
    // The one place that reads the clock: this test must start failing a year before the
    // calendar would refuse real complaints, so someone re-checks the Atw in good time.
    const today = Temporal.Now.plainDateISO('Europe/Amsterdam').toString();
    const longestTermDays = (6 + 4) * 7 + 14;
    expect(horizonWarning(calendar, today, { aheadYears: 1, termDays: longestTermDays })).toBeUndefined();
  });

  it('warns when complaints received within the coming year would reach past the horizon', () => {
    const warning = horizonWarning(calendar, '2039-12-01', { aheadYears: 1, termDays: 84 });
    expect(warning).toMatch(/loopt van 2020 tot en met 2040/);
    expect(horizonWarning(calendar, '2039-01-10', { aheadYears: 1, termDays: 84 })).toBeUndefined();
  });
});

describe('the cross-check of date-holidays against the Atw rules', () => {
  it('computes Easter Sunday independently of date-holidays', () => {
    const easters = {
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2029: '2029-04-01',
      2030: '2030-04-21',
      2031: '2031-04-13',
      2032: '2032-03-28',
      2033: '2033-04-17',
      2034: '2034-04-09',
      2035: '2035-03-25',
    };
    for (const [year, date] of Object.entries(easters)) expect(easterSunday(Number(year)).toString()).toBe(date);
  });

  it('agrees with date-holidays on every year of the default horizon', () => {
    for (let year = DEFAULT_SUPPORTED_YEARS.from; year <= DEFAULT_SUPPORTED_YEARS.to; year += 1) {
      expect(() => calendar.closingDays(year)).not.toThrow();
    }
  });

  const good = (year: number): HolidayRecord[] => [
    { date: `${year}-01-01`, rule: '01-01' },
    { date: '2026-04-03', rule: 'easter -2' },
    { date: '2026-04-05', rule: 'easter' },
    { date: '2026-04-06', rule: 'easter 1' },
    { date: '2026-04-27', rule: '04-27 if sunday then previous saturday since 2014' },
    { date: '2026-05-05', rule: '05-05' },
    { date: '2026-05-14', rule: 'easter 39' },
    { date: '2026-05-24', rule: 'easter 49' },
    { date: '2026-05-25', rule: 'easter 50' },
    { date: '2026-12-25', rule: '12-25' },
    { date: '2026-12-26', rule: '12-26' },
    { date: '2026-12-31', rule: '12-31' },
  ];

  it('uses a holiday source that agrees with the law', () => {
    const stand = makeCalendar({ extraClosingDays: [], removedClosingDays: [], holidayData: good });
    expect(stand.closingDays(2026)).toEqual(calendar.closingDays(2026));
  });

  it('refuses a year when date-holidays renamed a rule, rather than losing the holiday silently', () => {
    const renamed = (year: number) =>
      good(year).map((record) =>
        record.rule.startsWith('04-27') ? { ...record, rule: '04-27 if sunday then previous saturday' } : record,
      );
    const stand = makeCalendar({ extraClosingDays: [], removedClosingDays: [], holidayData: renamed });
    expect(() => stand.isWorkingDay('2026-03-02')).toThrow(
      /Koningsdag: verwacht 2026-04-27, date-holidays geeft niets/,
    );
  });

  it('refuses a year when date-holidays puts a holiday on another date', () => {
    const shifted = (year: number) =>
      good(year).map((record) => (record.rule === 'easter 39' ? { ...record, date: '2026-05-15' } : record));
    const stand = makeCalendar({ extraClosingDays: [], removedClosingDays: [], holidayData: shifted });
    expect(() => stand.closingDays(2026)).toThrow(
      /Hemelvaartsdag: verwacht 2026-05-14, date-holidays geeft 2026-05-15/,
    );
  });
});
