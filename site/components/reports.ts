import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../../cases/locale.ts';
import { paths } from '../i18n/ui.ts';

/** A report as the site has it: one Markdown file of `site/content/reports/` in one language. */
export type ReportEntry = CollectionEntry<'reports'>;

/**
 * The name of a report in web addresses: its file name without `.md` and without the language,
 * the same for both languages (`2026-h2.md` and `2026-h2.en.md` are both `2026-h2`).
 *
 * @example
 * reportSlug(entry); // "2026-h2"
 */
export function reportSlug(entry: ReportEntry): string {
  return entry.id.replace(/\.en$/, '');
}

/**
 * The reports in one language, newest period first.
 *
 * @example
 * const reports = await reportsOf('nl');
 */
export async function reportsOf(locale: Locale): Promise<ReportEntry[]> {
  const entries = await getCollection('reports', (entry) => entry.data.locale === locale);
  return entries.sort((a, b) => b.data.to.localeCompare(a.data.to) || a.id.localeCompare(b.id));
}

/**
 * The address of a report page: `/rapportages/2026-h2/`, `/en/reports/2026-h2/`.
 *
 * @example
 * reportHref('2026-h2', 'en'); // "/en/reports/2026-h2/"
 */
export function reportHref(slug: string, locale: Locale): string {
  return `${paths[locale].reports}${slug}/`;
}

/**
 * The static paths of the report pages in one language, each with its entry.
 *
 * @example
 * export const getStaticPaths = () => reportPaths('nl');
 */
export async function reportPaths(locale: Locale) {
  return (await reportsOf(locale)).map((entry) => ({ params: { report: reportSlug(entry) }, props: { entry } }));
}
