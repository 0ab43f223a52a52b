// Every form post is read here, counting bytes: a body over its page's limit is refused with 413
// before more than the limit (and one chunk) is held, also when it comes chunked without a length.

/**
 * A form as read, or why it could not be: too large (413, with the fields that arrived whole
 * before the limit, so the page can keep them) or not a form (415).
 */
export type FormRead =
  { ok: true; form: FormData } | { ok: false; status: 413; partial: FormData } | { ok: false; status: 415 };

const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * Reads a request body up to `max` bytes, or says it was larger, with what came before the limit;
 * the rest is never read.
 *
 * @example
 * await readLimited(request, 32 * 1024) // Uint8Array, or { tooLarge: <the first 32 KB> }
 */
export async function readLimited(
  request: Request,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | { tooLarge: Uint8Array<ArrayBuffer> }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  const reader = request.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    if (size + next.value.byteLength > max) {
      chunks.push(next.value.subarray(0, max - size));
      size = max;
      over = true;
      // Let go of the stream without waiting for the sender: the answer goes out at once.
      void reader?.cancel().catch(() => {});
      break;
    }
    size += next.value.byteLength;
    chunks.push(next.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return over ? { tooLarge: body } : body;
}

/**
 * The fields of a URL-encoded form body cut off at a limit that arrived whole: everything before
 * the last `&` (the field it cuts through is lost). A multipart body keeps nothing: its parts
 * cannot be told from a cut-off file without the closing boundary.
 *
 * @example
 * wholeFields(bytes('name=Zo%C3%AB&complaint=De%20lift%20is%20ka'), 'application/x-www-form-urlencoded').get('name') // 'Zoë'
 */
function wholeFields(prefix: Uint8Array, type: string): FormData {
  const form = new FormData();
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) return form;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(prefix);
  const cut = text.lastIndexOf('&');
  if (cut < 0) return form;
  for (const [name, value] of new URLSearchParams(text.slice(0, cut))) form.append(name, value);
  return form;
}

/**
 * Reads a posted form of at most `max` bytes: a body larger than that (by its declared length or
 * as it turns out) is refused once `max` bytes are in, keeping the fields that arrived whole;
 * anything that is not a form is refused as such.
 *
 * @example
 * const read = await readForm(request, 256 * 1024);
 * if (!read.ok) return { status: read.status };
 * read.form.get('name');
 */
export async function readForm(request: Request, max: number): Promise<FormRead> {
  const type = request.headers.get('content-type') ?? '';
  if (!formTypes.test(type)) return { ok: false, status: 415 };
  const body = await readLimited(request, max);
  if ('tooLarge' in body) return { ok: false, status: 413, partial: wholeFields(body.tooLarge, type) };
  try {
    return { ok: true, form: await new Response(body, { headers: { 'content-type': type } }).formData() };
  } catch {
    return { ok: false, status: 415 };
  }
}
