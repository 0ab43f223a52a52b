// The complainant's mail against a real SMTP server on loopback, read back with mailparser, and the
// cases in a real Git-folder store: what goes out, exactly once, and what cannot be smuggled in.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../cases/case.ts';
import { applyMove, type Move } from '../cases/lifecycle.ts';
import { deliverDueMessages, type DeliveryContext } from '../cases/mail/deliver.ts';
import { inFlightTimeoutMs } from '../cases/mail/due-messages.ts';
import { addressHash } from '../cases/mail/message-record.ts';
import { recordSatisfaction } from '../cases/mail/satisfaction.ts';
import { defaultTemplatesDir, loadTemplates } from '../cases/mail/template-files.ts';
import { makeOutboxMailer, makeSmtpMailer, type Mailer } from '../cases/mail/transport.ts';
import { makeSatisfactionToken } from '../cases/satisfaction-token.ts';
import type { CaseStore } from '../cases/store.ts';
import { makeGitFolderStore } from '../cases/stores/git-folder.ts';
import { aCase } from './support/case-fixture.ts';
import {
  mailConfig,
  startMailTestBed,
  startSmtpServer,
  testSecret,
  type MailTestBed,
  type TestSmtpServer,
} from './support/mail-fixture.ts';

const templates = await loadTemplates(defaultTemplatesDir(process.cwd()));

let bed: MailTestBed;
let dir: string;
let store: CaseStore;
let smtp: TestSmtpServer;
let mailer: Mailer;
let logged: string[];
let clock: Date;
let context: DeliveryContext;

beforeEach(async () => {
  bed = await startMailTestBed('klachten-mail-');
  ({ dir, store, smtp, mailer } = bed);
  logged = [];
  clock = new Date('2026-10-26T08:00:00Z');
  context = {
    config: mailConfig,
    templates,
    tokenSecret: testSecret,
    now: () => clock,
    log: (event, fields) => logged.push(JSON.stringify({ event, ...fields })),
  };
});
afterEach(() => bed.close());

async function move(reference: string, m: Move): Promise<Case> {
  const current = await store.getCase(reference);
  if (!current) throw new Error('no case');
  const result = applyMove(current, m, {
    at: clock.toISOString(),
    by: 'coordinator',
    timeZone: 'Europe/Amsterdam',
    people: mailConfig.people,
  });
  if (!result.ok) throw new Error(result.reason);
  return store.updateCase(reference, () => result.case, 'move');
}

/** Moves the case at `at`, delivers what is due, and waits for the one new mail that brings. */
async function moveAndDeliver(reference: string, at: string, m: Move) {
  const before = smtp.received.length;
  clock = new Date(at);
  await move(reference, m);
  await deliverDueMessages(store, mailer, context, { references: [reference] });
  return (await smtp.waitFor(before + 1))[before];
}

const icsOf = (mail: { parsed: { attachments: { contentType: string; content: Buffer }[] } }) =>
  mail.parsed.attachments.find((a) => a.contentType === 'text/calendar')?.content.toString('utf8') ?? '';

describe('the messages of a case, from receipt to the satisfaction question', () => {
  it('go out one by one as the case moves, each recorded on the case with the address hashed', async () => {
    const { case: filed } = await store.fileCase(
      aCase({ reference: 'K-2026-F10W01', email: 'zoe@example.nl', name: 'Zoë Ünal' }),
    );
    const reference = filed.reference;

    expect(await deliverDueMessages(store, mailer, context, { references: [reference] })).toMatchObject({
      sent: 1,
      failed: 0,
    });
    const [receipt] = await smtp.waitFor(1);
    expect(receipt?.envelope).toEqual({ from: 'klachten@livable.nl', to: ['zoe@example.nl'] });
    expect(receipt?.parsed.subject).toBe(`Uw klacht is ontvangen – kenmerk ${reference}`);
    expect(receipt?.parsed.text).toContain('Beste Zoë Ünal,');
    expect(receipt?.parsed.text).toContain('> De lift is al drie weken kapot.');
    expect(receipt?.parsed.messageId).toBe(`<${reference}.receipt@klachten.livable.nl>`);
    expect(receipt?.parsed.headers.get('auto-submitted')).toBe('auto-generated');

    const confirmation = await moveAndDeliver(reference, '2026-10-30T09:00:00Z', {
      type: 'confirm',
      handler: 'jdevries',
    });
    expect(confirmation?.parsed.text).toContain('Uw klacht wordt behandeld door Jan de Vries.');
    expect(confirmation?.parsed.text).toContain('U krijgt uiterlijk maandag 7 december 2026 een gemotiveerd antwoord.');
    expect(confirmation?.raw.toString('utf8')).not.toContain('jdevries');
    const ics = confirmation ? icsOf(confirmation) : '';
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261207\r\n');
    expect(ics).toContain(`UID:antwoorddatum-${reference}@klachten.livable.nl\r\n`);

    const extension = await moveAndDeliver(reference, '2026-11-20T09:00:00Z', {
      type: 'extend',
      reason: 'We wachten op het rapport van de aannemer.',
    });
    expect(extension?.parsed.text).toContain('> We wachten op het rapport van de aannemer.');
    expect(extension?.parsed.text).toContain('uiterlijk maandag 4 januari 2027');
    expect(extension ? icsOf(extension) : '').toContain('SEQUENCE:1\r\n');

    clock = new Date('2026-12-15T09:00:00Z');
    await move(reference, { type: 'answer', text: 'Wij hebben uw klacht onderzocht.' });
    expect(await deliverDueMessages(store, mailer, context, { references: [reference] })).toMatchObject({ sent: 2 });
    const [answer, question] = (await smtp.waitFor(5)).slice(3);
    expect(answer?.parsed.subject).toBe(`Uw klacht ${reference} is beantwoord`);
    expect(answer?.parsed.text).toContain('https://www.huurcommissie.nl/');
    expect(question?.parsed.subject).toBe(`Is uw klacht naar tevredenheid afgehandeld? (${reference})`);
    const link =
      /https:\/\/klachten\.livable\.nl\/tevredenheid\/\?t=[^\s<>]+/.exec(question?.parsed.text ?? '')?.[0] ?? '';
    const token = new URL(link).searchParams.get('t') ?? '';

    const recorded = await recordSatisfaction(
      token,
      { answer: 'nee', remark: 'Er is niets gebeurd.' },
      {
        store,
        secret: testSecret,
        now: clock,
        at: clock.toISOString(),
      },
    );
    expect(recorded.ok).toBe(true);
    await deliverDueMessages(store, mailer, context, { references: [reference] });
    const notice = (await smtp.waitFor(6))[5];
    expect(notice?.envelope.to).toEqual(['klachten@livable.nl']);
    expect(notice?.parsed.text).toContain('> Er is niets gebeurd.');

    const stored = await store.getCase(reference);
    expect(stored?.messages.map((m) => [m.kind, m.attempts, m.toHash, m.lastError, m.attemptStartedAt])).toEqual([
      ['receipt', 1, addressHash('zoe@example.nl'), undefined, undefined],
      ['confirmation', 1, addressHash('zoe@example.nl'), undefined, undefined],
      ['extension', 1, addressHash('zoe@example.nl'), undefined, undefined],
      ['answer', 1, addressHash('zoe@example.nl'), undefined, undefined],
      ['satisfaction', 1, addressHash('zoe@example.nl'), undefined, undefined],
      ['dissatisfied', 1, addressHash('klachten@livable.nl'), undefined, undefined],
    ]);
    expect(stored?.messages.every((m) => m.sentAt !== undefined)).toBe(true);
    expect(stored?.satisfaction).toMatchObject({ answer: 'nee', remark: 'Er is niets gebeurd.' });
    // Nothing personal in the log: references, kinds and codes only.
    expect(logged.join('\n')).not.toMatch(/zoe|Zoë|Ünal|lift|niets gebeurd/i);
  });
});

describe('exactly once', () => {
  it('sends nothing twice when the daily run runs twice', async () => {
    await store.fileCase(aCase());
    await store.fileCase(aCase());
    expect(await deliverDueMessages(store, mailer, context)).toMatchObject({ sent: 2, failed: 0 });
    expect(await deliverDueMessages(store, mailer, context)).toMatchObject({ sent: 0, failed: 0, outcomes: [] });
    expect(smtp.received).toHaveLength(2);
  });

  it('keeps a refused message on the case and delivers it with the next run', async () => {
    const { case: filed } = await store.fileCase(aCase());
    smtp.refuseNext(1);
    const first = await deliverDueMessages(store, mailer, context);
    expect(first).toMatchObject({
      sent: 0,
      failed: 1,
      outcomes: [{ kind: 'receipt', result: 'failed', error: 'smtp-refused' }],
    });
    expect((await store.getCase(filed.reference))?.messages).toEqual([
      { kind: 'receipt', attempts: 1, lastError: 'smtp-refused' },
    ]);

    clock = new Date('2026-10-27T06:00:00Z');
    expect(await deliverDueMessages(store, mailer, context)).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect((await store.getCase(filed.reference))?.messages).toEqual([
      { kind: 'receipt', attempts: 2, sentAt: '2026-10-27T07:00:00+01:00', toHash: addressHash('anna@example.nl') },
    ]);
  });

  it('records an unreachable server as a failure to retry, without its text', async () => {
    const { case: filed } = await store.fileCase(aCase());
    const closed = await startSmtpServer();
    await closed.close();
    const down = makeSmtpMailer(closed.url);
    const report = await deliverDueMessages(store, down, context);
    expect(report.failed).toBe(1);
    expect((await store.getCase(filed.reference))?.messages[0]?.lastError).toBe('smtp-refused');
    down.close();
  });

  it('sends one message when two processes deliver the same case at the same moment', async () => {
    const { case: filed } = await store.fileCase(aCase());
    const otherProcess = makeGitFolderStore(join(dir, 'cases'));
    const otherMailer = makeSmtpMailer(smtp.url);
    const reports = await Promise.all([
      deliverDueMessages(store, mailer, context, { references: [filed.reference] }),
      deliverDueMessages(otherProcess, otherMailer, context, { references: [filed.reference] }),
    ]);
    otherMailer.close();
    expect(reports.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect(reports.flatMap((r) => r.outcomes.map((o) => o.result)).sort()).toEqual(['sent', 'skipped']);
    expect(smtp.received).toHaveLength(1);
  });

  it('leaves an attempt in progress alone, and sends again once that attempt has been silent too long', async () => {
    const startedAt = '2026-10-26T09:00:00+01:00';
    const { case: filed } = await store.fileCase(
      aCase({ messages: [{ kind: 'receipt', attempts: 1, attemptStartedAt: startedAt }] }),
    );
    clock = new Date(Date.parse(startedAt) + 60_000);
    expect(await deliverDueMessages(store, mailer, context)).toMatchObject({ sent: 0, outcomes: [] });

    clock = new Date(Date.parse(startedAt) + inFlightTimeoutMs);
    const report = await deliverDueMessages(store, mailer, context);
    expect(report.outcomes).toEqual([{ reference: filed.reference, kind: 'receipt', result: 'sent', ambiguous: true }]);
    expect(logged.some((line) => line.includes('mail.resending-unfinished'))).toBe(true);
    expect((await store.getCase(filed.reference))?.messages[0]).toMatchObject({
      attempts: 2,
      sentAt: expect.any(String),
    });
  });

  it('never lets the satisfaction question overtake an answer notice that failed', async () => {
    await store.fileCase(
      aCase({
        status: 'beantwoord',
        handler: 'jan-de-vries',
        messages: [],
        events: [
          { at: '2026-10-26T00:30:00+01:00', status: 'ontvangen' },
          { at: '2026-10-26T08:30:00+01:00', status: 'bevestigd', handler: 'jan-de-vries' },
          { at: '2026-10-26T08:40:00+01:00', status: 'beantwoord' },
        ],
      }),
    );
    smtp.refuseNext(1);
    const report = await deliverDueMessages(store, mailer, context);
    expect(report.outcomes.map((o) => [o.kind, o.result])).toEqual([['answer', 'failed']]);
    expect(smtp.received).toHaveLength(0);
  });
});

describe('what a complainant cannot do with the form', () => {
  it('cannot add a header, a recipient or a link through any field', async () => {
    const { case: filed } = await store.fileCase(
      aCase({
        name: 'Zoë\r\nBcc: victim@example.org\r\nSubject: Uw wachtwoord verloopt',
        address: 'Lindenlaan 1\nCc: other@example.org',
        complaint:
          'Uw account is geblokkeerd.\r\n\r\nLog in via https://livable-login.example.com/reset of www.livable-login.nl\r\n' +
          '.\r\nMAIL FROM:<evil@example.org>\r\nRCPT TO:<victim@example.org>\r\n<a href="https://evil.example.com">klik</a>',
        expectation: '=?utf-8?q?Bcc=3A_x=40y.nl?=',
      }),
    );
    await deliverDueMessages(store, mailer, context);
    const [mail] = await smtp.waitFor(1);
    expect(smtp.received).toHaveLength(1);
    expect(mail?.envelope.to).toEqual(['anna@example.nl']);
    const headerBlock = (mail?.raw.toString('latin1') ?? '').split('\r\n\r\n')[0] ?? '';
    const headerNames = headerBlock
      .split('\r\n')
      .filter((line) => /^\S/.test(line))
      .map((line) => line.slice(0, line.indexOf(':')).toLowerCase())
      .sort();
    expect(headerNames).toEqual(
      [
        'auto-submitted',
        'content-language',
        'content-type',
        'date',
        'from',
        'message-id',
        'mime-version',
        'reply-to',
        'subject',
        'to',
        'x-auto-response-suppress',
      ].sort(),
    );
    expect(mail?.parsed.subject).toBe(`Uw klacht is ontvangen – kenmerk ${filed.reference}`);
    expect(mail?.parsed.bcc).toBeUndefined();
    expect(mail?.parsed.cc).toBeUndefined();
    const html = typeof mail?.parsed.html === 'string' ? mail.parsed.html : '';
    // The only links are ours; the complainant's addresses are text, disarmed.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    // Since #15 the receipt holds one link of ours: the personal link to the complainant's page.
    expect(hrefs).toEqual([
      expect.stringMatching(
        /^https:\/\/klachten\.livable\.nl\/mijn-klacht\/\?t=K-\d{4}-[0-9A-Z-]+\.\d+\.\d+\.[\w-]{43}$/,
      ),
    ]);
    expect(html).toContain('hxxps[:]//livable-login[.]example[.]com/reset of www[.]livable-login[.]nl');
    expect(html).toContain('&lt;a href=&quot;hxxps[:]//evil[.]example[.]com&quot;&gt;klik&lt;/a&gt;');
    expect(mail?.parsed.text).toContain('> Log in via hxxps[:]//livable-login[.]example[.]com/reset');
    expect(mail?.parsed.text).not.toMatch(/https?:\/\/(?!klachten\.livable\.nl)/);
  });

  it('cannot send to more than one address, or to a header, by what the case holds as e-mail', async () => {
    for (const email of [
      'a@example.nl, victim@example.org',
      'a@example.nl\r\nBcc: victim@example.org',
      'Victim <victim@example.org>',
    ]) {
      const { case: filed } = await store.fileCase(aCase({ email }));
      const report = await deliverDueMessages(store, mailer, context, { references: [filed.reference] });
      expect(report.outcomes).toEqual([
        { reference: filed.reference, kind: 'receipt', result: 'failed', error: 'invalid-address' },
      ]);
    }
    expect(smtp.received).toHaveLength(0);
  });
});

describe('the outbox of the embedded default', () => {
  it('keeps each message as an .eml file with the exact bytes that would have been sent', async () => {
    const { case: filed } = await store.fileCase(aCase({ locale: 'en' }));
    const outbox = join(dir, 'outbox');
    const report = await deliverDueMessages(store, makeOutboxMailer(outbox), context);
    expect(report.sent).toBe(1);
    const files = await readdir(outbox);
    expect(files).toEqual([`20261026T080000Z-${filed.reference}-receipt.eml`]);
    const raw = await readFile(join(outbox, files[0] ?? ''));
    expect(raw.toString('latin1')).not.toMatch(/[^\r]\n/);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(`We have received your complaint – reference ${filed.reference}`);
    expect(parsed.to).toMatchObject({ value: [{ address: 'anna@example.nl' }] });
    expect(parsed.text).toContain('Dear Anna de Vries,');
  });
});

describe('a satisfaction link', () => {
  it('records one answer: a second answer with the same link, or another link, is refused', async () => {
    const { case: filed } = await store.fileCase(aCase({ status: 'beantwoord' }));
    const token = makeSatisfactionToken(
      { reference: filed.reference, expiresAt: new Date('2026-11-09T08:00:00Z') },
      testSecret,
    );
    const other = makeSatisfactionToken(
      { reference: filed.reference, expiresAt: new Date('2026-11-10T08:00:00Z') },
      testSecret,
    );
    const answer = (t: string, a: 'ja' | 'nee') =>
      recordSatisfaction(t, { answer: a }, { store, secret: testSecret, now: clock, at: clock.toISOString() });
    const results = await Promise.all([answer(token, 'ja'), answer(token, 'nee'), answer(other, 'nee')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, problem: 'used' },
      { ok: false, problem: 'used' },
    ]);
  });

  it('is refused after it expired, or when it names a case the store does not hold', async () => {
    const { case: filed } = await store.fileCase(aCase({ status: 'beantwoord' }));
    const expired = makeSatisfactionToken(
      { reference: filed.reference, expiresAt: new Date(clock.getTime() - 1000) },
      testSecret,
    );
    const unknown = makeSatisfactionToken(
      { reference: 'K-2026-ZZZZZZ', expiresAt: new Date('2026-11-09T08:00:00Z') },
      testSecret,
    );
    const ctx = { store, secret: testSecret, now: clock, at: clock.toISOString() };
    expect(await recordSatisfaction(expired, { answer: 'ja' }, ctx)).toEqual({ ok: false, problem: 'expired' });
    expect(await recordSatisfaction(unknown, { answer: 'ja' }, ctx)).toEqual({ ok: false, problem: 'invalid' });
    expect((await store.getCase(filed.reference))?.satisfaction).toBeUndefined();
  });
});
