import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../cases/config.ts';
import type { Case } from '../cases/case.ts';
import { openImapInbox, parseImapUrl } from '../cases/inbox/imap.ts';
import type { Inbox } from '../cases/inbox/port.ts';
import { signedReplyAddress } from '../cases/inbox/reply-address.ts';
import { runInboxRound, type InboxRoundContext } from '../cases/inbox/round.ts';
import { composeMessage } from '../cases/mail/compose-message.ts';
import { defaultTemplatesDir, loadTemplates } from '../cases/mail/template-files.ts';
import { makeGitFolderStore, type GitFolderStore } from '../cases/stores/git-folder.ts';
import { jpegWithGps } from './support/attachment-files.ts';
import { startDovecot, type DovecotServer } from './support/dovecot.ts';
import { answeredCase, mailConfig, testSecret } from './support/mail-fixture.ts';
import { closedOnOverrides } from './support/case-fixture.ts';
import { replyMessage, type ReplyParts } from './support/reply-mail.ts';

// Replies by mail, read from a real dovecot over IMAP into a real Git-folder store: a reply to the
// answer mail lands on its case without the quoted history and with its photo; what a machine
// wrote, what is signed wrongly and what is for a case that is closed or gone stays in the inbox.

const config = parseConfig({ ...mailConfig, inbox: { plusAddressing: true } });
const replyMailbox = 'klachten@livable.nl';
const now = new Date('2026-11-10T09:00:00Z');

let imap: DovecotServer;
let dir: string;
let store: GitFolderStore;
let inbox: Inbox;
const logged: { event: string; fields: Record<string, unknown> }[] = [];

beforeAll(async () => {
  imap = await startDovecot();
});
afterAll(async () => {
  await imap.stop();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klachten-inbox-'));
  store = makeGitFolderStore(join(dir, 'cases'));
  inbox = await openImapInbox(parseImapUrl(imap.url));
  // Each test starts from an empty inbox and an empty Verwerkt.
  logged.length = 0;
});
afterEach(async () => {
  await inbox.removeProcessed({ before: new Date('2100-01-01') });
  await inbox.close();
  await imap.clear();
  await rm(dir, { recursive: true, force: true });
});

function round(overrides: Partial<InboxRoundContext> = {}) {
  return runInboxRound({
    inbox,
    store,
    config,
    secret: testSecret,
    replyMailbox,
    now,
    log: (event, fields) => void logged.push({ event, fields }),
    files: { maxFileBytes: 10 * 1024 * 1024 },
    ...overrides,
  });
}

/** Delivers a reply to the signed reply address of `record`. */
async function replyTo(record: Pick<Case, 'reference'>, parts: Omit<ReplyParts, 'to'>): Promise<void> {
  await imap.deliver(replyMessage({ to: signedReplyAddress(replyMailbox, record.reference, testSecret), ...parts }));
}

/** The answer mail as the case's complainant receives it. */
async function answerMail(record: Case) {
  const templates = await loadTemplates(defaultTemplatesDir(process.cwd()));
  return composeMessage('answer', record, { config, templates, now, tokenSecret: testSecret });
}

const quoted =
  'Op 10 nov. 2026 om 09:00 schreef De klachtencoördinator <klachten@livable.nl>:\n' +
  '> Geachte mevrouw De Vries,\n> Ons antwoord op uw klacht …\n';

describe('a reply to the answer mail', () => {
  it('lands on its case within one round, without the quoted answer and with its photo, and goes to Verwerkt', async () => {
    const record = answeredCase();
    await store.fileCase(record);
    const mail = await answerMail(record);
    expect(mail.replyTo).toBe(signedReplyAddress(replyMailbox, record.reference, testSecret));
    await imap.deliver(
      replyMessage({
        to: mail.replyTo ?? '',
        subject: `Re: ${mail.subject}`,
        text: `Ik ben het er niet mee eens: de lift is nog steeds kapot.\nZie de foto.\n\n${quoted}`,
        photo: await jpegWithGps(),
      }),
    );

    const report = await round();

    expect(report).toMatchObject({ posted: 1, left: {} });
    const updated = await store.getCase(record.reference);
    expect(updated?.additions).toEqual([
      {
        at: expect.any(String),
        text: 'Ik ben het er niet mee eens: de lift is nog steeds kapot.\nZie de foto.',
        via: 'e-mail',
        mailId: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    ]);
    expect(updated?.attachments).toEqual([
      expect.objectContaining({ name: 'bijlage-1.jpg', from: 'e-mail', originalName: 'IMG_0042.JPG' }),
    ]);
    expect(await imap.subjects('INBOX')).toEqual([]);
    expect(await imap.subjects('Verwerkt')).toEqual([`Re: ${mail.subject}`]);
    expect(JSON.stringify(logged)).not.toMatch(/anna|lift|IMG_0042/i);
  });

  it('is matched by the reference in the subject when it comes from the complainant’s own address', async () => {
    const record = answeredCase();
    await store.fileCase(record);
    await imap.deliver(
      replyMessage({ to: replyMailbox, subject: `Re: Uw klacht ${record.reference}`, text: 'Dank u.' }),
    );
    await imap.deliver(
      replyMessage({ to: replyMailbox, from: 'iemand@anders.nl', subject: `Re: ${record.reference}`, text: 'Ik ook.' }),
    );

    expect(await round()).toMatchObject({ posted: 1, left: { sender: 1 } });
    expect((await store.getCase(record.reference))?.additions?.map((addition) => addition.text)).toEqual(['Dank u.']);
    expect(await imap.subjects('INBOX')).toEqual([`Re: ${record.reference}`]);
  });
});

describe('what never lands on a case', () => {
  it('leaves an auto-reply, a bounce, bulk mail and a wrongly signed reply in the inbox, counted by cause', async () => {
    const record = answeredCase();
    await store.fileCase(record);
    const signed = signedReplyAddress(replyMailbox, record.reference, testSecret);
    const forged = signed.replace(
      /\.([0-9a-f]{10})@/,
      (_all, signature: string) => `.${signature.split('').reverse().join('')}@`,
    );
    await imap.deliver(
      replyMessage({
        to: signed,
        subject: 'Afwezig: Uw klacht',
        text: 'Ik ben afwezig tot maandag.',
        headers: ['Auto-Submitted: auto-replied'],
      }),
    );
    await imap.deliver(
      replyMessage({ to: signed, subject: 'Out of office', text: 'Away.', headers: ['X-Autoreply: yes'] }),
    );
    await imap.deliver(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.example.nl>',
        `To: ${signed}`,
        'Subject: Undelivered Mail Returned to Sender',
        'Return-Path: <>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'The mail could not be delivered.',
        '--b--',
        '',
      ].join('\r\n'),
    );
    await imap.deliver(
      replyMessage({ to: signed, subject: 'Nieuwsbrief', text: 'Aanbieding!', headers: ['Precedence: bulk'] }),
    );
    await imap.deliver(replyMessage({ to: forged, subject: 'Re: Uw klacht', text: 'Zet dit op een andere klacht.' }));

    const report = await round();

    expect(report).toMatchObject({ posted: 0, left: { automatic: 4, signature: 1 } });
    expect((await store.getCase(record.reference))?.additions).toBeUndefined();
    expect(await imap.subjects('INBOX')).toHaveLength(5);
    expect(await imap.subjects('Verwerkt')).toEqual([]);
  });

  it('leaves a reply to an erased case, and to a closed one, in the inbox', async () => {
    const closed = answeredCase(closedOnOverrides('2026-11-05'));
    await store.fileCase(closed);
    const erased = answeredCase();
    await replyTo(erased, { subject: 'Re: gewist', text: 'Hallo?' });
    await replyTo(closed, { subject: 'Re: gesloten', text: 'Nog iets.' });

    expect(await round()).toMatchObject({ posted: 0, left: { 'unknown-case': 1, closed: 1 } });
    expect((await store.getCase(closed.reference))?.additions).toBeUndefined();
    expect(await imap.subjects('INBOX')).toEqual(['Re: gewist', 'Re: gesloten']);
  });
});

describe('exactly once', () => {
  it('puts a reply on once when the round stopped between posting and moving it', async () => {
    const record = answeredCase();
    await store.fileCase(record);
    await replyTo(record, { subject: 'Re: antwoord', text: 'Hierbij de foto.', photo: await jpegWithGps() });
    const crashing: Inbox = { ...inbox, markProcessed: () => Promise.reject(new Error('verbinding weg')) };

    expect(await round({ inbox: crashing })).toMatchObject({ posted: 0, left: { failed: 1 } });
    expect(await imap.subjects('INBOX')).toEqual(['Re: antwoord']);
    expect(await round()).toMatchObject({ posted: 1 });

    const updated = await store.getCase(record.reference);
    expect(updated?.additions).toHaveLength(1);
    expect(updated?.attachments).toHaveLength(1);
    expect(await imap.subjects('INBOX')).toEqual([]);
    expect(await imap.subjects('Verwerkt')).toEqual(['Re: antwoord']);
  });
});

describe('exactly once, when the round stopped between the files and the text', () => {
  it('adds the photo once and the text once on the next round', async () => {
    const record = answeredCase();
    await store.fileCase(record);
    await replyTo(record, { subject: 'Re: antwoord', text: 'Hierbij nog een foto.', photo: await jpegWithGps() });
    const failing = { ...store, updateCase: () => Promise.reject(new Error('schijf vol')) };

    expect(await round({ store: failing })).toMatchObject({ posted: 0, left: { failed: 1 } });
    expect((await store.getCase(record.reference))?.attachments).toHaveLength(1);
    expect(await round()).toMatchObject({ posted: 1 });

    const updated = await store.getCase(record.reference);
    expect(updated?.attachments).toHaveLength(1);
    expect(updated?.additions?.map((addition) => addition.text)).toEqual(['Hierbij nog een foto.']);
    expect(await imap.subjects('Verwerkt')).toEqual(['Re: antwoord']);
    expect(logged.map((line) => line.fields['error']).filter(Boolean)).toEqual(['unexplained']);
  });
});

describe('the budget of a round', () => {
  it('reads at most maxMessages replies a round; the rest waits for the next', async () => {
    const record = answeredCase();
    await store.fileCase(record);
    const to = signedReplyAddress(replyMailbox, record.reference, testSecret);
    await imap.deliver(replyMessage({ to, subject: 'een', text: 'Een.' }));
    await imap.deliver(replyMessage({ to, subject: 'twee', text: 'Twee.' }));
    const budget = { maxMessages: 1, maxLookups: 5, maxMessageBytes: 1024 * 1024, scanLimit: 500 };

    expect(await round({ budget })).toMatchObject({ posted: 1, deferred: 1 });
    expect(await imap.subjects('INBOX')).toEqual(['twee']);
    expect(await round({ budget })).toMatchObject({ posted: 1, deferred: 0 });
  });

  it('looks a case up once a round, so replies left for a closed case leave room for a new one', async () => {
    const closed = answeredCase(closedOnOverrides('2026-11-05'));
    const open = answeredCase();
    await store.fileCase(closed);
    await store.fileCase(open);
    for (const subject of ['oud 1', 'oud 2', 'oud 3']) await replyTo(closed, { subject, text: 'Nog dit.' });
    await replyTo(open, { subject: 'nieuw', text: 'Een nieuwe reactie.' });
    const budget = { maxMessages: 1, maxLookups: 2, maxMessageBytes: 1024 * 1024, scanLimit: 500 };

    expect(await round({ budget })).toMatchObject({ posted: 1, left: { closed: 3 }, deferred: 0 });
    expect(await imap.subjects('Verwerkt')).toEqual(['nieuw']);
  });

  it('leaves a message larger than maxMessageBytes in the inbox, unread', async () => {
    const record = answeredCase();
    await store.fileCase(record);
    await replyTo(record, { subject: 'groot', text: 'Met een grote foto.', photo: await jpegWithGps(1600, 1200) });

    expect(
      await round({ budget: { maxMessages: 20, maxLookups: 100, maxMessageBytes: 8 * 1024, scanLimit: 500 } }),
    ).toMatchObject({
      posted: 0,
      left: { 'too-large': 1 },
    });
    expect((await store.getCase(record.reference))?.additions).toBeUndefined();
    expect(await imap.subjects('INBOX')).toEqual(['groot']);
  });
});

describe('the Verwerkt folder', () => {
  it('loses a case’s replies on erasure and every reply after the retention term', async () => {
    const kept = answeredCase();
    const gone = answeredCase();
    for (const record of [kept, gone]) {
      await store.fileCase(record);
      await replyTo(record, { subject: `Re: ${record.reference}`, text: 'Tekst.' });
    }
    expect(await round()).toMatchObject({ posted: 2 });

    expect(await inbox.removeProcessed({ references: [gone.reference] })).toBe(1);
    expect(await imap.subjects('Verwerkt')).toEqual([`Re: ${kept.reference}`]);
    expect(await inbox.removeProcessed({ before: new Date('2000-01-01') })).toBe(0);
    expect(await inbox.removeProcessed({ before: new Date(Date.now() + 2 * 86_400_000) })).toBe(1);
    expect(await imap.subjects('Verwerkt')).toEqual([]);
  });
});
