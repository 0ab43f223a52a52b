// A stand-in for a platform's function runtime, run as its own plain Node process (not through
// the test runner's module loader, which would resolve the function's files differently than the
// platform does): imports a built function and calls it for each HTTP request with a web Request
// for the public address, as Netlify (`default(request, context)`) or Vercel
// (`default.fetch(request)`) do. Prints `{"port":…}` once it listens, and `{"body":…}` with the
// size of every request body it was sent. Like the platforms, it refuses a body over their limit
// with 413 before the function runs: Vercel takes at most 4.5 MB; Netlify buffers at most 6 MB and
// Base64-encodes a binary body first, so 4.5 MB of file is its limit too.
//
//   node tests/support/function-host.ts <function module> <netlify|vercel> <public origin>
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type NetlifyFunction = (request: Request, context: object) => Promise<Response>;
type VercelFunction = { fetch: (request: Request) => Promise<Response> };

const [modulePath = '', platform = '', origin = ''] = process.argv.slice(2);
const loaded = (await import(pathToFileURL(resolve(modulePath)).href)) as { default: NetlifyFunction | VercelFunction };
const pending: Promise<unknown>[] = [];
const call = (request: Request): Promise<Response> =>
  platform === 'netlify'
    ? (loaded.default as NetlifyFunction)(request, {
        ip: '203.0.113.7',
        requestId: 'function-host',
        waitUntil: (work: Promise<unknown>) => void pending.push(work),
      })
    : (loaded.default as VercelFunction).fetch(request);

/** Whether the platform would refuse this body before the function runs. */
const tooLarge = (bytes: number) => (platform === 'netlify' ? Math.ceil(bytes / 3) * 4 > 6_000_000 : bytes > 4_500_000);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    console.log(JSON.stringify({ body: size }));
    if (tooLarge(size)) {
      res.writeHead(413, { 'content-type': 'text/plain' }).end('Payload Too Large (platform)');
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    if (platform === 'vercel') headers.set('x-forwarded-for', '203.0.113.7');
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const request = new Request(`${origin}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers,
      ...(body && req.method !== 'GET' && req.method !== 'HEAD' ? { body } : {}),
    });
    call(request).then(
      async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      },
      (error: unknown) => {
        res.writeHead(502).end(`function failed: ${String(error)}`);
      },
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
});
