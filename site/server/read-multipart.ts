// A posted form with files (multipart/form-data), read as a stream with busboy: each file's bytes
// are kept up to the limit of one file and the rest is read past without being held; files past
// the limit of one post are read past too, by name only. So a person who chose a file too large,
// or one too many, gets the form back with everything typed and a message per file, instead of a
// bare 413. Past `maxBodyBytes` in all (what no form from the page can reach) the read stops: 413.
import { Readable } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import type { IncomingFile } from '../../cases/attachments/pipeline.ts';

/** What a multipart form held: its text fields (every value of each), its files in order. */
export interface MultipartForm {
  fields: Map<string, string[]>;
  files: IncomingFile[];
}

/**
 * A form as read, or why it could not be: too large (413, with the text fields read before the
 * limit, so the page can keep them) or not a multipart form (415).
 */
export type MultipartRead =
  | { ok: true; form: MultipartForm }
  | { ok: false; status: 413; partial: Map<string, string[]> }
  | { ok: false; status: 415 };

/** The limits of one read. */
export interface MultipartLimits {
  /** Bytes kept of one file; a larger file is `too-large`. */
  maxFileBytes: number;
  /** Files whose bytes are kept; later ones come by name only (the pipeline refuses them). */
  maxFiles: number;
  /** The most bytes read in all. */
  maxBodyBytes: number;
  /** The longest text field, in bytes: more than four times the longest field's characters. */
  maxFieldBytes: number;
}

/**
 * Reads a multipart form within the limits.
 *
 * @example
 * const read = await readMultipart(request, { maxFileBytes: 10 * 2 ** 20, maxFiles: 5, maxBodyBytes, maxFieldBytes });
 * if (read.ok) read.form.files // [{ originalName: 'IMG_0001.JPG', bytes: Uint8Array }]
 */
export async function readMultipart(request: Request, limits: MultipartLimits): Promise<MultipartRead> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(type) || request.body === null) return { ok: false, status: 415 };
  const fields = new Map<string, string[]>();
  const files: IncomingFile[] = [];
  if (Number(request.headers.get('content-length') ?? '0') > limits.maxBodyBytes)
    return { ok: false, status: 413, partial: fields };
  const source = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);
  let read = 0;
  return new Promise<MultipartRead>((resolve) => {
    let done = false;
    const finish = (result: MultipartRead) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    let parser: ReturnType<typeof makeParser>;
    try {
      parser = makeParser();
    } catch {
      finish({ ok: false, status: 415 });
      return;
    }
    function makeParser() {
      const busboy = new Busboy({
        headers: { 'content-type': type },
        limits: { fieldSize: limits.maxFieldBytes, fields: 100, parts: 200, fileSize: limits.maxFileBytes },
      });
      busboy.on('field', (name, value) => {
        // A value cut at maxFieldBytes is still longer than any field allows: the schema refuses it.
        fields.set(name, [...(fields.get(name) ?? []), value]);
      });
      let named = 0;
      busboy.on('file', (_name, stream, filename) => {
        // An empty file input sends one part without a name and without bytes: no file.
        const keep = filename === '' || named < limits.maxFiles;
        if (filename !== '') named += 1;
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => {
          if (keep) chunks.push(chunk);
        });
        stream.on('end', () => {
          if (filename === '' && chunks.length === 0) return;
          const bytes = stream.truncated
            ? 'too-large'
            : keep
              ? new Uint8Array(Buffer.concat(chunks))
              : new Uint8Array();
          files.push({ originalName: filename, bytes });
        });
      });
      busboy.on('finish', () => finish({ ok: true, form: { fields, files } }));
      busboy.on('error', () => finish({ ok: false, status: 415 }));
      return busboy;
    }
    source.on('data', (chunk: Buffer) => {
      read += chunk.byteLength;
      if (read > limits.maxBodyBytes) {
        source.destroy();
        finish({ ok: false, status: 413, partial: fields });
      }
    });
    source.on('error', () => finish({ ok: false, status: 415 }));
    source.pipe(parser);
  });
}
