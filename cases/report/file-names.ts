/**
 * The names of a report's files: the Markdown per language and the charts beside it, Dutch names
 * for the Dutch report and English ones for the English report.
 */
import type { Locale } from '../locale.ts';

/**
 * The file names of the charts: Dutch names for the Dutch report, English for the English one.
 *
 * @example
 * chartFileNames('2026-h2', 'nl'); // { months: '2026-h2.per-maand.svg', categories: '2026-h2.per-onderwerp.svg' }
 */
export function chartFileNames(baseName: string, locale: Locale): { months: string; categories: string } {
  return locale === 'nl'
    ? { months: `${baseName}.per-maand.svg`, categories: `${baseName}.per-onderwerp.svg` }
    : { months: `${baseName}.en.per-month.svg`, categories: `${baseName}.en.per-subject.svg` };
}

/**
 * The file name of the report in a language: `2026-h2.md` and `2026-h2.en.md`.
 *
 * @example
 * reportFileName('2026-h2', 'en'); // "2026-h2.en.md"
 */
export function reportFileName(baseName: string, locale: Locale): string {
  return locale === 'nl' ? `${baseName}.md` : `${baseName}.${locale}.md`;
}
