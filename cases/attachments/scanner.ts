/**
 * Virus scanning with ClamAV's daemon, when `KLACHTEN_CLAMAV=tcp://host:3310` is set: each file is
 * streamed to clamd with its INSTREAM command before anything is kept. The protocol is three
 * steps — `zINSTREAM\0`, the bytes in chunks each preceded by its length (4 bytes, big-endian),
 * a zero length — and one answer: `stream: OK`, `stream: <signature> FOUND`, or `… ERROR`.
 *
 * A small client of our own rather than a library: the libraries answer a timeout with "infected:
 * unknown", which a caller can all too easily take for clean. Here only `stream: OK` is clean;
 * no answer within the time, a refused connection, an error or anything unexpected is an error
 * tagged `scanner-unavailable`, and the file is not kept (the person gets 503 and their text back).
 */
import { connect } from 'node:net';
import { taggedError } from '../errors.ts';

/** What a scan found. */
export type ScanResult = { clean: true } | { clean: false; signature: string };

/** The port: a virus scanner. */
export interface Scanner {
  /** Where, for a person: "clamd op 127.0.0.1:3310". */
  readonly description: string;
  scan(bytes: Uint8Array): Promise<ScanResult>;
}

/** What the clamd client needs. */
export interface ClamdOptions {
  host: string;
  port: number;
  /** How long a scan may take from connecting to the answer; default 30 s. */
  timeoutMs?: number;
}

/** clamd's default StreamMaxLength is 25 MB; chunks well below it. */
const chunkBytes = 64 * 1024;

const unavailable = (why: string) =>
  taggedError('scanner-unavailable', `De virusscanner antwoordde niet (${why}).`, { why });

/**
 * Makes a scanner that asks clamd over TCP.
 *
 * @example
 * const scanner = makeClamdScanner({ host: '127.0.0.1', port: 3310 });
 * await scanner.scan(bytes) // { clean: true } or { clean: false, signature: 'Eicar-Test-Signature' }
 */
export function makeClamdScanner(options: ClamdOptions): Scanner {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    description: `clamd op ${options.host}:${options.port}`,
    scan: (bytes) =>
      new Promise<ScanResult>((resolve, reject) => {
        const socket = connect({ host: options.host, port: options.port });
        const answer: Buffer[] = [];
        let settled = false;
        const finish = (error: Error | undefined, result?: ScanResult) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          socket.destroy();
          if (error) reject(error);
          else resolve(result as ScanResult);
        };
        const timer = setTimeout(() => finish(unavailable('timeout')), timeoutMs);
        socket.on('error', (error: NodeJS.ErrnoException) => finish(unavailable(error.code ?? 'socket')));
        socket.on('data', (chunk: Buffer) => {
          answer.push(chunk);
          const text = Buffer.concat(answer).toString('utf8');
          const end = text.indexOf('\0');
          if (end !== -1) settleWith(text.slice(0, end));
        });
        socket.on('end', () => settleWith(Buffer.concat(answer).toString('utf8').replace(/\0$/, '')));
        const settleWith = (reply: string) => {
          const parsed = parseReply(reply);
          if (parsed === undefined) finish(unavailable('reply'));
          else finish(undefined, parsed);
        };
        socket.once('connect', () => {
          socket.write('zINSTREAM\0');
          for (let offset = 0; offset < bytes.byteLength; offset += chunkBytes) {
            const chunk = bytes.subarray(offset, offset + chunkBytes);
            const length = Buffer.alloc(4);
            length.writeUInt32BE(chunk.byteLength);
            socket.write(length);
            socket.write(chunk);
          }
          socket.write(Buffer.alloc(4));
        });
      }),
  };
}

/**
 * Reads clamd's answer to INSTREAM; undefined for anything but clean or found.
 *
 * @example
 * parseReply('stream: Eicar-Test-Signature FOUND') // { clean: false, signature: 'Eicar-Test-Signature' }
 * parseReply('INSTREAM size limit exceeded. ERROR') // undefined
 */
export function parseReply(reply: string): ScanResult | undefined {
  const text = reply.trim();
  if (text === 'stream: OK') return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(text);
  // A signature name is ClamAV's (letters, digits, dots, dashes): nothing else goes into a log.
  if (found?.[1] !== undefined) return { clean: false, signature: found[1].replace(/[^\w.:-]/g, '').slice(0, 100) };
  return undefined;
}

/**
 * The scanner `KLACHTEN_CLAMAV` names (`tcp://host:3310`), or undefined when scanning is off;
 * `KLACHTEN_CLAMAV_TIMEOUT_MS` (default 30000) bounds one scan. Throws naming the variable.
 *
 * @example
 * scannerFromEnv({ KLACHTEN_CLAMAV: 'tcp://127.0.0.1:3310' }) // a clamd scanner
 * scannerFromEnv({}) // undefined
 */
export function scannerFromEnv(env: Record<string, string | undefined>): Scanner | undefined {
  const value = (env['KLACHTEN_CLAMAV'] ?? '').trim();
  if (value === '') return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== 'tcp:' || url.hostname === '' || url.port === '')
    throw new Error('KLACHTEN_CLAMAV: verwacht tcp://host:poort, bijvoorbeeld tcp://127.0.0.1:3310.');
  const timeout = Number(env['KLACHTEN_CLAMAV_TIMEOUT_MS'] ?? 30_000);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new Error('KLACHTEN_CLAMAV_TIMEOUT_MS: verwacht een aantal milliseconden.');
  return makeClamdScanner({ host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port), timeoutMs: timeout });
}
