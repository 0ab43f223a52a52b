import { describe, expect, it } from 'vitest';
import { readForm } from './read-form.ts';

const formType = { 'content-type': 'application/x-www-form-urlencoded' };

/** A body sent in chunks without a length, counting how much of it was ever pulled. */
function chunked(total: number, chunk = 64 * 1024) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(97));
    },
  });
  return { body, pulled: () => pulled };
}

/** A post of a 10 MB body in chunks, with these headers, counting how much of it was pulled. */
function tenMegabytePost(headers: Record<string, string>) {
  const { body, pulled } = chunked(10 * 1024 * 1024);
  const request = new Request('http://x/', { method: 'POST', body, duplex: 'half', headers } as RequestInit);
  return { request, pulled };
}

describe('reading a posted form', () => {
  it('gives the fields of a form within the limit', async () => {
    const request = new Request('http://x/', { method: 'POST', body: 'answer=ja&remark=Goed', headers: formType });
    const read = await readForm(request, 1024);
    expect(read.ok && read.form.get('remark')).toBe('Goed');
  });

  it('refuses a declared length over the limit with 413, reading no more than the limit', async () => {
    const { request, pulled } = tenMegabytePost({ ...formType, 'content-length': String(10 * 1024 * 1024) });
    expect(await readForm(request, 32 * 1024)).toMatchObject({ ok: false, status: 413 });
    expect(pulled()).toBeLessThanOrEqual(64 * 1024 * 2);
  });

  it('keeps the fields of an oversized form that arrived whole before the limit', async () => {
    const body = `name=Zo%C3%AB%20de%20Wit&email=zoe%40example.nl&complaint=${'x'.repeat(4096)}`;
    const request = new Request('http://x/', { method: 'POST', body, headers: formType });
    const read = await readForm(request, 1024);
    expect(read).toMatchObject({ ok: false, status: 413 });
    const partial = !read.ok && read.status === 413 ? read.partial : new FormData();
    expect(Object.fromEntries(partial)).toEqual({ name: 'Zoë de Wit', email: 'zoe@example.nl' });
  });

  it('refuses a chunked body of 10 MB with 413 once it passes the limit, and reads no further', async () => {
    const { request, pulled } = tenMegabytePost(formType);
    expect(await readForm(request, 32 * 1024)).toMatchObject({ ok: false, status: 413 });
    // The stream may pull one chunk ahead of the reader; never the whole upload.
    expect(pulled()).toBeLessThanOrEqual(64 * 1024 * 3);
  });

  it.each([
    ['a body that is not a form', '{"answer":"ja"}', 'application/json'],
    ['a multipart body that cannot be parsed', 'not multipart at all', 'multipart/form-data; boundary=x'],
  ])('refuses %s with 415', async (_what, body, contentType) => {
    const request = new Request('http://x/', { method: 'POST', body, headers: { 'content-type': contentType } });
    expect(await readForm(request, 1024)).toEqual({ ok: false, status: 415 });
  });
});
