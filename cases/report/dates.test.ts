import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../calendar.ts';
import { receiptDate, workingDaysBetween } from '../terms.ts';
import { makeLocalDate, makeWorkingDayCounter } from './dates.ts';

const calendar = makeCalendar({ extraClosingDays: [], removedClosingDays: [] });
const day = fc
  .integer({ min: 0, max: 365 * 6 })
  .map((offset) => Temporal.PlainDate.from('2024-01-01').add({ days: offset }).toString());

describe('the fast working-day counter', () => {
  const counter = makeWorkingDayCounter(calendar);

  it('counts 7 working days from Friday 3 March 2028 to Tuesday 14 March 2028', () => {
    expect(counter.between('2028-03-03', '2028-03-14')).toBe(7);
  });

  it('skips Christmas and New Year across the turn of the year', () => {
    // 24, 28, 29, 30, 31 December 2026 and 4 January 2027.
    expect(counter.between('2026-12-23', '2027-01-04')).toBe(6);
  });

  it('gives the same count as workingDaysBetween for any two dates, in either order', () => {
    fc.assert(
      fc.property(day, day, (from, to) => counter.between(from, to) === workingDaysBetween(from, to, calendar)),
      { numRuns: 300 },
    );
  });

  it('refuses a year outside the calendar, with the calendar’s own message', () => {
    expect(() => counter.between('2019-12-30', '2020-01-03')).toThrow(/kent het jaar 2019 niet/);
    expect(() => counter.between('2040-12-30', '2041-01-03')).toThrow(/kent het jaar 2041 niet/);
  });

  it('refuses a date that does not exist', () => {
    expect(() => counter.between('2026-02-28', '2026-02-30')).toThrow(/bestaat niet/);
  });
});

describe('the local date of an instant', () => {
  const localDate = makeLocalDate('Europe/Amsterdam');

  it('is already Monday in Amsterdam at 23:30 UTC on Sunday 25 October 2026', () => {
    expect(localDate('2026-10-25T23:30:00Z')).toBe('2026-10-26');
  });

  it('is New Year’s Day in Amsterdam at 23:30 UTC on 31 December', () => {
    expect(localDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
  });

  it('agrees with receiptDate for any instant, summer or winter time', () => {
    const instant = fc
      .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) })
      .chain((ms) => fc.constantFrom('Z', '+01:00', '+02:00', '-08:00').map((offset) => ({ ms, offset })))
      .map(({ ms, offset }) =>
        Temporal.Instant.fromEpochMilliseconds(ms).toString({ timeZone: offset === 'Z' ? 'UTC' : offset }),
      );
    fc.assert(
      fc.property(instant, (at) => localDate(at) === receiptDate(at, 'Europe/Amsterdam')),
      { numRuns: 500 },
    );
  });

  it.each(['Europe/Amsterdam', 'Australia/Lord_Howe', 'America/Santiago'])(
    'changes the date exactly at local midnight on every day of 2026 in %s, summer time or not',
    (zone) => {
      const inZone = makeLocalDate(zone);
      const wrong: string[] = [];
      for (let day = Temporal.PlainDate.from('2026-01-02'); day.year === 2026; day = day.add({ days: 1 })) {
        const midnight = day.toZonedDateTime(zone).epochMilliseconds;
        const before = new Date(midnight - 1).toISOString();
        const at = new Date(midnight).toISOString();
        if (inZone(before) !== day.subtract({ days: 1 }).toString() || inZone(at) !== day.toString())
          wrong.push(day.toString());
      }
      expect(wrong).toEqual([]);
    },
  );

  it.each(['America/Santiago', 'America/Asuncion', 'America/Havana', 'Asia/Beirut', 'Africa/Cairo'])(
    'agrees with receiptDate a millisecond before, at and after every offset change of 2024–2030 in %s',
    (zone) => {
      // These zones change their offset at or next to local midnight, so a stale offset (one looked
      // up for the wrong quarter of an hour) would give the wrong day right there.
      const inZone = makeLocalDate(zone);
      const wrong: string[] = [];
      const end = Date.UTC(2030, 0, 1);
      let change = Temporal.Instant.from('2024-01-01T00:00:00Z').toZonedDateTimeISO(zone).getTimeZoneTransition('next');
      while (change !== null && change.epochMilliseconds < end) {
        for (const shift of [-1, 0, 1]) {
          const at = new Date(change.epochMilliseconds + shift).toISOString();
          if (inZone(at) !== receiptDate(at, zone)) wrong.push(at);
        }
        change = change.getTimeZoneTransition('next');
      }
      expect(wrong).toEqual([]);
    },
  );

  it.each(['Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham', 'UTC'])(
    'agrees with receiptDate in %s too, a zone with an offset or a change that is not a whole hour',
    (zone) => {
      const inZone = makeLocalDate(zone);
      const instant = fc
        .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) })
        .map((ms) => new Date(ms).toISOString());
      fc.assert(
        fc.property(instant, (at) => inZone(at) === receiptDate(at, zone)),
        { numRuns: 300 },
      );
    },
  );
});
