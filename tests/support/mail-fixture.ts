// What the mail tests share: a configuration with a handler and an external body, cases in each
// state, and a real SMTP server on loopback whose mail is read back with mailparser.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import baseConfig from '../../klachten.config.ts';
import type { Case } from '../../cases/case.ts';
import { parseConfig } from '../../cases/config.ts';
import { makeSmtpMailer, type Mailer } from '../../cases/mail/transport.ts';
import type { CaseStore } from '../../cases/store.ts';
import { makeGitFolderStore } from '../../cases/stores/git-folder.ts';
import { aCase } from './case-fixture.ts';

/** The organisation's configuration plus one handler and one external body. */
export const mailConfig = parseConfig({
  ...baseConfig,
  people: [{ id: 'jan-de-vries', name: 'Jan de Vries', login: 'jdevries', department: 'Klantcontact' }],
  externalBodies: [
    {
      name: 'Huurcommissie',
      url: 'https://www.huurcommissie.nl/',
      description: {
        nl: 'Voor geschillen over huur en servicekosten.',
        en: 'For disputes about rent and service charges.',
      },
    },
  ],
});

/** A token secret for tests only. */
export const testSecret = 'test-secret-0123456789abcdef0123456789abcdef';

const sent = (kind: string) => ({ kind, attempts: 1, sentAt: '2026-10-26T00:31:00+01:00', toHash: 'sha256:x' });

/** A case confirmed with Jan de Vries as handler, its receipt sent. */
export function confirmedCase(overrides: Partial<Case> = {}): Case {
  const base = aCase();
  return {
    ...base,
    status: 'bevestigd',
    handler: 'jan-de-vries',
    messages: [sent('receipt')],
    events: [
      ...base.events,
      { at: '2026-10-30T10:00:00+01:00', status: 'bevestigd', by: 'coordinator', handler: 'jan-de-vries' },
    ],
    ...overrides,
  };
}

/** A case answered, its receipt and confirmation sent. */
export function answeredCase(overrides: Partial<Case> = {}): Case {
  const base = confirmedCase();
  return {
    ...base,
    status: 'beantwoord',
    messages: [sent('receipt'), sent('confirmation')],
    events: [...base.events, { at: '2026-11-01T10:00:00+01:00', status: 'beantwoord', by: 'coordinator' }],
    answers: [
      {
        at: '2026-11-01T10:00:00+01:00',
        by: 'coordinator',
        text: 'Wij hebben de lift laten nakijken.\n\nUw klacht is gegrond.',
      },
    ],
    ...overrides,
  };
}

/** One message as the SMTP server received it. */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
export interface TestSmtpServer {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** The next `n` messages are refused with 451 (a temporary failure), as a server in trouble does. */
  refuseNext(n: number): void;
  /** Waits until at least `count` messages arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * Starts an SMTP server on a free loopback port, without TLS or authentication.
 *
 * @example
 * const smtp = await startSmtpServer();
 * process.env.SMTP_URL = smtp.url;
 */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals -= 1;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        const address = (a: SMTPServerAddress | false) => (a ? a.address : '');
        simpleParser(raw).then(
          (parsed) => {
            received.push({
              envelope: { from: address(session.envelope.mailFrom), to: session.envelope.rcptTo.map(address) },
              raw,
              parsed,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  // A client that drops its connection (a site killed mid-send) is something a real server lives
  // with; without a listener, the emitter would throw it into the test run as an uncaught error.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    refuseNext(n) {
      refusals = n;
    },
    async waitFor(count, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} mails, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a mail test runs on: cases in a Git-folder store in a fresh folder, and mail over real SMTP. */
export interface MailTestBed {
  /** The fresh folder; the store keeps its cases in `cases/` below it. */
  dir: string;
  store: CaseStore;
  smtp: TestSmtpServer;
  /** An SMTP mailer that sends to `smtp`. */
  mailer: Mailer;
  /** Closes the mailer and the server, and removes the folder. */
  close(): Promise<void>;
}

/**
 * Makes a fresh folder (its name starts with `prefix`) with a Git-folder store, and starts an SMTP
 * server with a mailer for it.
 *
 * @example
 * let bed: MailTestBed;
 * beforeEach(async () => (bed = await startMailTestBed('klachten-mail-')));
 * afterEach(() => bed.close());
 */
export async function startMailTestBed(prefix: string): Promise<MailTestBed> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const store = makeGitFolderStore(join(dir, 'cases'));
  const smtp = await startSmtpServer();
  const mailer = makeSmtpMailer(smtp.url);
  return {
    dir,
    store,
    smtp,
    mailer,
    async close() {
      mailer.close();
      await smtp.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
