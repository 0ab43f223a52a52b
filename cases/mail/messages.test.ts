import { describe, expect, it } from 'vitest';
import { aCase } from '../../tests/support/case-fixture.ts';
import baseConfig from '../../klachten.config.ts';
import { answeredCase, confirmedCase, mailConfig, testSecret } from '../../tests/support/mail-fixture.ts';
import type { Case } from '../case.ts';
import { parseConfig } from '../config.ts';
import { verifySatisfactionToken } from '../satisfaction-token.ts';
import {
  addressHash,
  composeMessage,
  dueMessages,
  inFlightTimeoutMs,
  mailSettings,
  retryWindowDays,
  type ComposeContext,
} from './messages.ts';
import { defaultTemplatesDir, loadTemplates } from './template-files.ts';

const secret = testSecret;
const templates = await loadTemplates(defaultTemplatesDir(process.cwd()));
const now = new Date('2026-11-02T09:00:00Z');
const context: ComposeContext = { config: mailConfig, templates, now, tokenSecret: secret };

const sent = (kind: string) => ({ kind, attempts: 1, sentAt: '2026-10-26T00:31:00+01:00', toHash: 'sha256:x' });
const confirmed = confirmedCase;
const answered = answeredCase;
const kinds = (record: Case, at = now) => dueMessages(record, at).map((message) => message.kind);

describe('which messages are due', () => {
  it('is the receipt for a case just filed', () => {
    expect(dueMessages(aCase(), now)).toEqual([
      { kind: 'receipt', audience: 'complainant', since: '2026-10-26T00:30:00+01:00', retry: false, ambiguous: false },
    ]);
  });

  it('is nothing once the receipt is recorded as sent', () => {
    expect(kinds(aCase({ messages: [sent('receipt')] }))).toEqual([]);
  });

  it('is the confirmation once the case is confirmed, and the receipt first if it never went', () => {
    expect(kinds(confirmed())).toEqual(['confirmation']);
    expect(kinds(confirmed({ messages: [] }))).toEqual(['receipt', 'confirmation']);
  });

  it('is the extension notice once the term is extended, after the confirmation if that is still owed', () => {
    const base = confirmed();
    const extended = aCase({
      ...base,
      status: 'verdaagd',
      extended: true,
      events: [
        ...base.events,
        { at: '2026-11-01T10:00:00+01:00', status: 'verdaagd', reason: 'Wachten op de aannemer.' },
      ],
    });
    expect(kinds(extended)).toEqual(['confirmation', 'extension']);
  });

  it('is the answer notice and then the satisfaction question once the case is answered', () => {
    expect(kinds(answered())).toEqual(['answer', 'satisfaction']);
    expect(kinds(aCase({ ...answered(), status: 'afgesloten', outcome: 'gegrond' }))).toEqual([
      'answer',
      'satisfaction',
    ]);
  });

  it('drops a receipt or confirmation not yet sent once the case was answered: the answer says it all', () => {
    expect(kinds(answered({ messages: [] }))).toEqual(['answer', 'satisfaction']);
  });

  it('is no satisfaction question once the complainant answered it, and a notice to the coordinators after a "no"', () => {
    const at = '2026-11-02T08:00:00Z';
    const done = [sent('receipt'), sent('confirmation'), sent('answer'), sent('satisfaction')];
    expect(kinds(answered({ messages: done, satisfaction: { answer: 'ja', at } }))).toEqual([]);
    expect(kinds(answered({ messages: done, satisfaction: { answer: 'deels', at } }))).toEqual([]);
    expect(dueMessages(answered({ messages: done, satisfaction: { answer: 'nee', at } }), now)).toEqual([
      { kind: 'dissatisfied', audience: 'coordinators', since: at, retry: false, ambiguous: false },
    ]);
  });

  it('is nothing for a withdrawn or not-taken-up complaint', () => {
    expect(kinds(aCase({ ...answered(), status: 'afgesloten', outcome: 'ingetrokken' }))).toEqual([]);
    expect(kinds(aCase({ status: 'niet-in-behandeling', earlierReference: 'K-2025-7QF3M9' }))).toEqual([]);
  });

  it('is nothing for the complainant without an e-mail address', () => {
    expect(kinds(aCase({ email: '', source: 'telefoon' }))).toEqual([]);
  });

  it(`gives up a message ${retryWindowDays} days after what triggered it, so an old store gets no flood`, () => {
    const record = aCase();
    const day = 24 * 60 * 60 * 1000;
    const received = Date.parse(record.receivedAt);
    expect(kinds(record, new Date(received + retryWindowDays * day))).toEqual(['receipt']);
    expect(kinds(record, new Date(received + retryWindowDays * day + 1000))).toEqual([]);
  });

  it('marks a message that failed before as a retry', () => {
    const record = aCase({ messages: [{ kind: 'receipt', attempts: 2, lastError: 'ECONNECTION' }] });
    expect(dueMessages(record, now)).toMatchObject([{ kind: 'receipt', retry: true, ambiguous: false }]);
  });

  it('leaves a message alone while another process is sending it, and sends again once that attempt is stale', () => {
    const startedAt = '2026-11-02T09:50:00+01:00';
    const record = aCase({ messages: [{ kind: 'receipt', attempts: 1, attemptStartedAt: startedAt }] });
    const started = Date.parse(startedAt);
    expect(kinds(record, new Date(started + inFlightTimeoutMs - 1000))).toEqual([]);
    expect(dueMessages(record, new Date(started + inFlightTimeoutMs))).toMatchObject([
      { kind: 'receipt', ambiguous: true },
    ]);
  });
});

describe('composing a message', () => {
  it('sends the receipt to the complainant from the coordinators, with a fixed Message-ID and no attachment', () => {
    const record = aCase({ reference: 'K-2026-7QF3M9' });
    const mail = composeMessage('receipt', record, context);
    expect(mail).toMatchObject({
      to: 'anna@example.nl',
      from: '"De klachtencoördinator" <klachten@livable.nl>',
      replyTo: 'klachten@livable.nl',
      subject: 'Uw klacht is ontvangen – kenmerk K-2026-7QF3M9',
      messageId: '<K-2026-7QF3M9.receipt@klachten.livable.nl>',
      language: 'nl',
      attachments: [],
    });
    expect(mail.text).toContain('Uiterlijk woensdag 4 november 2026 krijgt u een bevestiging.');
    expect(mail.text).toContain('uiterlijk maandag 7 december 2026 een gemotiveerd antwoord');
    expect(mail.text).toContain('Uw klacht:\n> De lift is al drie weken kapot.');
  });

  it('writes to an English complainant in English', () => {
    const mail = composeMessage('receipt', aCase({ locale: 'en', reference: 'K-2026-7QF3MA' }), context);
    expect(mail.subject).toBe('We have received your complaint – reference K-2026-7QF3MA');
    expect(mail.language).toBe('en');
    expect(mail.html).toContain('<html lang="en"');
    expect(mail.text).toContain('By Wednesday 4 November 2026 at the latest');
  });

  it('names the handler from the configuration, never the GitHub login, and attaches the answer date', () => {
    const mail = composeMessage('confirmation', confirmed(), context);
    expect(mail.text).toContain('Uw klacht wordt behandeld door Jan de Vries.');
    expect(`${mail.text}${mail.html}${mail.subject}`).not.toContain('jdevries');
    expect(mail.attachments).toHaveLength(1);
    const [ics] = mail.attachments;
    expect(ics?.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expect(ics?.content).toContain('DTSTART;VALUE=DATE:20261207');
    expect(ics?.content).toContain('SEQUENCE:0');
  });

  it('refuses a confirmation whose handler is not (or no longer) in the configuration', () => {
    expect(() => composeMessage('confirmation', confirmed({ handler: 'jdevries' }), context)).toThrow(
      expect.objectContaining({ code: 'unknown-handler' }),
    );
  });

  it('tells the reason and the new date of an extension, and replaces the calendar event', () => {
    const base = confirmed();
    const record = aCase({
      ...base,
      status: 'verdaagd',
      extended: true,
      events: [
        ...base.events,
        { at: '2026-11-20T10:00:00+01:00', status: 'verdaagd', reason: 'We wachten op het rapport van de aannemer.' },
      ],
    });
    const mail = composeMessage('extension', record, context);
    expect(mail.text).toContain('> We wachten op het rapport van de aannemer.');
    expect(mail.text).toContain(
      'uiterlijk maandag 4 januari 2027 een gemotiveerd antwoord. Eerder was dat maandag 7 december 2026.',
    );
    expect(mail.attachments[0]?.content).toContain('DTSTART;VALUE=DATE:20270104');
    expect(mail.attachments[0]?.content).toContain('SEQUENCE:1');
  });

  it('points to further procedures and the configured external bodies with the answer', () => {
    const mail = composeMessage('answer', answered(), context);
    expect(mail.text).toContain('U kunt zich altijd ook wenden tot een andere geschikte externe instantie.');
    expect(mail.text).toContain(
      '- Huurcommissie: Voor geschillen over huur en servicekosten.\n  https://www.huurcommissie.nl/',
    );
  });

  it('links the satisfaction question to the page in the complainant’s language with a token for this case', () => {
    for (const locale of ['nl', 'en'] as const) {
      const record = answered({ locale, reference: locale === 'nl' ? 'K-2026-7QF3MB' : 'K-2026-7QF3MC' });
      const mail = composeMessage('satisfaction', record, context);
      const link = /https:\/\/klachten\.livable\.nl\/[^\s<>"]+/.exec(mail.text)?.[0] ?? '';
      const url = new URL(link);
      expect(url.pathname).toBe(locale === 'nl' ? '/tevredenheid/' : '/en/satisfaction/');
      const check = verifySatisfactionToken(url.searchParams.get('t') ?? '', secret, now);
      expect(check).toMatchObject({ ok: true, reference: record.reference });
      expect(mail.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
    }
    const nl = composeMessage('satisfaction', answered(), context);
    expect(nl.text).toContain('De link werkt tot en met maandag 16 november 2026.');
  });

  it('cannot make the satisfaction question without a token secret', () => {
    expect(() => composeMessage('satisfaction', answered(), { ...context, tokenSecret: undefined })).toThrow(
      expect.objectContaining({ code: 'no-token-secret' }),
    );
  });

  it('tells the coordinators about a "no" in Dutch, with the remark quoted and defanged', () => {
    const record = answered({
      locale: 'en',
      satisfaction: { answer: 'nee', remark: 'Nothing happened. See www.evil.com', at: '2026-11-02T08:00:00Z' },
    });
    const mail = composeMessage('dissatisfied', record, context);
    expect(mail.to).toBe('klachten@livable.nl');
    expect(mail.language).toBe('nl');
    expect(mail.subject).toBe(`Klacht ${record.reference}: klager is niet tevreden`);
    expect(mail.text).toContain('> Nothing happened. See www[.]evil[.]com');
    expect(mail.text).not.toContain(record.email);
  });

  it('refuses an address that is not one valid address, whatever the case holds', () => {
    for (const email of ['a@b.nl, c@d.nl', 'a@b.nl\r\nBcc: c@d.nl', '"x" <a@b.nl>', 'geen-adres']) {
      expect(() => composeMessage('receipt', aCase({ email }), context)).toThrow(
        expect.objectContaining({ code: 'invalid-address' }),
      );
    }
  });

  it('renders every template in both languages without an unknown placeholder', () => {
    const extendedBase = confirmed();
    const records = {
      receipt: aCase(),
      confirmation: confirmed(),
      extension: aCase({
        ...extendedBase,
        status: 'verdaagd',
        extended: true,
        events: [...extendedBase.events, { at: '2026-11-20T10:00:00+01:00', status: 'verdaagd', reason: 'Reden.' }],
      }),
      answer: answered(),
      satisfaction: answered(),
      dissatisfied: answered({ satisfaction: { answer: 'nee', at: '2026-11-02T08:00:00Z' } }),
    };
    for (const locale of ['nl', 'en'] as const) {
      for (const [kind, record] of Object.entries(records)) {
        const mail = composeMessage(kind as keyof typeof records, { ...record, locale }, context);
        expect(mail.subject).not.toMatch(/\{\{|\}\}/);
        expect(mail.text).not.toMatch(/\{\{|\}\}/);
      }
    }
  });
});

describe('mail settings', () => {
  it('take the sender and reply address from the configuration when given', () => {
    const config = parseConfig({
      ...baseConfig,
      mail: { from: 'Klachtenloket <noreply@livable.nl>', replyTo: 'klachten@livable.nl' },
    });
    expect(mailSettings(config)).toEqual({
      from: 'Klachtenloket <noreply@livable.nl>',
      replyTo: 'klachten@livable.nl',
    });
  });

  it('hash an address the same whatever its case or spacing', () => {
    expect(addressHash(' Anna@Example.NL ')).toBe(addressHash('anna@example.nl'));
    expect(addressHash('anna@example.nl')).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
