// "Bestanden toevoegen" on the complainant's page: POST /mijn-klacht/bestanden/ (and
// /en/my-complaint/files/), with the session of the page and its CSRF value, the reference the
// session is for, and the files (multipart; with JavaScript the ids of files checked at once).
// The files go through the same pipeline as the form's and onto the case with the store's
// `addFiles`, numbered on from those it holds, within the limit per case. The session code is
// the page's own (session.ts), used here as it is.
import { nameFiles } from '../../cases/attachments/names.ts';
import type { FileRefusal } from '../../cases/attachments/pipeline.ts';
import { linkStanding } from '../../cases/complainant-token.ts';
import type { Locale } from '../../cases/locale.ts';
import { isOpen } from '../../cases/lifecycle.ts';
import { receivedAtIso } from '../../cases/intake.ts';
import config from '../../klachten.config.ts';
import { basePath } from '../i18n/ui.ts';
import { getStore, log } from './context.ts';
import { fileLimits, getStagedFiles, prepareUploads } from './files.ts';
import { tokenSecret } from './mail.ts';
import { readMultipart } from './read-multipart.ts';
import { csrfMatches, sessionFromRequest } from './session.ts';

/** What the result page shows. */
export type AddFilesView =
  | { kind: 'added'; files: { name: string; size: number }[] }
  | { kind: 'refused'; errors: FileRefusal[]; filesSent: number; csrf: string; reference: string; room: number }
  | { kind: 'unavailable'; reason: 'scanner' | 'store' }
  | { kind: 'forbidden' }
  | { kind: 'closed' };

/** The view with its status. */
export interface AddFilesResponse {
  status: number;
  view: AddFilesView;
}

/**
 * Handles one post of "Bestanden toevoegen".
 *
 * @example
 * const { status, view } = await handleAddFiles(Astro.request, 'nl');
 */
export async function handleAddFiles(request: Request, _locale: Locale): Promise<AddFilesResponse> {
  const now = new Date();
  const secret = await tokenSecret().catch(() => undefined);
  if (secret === undefined) return { status: 503, view: { kind: 'unavailable', reason: 'store' } };
  const limits = fileLimits();
  const read = await readMultipart(request, {
    maxFileBytes: limits.maxFileBytes,
    maxFiles: limits.maxFilesPerPost,
    maxBodyBytes: 2 * limits.maxPostBytes,
    maxFieldBytes: 4096,
  });
  if (!read.ok) return { status: read.status, view: { kind: 'forbidden' } };
  const field = (name: string) => read.form.fields.get(name)?.[0] ?? '';
  const session = sessionFromRequest(request, secret, now, basePath);
  if (session === undefined || !csrfMatches(session, field('csrf')) || field('reference') !== session.reference) {
    log('my-complaint.forbidden', {});
    return { status: 403, view: { kind: 'forbidden' } };
  }
  const reference = session.reference;
  try {
    const record = await getStore().getCase(reference);
    // A session opened with a link that a newer link, a withdrawal or an erasure revoked adds nothing.
    if (linkStanding(session, record, now) === 'revoked') return { status: 403, view: { kind: 'forbidden' } };
    if (record === undefined || !isOpen(record)) return { status: 409, view: { kind: 'closed' } };
    const stagedIds = read.form.fields.get('bijlage') ?? [];
    const uploads = await prepareUploads(read.form.files, stagedIds, now, reference);
    if (!uploads.ok) return { status: 503, view: { kind: 'unavailable', reason: 'scanner' } };
    const refused = [...uploads.refused];
    const addedAt = receivedAtIso(now, config.terms.timeZone);
    const store = getStore();
    if (refused.length === 0 && uploads.prepared.length > 0 && store.addFiles !== undefined) {
      const result = await store.addFiles(
        reference,
        (current) => {
          const room = Math.max(0, config.attachments.maxFilesPerCase - (current.attachments?.length ?? 0));
          for (const file of uploads.prepared.slice(room))
            refused.push({ originalName: file.originalName, code: 'case-full' });
          return refused.length > 0
            ? []
            : nameFiles(current.attachments ?? [], uploads.prepared, addedAt, 'mijn-klacht');
        },
        `${uploads.prepared.length === 1 ? 'bijlage' : 'bijlagen'} toegevoegd door de klager`,
      );
      if (refused.length === 0) {
        await getStagedFiles().remove(stagedIds);
        log('my-complaint.files-added', { reference, files: result.added.length });
        return { status: 200, view: { kind: 'added', files: result.added.map(({ name, size }) => ({ name, size })) } };
      }
    }
    if (refused.length === 0) refused.push({ originalName: '', code: 'none' });
    const room = Math.max(0, config.attachments.maxFilesPerCase - (record.attachments?.length ?? 0));
    return {
      status: 422,
      view: {
        kind: 'refused',
        errors: refused,
        filesSent: read.form.files.length,
        csrf: field('csrf'),
        reference,
        room,
      },
    };
  } catch (error) {
    log('my-complaint.files-failed', { error: error instanceof Error ? error.name : 'unknown' });
    return { status: 503, view: { kind: 'unavailable', reason: 'store' } };
  }
}
