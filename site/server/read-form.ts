// Every form post is read here, counting bytes: a body over its page's limit is refused with 413
// before more than the limit (and one chunk) is held, also when it comes chunked without a length.

/** A form as read, or why it could not be: too large (413) or not a form (415). */
export type FormRead = { ok: true; form: FormData } | { ok: false; status: 413 | 415 };

const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * Reads a request body up to `max` bytes, or says it was larger; the rest is never read.
 *
 * @example
 * await readLimited(request, 32 * 1024) // Uint8Array, or 'too-large'
 */
export async function readLimited(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > max) {
      // Let go of the stream without waiting for the sender: the answer goes out at once.
      void reader?.cancel().catch(() => {});
      return 'too-large';
    }
    chunks.push(next.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Reads a posted form of at most `max` bytes: a declared length over it is refused unread, a
 * body that turns out larger is refused as soon as it passes the limit, and anything that is not
 * a form is refused as such.
 *
 * @example
 * const read = await readForm(request, 256 * 1024);
 * if (!read.ok) return { status: read.status };
 * read.form.get('name');
 */
export async function readForm(request: Request, max: number): Promise<FormRead> {
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > max) return { ok: false, status: 413 };
  const type = request.headers.get('content-type') ?? '';
  if (!formTypes.test(type)) return { ok: false, status: 415 };
  const body = await readLimited(request, max);
  if (body === 'too-large') return { ok: false, status: 413 };
  try {
    return { ok: true, form: await new Response(body, { headers: { 'content-type': type } }).formData() };
  } catch {
    return { ok: false, status: 415 };
  }
}
