// The built site's text files (pages, styles, scripts, SVG) sent compressed by the Node server:
// Brotli or gzip, whichever the browser accepts, each made once on first request and then kept in
// memory (the files never change while the server runs, and the whole site is a few hundred KB).
// Only files found in the client folder when the server starts are served this way, by their
// exact address, so no request can reach outside it; everything else goes on to Astro's handler.
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The text types worth compressing, by file extension. */
const textTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Hashed build output: its name changes with its content, so browsers may keep it for a year. */
export const immutableCaching = 'public, max-age=31536000, immutable';

type Encoding = 'br' | 'gzip';

/**
 * The encoding to send for an `Accept-Encoding` header: Brotli before gzip, none refused by q=0.
 *
 * @example
 * chooseEncoding('gzip, deflate, br') // 'br'
 * chooseEncoding('identity') // undefined
 */
export function chooseEncoding(header: string | undefined): Encoding | undefined {
  const accepted = new Set<string>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const refused = params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
    if (!refused) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => statSync(join(dir, name)).isFile())
      .map((name) => relative(dir, join(dir, name)).split(sep).join('/'));
  } catch {
    return [];
  }
}

/** Serves the compressible files of a build, compressed. */
export interface CompressedFiles {
  /** Whether an address (with the base path) is one of them, so its answer varies by encoding. */
  has(path: string): boolean;
  /** Answers a GET or HEAD of one of them, compressed, and says so; otherwise leaves `res` alone. */
  serve(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

/**
 * Indexes the text files of `clientDir` under their addresses below `base` (`/` or `/klachten/`):
 * `index.html` also under its folder's address, as the pages are linked.
 *
 * @example
 * const files = makeCompressedFiles('dist/client', '/');
 * if (!(await files.serve(req, res))) handler(req, res);
 */
export function makeCompressedFiles(clientDir: string, base: string): CompressedFiles {
  const byAddress = new Map<string, { file: string; type: string; immutable: boolean }>();
  for (const name of listFiles(clientDir)) {
    const type = textTypes[extname(name).toLowerCase()];
    if (type === undefined || name.split('/').some((part) => part.startsWith('.'))) continue;
    const entry = { file: join(clientDir, name), type, immutable: name.startsWith('_astro/') };
    byAddress.set(`${base}${name}`, entry);
    if (name === 'index.html' || name.endsWith('/index.html')) byAddress.set(`${base}${name.slice(0, -10)}`, entry);
  }
  const made = new Map<string, Promise<Buffer>>();
  const compressed = (file: string, encoding: Encoding): Promise<Buffer> => {
    const key = `${encoding}:${file}`;
    let body = made.get(key);
    if (body === undefined) {
      body = readFile(file).then((raw) =>
        encoding === 'br'
          ? brotli(raw, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
            })
          : gzipped(raw, { level: 9 }),
      );
      made.set(key, body);
    }
    return body;
  };
  const addressOf = (req: IncomingMessage): string => {
    const path = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    try {
      return decodeURI(path);
    } catch {
      return path;
    }
  };
  return {
    has: (path) => byAddress.has(path),
    async serve(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const entry = byAddress.get(addressOf(req));
      const encoding = chooseEncoding(req.headers['accept-encoding']);
      if (entry === undefined || encoding === undefined) return false;
      let body: Buffer;
      try {
        body = await compressed(entry.file, encoding);
      } catch {
        return false;
      }
      res.writeHead(200, {
        'Content-Type': entry.type,
        'Content-Encoding': encoding,
        'Content-Length': String(body.length),
        Vary: 'Accept-Encoding',
        'Cache-Control': entry.immutable ? immutableCaching : 'public, max-age=0',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    },
  };
}
