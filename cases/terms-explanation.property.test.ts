import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyMoment, atwCalendar as calendar } from '../tests/support/terms-fixture.ts';
import { DEFAULT_TERMS_SETTINGS } from './default-terms.ts';
import { formatDate } from './format-date.ts';
import { explainTerms } from './terms-explanation.ts';
import { computeTerms } from './terms.ts';

const settings = DEFAULT_TERMS_SETTINGS;

describe('the explanations of the terms of any complaint received 2025–2035', () => {
  it('explain each term starting with its own date, in both languages', () => {
    fc.assert(
      fc.property(anyMoment, ({ text }) => {
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
