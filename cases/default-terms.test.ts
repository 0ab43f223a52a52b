import { describe, expect, it } from 'vitest';
import { DEFAULT_TERMS_SETTINGS } from './default-terms.ts';

describe('the reglement’s terms', () => {
  it('are 7 working days to confirm, 6 weeks to answer and once 4 weeks more, and 4 weeks after a reopening, in Dutch time', () => {
    expect(DEFAULT_TERMS_SETTINGS).toEqual({
      timeZone: 'Europe/Amsterdam',
      confirmWorkingDays: 7,
      answerWeeks: 6,
      extensionWeeks: 4,
      reopenWeeks: 4,
    });
  });
});
