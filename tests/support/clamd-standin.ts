// A stand-in for ClamAV's daemon on a loopback port: it speaks clamd's protocol for the commands
// the site uses (INSTREAM, and PING for a person checking by hand) and flags the EICAR test
// string, as a real clamd with its signatures would. A real clamd cannot start here: it needs its
// signature database, which this machine cannot download. `silent` makes it take the connection
// and never answer, as a hung scanner does.
import { createServer, type Socket } from 'node:net';
import { eicar } from './attachment-files.ts';

/** A running stand-in. */
export interface ClamdStandIn {
  /** `tcp://127.0.0.1:<port>`, the value for `KLACHTEN_CLAMAV`. */
  url: string;
  /** How many streams it scanned. */
  scans: () => number;
  /** Stops answering (connections are taken and left hanging) or answers again. */
  setSilent(silent: boolean): void;
  close(): Promise<void>;
}

/** clamd's default StreamMaxLength. */
const streamMaxLength = 25 * 1024 * 1024;

function handle(socket: Socket, state: { silent: boolean; scans: number }): void {
  let buffer = Buffer.alloc(0);
  let command: string | undefined;
  const received: Buffer[] = [];
  let total = 0;
  socket.on('error', () => {});
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (command === undefined) {
      const end = buffer.indexOf(0);
      if (end === -1) return;
      command = buffer.subarray(0, end).toString('latin1');
      buffer = buffer.subarray(end + 1);
      if (command === 'zPING' || command === 'nPING') {
        socket.end('PONG\0');
        return;
      }
      if (command !== 'zINSTREAM' && command !== 'nINSTREAM') {
        socket.end('UNKNOWN COMMAND\0');
        return;
      }
    }
    // INSTREAM: chunks of <length: uint32 big-endian><bytes>, ended by a zero length.
    while (buffer.length >= 4) {
      const length = buffer.readUInt32BE(0);
      if (length === 0) {
        state.scans += 1;
        if (state.silent) return;
        const found = Buffer.concat(received).includes(eicar);
        socket.end(found ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
        return;
      }
      if (buffer.length < 4 + length) return;
      total += length;
      if (total > streamMaxLength) {
        socket.end('INSTREAM size limit exceeded. ERROR\0');
        return;
      }
      received.push(buffer.subarray(4, 4 + length));
      buffer = buffer.subarray(4 + length);
    }
  });
}

/**
 * Starts the stand-in on a free loopback port.
 *
 * @example
 * const clamd = await startClamdStandIn();
 * process.env.KLACHTEN_CLAMAV = clamd.url;
 */
export async function startClamdStandIn(): Promise<ClamdStandIn> {
  const state = { silent: false, scans: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    handle(socket, state);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `tcp://127.0.0.1:${port}`,
    scans: () => state.scans,
    setSilent(silent) {
      state.silent = silent;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
