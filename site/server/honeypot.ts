// The honeypot: a field on the complaint form that people never see or hear (ComplaintForm.astro
// hides it from eyes and screen readers and keeps it out of the tab order), so only a program
// that fills in every field fills it. Such a post is answered exactly like a person's, from a
// store that keeps nothing, so the program learns nothing to adapt to.
import type { IncomingFile, PreparedFile } from '../../cases/attachments/pipeline.ts';
import { inertFileName, sha256Hex } from '../../cases/attachments/pipeline.ts';
import { sniffKind } from '../../cases/attachments/sniff.ts';
import type { CaseStore } from '../../cases/store.ts';

/**
 * The honeypot's field name: one a form-filling program takes for a real field, and that no
 * field of the complaint (cases/complaint.ts) uses.
 *
 * @example
 * <input name={honeypotField} tabindex="-1" autocomplete="off" />
 */
export const honeypotField = 'website';

/**
 * Whether a posted form filled the honeypot (anything but blanks).
 *
 * @example
 * filledHoneypot({ website: 'https://spam.example' }) // true
 */
export function filledHoneypot(raw: Record<string, unknown>): boolean {
  const value = raw[honeypotField];
  return value !== undefined && !(typeof value === 'string' && value.trim() === '');
}

/**
 * A store that confirms every case and keeps none: filing into it gives the bot the very receipt
 * a person gets, with a fresh reference, while nothing is written and so nothing is mailed.
 *
 * @example
 * await fileComplaint(raw, { ...context, store: discardingStore });
 */
export const discardingStore: CaseStore = {
  description: 'nergens (honeypot)',
  fileCase: async (record) => ({ case: record, created: true }),
  getCase: async () => undefined,
  listCases: async () => [],
  updateCase: async (reference) => {
    throw new Error(`${reference} is nergens opgeslagen`);
  },
};

/**
 * The files of a honeypot post as the receipt lists them, without the work of cleaning: kind from
 * the first bytes, size as sent. Nothing of them is kept.
 *
 * @example
 * await honeypotFiles(posted.files, 5) // [{ type: 'image/jpeg', extension: 'jpg', size: 81234, … }]
 */
export async function honeypotFiles(files: readonly IncomingFile[], max: number): Promise<PreparedFile[]> {
  const listed: PreparedFile[] = [];
  for (const file of files.slice(0, max)) {
    if (file.bytes === 'too-large' || file.bytes.byteLength === 0) continue;
    const kind = await sniffKind(file.bytes);
    if (kind === undefined) continue;
    const { bytes } = file;
    listed.push({
      bytes,
      type: kind.stored,
      extension: kind.extension,
      size: bytes.byteLength,
      sha256: sha256Hex(bytes),
      originalName: inertFileName(file.originalName),
    });
  }
  return listed;
}
