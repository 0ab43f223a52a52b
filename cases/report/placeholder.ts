/**
 * The mark that starts every place the coordinator still has to fill in, so that neither a person
 * nor a check can miss an unfinished report.
 */
import type { Locale } from '../locale.ts';

const placeholderMark = '✎';

/**
 * The text that starts every placeholder for the coordinator; a report that still contains it is
 * not finished.
 *
 * @example
 * markdown.includes(placeholderPrefix.nl); // true in a fresh draft
 */
export const placeholderPrefix: Record<Locale, string> = {
  nl: `${placeholderMark} Voor de klachtencoördinator:`,
  en: `${placeholderMark} For the complaints coordinator:`,
};
