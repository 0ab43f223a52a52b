import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseCase, referencePattern, statuses } from '../../case.ts';
import type { Case, Status } from '../../case.ts';
import type { Config } from '../../config.ts';
import { formatDate, type TermsExplanation } from '../../terms.ts';
import { isOverdueLabel, overdueLabels, overdueLabelsOf } from '../../deadlines.ts';

/**
 * The issue format: how a case is written into a GitHub issue and read back.
 *
 * An issue body has two halves:
 * - a **machine block**, a hidden HTML comment holding the case as JSON. The code writes it and
 *   validates it with `caseSchema` on read; the state of a case is never parsed out of text a
 *   complainant wrote. The JSON is pure ASCII (every other character as a `\uXXXX` escape, and
 *   `<`, `>`, `&` and every second `-` of `--` too), so no complainant text can end the comment,
 *   and no Unicode normalisation on the way can change what decoding gives back: decoding returns
 *   exactly the text that was submitted, byte for byte.
 * - a **readable copy** in Dutch for the coordinator. Every field a person typed is shown inside a
 *   fenced code block whose fence is longer than any run of backticks in it, so no mention,
 *   reference, link, image, HTML, heading, table or task list from a complainant becomes live.
 *   The displayed copy drops control characters, bidi overrides and invisible zero-width
 *   characters (they can make a text read differently from what it says); the machine block
 *   keeps them, so nothing is lost.
 *
 * GitHub refuses a body over 65,536 characters. A case that does not fit is split into pages: the
 * issue body is page 1 and each further page is a comment (`continuation`). Every page starts with
 * its own piece of the machine block, numbered `part`/`parts`, so the pieces are found again in any
 * order, and only at the very start of a page, where a complainant's text can never be.
 */

/** The marker that opens every machine block. */
const marker = '<!-- klachtenloket:v1 ';
/** The closing line of every machine block. */
const closing = '\n-->\n';
/**
 * The longest page we write, in UTF-16 code units (GitHub counts characters, which is never more).
 * A margin below GitHub's 65,536 leaves room for line-ending changes by other tools.
 */
export const maxPageLength = 65_000;
/** A user field longer than this in the displayed copy is shown in several code blocks. */
const maxDisplayPiece = 30_000;

/** What `encodeIssue` needs from the configuration to write a readable body. */
export interface IssueContext {
  categories: Config['categories'];
  people?: Config['people'];
  terms?: Pick<Config['terms'], 'confirmWorkingDays' | 'answerWeeks' | 'extensionWeeks'>;
  /** One Dutch sentence per term saying how it came about (`explainTerms` with the calendar). */
  explainTerms?: (terms: Case['terms']) => TermsExplanation;
}

/** An issue as GitHub holds it, reduced to what the format reads. */
export interface IssueText {
  title: string;
  body: string;
  labels: readonly string[];
  /** Bodies of the issue's comments, oldest first; only our continuation pages are read. */
  comments?: readonly string[];
}

/** An issue as the format writes it. */
export interface EncodedIssue {
  title: string;
  body: string;
  labels: string[];
  /** Further pages, each to be posted as a comment, in order, when the case is too long for one body. */
  continuation?: string[];
}

/** The header of one page of a machine block. */
export interface PageHeader {
  reference: string;
  part: number;
  parts: number;
  /** Only on part 1, so a store can recognise a resubmission without reading the comments. */
  fingerprint?: string;
  receivedAt?: string;
  /**
   * Of a case over several pages: a hash of the whole machine block, the same on every page, so
   * pages of an older version (left while an update is under way) are never mixed in.
   */
  digest?: string;
}

const headerSchema = z.object({
  reference: z.string().regex(referencePattern),
  part: z.number().int().positive(),
  parts: z.number().int().positive(),
  fingerprint: z.string().optional(),
  receivedAt: z.string().optional(),
  digest: z.string().optional(),
});

// ---------------------------------------------------------------------------------------------
// Labels

/** The label every case carries: the way tools and people find cases among other issues. */
export const caseLabel = 'klacht';

/**
 * The label that mirrors a status.
 *
 * @example
 * statusLabel('ontvangen') // 'status: ontvangen'
 */
export function statusLabel(status: Status): string {
  return `status: ${status}`;
}

/**
 * The label that mirrors a category.
 *
 * @example
 * categoryLabel('onderhoud') // 'categorie: onderhoud'
 */
export function categoryLabel(categoryId: string): string {
  return `categorie: ${categoryId}`;
}

/**
 * Whether a label is one the tooling writes (and so may replace); other labels are the coordinators'.
 *
 * @example
 * isOwnLabel('status: bevestigd') // true
 * isOwnLabel('spoed') // false
 */
export function isOwnLabel(name: string): boolean {
  return name === caseLabel || name.startsWith('status: ') || name.startsWith('categorie: ') || isOverdueLabel(name);
}

/** A label as `klachten setup` keeps it in the repository. */
export interface LabelDefinition {
  name: string;
  color: string;
  description: string;
}

const statusDescriptions: Record<Status, string> = {
  ontvangen: 'Klacht ontvangen, nog niet bevestigd / received',
  bevestigd: 'Ontvangst bevestigd, behandelaar bekend / confirmed',
  verdaagd: 'Antwoordtermijn eenmaal verlengd / term extended',
  beantwoord: 'Gemotiveerd antwoord verstuurd / answered',
  afgesloten: 'Klacht afgehandeld / closed',
  'niet-in-behandeling': 'Niet in behandeling genomen (herhaalde klacht) / not taken up',
};
const statusColors: Record<Status, string> = {
  ontvangen: 'fbca04',
  bevestigd: '0e8a16',
  verdaagd: 'd93f0b',
  beantwoord: '1d76db',
  afgesloten: '6a737d',
  'niet-in-behandeling': 'b60205',
};

/**
 * Every label the tooling uses, for `klachten setup`: the case label, one per status and one per
 * category of the configuration. Descriptions carry no personal data (labels are visible to
 * everyone with read access, and GitHub caps descriptions at 100 characters).
 *
 * @example
 * labelDefinitions(config.categories)[0] // { name: 'klacht', color: '5319e7', description: 'Een klacht …' }
 */
export function labelDefinitions(categories: Config['categories']): LabelDefinition[] {
  return [
    { name: caseLabel, color: '5319e7', description: 'Een klacht volgens het klachtenreglement / a complaint' },
    ...statuses.map((status) => ({
      name: statusLabel(status),
      color: statusColors[status],
      description: statusDescriptions[status],
    })),
    ...categories.map((category) => ({
      name: categoryLabel(category.id),
      color: 'c5def5',
      description: truncate(`Categorie: ${category.label.nl} / ${category.label.en}`, 100),
    })),
    // Set by the daily deadlines job while a term is overdue (cases/deadlines.ts).
    {
      name: overdueLabels.confirm,
      color: 'b60205',
      description: 'Bevestigingstermijn verlopen / confirmation overdue',
    },
    { name: overdueLabels.answer, color: 'b60205', description: 'Antwoordtermijn verlopen / answer overdue' },
  ];
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// ---------------------------------------------------------------------------------------------
// Text made inert

/**
 * Characters dropped from the displayed copy: C0 and C1 controls (tab and newline stay), bidi
 * embeddings, overrides, isolates and marks, and invisible zero-width characters. ZWJ and ZWNJ
 * stay: emoji sequences and several scripts need them.
 */
const hiddenCharacters =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/**
 * The displayed copy of a text a person typed: line endings as `\n`, hidden characters dropped,
 * unpaired surrogates replaced. The machine block keeps the original.
 *
 * @example
 * displayText('a\u202Eb\r\nc') // 'ab\nc'
 */
export function displayText(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(hiddenCharacters, '')
    .toWellFormed();
}

/**
 * A fenced code block around a displayed text: the fence is one backtick longer than the longest
 * run of backticks inside, so nothing inside can close it, and nothing inside is ever rendered as
 * Markdown or HTML by GitHub (no mentions, references or autolinks in code either).
 *
 * @example
 * fence('a ``` b') // '````text\na ``` b\n````'
 */
export function fence(text: string): string {
  const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
  const ticks = '`'.repeat(Math.max(3, longestRun + 1));
  return `${ticks}text\n${text}\n${ticks}`;
}

/** Splits a displayed text into pieces that fit, preferring line breaks. */
function splitForDisplay(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = max;
    // Never split a surrogate pair.
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(rest[cut] === '\n' ? cut + 1 : cut);
  }
  pieces.push(rest);
  return pieces;
}

/** One heading with the user text below it, split over several blocks when very long. */
function userTextUnits(heading: string, text: string): string[] {
  const pieces = splitForDisplay(displayText(text), maxDisplayPiece);
  return pieces.map((piece, index) => `${index === 0 ? heading : `${heading} (vervolg)`}\n\n${fence(piece)}`);
}

// ---------------------------------------------------------------------------------------------
// The machine block

/**
 * JSON as pure ASCII that can sit inside an HTML comment: every non-ASCII character, `<`, `>`
 * and `&` as a `\uXXXX` escape and no `--` anywhere. Only valid because such characters occur
 * in JSON text only inside strings, where an escape means the same character.
 */
function machineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u007f-\uffff<>&]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('--', '-\\u002d');
}

function digestOf(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

function pageHeader(header: PageHeader): string {
  return `${marker}${machineJson(header)}\n`;
}

/**
 * Reads the header of a page (an issue body or a comment) when it starts with a machine block.
 *
 * @example
 * readPageHeader(issue.body) // { reference: 'K-2026-7QF3M9', part: 1, parts: 1, … } or undefined
 */
export function readPageHeader(page: string): PageHeader | undefined {
  return readPage(page)?.header;
}

function readPage(page: string): { header: PageHeader; chunk: string } | undefined {
  // Only at the very start of a page: a complainant's text never stands there.
  if (!page.startsWith(marker)) return undefined;
  const headerEnd = page.indexOf('\n', marker.length);
  if (headerEnd < 0) return undefined;
  const chunkEnd = page.indexOf('\n-->', headerEnd + 1);
  if (chunkEnd < 0) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(page.slice(marker.length, headerEnd));
  } catch {
    return undefined;
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { fingerprint, receivedAt, digest, ...rest } = parsed.data;
  const header: PageHeader = {
    ...rest,
    ...(fingerprint === undefined ? {} : { fingerprint }),
    ...(receivedAt === undefined ? {} : { receivedAt }),
    ...(digest === undefined ? {} : { digest }),
  };
  return { header, chunk: page.slice(headerEnd + 1, chunkEnd) };
}

// ---------------------------------------------------------------------------------------------
// The readable copy (Dutch)

const roleNames: Record<Case['role'], string> = {
  bewoner: 'bewoner',
  'pand-eigenaar': 'pandeigenaar',
  opdrachtgever: 'opdrachtgever',
};
const sourceNames: Record<Case['source'], string> = {
  web: 'het webformulier',
  telefoon: 'de telefoon',
  brief: 'een brief',
  'e-mail': 'e-mail',
  balie: 'de balie',
};
const satisfactionNames = { ja: 'ja', deels: 'deels', nee: 'nee' } as const;

function categoryName(record: Case, context: IssueContext): string {
  return context.categories.find((category) => category.id === record.category)?.label.nl ?? record.category;
}

function handlerName(record: Case, context: IssueContext): string {
  if (record.handler === undefined) return 'nog niet toegewezen';
  return context.people?.find((person) => person.id === record.handler)?.name ?? `\`${record.handler}\``;
}

function overviewUnit(record: Case, context: IssueContext): string {
  const terms = { confirmWorkingDays: 7, answerWeeks: 6, extensionWeeks: 4, ...context.terms };
  const lines = [
    `## Klacht ${record.reference}`,
    '',
    '> [!IMPORTANT]',
    '> Vertrouwelijk: deze klacht bevat persoonsgegevens. Deel de inhoud niet buiten deze repository.',
    '> Bewerk deze tekst niet zelf; de klachtentool schrijft hem (zie docs/github.md).',
    '',
    `- **Kenmerk:** ${record.reference}`,
    `- **Status:** ${record.status}`,
    `- **Categorie:** ${categoryName(record, context)}`,
    `- **Ingediend door:** ${roleNames[record.role]}`,
    `- **Ontvangen via:** ${sourceNames[record.source]}, op ${formatDate(record.terms.received, 'nl')}`,
    `- **Taal:** ${record.locale === 'nl' ? 'Nederlands' : 'Engels'}`,
    `- **Eerder geklaagd over hetzelfde:** ${record.earlier}`,
    `- **Behandelaar:** ${handlerName(record, context)}`,
  ];
  if (record.earlierReference !== undefined) {
    const earlier = referencePattern.test(record.earlierReference) ? record.earlierReference : 'zie de gegevens';
    lines.push(`- **Eerdere klacht:** ${earlier}`);
  }
  if (record.outcome !== undefined) lines.push(`- **Uitkomst:** ${record.outcome}`);
  if (record.satisfaction !== undefined) {
    lines.push(`- **Naar tevredenheid opgelost:** ${satisfactionNames[record.satisfaction.answer]}`);
  }
  let explained: TermsExplanation | undefined;
  try {
    explained = context.explainTerms?.(record.terms);
  } catch {
    // A date beyond the calendar's horizon: the plain wording below says enough.
  }
  const term = (date: string, why: string, explanation: string | undefined) =>
    explanation ?? `uiterlijk ${formatDate(date, 'nl')} (${why})`;
  lines.push(
    '',
    '### Termijnen',
    '',
    `- **Bevestiging met naam van de behandelaar:** ${term(record.terms.confirmBy, `${terms.confirmWorkingDays} werkdagen na ontvangst`, explained?.confirmBy)}`,
    `- **Gemotiveerd antwoord${record.extended ? ' (verdaagd, geldt niet meer)' : ''}:** ${term(record.terms.answerBy, `${terms.answerWeeks} weken na ontvangst`, explained?.answerBy)}`,
    `- **Antwoord na verdaging${record.extended ? ' (geldt nu)' : ' (eenmaal, met bericht aan de klager)'}:** ${term(record.terms.extendedAnswerBy, `${terms.extensionWeeks} weken later`, explained?.extendedAnswerBy)}`,
  );
  if (record.events.length > 0) {
    lines.push('', '### Verloop', '');
    for (const event of record.events) lines.push(`- ${formatDate(event.at.slice(0, 10), 'nl')}: ${event.status}`);
  }
  return lines.join('\n');
}

function displayUnits(record: Case, context: IssueContext): string[] {
  const units = [overviewUnit(record, context)];
  units.push(...userTextUnits('### De klacht', record.complaint));
  units.push(...userTextUnits('### Wat verwacht de klager van de bemiddeling?', record.expectation));
  if (record.concerns !== undefined) units.push(...userTextUnits('### Over wie of welke afdeling', record.concerns));
  if (record.whatIsNew !== undefined)
    units.push(...userTextUnits('### Wat is er nieuw sinds de eerdere klacht?', record.whatIsNew));
  if (record.satisfaction?.remark !== undefined) {
    units.push(...userTextUnits('### Toelichting bij de tevredenheid', record.satisfaction.remark));
  }
  units.push('### Contactgegevens');
  units.push(...userTextUnits('#### Naam', record.name));
  units.push(...userTextUnits('#### E-mailadres', record.email));
  if (record.phone !== undefined) units.push(...userTextUnits('#### Telefoon', record.phone));
  units.push(...userTextUnits('#### Adres of complex', record.address));
  return units;
}

function continuationNote(reference: string, part: number, parts: number): string {
  return `_Vervolg van klacht ${reference} (deel ${part} van ${parts}). De klachtentool schreef deze reactie; bewerk of verwijder haar niet._`;
}

// ---------------------------------------------------------------------------------------------
// Encode and decode

/**
 * The title of a case's issue: reference and category, never personal data (titles travel in
 * notification e-mails).
 *
 * @example
 * issueTitle(record, context) // 'Klacht K-2026-7QF3M9 · Onderhoud'
 */
export function issueTitle(record: Case, context: IssueContext): string {
  return `Klacht ${record.reference} · ${categoryName(record, context)}`;
}

/**
 * The labels of a case: the case label, its status, its category and, while a term is overdue
 * and escalated, the overdue label (`overdueLabelsOf`).
 *
 * @example
 * issueLabels(record) // ['klacht', 'status: ontvangen', 'categorie: onderhoud']
 */
export function issueLabels(record: Case): string[] {
  return [caseLabel, statusLabel(record.status), categoryLabel(record.category), ...overdueLabelsOf(record)];
}

/**
 * Writes a case as an issue: title, labels, body and, for a case too long for one body, the
 * continuation pages to post as comments in order. Pure: the same case gives the same bytes.
 *
 * @example
 * const { title, body, labels, continuation } = encodeIssue(record, { categories: config.categories });
 */
export function encodeIssue(record: Case, context: IssueContext): EncodedIssue {
  const title = issueTitle(record, context);
  const labels = issueLabels(record);
  const json = machineJson(record);
  const units = displayUnits(record, context);
  const firstHeader = (parts: number, digest?: string): PageHeader => ({
    reference: record.reference,
    part: 1,
    parts,
    fingerprint: record.fingerprint,
    receivedAt: record.receivedAt,
    ...(digest === undefined ? {} : { digest }),
  });

  const single = `${pageHeader(firstHeader(1))}${json}${closing}${units.join('\n\n')}\n`;
  if (single.length <= maxPageLength) return { title, body: single, labels };

  // Room for header, closing, note and separators, with part numbers as long as they can get.
  const digest = digestOf(json);
  const reserve =
    pageHeader(firstHeader(9999, digest)).length +
    closing.length +
    continuationNote(record.reference, 9999, 9999).length +
    8;
  const capacity = maxPageLength - reserve;

  const displayPages: string[][] = [[]];
  let used = 0;
  for (const unit of units) {
    const cost = unit.length + 2;
    const current = displayPages[displayPages.length - 1] ?? [];
    if (used + cost > capacity && current.length > 0) {
      displayPages.push([unit]);
      used = cost;
    } else {
      current.push(unit);
      used += cost;
    }
  }

  const chunks: string[] = [];
  let offset = 0;
  for (const page of displayPages) {
    const room = capacity - page.reduce((sum, unit) => sum + unit.length + 2, 0);
    const take = Math.max(0, Math.min(room, json.length - offset));
    chunks.push(json.slice(offset, offset + take));
    offset += take;
  }
  while (offset < json.length) {
    chunks.push(json.slice(offset, offset + capacity));
    displayPages.push([]);
    offset += capacity;
  }

  const parts = chunks.length;
  const pages = chunks.map((chunk, index) => {
    const part = index + 1;
    const header: PageHeader =
      part === 1 ? firstHeader(parts, digest) : { reference: record.reference, part, parts, digest };
    const display = displayPages[index] ?? [];
    const note = part === 1 ? [] : [continuationNote(record.reference, part, parts)];
    return `${pageHeader(header)}${chunk}${closing}${[...note, ...display].join('\n\n')}\n`;
  });
  const [body = '', ...continuation] = pages;
  return { title, body, labels, continuation };
}

/** Why an issue could not be read as a case. */
export type DecodeFailure = 'no-machine-block' | 'incomplete' | 'invalid';

/**
 * An error from `decodeIssue`, with the reason as a code so a store can act on it (an issue-form
 * issue has no machine block yet; a continuation comment may still be missing).
 *
 * @example
 * try { decodeIssue(issue) } catch (error) { if (decodeFailure(error) === 'incomplete') … }
 */
export function decodeFailure(error: unknown): DecodeFailure | undefined {
  if (error instanceof Error && 'decodeFailure' in error) return error.decodeFailure as DecodeFailure;
  return undefined;
}

function failure(reason: DecodeFailure, message: string): Error {
  return Object.assign(new Error(message), { decodeFailure: reason });
}

/**
 * Reads a case back from its issue: the machine block of the body and of any continuation
 * comments, validated with `caseSchema`. Title, labels and the readable copy are never read: they
 * are mirrors, and the readable copy holds text a complainant wrote.
 *
 * @example
 * decodeIssue({ title, body, labels, comments }) // the Case exactly as filed, or throws
 */
export function decodeIssue(issue: IssueText): Case {
  const first = readPage(issue.body);
  if (first === undefined || first.header.part !== 1) {
    throw failure('no-machine-block', 'Deze issue heeft geen gegevensblok van de klachtentool.');
  }
  const { reference, parts } = first.header;
  const chunks = new Map<number, string>([[1, first.chunk]]);
  for (const comment of issue.comments ?? []) {
    const page = readPage(comment);
    if (page === undefined || page.header.reference !== reference || page.header.parts !== parts) continue;
    if (page.header.digest !== first.header.digest) continue;
    // A comment posted twice (a retried call) is harmless: the first copy counts.
    if (!chunks.has(page.header.part)) chunks.set(page.header.part, page.chunk);
  }
  let json = '';
  for (let part = 1; part <= parts; part += 1) {
    const chunk = chunks.get(part);
    if (chunk === undefined) throw failure('incomplete', `Klacht ${reference}: deel ${part} van ${parts} ontbreekt.`);
    json += chunk;
  }
  if (parts > 1 && digestOf(json) !== first.header.digest) {
    throw failure('invalid', `Klacht ${reference}: de delen van het gegevensblok passen niet bij elkaar.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw failure('invalid', `Klacht ${reference}: het gegevensblok is geen geldige JSON.`);
  }
  let record: Case;
  try {
    record = parseCase(raw);
  } catch (error) {
    throw failure('invalid', `Klacht ${reference}: ${error instanceof Error ? error.message : 'ongeldig'}`);
  }
  if (record.reference !== reference) {
    throw failure('invalid', `Klacht ${reference}: het gegevensblok hoort bij een ander kenmerk.`);
  }
  return record;
}

// ---------------------------------------------------------------------------------------------
// Issue forms: complaints a coordinator registers (.github/ISSUE_TEMPLATE/klacht.yml)

/** The headings GitHub writes for the fields of the issue form, in the form's order. */
export const issueFormHeadings = {
  source: 'Ontvangen via',
  receivedOn: 'Datum van ontvangst',
  locale: 'Taal van de klager',
  role: 'Wie dient de klacht in?',
  name: 'Naam',
  email: 'E-mailadres',
  phone: 'Telefoonnummer',
  address: 'Adres of complex',
  category: 'Waar gaat de klacht over?',
  complaint: 'De klacht',
  expectation: 'Wat verwacht de klager van de bemiddeling?',
  concerns: 'Over wie of welke afdeling',
  earlier: 'Eerder geklaagd over hetzelfde?',
  whatIsNew: 'Wat is er nieuw sinds de eerdere klacht?',
} as const;
type FormKey = keyof typeof issueFormHeadings;

/** The fields of a registered complaint, read from an issue-form body. */
export interface IssueFormFields {
  source: Exclude<Case['source'], 'web'>;
  /** `YYYY-MM-DD` when the coordinator gave one. */
  receivedOn?: string;
  locale: Case['locale'];
  role: Case['role'];
  name: string;
  email: string;
  phone?: string;
  address: string;
  category: string;
  complaint: string;
  expectation: string;
  concerns?: string;
  earlier: Case['earlier'];
  whatIsNew?: string;
}

/**
 * Whether a body looks like one GitHub wrote from our issue form (and not yet rewritten by us).
 *
 * @example
 * isIssueFormBody('### Ontvangen via\n\ntelefoon\n\n### …') // true
 */
export function isIssueFormBody(body: string): boolean {
  return !body.startsWith(marker) && body.replace(/\r\n/g, '\n').startsWith(`### ${issueFormHeadings.source}\n`);
}

/**
 * Reads the fields of an issue-form body. The headings are found in the form's order, so a
 * heading-like line inside a text only matters if it repeats the next heading exactly. Returns the
 * Dutch names of the fields that are missing or invalid instead of guessing.
 *
 * @example
 * decodeIssueForm(issue.body, config.categories) // { ok: true, fields: { source: 'telefoon', … } }
 */
export function decodeIssueForm(
  body: string,
  categories: Config['categories'],
): { ok: true; fields: IssueFormFields } | { ok: false; problems: string[] } {
  const text = body.replace(/\r\n?/g, '\n');
  const keys = Object.keys(issueFormHeadings) as FormKey[];
  const raw: Partial<Record<FormKey, string>> = {};
  let position = 0;
  const starts = keys.map((key) => {
    const heading = `### ${issueFormHeadings[key]}\n`;
    // A heading counts only at the start of a line.
    const start = text.startsWith(heading, position) ? position : indexPlusOne(text.indexOf(`\n${heading}`, position));
    if (start >= 0) position = start + heading.length;
    return { key, start, valueStart: start + heading.length };
  });
  starts.forEach((entry, index) => {
    if (entry.start < 0) return;
    const next = starts.slice(index + 1).find((later) => later.start >= 0);
    const value = text.slice(entry.valueStart, next ? next.start : text.length).trim();
    if (value !== '' && value !== '_No response_' && value !== 'None') raw[entry.key] = value;
  });

  const problems: string[] = [];
  const pick = <T extends string>(key: FormKey, options: readonly T[], map: Record<string, T> = {}): T | undefined => {
    const value = raw[key];
    const chosen = value === undefined ? undefined : (map[value] ?? options.find((option) => option === value));
    if (chosen === undefined) problems.push(issueFormHeadings[key]);
    return chosen;
  };
  const required = (key: FormKey): string => {
    const value = raw[key];
    if (value === undefined) problems.push(issueFormHeadings[key]);
    return value ?? '';
  };

  const source = pick('source', ['telefoon', 'brief', 'e-mail', 'balie'] as const);
  const locale = pick('locale', ['nl', 'en'] as const, { Nederlands: 'nl', Engels: 'en' });
  const role = pick('role', ['bewoner', 'pand-eigenaar', 'opdrachtgever'] as const);
  const category = pick(
    'category',
    categories.map((entry) => entry.id),
    Object.fromEntries(categories.map((entry) => [entry.label.nl, entry.id])),
  );
  const earlier = pick('earlier', ['nee', 'ja'] as const);
  const receivedOn = raw.receivedOn;
  if (receivedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) problems.push(issueFormHeadings.receivedOn);
  const fields = {
    name: required('name'),
    address: required('address'),
    complaint: required('complaint'),
    expectation: required('expectation'),
  };
  if (earlier === 'ja' && raw.whatIsNew === undefined) problems.push(issueFormHeadings.whatIsNew);
  if (problems.length > 0 || !source || !locale || !role || !category || !earlier) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      source,
      locale,
      role,
      category,
      earlier,
      ...fields,
      email: raw.email ?? '',
      ...(receivedOn === undefined ? {} : { receivedOn }),
      ...(raw.phone === undefined ? {} : { phone: raw.phone }),
      ...(raw.concerns === undefined ? {} : { concerns: raw.concerns }),
      ...(raw.whatIsNew === undefined ? {} : { whatIsNew: raw.whatIsNew }),
    },
  };
}

function indexPlusOne(index: number): number {
  return index < 0 ? -1 : index + 1;
}

/** What turning a registered complaint into a case needs that the form does not hold. */
export interface IssueFormCaseContext {
  reference: string;
  /** The receipt moment: the form's date at noon UTC (the same calendar day in Amsterdam), else the issue's creation. */
  receivedAt: string;
  terms: Case['terms'];
  fingerprint: string;
  /** Who registered it: the GitHub login of the issue's author. */
  by: string;
}

/**
 * Makes the case for a complaint registered through the issue form.
 *
 * @example
 * caseFromIssueForm(fields, { reference, receivedAt, terms, fingerprint, by: 'coordinator' })
 */
export function caseFromIssueForm(fields: IssueFormFields, context: IssueFormCaseContext): Case {
  const { receivedOn: _receivedOn, ...rest } = fields;
  return parseCase({
    ...rest,
    reference: context.reference,
    status: 'ontvangen',
    receivedAt: context.receivedAt,
    terms: context.terms,
    fingerprint: context.fingerprint,
    extended: false,
    events: [{ at: context.receivedAt, status: 'ontvangen', by: context.by }],
    notices: [],
    messages: [],
  });
}

/**
 * The receipt moment of a registered complaint: the date the coordinator gave, at noon UTC (the
 * same calendar day in Europe/Amsterdam in every season), or else the moment the issue was made.
 *
 * @example
 * issueFormReceivedAt({ receivedOn: '2026-11-20' }, '2026-11-24T09:00:00Z') // '2026-11-20T12:00:00Z'
 */
export function issueFormReceivedAt(fields: Pick<IssueFormFields, 'receivedOn'>, issueCreatedAt: string): string {
  return fields.receivedOn === undefined ? issueCreatedAt : `${fields.receivedOn}T12:00:00Z`;
}
