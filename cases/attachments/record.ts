/**
 * What a case records of a file the complainant sent: the name we gave it, its kind and size
 * after cleaning, a hash of the bytes we keep, and the name the person's device gave it — kept
 * only as inert text (never a file name on disk, never a link). The bytes themselves live in the
 * store's own home for files (`cases/attachments/port.ts`), never in the record.
 */
import { z } from 'zod';

/** The kinds of file a case keeps, as stored (HEIC/HEIF arrive, JPEG is kept). */
export const storedTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type StoredType = (typeof storedTypes)[number];

/** Where a file came from: the complaint form, the complainant's page, or (later) a mail reply. */
export const fileOrigins = ['formulier', 'mijn-klacht', 'e-mail'] as const;
export type FileOrigin = (typeof fileOrigins)[number];

/** Our name of a kept file: `bijlage-1.jpg`, `bijlage-2.pdf`, … */
export const attachmentNamePattern = /^bijlage-([1-9]\d{0,3})\.(jpg|png|webp|pdf)$/;

/** One file kept with a case. */
export const attachmentSchema = z.object({
  name: z.string().regex(attachmentNamePattern),
  type: z.enum(storedTypes),
  /** Bytes of the kept (cleaned) file. */
  size: z.number().int().positive(),
  /** SHA-256 of the kept bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The name the person's device gave the file, as inert text; never used as a path or a link. */
  originalName: z.string().max(255),
  addedAt: z.iso.datetime({ offset: true }),
  from: z.enum(fileOrigins),
  /** Pixels of a kept image, pages of a kept PDF. */
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  pages: z.number().int().positive().optional(),
});

/** A file as the case records it. */
export type StoredFile = z.output<typeof attachmentSchema>;

/** A file to keep with a case: its record on the case and its cleaned bytes. */
export interface CaseFile {
  record: StoredFile;
  bytes: Uint8Array;
}
