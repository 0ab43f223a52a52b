/**
 * The stand-in's HTTP server: a real `node:http` server on loopback (port 0) that routes each
 * call by GitHub's OpenAPI description, checks the request and the response against it, lets an
 * injected fault strike before or after the call is carried out, and logs the call. Any mismatch
 * is collected and makes `close()` reject.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallRecord, Calls } from './calls.ts';
import type { GraphqlAnswer } from './handlers/graphql.ts';
import type { WriteLimiter } from './limits.ts';
import { faultAnswer, strikesAfter, type Fault, type FaultQueue } from './faults.ts';
import type { Urls } from './objects.ts';
import { loadOpenApi, type OpenApiChecker } from './openapi.ts';
import type { StandInOperation } from './operations.ts';
import { failed, type Reply } from './reply.ts';

/** One routed call, as the server hands it to the code that answers it. */
export interface Call {
  operation: StandInOperation;
  /** Path parameters (`owner`, `repo`, `issue_number`, …). */
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
  /** The request path without the base path, for `Link` headers. */
  path: string;
}

/** What the server needs. */
export interface ServerOptions {
  /** Path prefix of the API, without a trailing slash; `''` for none. */
  basePath: string;
  /** Check calls against the OpenAPI description. */
  validate: boolean;
  /** A loaded description, to share between stand-ins. */
  openapi: OpenApiChecker | undefined;
  faults: FaultQueue;
  calls: Calls;
  /** Carries out a call that no fault stopped. */
  answer: (call: Call) => Reply;
  /** GitHub's secondary limit on writes, when the test asks for one (`limits.ts`). */
  writeLimiter?: WriteLimiter | undefined;
  /** `POST /graphql` (not in the REST description): `handlers/graphql.ts`. */
  graphql?: ((body: unknown, authorization: string | undefined) => GraphqlAnswer) | undefined;
}

/** A listening server. */
export interface StandInServer {
  urls: Urls;
  /** OpenAPI mismatches (and crashes) seen so far. */
  mismatches: string[];
  /** Resolves once no call is being handled (hangs included). */
  idle(): Promise<void>;
  /** Stops the server; rejects when there were mismatches. */
  close(): Promise<void>;
}

let sharedChecker: OpenApiChecker | undefined;
let plainChecker: OpenApiChecker | undefined;

/**
 * Starts the server on a free loopback port.
 *
 * @example
 * const server = await startServer({ basePath: '', validate: true, openapi: undefined, faults, calls, answer });
 * server.urls.api // 'http://127.0.0.1:41234'
 */
export async function startServer(options: ServerOptions): Promise<StandInServer> {
  const { basePath, faults, calls, answer } = options;
  const checker = options.validate ? (options.openapi ?? (sharedChecker ??= loadOpenApi())) : undefined;
  const mismatches: string[] = [];
  const timers = new Set<NodeJS.Timeout>();

  async function handle(req: IncomingMessage, res: ServerResponse, closed: () => boolean): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, failed(400, 'Problems parsing JSON'));
      }
    }
    if (!url.pathname.startsWith(basePath)) return send(res, failed(404, 'Not Found'));
    const path = url.pathname.slice(basePath.length) || '/';
    if (method === 'POST' && path === '/graphql' && options.graphql) {
      const { reply, problems, field } = options.graphql(body, req.headers.authorization);
      mismatches.push(...problems);
      calls.all.push({
        operation: 'graphql',
        method,
        path,
        query: url.search,
        status: reply.status,
        ...(field === undefined ? {} : { field }),
      });
      return send(res, reply);
    }
    // Routing still needs the description when checks are off.
    const found = checker?.find(method, path) ?? (plainChecker ??= loadOpenApi()).find(method, path);
    if (!found) {
      mismatches.push(`${method} ${path}: no such operation in the stand-in's OpenAPI subset`);
      return send(res, failed(404, 'Not Found'));
    }
    const operation = found.operation.id as StandInOperation;
    const record: CallRecord = { operation, method, path, query: url.search, status: 0 };
    calls.all.push(record);
    const problems = checker?.checkRequest(found.operation, found.params, url.searchParams, body) ?? [];
    if (problems.length > 0) {
      mismatches.push(...problems.map((problem) => `${operation} request: ${problem}`));
      record.status = 422;
      return send(
        res,
        failed(422, `Stand-in: request does not match GitHub's OpenAPI description: ${problems.join('; ')}`),
      );
    }

    const fault = faults.take(operation, method, path);
    if (fault) record.fault = fault.kind;

    /** Lets the fault strike; false when it only held the call up and the client still waits. */
    async function strike(struck: Fault): Promise<boolean> {
      const effect = faultAnswer(struck);
      if (effect === 'hang') {
        await wait(res, struck.hangMs ?? 5000);
        // A client that gave up gets no answer; before the change, GitHub never carried it out.
        if (!closed()) return false;
        record.status = 'aborted';
      } else if (effect === 'reset') {
        record.status = 'reset';
        req.socket.destroy();
      } else {
        record.status = effect.status;
        send(res, effect);
      }
      return true;
    }

    if (fault && !strikesAfter(fault) && (await strike(fault))) return;
    const limited = options.writeLimiter?.check(method);
    if (limited) {
      record.status = limited.status;
      record.limited = true;
      return send(res, limited);
    }
    const reply = answer({
      operation,
      params: found.params,
      query: url.searchParams,
      body,
      authorization: req.headers.authorization,
      path,
    });
    if (!(fault && strikesAfter(fault)) && checker && shouldCheck(reply.status)) {
      const wrong = checker.checkResponse(found.operation, reply.status, reply.body);
      mismatches.push(...wrong.map((problem) => `${operation} response: ${problem}`));
    }
    record.status = reply.status;
    if (fault && strikesAfter(fault) && (await strike(fault))) return;
    return send(res, reply);
  }

  /** Waits, or less when the client hangs up; the timer goes when the server closes. */
  function wait(res: ServerResponse, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
      res.once('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
        resolve();
      });
    });
  }

  let inFlight = 0;
  let whenIdle: Array<() => void> = [];
  const server = createServer((req, res) => {
    let isClosed = false;
    res.once('close', () => {
      isClosed = true;
    });
    inFlight += 1;
    handle(req, res, () => isClosed || req.socket.destroyed)
      .catch((error: unknown) => {
        mismatches.push(`stand-in crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (!res.headersSent) send(res, failed(500, 'Stand-in error'));
      })
      .finally(() => {
        inFlight -= 1;
        if (inFlight > 0) return;
        for (const resolve of whenIdle) resolve();
        whenIdle = [];
      });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    urls: { api: `http://127.0.0.1:${port}${basePath}`, web: `http://127.0.0.1:${port}/web` },
    mismatches,
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => whenIdle.push(resolve))),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (mismatches.length > 0) {
        throw new Error(`The GitHub stand-in saw calls that do not match GitHub's API:\n${mismatches.join('\n')}`);
      }
    },
  };
}

/** Statuses whose bodies are checked; 401 is answered by GitHub's front door and rarely documented. */
function shouldCheck(status: number): boolean {
  return status !== 401;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...(text === '' ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    'x-github-request-id': `STANDIN:${Math.random().toString(16).slice(2, 10)}`,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    ...reply.headers,
  });
  res.end(text);
}
