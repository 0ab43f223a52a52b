import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from './calendar.ts';
import {
  DEFAULT_TERMS_SETTINGS,
  computeTerms,
  explainTerms,
  formatDate,
  receiptDate,
  workingDaysBetween,
} from './terms.ts';

const calendar = makeCalendar({ extraClosingDays: [], removedClosingDays: [] });
const settings = DEFAULT_TERMS_SETTINGS;
const numRuns = 300;

const from = Date.UTC(2025, 0, 1);
const to = Date.UTC(2036, 0, 1) - 1;

/** A moment in 2025–2035, written with some offset from −12:00 to +14:00 (or Z), as a sender might. */
const moment = fc
  .tuple(fc.integer({ min: from, max: to }), fc.integer({ min: -48, max: 56 }), fc.boolean())
  .map(([ms, quarters, zulu]) => {
    const instant = Temporal.Instant.fromEpochMilliseconds(ms);
    if (zulu) return { ms, text: instant.toString() };
    const minutes = Math.abs(quarters) * 15;
    const offset = `${quarters < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return { ms, text: instant.toZonedDateTimeISO(offset).toString({ timeZoneName: 'never' }) };
  });

const daysBetween = (a: string, b: string) => Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b)).days;

describe('the terms of any complaint received 2025–2035', () => {
  it('read the same receipt date whatever offset the moment is written in', () => {
    fc.assert(
      fc.property(moment, ({ ms, text }) => {
        const utc = Temporal.Instant.fromEpochMilliseconds(ms).toString();
        expect(receiptDate(text, 'Europe/Amsterdam')).toBe(receiptDate(utc, 'Europe/Amsterdam'));
      }),
      { numRuns },
    );
  });

  it('put the answer on a working day, 42 to 46 days after receipt', () => {
    fc.assert(
      fc.property(moment, ({ text }) => {
        const terms = computeTerms(text, calendar, settings);
        expect(calendar.isWorkingDay(terms.answerBy)).toBe(true);
        expect(daysBetween(terms.received, terms.answerBy)).toBeGreaterThanOrEqual(42);
        expect(daysBetween(terms.received, terms.answerBy)).toBeLessThanOrEqual(46);
      }),
      { numRuns },
    );
  });

  it('put the confirmation on a working day exactly 7 working days after receipt', () => {
    fc.assert(
      fc.property(moment, ({ text }) => {
        const terms = computeTerms(text, calendar, settings);
        expect(calendar.isWorkingDay(terms.confirmBy)).toBe(true);
        expect(workingDaysBetween(terms.received, terms.confirmBy, calendar)).toBe(7);
      }),
      { numRuns },
    );
  });

  it('put the extended answer on a working day at least 4 weeks after the unmoved answer term', () => {
    // The issue also asks for extendedAnswerBy ≥ answerBy + 28 days, but its own example
    // (received 3 March 2028: answerBy 18 April, extendedAnswerBy 12 May) breaks that: the
    // extension runs from receipt + 6 weeks, not from the date the Atw moved the answer to.
    // What holds is: ≥ receipt + 70 days, so ≥ answerBy + 24 days, and never before answerBy.
    fc.assert(
      fc.property(moment, ({ text }) => {
        const terms = computeTerms(text, calendar, settings);
        expect(calendar.isWorkingDay(terms.extendedAnswerBy)).toBe(true);
        expect(daysBetween(terms.received, terms.extendedAnswerBy)).toBeGreaterThanOrEqual(70);
        expect(daysBetween(terms.received, terms.extendedAnswerBy)).toBeLessThanOrEqual(74);
        expect(daysBetween(terms.answerBy, terms.extendedAnswerBy)).toBeGreaterThanOrEqual(24);
      }),
      { numRuns },
    );
  });

  it('never move earlier when the complaint arrives later', () => {
    fc.assert(
      fc.property(moment, moment, (a, b) => {
        const [early, late] = a.ms <= b.ms ? [a, b] : [b, a];
        const first = computeTerms(early.text, calendar, settings);
        const second = computeTerms(late.text, calendar, settings);
        expect(first.received <= second.received).toBe(true);
        expect(first.confirmBy <= second.confirmBy).toBe(true);
        expect(first.answerBy <= second.answerBy).toBe(true);
        expect(first.extendedAnswerBy <= second.extendedAnswerBy).toBe(true);
      }),
      { numRuns },
    );
  });

  it('explain each term starting with its own date, in both languages', () => {
    fc.assert(
      fc.property(moment, ({ text }) => {
        const terms = computeTerms(text, calendar, settings);
        const nl = explainTerms(terms, calendar, settings, 'nl');
        const en = explainTerms(terms, calendar, settings, 'en');
        for (const key of ['confirmBy', 'answerBy', 'extendedAnswerBy'] as const) {
          expect(nl[key].startsWith(`uiterlijk ${formatDate(terms[key], 'nl')}`)).toBe(true);
          expect(en[key].startsWith(`by ${formatDate(terms[key], 'en')}`)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
