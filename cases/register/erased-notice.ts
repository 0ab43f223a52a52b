/**
 * What a person is told about a case whose personal data was erased: on which day, and why. The
 * same words for `klachten cases show` and the complainant's page. Pure.
 */
import { formatDate } from '../format-date.ts';
import type { Locale } from '../locale.ts';
import type { RegisterRecord } from './record.ts';

/**
 * The sentence about an erased case, in Dutch or English; undefined for a case not erased.
 *
 * @example
 * erasedNotice({ erasedAt: '2029-01-05T03:00:00.000Z', erasedBecause: 'bewaartermijn' }, 'nl', 'Europe/Amsterdam')
 * // 'De gegevens van deze klacht zijn op 5 januari 2029 verwijderd: de bewaartermijn was voorbij.'
 * erasedNotice({ erasedAt: '2029-01-05T03:00:00.000Z', erasedBecause: 'verzoek' }, 'en', 'Europe/Amsterdam')
 * // 'The details of this complaint were removed on 5 January 2029, at the request of the person concerned.'
 */
export function erasedNotice(
  record: Pick<RegisterRecord, 'erasedAt' | 'erasedBecause'>,
  locale: Locale,
  timeZone: string,
): string | undefined {
  if (record.erasedAt === undefined) return undefined;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(record.erasedAt),
  );
  const on = formatDate(day, locale, { weekday: false });
  const byRequest = record.erasedBecause === 'verzoek';
  if (locale === 'en') {
    return byRequest
      ? `The details of this complaint were removed on ${on}, at the request of the person concerned.`
      : `The details of this complaint were removed on ${on}: the retention period had ended.`;
  }
  return byRequest
    ? `De gegevens van deze klacht zijn op ${on} verwijderd, op verzoek van de betrokkene.`
    : `De gegevens van deze klacht zijn op ${on} verwijderd: de bewaartermijn was voorbij.`;
}
