// A local Netlify Blobs server for tests: `@netlify/blobs`' own BlobsServer (the one `netlify dev`
// runs) in a temp folder, behind a loopback proxy that passes one request at a time. The real
// service's conditional writes are atomic, which is what the queue's leases rest on; the local
// server checks `If-None-Match`/`If-Match` and writes the file with awaits in between, so
// concurrent conditional writes to one key could all succeed there.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobsServer } from '@netlify/blobs/server';
import { freePort } from './free-port.ts';

/** A running local Netlify Blobs server. */
export interface LocalBlobs {
  /** `http://127.0.0.1:<port>`: the proxy, the address a client is given. */
  url: string;
  token: string;
  /** The environment that points a queue at site `siteID` on this server, as Netlify sets it. */
  envFor(siteID: string): Record<string, string>;
  /** Stops the proxy and the server and removes the folder. */
  stop(): Promise<void>;
}

async function forward(target: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (name !== 'host' && typeof value === 'string') headers.set(name, value);
  }
  const body = chunks.length > 0 ? Buffer.concat(chunks) : null;
  const answer = await fetch(new URL(request.url ?? '/', target), { method: request.method ?? 'GET', headers, body });
  const text = Buffer.from(await answer.arrayBuffer());
  const kept: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (name !== 'content-encoding' && name !== 'content-length' && name !== 'transfer-encoding') kept[name] = value;
  });
  response.writeHead(answer.status, { ...kept, 'content-length': String(text.length) });
  response.end(text);
}

/**
 * Starts BlobsServer and its one-at-a-time proxy on free loopback ports.
 *
 * @example
 * const blobs = await startLocalBlobs();
 * const queue = makeQueueFromEnv({ KLACHTEN_QUEUE: 'netlify-blobs', ...blobs.envFor('site-1') }, '/');
 * await blobs.stop();
 */
export async function startLocalBlobs(): Promise<LocalBlobs> {
  const dir = await mkdtemp(join(tmpdir(), 'klachten-blobs-'));
  const token = 'klachten-test-token';
  const server = new BlobsServer({ directory: dir, port: await freePort(), token });
  const { port } = await server.start();
  const target = `http://127.0.0.1:${port}`;
  let turn: Promise<void> = Promise.resolve();
  const proxy = createServer((request, response) => {
    turn = turn.then(() =>
      forward(target, request, response).catch(() => {
        response.writeHead(502).end();
      }),
    );
  });
  const proxyPort = await freePort();
  await new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${proxyPort}`;
  return {
    url,
    token,
    envFor: (siteID) => ({
      NETLIFY_BLOBS_CONTEXT: Buffer.from(
        JSON.stringify({ siteID, token, edgeURL: url, uncachedEdgeURL: url }),
      ).toString('base64'),
    }),
    async stop() {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
