// The chaos suite's mail server: a real SMTP server on loopback (smtp-server) that can refuse
// (421 at the greeting, as a server in trouble does), hang (it takes the connection and says
// nothing until it is back, so the sender's greeting time-out or the release decides), or accept.
// It notes each message it accepts by recipient, kind and moment, read from the Message-ID the
// mail carries (`<reference.kind@host>`), without parsing the rest.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** How the server behaves now. */
export type SmtpMode = 'accept' | 'refuse' | 'hang';

/** One message the server took. */
export interface TakenMail {
  to: string;
  reference: string;
  kind: string;
  at: number;
}

/** The running server. */
export interface ChaosSmtp {
  url: string;
  taken: TakenMail[];
  mode(next: SmtpMode): void;
  close(): Promise<void>;
}

/**
 * Starts the server on a free loopback port, accepting.
 *
 * @example
 * const smtp = await startChaosSmtp();
 * smtp.mode('hang'); … smtp.mode('accept');
 */
export async function startChaosSmtp(): Promise<ChaosSmtp> {
  const taken: TakenMail[] = [];
  let mode: SmtpMode = 'accept';
  let held: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Connections are many and short; the sender's own time-outs are what is tested.
    maxClients: 1000,
    onConnect(_session, callback) {
      if (mode === 'refuse') return callback(Object.assign(new Error('Service not available'), { responseCode: 421 }));
      if (mode === 'hang') return void held.push(() => callback());
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (mode === 'refuse') return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        const head = Buffer.concat(chunks).toString('latin1').split('\r\n\r\n')[0] ?? '';
        const id = /^Message-ID:\s*<([^.>]+)\.([a-z-]+)@/im.exec(head);
        const to = session.envelope.rcptTo[0]?.address ?? '';
        taken.push({ to, reference: id?.[1] ?? '?', kind: id?.[2] ?? '?', at: Date.now() });
        callback();
      });
    },
  });
  // A sender killed mid-conversation (the SIGKILL fault) resets its connection: not our failure.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    taken,
    mode(next) {
      mode = next;
      if (next !== 'hang') {
        const waiting = held;
        held = [];
        for (const release of waiting) release();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const release of held) release();
        server.close(() => resolve());
      }),
  };
}
