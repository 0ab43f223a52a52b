/**
 * The one way a file becomes part of a case, whatever brought it (the form, the complainant's
 * page, a mail reply): bytes in, a cleaned file or a refusal out. In order:
 *
 * 1. size — nothing over the limit is looked at;
 * 2. scan — with a scanner configured, the bytes as they came go to clamd (`scanner.ts`) before
 *    anything else reads them; an infected file is refused with its own calm message whatever its
 *    kind (the EICAR test file, like much malware, is no photo) and logged by its signature only;
 *    a scanner that does not answer throws (`scanner-unavailable`), and nothing is kept unscanned;
 * 3. sniff — the kind from the bytes (`sniff.ts`); anything but JPEG, PNG, WebP, HEIC/HEIF, PDF is refused;
 * 4. clean — images decoded and encoded anew (`images.ts`), PDFs rebuilt (`pdf.ts`); a file that
 *    does not decode as what its bytes claim is refused.
 *
 * Naming (`bijlage-1.jpg`, …) happens when a store takes the files onto a case (`names.ts`).
 * Independent of HTTP: callers hand over bytes and the name the sender gave.
 */
import { createHash } from 'node:crypto';
import { errorTag } from '../errors.ts';
import type { Log } from '../log.ts';
import { displayText } from '../stores/github/inert-text.ts';
import { reencodeImage } from './images.ts';
import type { StoredType } from './record.ts';
import { cleanPdf } from './pdf.ts';
import type { Scanner } from './scanner.ts';
import { sniffKind } from './sniff.ts';

/** A file as it arrived: the bytes (or the note that there were more than the limit) and its name. */
export interface IncomingFile {
  originalName: string;
  bytes: Uint8Array | 'too-large';
}

/** A cleaned file, ready to be named and kept. */
export interface PreparedFile {
  bytes: Uint8Array;
  type: StoredType;
  extension: 'jpg' | 'png' | 'webp' | 'pdf';
  size: number;
  sha256: string;
  /** The sender's name for it, made inert (no path, no hidden characters, at most 255). */
  originalName: string;
  width?: number;
  height?: number;
  pages?: number;
}

/** Why a file was refused; each has its own message (`messages.ts`). */
export type RefusalCode =
  | 'empty'
  | 'too-large'
  | 'type'
  | 'undecodable'
  | 'encrypted'
  | 'infected'
  /** More files in one post than allowed. */
  | 'too-many'
  /** The case holds as many files as it may. */
  | 'case-full'
  /** A file chosen earlier (and checked at once) that is no longer held. */
  | 'expired'
  /** A form to add files, sent without one. */
  | 'none';

/** A refused file, by the sender's name for it. */
export interface FileRefusal {
  originalName: string;
  code: RefusalCode;
}

/** The outcome for one file. */
export type PreparedOrRefused = { ok: true; file: PreparedFile } | { ok: false; refusal: FileRefusal };

/** What the pipeline needs from outside. */
export interface PipelineContext {
  maxFileBytes: number;
  /** Configured by `KLACHTEN_CLAMAV`; without it files are not scanned. */
  scanner?: Scanner | undefined;
  log: Log;
  /** The case the files are for, when there is one yet (for the log). */
  reference?: string | undefined;
}

/**
 * The sender's file name as inert text: the last part of a path, without control, bidi or
 * invisible characters, trimmed, at most 255 characters.
 *
 * @example
 * inertFileName('C:\\Users\\anna\\IMG_0001.JPG') // 'IMG_0001.JPG'
 */
export function inertFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  return Array.from(displayText(last).replace(/\n/g, ' ').trim()).slice(0, 255).join('');
}

/**
 * The hex SHA-256 of bytes.
 *
 * @example
 * sha256Hex(new Uint8Array()) // 'e3b0c442…'
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// Cleaning a photo holds its decoded pixels; two at a time keep a burst within memory on a small
// server (the rest wait their turn) — one process's share, whatever the number of requests.
const maxCleaning = 2;
let cleaning = 0;
const waiting: Array<() => void> = [];
async function oneOfFew<T>(work: () => Promise<T>): Promise<T> {
  if (cleaning >= maxCleaning) await new Promise<void>((resolve) => waiting.push(resolve));
  cleaning += 1;
  try {
    return await work();
  } finally {
    cleaning -= 1;
    waiting.shift()?.();
  }
}

/**
 * Takes one file through size, sniff, scan and clean. Throws only when the scanner cannot answer
 * (`scanner-unavailable`); every other problem is a refusal.
 *
 * @example
 * const result = await prepareFile({ originalName: 'lekkage.jpg', bytes }, { maxFileBytes: 10 * 2 ** 20, log });
 * if (result.ok) result.file.type // 'image/jpeg'
 */
export async function prepareFile(incoming: IncomingFile, context: PipelineContext): Promise<PreparedOrRefused> {
  const originalName = inertFileName(incoming.originalName);
  const refuse = (code: RefusalCode): PreparedOrRefused => {
    context.log('attachment.refused', { code, ...(context.reference ? { reference: context.reference } : {}) });
    return { ok: false, refusal: { originalName, code } };
  };
  const { bytes } = incoming;
  if (bytes === 'too-large' || bytes.byteLength > context.maxFileBytes) return refuse('too-large');
  if (bytes.byteLength === 0) return refuse('empty');
  if (context.scanner !== undefined) {
    const found = await context.scanner.scan(bytes);
    if (!found.clean) {
      context.log('attachment.infected', {
        signature: found.signature,
        ...(context.reference ? { reference: context.reference } : {}),
      });
      return refuse('infected');
    }
  }
  const kind = await sniffKind(bytes);
  if (kind === undefined) return refuse('type');
  try {
    const cleaned = await oneOfFew(async () => {
      if (kind.kind === 'pdf') {
        const pdf = await cleanPdf(bytes);
        return { bytes: pdf.bytes, pages: pdf.pages };
      }
      const image = await reencodeImage(bytes, kind);
      return { bytes: image.bytes, width: image.width, height: image.height };
    });
    return {
      ok: true,
      file: {
        ...cleaned,
        type: kind.stored,
        extension: kind.extension,
        size: cleaned.bytes.byteLength,
        sha256: sha256Hex(cleaned.bytes),
        originalName,
      },
    };
  } catch (error) {
    const tag = errorTag(error);
    return refuse(tag === 'encrypted' ? 'encrypted' : 'undecodable');
  }
}

/**
 * Takes several files through the pipeline one after the other, the ones past `maxFiles`
 * refused as `too-many` without being looked at.
 *
 * @example
 * const results = await prepareFiles(files, { maxFileBytes, log }, 5);
 */
export async function prepareFiles(
  files: readonly IncomingFile[],
  context: PipelineContext,
  maxFiles: number,
): Promise<PreparedOrRefused[]> {
  const results: PreparedOrRefused[] = [];
  for (const [index, file] of files.entries()) {
    if (index >= maxFiles) {
      results.push({ ok: false, refusal: { originalName: inertFileName(file.originalName), code: 'too-many' } });
      continue;
    }
    results.push(await prepareFile(file, context));
  }
  return results;
}
