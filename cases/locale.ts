/**
 * The languages of the site, the mail, the terms' explanations and the report: Dutch first, then
 * English. A module of its own that imports nothing, so every layer can name a language without
 * pulling in the complaint form or the report.
 *
 * @example
 * locales.map((locale) => reportFileName(baseName, locale)); // ['2026-h2.md', '2026-h2.en.md']
 */
export const locales = ['nl', 'en'] as const;

/**
 * One of {@link locales}.
 *
 * @example
 * const other: Locale = locale === 'nl' ? 'en' : 'nl';
 */
export type Locale = (typeof locales)[number];
