import { describe, expect, it } from 'vitest';
import { describeMailFromEnv, describeSmtpUrl, mailErrorCode, makeMailerFromEnv, smtpCause } from './transport.ts';

describe('the mailer from the environment', () => {
  it('names the SMTP server without its user name or password', () => {
    expect(describeSmtpUrl('smtps://klachten:g3heim@mail.example.nl:465')).toBe('SMTP mail.example.nl:465 (TLS)');
    expect(describeSmtpUrl('smtp://mail.example.nl')).toBe('SMTP mail.example.nl:587');
    const mailer = makeMailerFromEnv({ SMTP_URL: 'smtp://user:pass@127.0.0.1:2525' }, '/srv');
    expect(mailer.description).toBe('SMTP 127.0.0.1:2525');
    mailer.close();
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://, without repeating it', () => {
    expect(() => describeSmtpUrl('https://user:geheim@mail.example.nl')).toThrow(
      'SMTP_URL moet beginnen met smtp:// of smtps://.',
    );
    try {
      describeSmtpUrl('not a url with geheim');
    } catch (error) {
      expect((error as Error).message).not.toContain('geheim');
    }
  });

  it('keeps mail in the outbox folder of the Git-folder store when no SMTP_URL is set', () => {
    expect(describeMailFromEnv({ KLACHTEN_DATA_DIR: '/srv/klachten' }, '/app')).toMatch(
      /^map \/srv\/klachten\/outbox \(geen SMTP_URL ingesteld/,
    );
    expect(makeMailerFromEnv({}, '/app').description).toMatch(/^map \/app\/\.data\/outbox /);
  });

  it('refuses to pretend with the GitHub store: without SMTP_URL there is no mailer', () => {
    expect(() => makeMailerFromEnv({ KLACHTEN_STORE: 'github' }, '/app')).toThrow(/SMTP_URL ontbreekt/);
    expect(() => makeMailerFromEnv({ KLACHTEN_STORE: 'github' }, '/app')).toThrow(
      expect.objectContaining({ tag: 'smtp-missing' }),
    );
    expect(describeMailFromEnv({ KLACHTEN_STORE: 'github' }, '/app')).toMatch(/^geen: SMTP_URL ontbreekt/);
  });
});

describe('what a failed send records', () => {
  it('is the code and the SMTP status, never the server’s text', () => {
    const error = Object.assign(new Error('550 5.1.1 <zoe@example.nl>: Recipient address rejected'), {
      code: 'EENVELOPE',
      responseCode: 550,
    });
    expect(mailErrorCode(error)).toBe('EENVELOPE 550');
    expect(mailErrorCode(Object.assign(new Error('x'), { code: 'zoe@example.nl' }))).toBe('unexplained');
    expect(mailErrorCode('a string')).toBe('unknown');
  });
});

describe('why a send failed, as the case and the log name it', () => {
  const failure = (fields: Record<string, unknown>) => Object.assign(new Error('text with zoe@example.nl'), fields);
  it('tells a server that refuses for now from one that rejects the message for good', () => {
    expect(smtpCause(failure({ code: 'EMESSAGE', responseCode: 451 }))).toBe('smtp-refused');
    expect(smtpCause(failure({ code: 'EPROTOCOL', responseCode: 421 }))).toBe('smtp-refused');
    expect(smtpCause(failure({ code: 'EENVELOPE', responseCode: 550 }))).toBe('smtp-rejected');
  });

  it('names a closed port, a server that does not answer, one that cannot be found, a refused login', () => {
    // nodemailer's socket errors carry the system's error number (-111 is ECONNREFUSED on Linux).
    expect(smtpCause(failure({ code: 'ESOCKET', errno: -111 }))).toBe('smtp-refused');
    expect(smtpCause(failure({ code: 'ETIMEDOUT' }))).toBe('smtp-timeout');
    expect(smtpCause(failure({ code: 'EDNS' }))).toBe('smtp-unreachable');
    expect(smtpCause(failure({ code: 'EAUTH', responseCode: undefined }))).toBe('smtp-auth');
    expect(smtpCause(failure({}))).toBe('smtp-failed');
  });
});
