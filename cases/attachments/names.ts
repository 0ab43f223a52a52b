/**
 * Our names for a case's files: `bijlage-1.jpg`, `bijlage-2.pdf`, … numbered on from the files
 * the case holds, so a name is never given twice within a case. The sender's name is kept only as
 * inert text in the record.
 */
import { attachmentNamePattern, type CaseFile, type FileOrigin, type StoredFile } from './record.ts';
import type { PreparedFile } from './pipeline.ts';

/**
 * Names prepared files after those a case holds.
 *
 * @example
 * nameFiles([{ name: 'bijlage-1.jpg', … }], [pdf], '2026-11-02T10:00:00+01:00', 'mijn-klacht')
 * // [{ record: { name: 'bijlage-2.pdf', … }, bytes }]
 */
export function nameFiles(
  existing: readonly Pick<StoredFile, 'name'>[],
  files: readonly PreparedFile[],
  addedAt: string,
  from: FileOrigin,
): CaseFile[] {
  let last = Math.max(0, ...existing.map((file) => Number(attachmentNamePattern.exec(file.name)?.[1] ?? 0)));
  return files.map((file) => {
    last += 1;
    const record: StoredFile = {
      name: `bijlage-${last}.${file.extension}`,
      type: file.type,
      size: file.size,
      sha256: file.sha256,
      originalName: file.originalName,
      addedAt,
      from,
      ...(file.width === undefined ? {} : { width: file.width }),
      ...(file.height === undefined ? {} : { height: file.height }),
      ...(file.pages === undefined ? {} : { pages: file.pages }),
    };
    return { record, bytes: file.bytes };
  });
}
