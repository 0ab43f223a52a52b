import { parseCase, type Case } from '../../case.ts';
import { overdueLabelsOf } from '../../deadlines.ts';
import { taggedError } from '../../errors.ts';
import { caseLabel, categoryLabel, holdLabel, statusLabel } from './labels.ts';
import { digestOf, machineJson, machinePage, maxPageLength, readPage, type PageHeader } from './machine-block.ts';
import { categoryName, continuationNote, displayUnits, type IssueContext } from './readable-copy.ts';

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
 *
 * The parts: `machine-block.ts` (the block and its pages), `readable-copy.ts` (the Dutch copy),
 * `inert-text.ts` (typed text made harmless), `labels.ts` (the mirrored labels); complaints
 * registered through GitHub's issue form are read by `issue-form.ts`.
 */

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
 * The labels of a case: the case label, its status, its category, while a term is overdue and
 * escalated the overdue label (`overdueLabelsOf`), and `bewaren` while it is on hold.
 *
 * @example
 * issueLabels(record) // ['klacht', 'status: ontvangen', 'categorie: onderhoud']
 */
export function issueLabels(record: Case): string[] {
  return [
    caseLabel,
    statusLabel(record.status),
    categoryLabel(record.category),
    ...overdueLabelsOf(record),
    ...(record.hold === undefined ? [] : [holdLabel]),
  ];
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

  const single = `${machinePage(firstHeader(1), json)}${units.join('\n\n')}\n`;
  if (single.length <= maxPageLength) return { title, body: single, labels };

  // Room for header, closing, note and separators, with part numbers as long as they can get.
  const digest = digestOf(json);
  const reserve =
    machinePage(firstHeader(9999, digest), '').length + continuationNote(record.reference, 9999, 9999).length + 8;
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
    return `${machinePage(header, chunk)}${[...note, ...display].join('\n\n')}\n`;
  });
  const [body = '', ...continuation] = pages;
  return { title, body, labels, continuation };
}

/**
 * Why an issue could not be read as a case: the tag (`errorTag`) of an error from `decodeIssue`,
 * so a store can act on it (an issue-form issue has no machine block yet; a continuation comment
 * may still be missing).
 *
 * @example
 * try { decodeIssue(issue) } catch (error) { if (errorTag(error) === 'incomplete') … }
 */
export type DecodeFailure = 'no-machine-block' | 'incomplete' | 'invalid';

function failure(reason: DecodeFailure, message: string): Error {
  return taggedError(reason, message);
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
