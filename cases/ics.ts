/**
 * An iCalendar (RFC 5545) file with the latest answer date of a complaint, for the receipt page's
 * download and as a mail attachment. Pure: the time stamp is passed in.
 *
 * It carries the reference and the organisation, never personal data: a calendar file gets
 * forwarded and synchronised to places the complaint itself must not go.
 */
import { Temporal } from 'temporal-polyfill';
import { toPlainDate } from './calendar.ts';
import type { Locale } from './locale.ts';

/** What goes into the answer-date event. */
export type AnswerDateIcsInput = {
  /** The case reference, e.g. "K-2026-7QF3M9"; letters, digits, '.', '_' and '-' only. */
  reference: string;
  /** The answer date, `YYYY-MM-DD`. */
  date: string;
  locale: Locale;
  organisationName: string;
  /** When the file was made: an ISO 8601 instant with offset or Z (the caller's clock, not ours). */
  dtstamp: string;
  /** Public URL of the site, linked from the event. */
  siteUrl: string;
  /**
   * Revision of the event: raise it when the answer date changes (extension), so that a calendar
   * that imported the earlier file replaces its event (same UID) instead of keeping the old one.
   */
  sequence?: number;
};

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const utf8 = new TextEncoder();

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; other
 * control characters, which TEXT may not contain, are dropped.
 *
 * @example
 * escapeText('a,b;c\\d\ne'); // "a\\,b\\;c\\\\d\\ne"
 */
export function escapeText(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
  return [...escaped].filter(isAllowedInText).join('');
}

/** TEXT allows a tab but no other control character. */
function isAllowedInText(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code === 0x09 || (code >= 0x20 && code !== 0x7f);
}

/**
 * Folds one content line at 75 octets (RFC 5545 §3.1): continuation lines start with a space,
 * and a UTF-8 character is never split across lines.
 *
 * @example
 * foldLine('DESCRIPTION:' + 'x'.repeat(100)); // "DESCRIPTION:xxx…\r\n xxx…"
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8.encode(character).length;
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** `20280418` for 2028-04-18. */
function basicDate(date: Temporal.PlainDate): string {
  return date.toString().replaceAll('-', '');
}

/** `20280303T101500Z`: the instant in UTC, whole seconds. */
function basicUtc(moment: string): string {
  let instant: Temporal.Instant;
  try {
    instant = Temporal.Instant.from(moment);
  } catch {
    throw new Error(`dtstamp "${moment}" is geen tijdstip met tijdzone (ISO 8601, bijvoorbeeld 2028-03-03T10:15:00Z).`);
  }
  const utc = instant.toZonedDateTimeISO('UTC');
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(utc.year, 4)}${pad(utc.month)}${pad(utc.day)}T${pad(utc.hour)}${pad(utc.minute)}${pad(utc.second)}Z`;
}

const TEXTS = {
  nl: {
    summary: (reference: string) => `Uiterste antwoorddatum klacht ${reference}`,
    description: (reference: string, organisation: string, url: string) =>
      `Uiterlijk op deze dag krijgt u van ${organisation} een antwoord op uw klacht met kenmerk ${reference}. ` +
      `Wordt de termijn verlengd, dan hoort u dat vooraf.\nMeer informatie: ${url}`,
  },
  en: {
    summary: (reference: string) => `Latest answer date, complaint ${reference}`,
    description: (reference: string, organisation: string, url: string) =>
      `By this day ${organisation} will answer your complaint with reference ${reference}. ` +
      `If the term is extended, you will be told beforehand.\nMore information: ${url}`,
  },
} as const;

/**
 * The answer date as an all-day event in an RFC 5545 VCALENDAR: CRLF line ends, lines folded at
 * 75 octets, TEXT values escaped, UID derived from the reference and the site's host (so a later
 * file for the same case replaces the event), no personal data. Serve it as
 * `text/calendar; charset=utf-8; method=PUBLISH`.
 *
 * @example
 * makeAnswerDateIcs({ reference: 'K-2028-7QF3M9', date: '2028-04-18', locale: 'nl',
 *   organisationName: 'Livable', dtstamp: '2028-03-03T10:15:00Z', siteUrl: 'https://klachten.livable.nl/' });
 * // "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…DTSTART;VALUE=DATE:20280418\r\n…END:VCALENDAR\r\n"
 */
export function makeAnswerDateIcs(input: AnswerDateIcsInput): string {
  if (!/^[A-Za-z0-9._-]+$/.test(input.reference)) {
    throw new Error(
      `Kenmerk "${input.reference}" is ongeldig voor een agenda-bestand: alleen letters, cijfers, '.', '_' en '-'.`,
    );
  }
  const sequence = input.sequence ?? 0;
  if (!Number.isInteger(sequence) || sequence < 0)
    throw new Error(`sequence moet een geheel getal ≥ 0 zijn, niet ${sequence}.`);
  const organisation = input.organisationName.trim();
  if (organisation === '') throw new Error('organisationName is leeg.');
  let site: URL;
  try {
    site = new URL(input.siteUrl);
  } catch {
    throw new Error(`siteUrl "${input.siteUrl}" is geen geldige URL.`);
  }
  const day = toPlainDate(input.date);
  const texts = TEXTS[input.locale];
  const lang = input.locale.toUpperCase();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Klachtenloket//Antwoorddatum//${lang}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(`antwoorddatum-${input.reference}@${site.host}`)}`,
    `SEQUENCE:${sequence}`,
    `DTSTAMP:${basicUtc(input.dtstamp)}`,
    `DTSTART;VALUE=DATE:${basicDate(day)}`,
    `DTEND;VALUE=DATE:${basicDate(day.add({ days: 1 }))}`,
    `SUMMARY;LANGUAGE=${input.locale}:${escapeText(`${texts.summary(input.reference)} (${organisation})`)}`,
    `DESCRIPTION;LANGUAGE=${input.locale}:${escapeText(texts.description(input.reference, organisation, site.href))}`,
    `URL:${site.href}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
