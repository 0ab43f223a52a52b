import { describe, expect, it } from 'vitest';
import { aCase } from '../../tests/support/case-fixture.ts';
import { DEFAULT_TERMS_SETTINGS } from '../default-terms.ts';
import { registerRecordOf } from '../register/record.ts';
import { fixtureCalendar, fixtureCases as fixtureFullCases } from './__fixtures__/cases.ts';
import { halfYear } from './period.ts';
import { computeStats, type StatsSettings } from './stats.ts';

const settings: StatsSettings = {
  period: halfYear('2026-H2'),
  calendar: fixtureCalendar,
  timeZone: 'Europe/Amsterdam',
  threshold: 5,
  categoryIds: ['onderhoud', 'overlast', 'communicatie', 'servicekosten', 'gedrag', 'overig'],
  terms: DEFAULT_TERMS_SETTINGS,
};
/** The fixture as the report reads it: its register records. */
const fixtureCases = () => fixtureFullCases().map((record) => registerRecordOf(record));
const below = { kind: 'below', threshold: 5 } as const;
const count = (value: number) => ({ kind: 'count', value }) as const;

// Every expected number below is worked out by hand from the comments in __fixtures__/cases.ts.
describe('the numbers of the second half of 2026 from the fixture', () => {
  const stats = computeStats(fixtureCases(), settings);

  it('counts 17 complaints received, against 12 in the first half, per month of receipt', () => {
    expect(stats.volume).toEqual({
      received: 17,
      previousReceived: 12,
      months: [
        { key: '2026-07', count: 4 },
        { key: '2026-08', count: 3 },
        { key: '2026-09', count: 2 },
        { key: '2026-10', count: 3 },
        { key: '2026-11', count: 2 },
        { key: '2026-12', count: 3 },
      ],
    });
  });

  it('counts the case received at 23:30 UTC on 25 October in October and the one of 31 December in December', () => {
    expect(stats.volume.months.find((month) => month.key === '2026-10')?.count).toBe(3);
    expect(stats.volume.months.find((month) => month.key === '2026-12')?.count).toBe(3);
  });

  it('shows the category with 3 complaints and the one with 1 as "< 5"', () => {
    expect(stats.nature.categories).toEqual({
      total: 17,
      totalShown: true,
      rows: [
        { key: 'onderhoud', count: 8, shown: count(8) },
        { key: 'overlast', count: 5, shown: count(5) },
        { key: 'communicatie', count: 3, shown: below },
        { key: 'servicekosten', count: 0, shown: count(0) },
        { key: 'gedrag', count: 1, shown: below },
        { key: 'overig', count: 0, shown: count(0) },
      ],
    });
  });

  it('hides the empty client row too, so the 3 property owners are not the total minus the residents', () => {
    expect(stats.nature.roles).toEqual({
      total: 17,
      totalShown: true,
      rows: [
        { key: 'bewoner', count: 14, shown: count(14) },
        { key: 'pand-eigenaar', count: 3, shown: below },
        { key: 'opdrachtgever', count: 0, shown: below },
      ],
    });
  });

  it('measures confirmation over the 15 cases whose confirmation term ended in the period', () => {
    // Due: cases 1, 11–14, 16–25 minus the not taken up 15; late: 12 and 21; never: 22.
    expect(stats.confirmation).toEqual({
      due: 15,
      onTime: 12,
      late: 2,
      missing: 1,
      // Working days: 1, seven times 2, 3, 4, 5, 6, 8, 9.
      days: { measured: 14, median: 2, p90: 8 },
    });
  });

  it('measures answers over the 15 cases whose (extended) answer term ended in the period', () => {
    // Within: 1, 11, 14, 16, 17, 18, 21, 23. Extended term: 2, 12. Late: 3 (extended too late), 13, 19. Not yet: 20, 22.
    expect(stats.answer).toEqual({
      due: 15,
      withinTerm: 8,
      withinExtendedTerm: 2,
      late: 3,
      missing: 2,
      extended: 4,
      // Working days: 14, 25, 25, 26, 27, 28, 28, 30, 35, 41, 48, 49, 54.
      days: { measured: 13, median: 28, p90: 49 },
    });
  });

  it('lists the 5 cases still waiting for an answer on 31 December by age, 2 of them overdue', () => {
    // Ages: 27 → 0, 26 → 5 (its confirmation falls on 1 January in Amsterdam), 24 → 22, 22 → 43, 20 → 62.
    expect(stats.open).toEqual({
      total: 5,
      bands: [
        { from: 0, to: 7, count: 2 },
        { from: 8, to: 30, count: 1 },
        { from: 31, to: 50, count: 1 },
        { from: 51, to: undefined, count: 1 },
      ],
      overdue: 2,
      oldest: 62,
      answeredNotClosed: 2,
    });
  });

  it('counts how the 13 cases that ended in the period ended, small numbers hidden', () => {
    expect(stats.endings.total).toBe(13);
    expect(stats.endings.rows.map((row) => [row.key, row.count, row.shown.kind])).toEqual([
      ['gegrond', 5, 'count'],
      ['deels-gegrond', 2, 'below'],
      ['ongegrond', 2, 'below'],
      ['opgelost-in-overleg', 2, 'below'],
      ['ingetrokken', 1, 'below'],
      ['niet-vastgelegd', 0, 'count'],
      ['niet-in-behandeling', 1, 'below'],
    ]);
  });

  it('counts the satisfaction answers of the 12 cases closed in the period, a reply after the period as none', () => {
    expect(stats.satisfaction.total).toBe(12);
    expect(stats.satisfaction.rows.map((row) => [row.key, row.count, row.shown.kind])).toEqual([
      ['ja', 4, 'below'],
      ['deels', 2, 'below'],
      ['nee', 3, 'below'],
      ['geen-reactie', 3, 'below'],
    ]);
  });

  it('leaves out the case received in January 2027 everywhere', () => {
    const without = computeStats(
      fixtureCases().filter((record) => record.terms.received < '2027-01-01'),
      settings,
    );
    expect(without).toEqual(stats);
  });
});

describe('edges of the numbers', () => {
  it('adds a row for a category that is no longer configured, only when there is one', () => {
    const record = aCase({
      category: 'lift',
      terms: {
        received: '2026-07-01',
        confirmBy: '2026-07-10',
        answerBy: '2026-08-12',
        extendedAnswerBy: '2026-09-09',
      },
    });
    const keys = (cases: ReturnType<typeof aCase>[]) =>
      computeStats(
        cases.map((entry) => registerRecordOf(entry)),
        settings,
      ).nature.categories.rows.map((row) => row.key);
    expect(keys([record])).toEqual([...settings.categoryIds, '?']);
    expect(keys([])).toEqual(settings.categoryIds);
  });

  it('gives empty numbers, not errors, for a period without cases', () => {
    const stats = computeStats([], settings);
    expect([stats.volume.received, stats.confirmation.days.median, stats.open.oldest, stats.endings.total]).toEqual([
      0,
      undefined,
      undefined,
      0,
    ]);
  });
});

describe('the reopened complaints of a period', () => {
  const answeredMoves = [
    { at: '2026-10-26T00:30:00+01:00', status: 'ontvangen' as const },
    { at: '2026-10-28T10:00:00+01:00', status: 'bevestigd' as const },
    { at: '2026-11-20T10:00:00+01:00', status: 'beantwoord' as const },
  ];
  const reopened = (
    extra: Array<{ at: string; status: 'heropend' | 'beantwoord' | 'afgesloten'; outcome?: 'gegrond' }>,
  ) => registerRecordOf(aCase({ status: 'afgesloten', events: [...answeredMoves, ...extra] }));
  const records = Array.from({ length: 6 }, (_, n) =>
    n < 5
      ? reopened([{ at: '2026-11-25T10:00:00+01:00', status: 'heropend' }])
      : reopened([
          { at: '2026-11-25T10:00:00+01:00', status: 'heropend' },
          { at: '2026-12-10T10:00:00+01:00', status: 'beantwoord' },
          { at: '2026-12-11T10:00:00+01:00', status: 'afgesloten', outcome: 'gegrond' },
        ]),
  );

  it('counts each reopened case once, by whether it is still handled or closed again with its outcome', () => {
    const stats = computeStats([...records, registerRecordOf(aCase())], { ...settings, threshold: 1 });
    expect(stats.reopened.total).toBe(6);
    expect(stats.reopened.rows.filter((row) => row.count > 0).map((row) => [row.key, row.count])).toEqual([
      ['loopt-nog', 5],
      ['gegrond', 1],
    ]);
  });

  it('counts a case reopened after the period in a later report, not in this one', () => {
    const next = reopened([{ at: '2027-01-04T10:00:00+01:00', status: 'heropend' }]);
    expect(computeStats([next], settings).reopened.total).toBe(0);
    expect(computeStats([next], { ...settings, period: halfYear('2027-H1') }).reopened.total).toBe(1);
  });
});
