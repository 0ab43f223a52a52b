// The site's main public pages in both languages: the ones Lighthouse measures
// (bench/lighthouse.ts) and the polish test reads (tests/browser/polish.test.ts).

/**
 * The paths of home, reglement, form, reports and the accessibility statement, Dutch then English.
 *
 * @example
 * for (const path of publicPages) await fetch(`${baseUrl}${path}`);
 */
export const publicPages: readonly string[] = [
  '/',
  '/reglement/',
  '/klacht-indienen/',
  '/rapportages/',
  '/toegankelijkheid/',
  '/en/',
  '/en/procedure/',
  '/en/complaint/',
  '/en/reports/',
  '/en/accessibility/',
];
