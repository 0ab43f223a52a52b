import { describe, expect, it } from 'vitest';
import { atwCalendar as calendar } from '../tests/support/terms-fixture.ts';
import { makeCalendar } from './calendar.ts';
import { DEFAULT_TERMS_SETTINGS } from './default-terms.ts';
import { explainTerms } from './terms-explanation.ts';
import { computeTerms } from './terms.ts';

const settings = DEFAULT_TERMS_SETTINGS;
const AMS = 'Europe/Amsterdam';

describe('the explanations', () => {
  it.each([
    [
      'Dutch',
      'nl',
      {
        confirmBy:
          'uiterlijk dinsdag 14 maart 2028: 7 werkdagen na ontvangst op vrijdag 3 maart 2028; niet meegeteld: de dag van ontvangst en de weekenden',
        answerBy:
          'uiterlijk dinsdag 18 april 2028: 6 weken na ontvangst valt op Goede Vrijdag (14 april); daarna volgen Eerste en Tweede Paasdag',
        extendedAnswerBy:
          'uiterlijk vrijdag 12 mei 2028 als de termijn eenmaal met 4 weken wordt verlengd: 10 weken na ontvangst op vrijdag 3 maart 2028',
      },
    ],
    [
      'English',
      'en',
      {
        confirmBy:
          'by Tuesday 14 March 2028: 7 working days after receipt on Friday 3 March 2028; not counted: the day of receipt and the weekends',
        answerBy:
          'by Tuesday 18 April 2028: 6 weeks after receipt falls on Good Friday (14 April); Easter Sunday and Easter Monday follow',
        extendedAnswerBy:
          'by Friday 12 May 2028 if the term is extended once by 4 weeks: 10 weeks after receipt on Friday 3 March 2028',
      },
    ],
  ] as const)('explains the reglement’s example in %s', (_language, locale, explanation) => {
    expect(explainTerms('2028-03-03T10:00:00+01:00', calendar, settings, locale)).toEqual(explanation);
  });

  it('names the holidays skipped in the confirmation term, with their dates', () => {
    expect(explainTerms('2026-12-18T10:00:00+01:00', calendar, settings, 'nl').confirmBy).toBe(
      'uiterlijk woensdag 30 december 2026: 7 werkdagen na ontvangst op vrijdag 18 december 2026; ' +
        'niet meegeteld: de dag van ontvangst, Eerste en Tweede Kerstdag (25 en 26 december) en de weekenden',
    );
    expect(explainTerms('2026-12-18T10:00:00+01:00', calendar, settings, 'en').confirmBy).toBe(
      'by Wednesday 30 December 2026: 7 working days after receipt on Friday 18 December 2026; ' +
        'not counted: the day of receipt, Christmas Day (25 December), Boxing Day (26 December) and the weekends',
    );
  });

  it('mentions the weekend when a holiday is followed by a plain weekend', () => {
    // Six weeks after Thursday 13 November 2025 is Eerste Kerstdag, a Thursday.
    expect(explainTerms('2025-11-13T10:00:00+01:00', calendar, settings, 'nl').answerBy).toBe(
      'uiterlijk maandag 29 december 2025: 6 weken na ontvangst valt op Eerste Kerstdag (25 december); daarna volgen Tweede Kerstdag en het weekend',
    );
    // Koningsdag 2029 is a Friday.
    expect(explainTerms('2029-03-16T10:00:00+01:00', calendar, settings, 'en').answerBy).toBe(
      "by Monday 30 April 2029: 6 weeks after receipt falls on King's Day (27 April); the weekend follows",
    );
  });

  it('says when the term falls on a weekend day', () => {
    expect(explainTerms('2026-03-07T10:00:00+01:00', calendar, settings, 'nl')).toMatchObject({
      answerBy: 'uiterlijk maandag 20 april 2026: 6 weken na ontvangst valt op een zaterdag (18 april)',
      extendedAnswerBy:
        'uiterlijk maandag 18 mei 2026 als de termijn eenmaal met 4 weken wordt verlengd: 10 weken na ontvangst valt op een zaterdag (16 mei)',
    });
    expect(explainTerms('2026-03-08T10:00:00+01:00', calendar, settings, 'en').answerBy).toBe(
      'by Monday 20 April 2026: 6 weeks after receipt falls on a Sunday (19 April)',
    );
  });

  it('names an extra closing day by its configured name', () => {
    const own = makeCalendar({
      extraClosingDays: [{ date: '2028-03-13', name: { nl: 'Verhuizing kantoor', en: 'Office move' } }],
      removedClosingDays: [],
    });
    expect(explainTerms('2028-03-03T10:00:00+01:00', own, settings, 'nl').confirmBy).toBe(
      'uiterlijk woensdag 15 maart 2028: 7 werkdagen na ontvangst op vrijdag 3 maart 2028; ' +
        'niet meegeteld: de dag van ontvangst, Verhuizing kantoor (13 maart) en de weekenden',
    );
  });

  it('explains stored terms the same as a receipt moment', () => {
    const terms = computeTerms('2027-12-31T23:15:00Z', calendar, settings);
    expect(explainTerms(terms, calendar, settings, 'nl')).toEqual(
      explainTerms('2027-12-31T23:15:00Z', calendar, settings, 'nl'),
    );
  });

  it('uses the singular for one week and one working day', () => {
    const single = { timeZone: AMS, confirmWorkingDays: 1, answerWeeks: 1, extensionWeeks: 1 };
    const nl = explainTerms('2026-03-03T10:00:00+01:00', calendar, single, 'nl');
    expect(nl.confirmBy).toBe(
      'uiterlijk woensdag 4 maart 2026: 1 werkdag na ontvangst op dinsdag 3 maart 2026; niet meegeteld: de dag van ontvangst',
    );
    expect(nl.answerBy).toBe('uiterlijk dinsdag 10 maart 2026: 1 week na ontvangst op dinsdag 3 maart 2026');
    expect(nl.extendedAnswerBy).toMatch(/eenmaal met 1 week wordt verlengd: 2 weken na ontvangst/);
  });
});
