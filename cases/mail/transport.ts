/**
 * The mailer: the one side effect of sending, behind a small port.
 *
 * - With `SMTP_URL` set (a nodemailer connection URL, `smtps://user:pass@mail.example.nl:465`),
 *   mail goes through that server.
 * - Without it (the embedded default), every message is written as an `.eml` file to
 *   `$KLACHTEN_DATA_DIR/outbox`: the exact RFC 5322 bytes that would have been sent, built by
 *   nodemailer's stream transport, for a person to open in any mail program.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getSystemErrorName } from 'node:util';
import nodemailer from 'nodemailer';
import { errorCode, taggedError } from '../errors.ts';
import { parseSettings } from '../settings.ts';
import type { OutgoingMail } from './compose-message.ts';

/** Sends one message; resolves once the server (or the outbox) took it, rejects otherwise. */
export interface Mailer {
  /** Where mail goes, for a person reading the terminal; never a password or user name. */
  readonly description: string;
  send(mail: OutgoingMail): Promise<void>;
  /** Closes open connections. */
  close(): void;
}

// Short enough that an attempt always ends well within the in-flight time-out of due-messages.ts.
const timeouts = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

/**
 * The message as nodemailer takes it. Only data we built: no file paths or URLs for nodemailer to
 * fetch, one recipient, and headers that keep auto-responders from answering.
 */
function nodemailerMessage(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    ...(mail.replyTo === undefined ? {} : { replyTo: mail.replyTo }),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    date: mail.date,
    textEncoding: 'quoted-printable' as const,
    headers: {
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
      'Content-Language': mail.language,
    },
    attachments: mail.attachments.map((attachment) => ({
      filename: attachment.filename,
      content: attachment.content,
      contentType: attachment.contentType,
    })),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/**
 * Where an SMTP URL points, without its credentials: "SMTP mail.example.nl:465 (TLS)".
 *
 * @example
 * describeSmtpUrl('smtps://user:secret@mail.example.nl:465') // 'SMTP mail.example.nl:465 (TLS)'
 */
export function describeSmtpUrl(smtpUrl: string): string {
  const url = parseSmtpUrl(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return `SMTP ${url.hostname}:${url.port || (secure ? '465' : '587')}${secure ? ' (TLS)' : ''}`;
}

function parseSmtpUrl(smtpUrl: string): URL {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    // Never echo the value: it holds a password.
    throw new Error('SMTP_URL is geen geldige URL (bijvoorbeeld smtps://gebruiker:wachtwoord@mail.example.nl:465).');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error('SMTP_URL moet beginnen met smtp:// of smtps://.');
  }
  return url;
}

/**
 * A mailer that sends through an SMTP server.
 *
 * @example
 * const mailer = makeSmtpMailer('smtps://user:pass@mail.example.nl:465');
 * await mailer.send(mail);
 */
export function makeSmtpMailer(smtpUrl: string): Mailer {
  const description = describeSmtpUrl(smtpUrl);
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    ...timeouts,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    description,
    async send(mail) {
      try {
        await transport.sendMail(nodemailerMessage(mail));
      } catch (error) {
        // What went wrong as a cause code for the case and the log (`smtp-refused`, `smtp-timeout`
        // …), with nodemailer's own code beside it; its message may quote the address.
        throw taggedError(smtpCause(error), 'De mailserver nam het bericht niet aan.', {
          detail: mailErrorCode(error),
          cause: error,
        });
      }
    },
    close() {
      transport.close();
    },
  };
}

/** Why a message did not reach the mail server, as the case and the log name it. */
export type SmtpCause =
  'smtp-refused' | 'smtp-rejected' | 'smtp-timeout' | 'smtp-unreachable' | 'smtp-auth' | 'smtp-tls' | 'smtp-failed';

/**
 * The cause of a failed send, from nodemailer's error: the server refused for now (a 4xx answer,
 * or no one listening on the port), rejected the message for good (5xx), did not answer in time,
 * could not be found or reached, refused the login or the TLS.
 *
 * @example
 * smtpCause(Object.assign(new Error('Message failed: 451 Try again'), { code: 'EMESSAGE', responseCode: 451 })) // 'smtp-refused'
 * smtpCause(Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' })) // 'smtp-timeout'
 */
export function smtpCause(error: unknown): SmtpCause {
  const { code, responseCode, errno } = (error ?? {}) as { code?: unknown; responseCode?: unknown; errno?: unknown };
  if (typeof responseCode === 'number') return responseCode >= 500 ? 'smtp-rejected' : 'smtp-refused';
  // A socket error carries the system's error number: ECONNREFUSED, EHOSTUNREACH …
  const system = typeof errno === 'number' && errno < 0 ? getSystemErrorName(errno) : undefined;
  const found = system ?? (typeof code === 'string' ? code : '');
  if (found === 'ECONNREFUSED' || found === 'ECONNRESET') return 'smtp-refused';
  if (found === 'ETIMEDOUT' || found === 'ETIMEOUT') return 'smtp-timeout';
  if (found === 'EAUTH' || found === 'ENOAUTH') return 'smtp-auth';
  if (found === 'ETLS') return 'smtp-tls';
  if (['EDNS', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(found)) return 'smtp-unreachable';
  return 'smtp-failed';
}

/**
 * A mailer that writes each message as `<time>-<reference>-<kind>.eml` into a folder. The file
 * name holds no personal data; the file itself does, like the case, and is readable by its owner only.
 *
 * @example
 * const mailer = makeOutboxMailer('.data/outbox');
 * await mailer.send(mail); // .data/outbox/20261026T003102Z-K-2026-7QF3M9-receipt.eml
 */
export function makeOutboxMailer(dir: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: outboxDescription(dir),
    async send(mail) {
      const info = await transport.sendMail(nodemailerMessage(mail));
      const stamp = mail.date
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFile(join(dir, `${stamp}-${mail.reference}-${mail.kind}.eml`), info.message as Buffer, {
        mode: 0o600,
      });
    },
    close() {
      transport.close();
    },
  };
}

/**
 * The mailer the environment asks for: SMTP when `SMTP_URL` is set, else the outbox folder
 * `$KLACHTEN_DATA_DIR/outbox`. With the GitHub store an outbox would be a folder on a machine
 * that is gone after the run (GitHub Actions): there `SMTP_URL` is required, and its absence an
 * error, so no message is recorded as sent that went nowhere.
 *
 * @example
 * const mailer = makeMailerFromEnv(process.env, process.cwd());
 */
export function makeMailerFromEnv(env: Record<string, string | undefined>, cwd: string): Mailer {
  const smtpUrl = env['SMTP_URL'];
  if (smtpUrl !== undefined && smtpUrl !== '') return makeSmtpMailer(smtpUrl);
  const settings = parseSettings(env, cwd);
  if (settings.store !== 'git') {
    throw taggedError(
      'smtp-missing',
      'SMTP_URL ontbreekt: met KLACHTEN_STORE=github gaat mail alleen via een SMTP-server (zie docs/mail.md).',
    );
  }
  return makeOutboxMailer(join(settings.dataDir, 'outbox'));
}

/**
 * One line saying where mail goes, for `npm start`; without creating anything.
 *
 * @example
 * describeMailFromEnv({}, '/srv/klachten') // 'map /srv/klachten/.data/outbox (geen SMTP_URL ingesteld: …)'
 */
export function describeMailFromEnv(env: Record<string, string | undefined>, cwd: string): string {
  const smtpUrl = env['SMTP_URL'];
  if (smtpUrl !== undefined && smtpUrl !== '') return describeSmtpUrl(smtpUrl);
  const settings = parseSettings(env, cwd);
  if (settings.store !== 'git') return 'geen: SMTP_URL ontbreekt (nodig bij KLACHTEN_STORE=github)';
  return outboxDescription(join(settings.dataDir, 'outbox'));
}

function outboxDescription(dir: string): string {
  return `map ${dir} (geen SMTP_URL ingesteld: berichten worden als .eml-bestand bewaard, niet verstuurd)`;
}

/**
 * What the case records about a failed send: a code, never the server's text (which may quote
 * the address).
 *
 * @example
 * mailErrorCode(Object.assign(new Error('550 <zoe@…> unknown'), { code: 'EENVELOPE', responseCode: 550 })) // 'EENVELOPE 550'
 */
export function mailErrorCode(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const { code, responseCode } = error as Error & { code?: unknown; responseCode?: unknown };
  const parts = [typeof code === 'string' && /^[\w-]{1,40}$/.test(code) ? code : errorCode(error)];
  if (typeof responseCode === 'number') parts.push(String(responseCode));
  return parts.join(' ');
}
