import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, makeCompressedFiles } from './compressed-files.ts';

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.0, gzip;q=0', undefined],
    ['*', 'gzip'],
    ['identity', undefined],
    [undefined, undefined],
  ])('%s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('the compressed files of a build', () => {
  let root: string;
  let server: Server;
  let url: string;
  const page = `<!doctype html><p>${'Klachtenloket '.repeat(200)}</p>`;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'klachten-compressed-'));
    await mkdir(join(root, '_astro'));
    await mkdir(join(root, 'reglement'));
    await mkdir(join(root, '.well-known'));
    await writeFile(join(root, 'index.html'), page);
    await writeFile(join(root, 'reglement', 'index.html'), page);
    await writeFile(join(root, '_astro', 'Base.abc123.css'), 'body { color: black; }'.repeat(50));
    await writeFile(join(root, '.well-known', 'secret.txt'), 'not served here');
    await writeFile(join(root, 'favicon.ico'), Buffer.alloc(100));
    const files = makeCompressedFiles(root, '/klachten/');
    server = createServer((req, res) => {
      void files.serve(req, res).then((served) => {
        if (!served) res.writeHead(404).end('fallback');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(root, { recursive: true, force: true });
  });

  const get = (path: string, encoding: string, method = 'GET') =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
      (resolve, reject) => {
        // node:http, not fetch: fetch would decode the body and hide what was sent.
        import('node:http').then(({ request }) => {
          const req = request(`${url}${path}`, { method, headers: { 'accept-encoding': encoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          });
          req.on('error', reject);
          req.end();
        }, reject);
      },
    );

  it('sends a page under its folder address, with Brotli or gzip as asked', async () => {
    const br = await get('/klachten/reglement/', 'br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(page);
    expect(br.body.length).toBeLessThan(page.length / 5);
    const gz = await get('/klachten/', 'gzip');
    expect(gunzipSync(gz.body).toString()).toBe(page);
    expect(gz.headers['cache-control']).toBe('public, max-age=0');
  });

  it('caches hashed assets for a year and answers HEAD without a body', async () => {
    const head = await get('/klachten/_astro/Base.abc123.css', 'br', 'HEAD');
    expect(head.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(head.headers['content-length']).not.toBe('0');
    expect(head.body.length).toBe(0);
  });

  it('leaves to the next handler what it does not hold or may not compress', async () => {
    for (const [path, encoding] of [
      ['/klachten/reglement/', 'identity'],
      ['/reglement/', 'br'],
      ['/klachten/favicon.ico', 'br'],
      ['/klachten/.well-known/secret.txt', 'br'],
      ['/klachten/../index.html', 'br'],
      ['/klachten/%E0%A4%A', 'br'],
    ]) {
      const response = await get(path ?? '', encoding ?? '');
      expect(response.body.toString(), path).toBe('fallback');
    }
  });
});
