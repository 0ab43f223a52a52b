// The check-at-once endpoint of the file question (POST /klacht-indienen/bestand/, used by
// site/scripts/file-field.ts on the form and on the complainant's page): one file per post, taken
// through the pipeline (size, kind from the bytes, virus scan, cleaning) and kept as a staged file
// until its form is sent. Answers JSON: 201 with the staged id, or the refusal in the person's
// language (422, 413), 429 past the limit per client, 503 when the scanner did not answer.
// Cross-site posts are refused (403) by Astro's checkOrigin before this runs.
import { refusalMessage, scannerUnavailableText } from '../../cases/attachments/messages.ts';
import { clientAddress } from './client-address.ts';
import { getRateLimiter, getSettings, log } from './context.ts';
import { fileLimits, getStagedFiles, prepareUploads } from './files.ts';
import { readMultipart } from './read-multipart.ts';

const json = (status: number, body: unknown, extra: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra },
  });

const words = {
  nl: {
    none: 'Kies een bestand.',
    limited: 'U heeft het afgelopen uur te veel bestanden gestuurd. Probeer het later opnieuw.',
  },
  en: { none: 'Choose a file.', limited: 'You sent too many files in the past hour. Please try again later.' },
} as const;

let lastPrune = 0;

/**
 * Handles one file chosen on a form.
 *
 * @example
 * return handleStageFile(Astro.request, Astro.clientAddress);
 */
export async function handleStageFile(request: Request, connection: string | undefined): Promise<Response> {
  const limits = fileLimits();
  const now = new Date();
  const read = await readMultipart(request, {
    maxFileBytes: limits.maxFileBytes,
    maxFiles: 1,
    maxBodyBytes: limits.maxFileBytes + 64 * 1024,
    maxFieldBytes: 1024,
  });
  const localeField = read.ok ? read.form.fields.get('locale')?.[0] : undefined;
  const locale = localeField === 'en' ? 'en' : 'nl';
  if (!read.ok) {
    const status = read.status;
    return json(status, {
      code: status === 413 ? 'too-large' : 'unreadable',
      message: refusalMessage(locale, { originalName: '', code: status === 413 ? 'too-large' : 'undecodable' }, limits),
    });
  }
  const file = read.form.files[0];
  if (file === undefined) return json(422, { code: 'none', message: words[locale].none });
  const client = clientAddress(request, connection, getSettings().clientAddressHeader);
  const place = await getRateLimiter('file').take(client, now);
  if (!place.ok) {
    log('attachment.limited', {});
    return json(
      429,
      { code: 'limited', message: words[locale].limited },
      { 'Retry-After': String(place.retryAfterSeconds) },
    );
  }
  const uploads = await prepareUploads([file], [], now);
  if (!uploads.ok) return json(503, { code: 'scanner-unavailable', message: scannerUnavailableText[locale] });
  const [refused] = uploads.refused;
  if (refused !== undefined) {
    const status = refused.code === 'too-large' ? 413 : 422;
    return json(status, { code: refused.code, message: refusalMessage(locale, refused, limits) });
  }
  const [prepared] = uploads.prepared;
  if (prepared === undefined) return json(422, { code: 'none', message: words[locale].none });
  const staged = getStagedFiles();
  const id = await staged.put(prepared, now);
  log('attachment.staged', { type: prepared.type, bytes: prepared.size });
  // Files chosen and never sent go after a day; looked for at most once an hour per instance.
  if (now.getTime() - lastPrune > 60 * 60 * 1000) {
    lastPrune = now.getTime();
    void staged.prune(now).catch(() => undefined);
  }
  return json(201, { id, size: prepared.size, type: prepared.type });
}
