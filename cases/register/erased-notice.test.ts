import { describe, expect, it } from 'vitest';
import { erasedNotice } from './erased-notice.ts';

describe('the notice about an erased case', () => {
  it('says on which day and why, in Dutch and in English', () => {
    const retention = { erasedAt: '2029-01-04T23:30:00.000Z', erasedBecause: 'bewaartermijn' } as const;
    const request = { erasedAt: '2029-01-05T10:00:00.000Z', erasedBecause: 'verzoek' } as const;
    expect(erasedNotice(retention, 'nl', 'Europe/Amsterdam')).toBe(
      'De gegevens van deze klacht zijn op 5 januari 2029 verwijderd: de bewaartermijn was voorbij.',
    );
    expect(erasedNotice(request, 'en', 'Europe/Amsterdam')).toBe(
      'The details of this complaint were removed on 5 January 2029, at the request of the person concerned.',
    );
  });

  it('says nothing about a case that was not erased', () => {
    expect(erasedNotice({}, 'nl', 'Europe/Amsterdam')).toBeUndefined();
  });
});
