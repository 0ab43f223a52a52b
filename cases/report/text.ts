/**
 * The words of the report, Dutch (B1) first, English second, by language.
 */
import type { Locale } from '../locale.ts';
import type { ReportText } from './report-text.ts';
import { en } from './text-en.ts';
import { nl } from './text-nl.ts';

/**
 * Everything the report says, per language.
 *
 * @example
 * reportText.en.volume.heading; // "Volume"
 */
export const reportText: Record<Locale, ReportText> = { nl, en };
