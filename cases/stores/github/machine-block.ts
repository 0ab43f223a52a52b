import { createHash } from 'node:crypto';
import { z } from 'zod';
import { referencePattern } from '../../case.ts';

/**
 * The machine block of an issue: a hidden HTML comment at the very start of a page holding the
 * case as pure-ASCII JSON, and the pages a long case is split over (the issue body is page 1, each
 * further page a comment). Every page opens with its own header, numbered `part`/`parts`, so the
 * pieces are found again in any order.
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

/**
 * JSON as pure ASCII that can sit inside an HTML comment: every non-ASCII character, `<`, `>`
 * and `&` as a `\uXXXX` escape and no `--` anywhere. Only valid because such characters occur
 * in JSON text only inside strings, where an escape means the same character.
 *
 * @example
 * machineJson({ name: 'Zoë <b>' }) // '{"name":"Zo\\u00eb \\u003cb\\u003e"}'
 */
export function machineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u007f-\uffff<>&]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('--', '-\\u002d');
}

/**
 * The digest of a whole machine block, written on every page of a case over several pages.
 *
 * @example
 * digestOf(machineJson(record)) // 16 hex digits
 */
export function digestOf(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

function pageHeader(header: PageHeader): string {
  return `${marker}${machineJson(header)}\n`;
}

/**
 * The start of a page: its header, its chunk of the machine block and the closing line. The
 * readable copy follows it.
 *
 * @example
 * machinePage({ reference: 'K-2026-7QF3M9', part: 1, parts: 1 }, machineJson(record)) // '<!-- klachtenloket:v1 {…}\n{…}\n-->\n'
 */
export function machinePage(header: PageHeader, chunk: string): string {
  return `${pageHeader(header)}${chunk}${closing}`;
}

/**
 * Whether a page starts with a machine block marker (valid or not).
 *
 * @example
 * startsWithMachineBlock(encodeIssue(record, context).body) // true
 */
export function startsWithMachineBlock(page: string): boolean {
  return page.startsWith(marker);
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

/**
 * Reads the header and the chunk of the machine block of a page, when it starts with one.
 *
 * @example
 * readPage(issue.body) // { header: { reference: 'K-2026-7QF3M9', part: 1, parts: 1, … }, chunk: '{…}' } or undefined
 */
export function readPage(page: string): { header: PageHeader; chunk: string } | undefined {
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
