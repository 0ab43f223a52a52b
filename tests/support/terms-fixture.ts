import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { makeCalendar } from '../../cases/calendar.ts';
import type { Config } from '../../cases/config.ts';
import { DEFAULT_TERMS_SETTINGS } from '../../cases/default-terms.ts';

/**
 * The working-day calendar of the Algemene termijnenwet alone: no closing days of the organisation's
 * own added or removed.
 *
 * @example
 * atwCalendar.isWorkingDay('2028-04-17'); // false (Tweede Paasdag)
 */
export const atwCalendar = makeCalendar({ extraClosingDays: [], removedClosingDays: [] });

/**
 * `config.terms` as the reglement has them, with no closing days of the organisation's own: what a
 * command or a store gets from a configuration that leaves `terms` out.
 *
 * @example
 * await runTerms(ctx, reglementTerms);
 */
export const reglementTerms: Config['terms'] = {
  ...DEFAULT_TERMS_SETTINGS,
  extraClosingDays: [],
  removedClosingDays: [],
};

/**
 * The non-working weekdays of 2027 under the Atw, as a coordinator checks them: `<date> <Dutch name>`.
 *
 * @example
 * expect(calendar.closingDays(2027).map((day) => `${day.date} ${day.name.nl}`)).toEqual(closingDays2027);
 */
export const closingDays2027: readonly string[] = [
  '2027-01-01 Nieuwjaarsdag',
  '2027-03-26 Goede Vrijdag',
  '2027-03-29 Tweede Paasdag',
  '2027-04-27 Koningsdag',
  '2027-05-05 Bevrijdingsdag',
  '2027-05-06 Hemelvaartsdag',
  '2027-05-17 Tweede Pinksterdag',
];

const from = Date.UTC(2025, 0, 1);
const to = Date.UTC(2036, 0, 1) - 1;

/**
 * A moment in 2025–2035, written with some offset from −12:00 to +14:00 (or Z), as a sender might:
 * `ms` is the instant, `text` how it was written.
 *
 * @example
 * fc.assert(fc.property(anyMoment, ({ text }) => receiptDate(text, 'Europe/Amsterdam') !== ''));
 */
export const anyMoment: fc.Arbitrary<{ ms: number; text: string }> = fc
  .tuple(fc.integer({ min: from, max: to }), fc.integer({ min: -48, max: 56 }), fc.boolean())
  .map(([ms, quarters, zulu]) => {
    const instant = Temporal.Instant.fromEpochMilliseconds(ms);
    if (zulu) return { ms, text: instant.toString() };
    const minutes = Math.abs(quarters) * 15;
    const offset = `${quarters < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return { ms, text: instant.toZonedDateTimeISO(offset).toString({ timeZoneName: 'never' }) };
  });
