// The built Node server (scripts/start.ts, as `npm start` runs it) reads the reply inbox on its own
// timer: a reply delivered to dovecot lands on its case within one polling round, without anyone
// running a command, and a reply the server cannot place stays in the inbox.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedReplyAddress } from '../../cases/inbox/reply-address.ts';
import { mailSettings } from '../../cases/mail/compose-message.ts';
import { makeGitFolderStore } from '../../cases/stores/git-folder.ts';
import config from '../../klachten.config.ts';
import { startDovecot, type DovecotServer } from '../support/dovecot.ts';
import { answeredCase, testSecret } from '../support/mail-fixture.ts';
import { replyMessage } from '../support/reply-mail.ts';
import { startSite, type Site } from './site-server.ts';

let imap: DovecotServer;
let site: Site;
// One round a second: the test waits for the first round after the delivery.
const intervalMs = 1000;

beforeAll(async () => {
  imap = await startDovecot();
  site = await startSite('klachten-inbox-server-', {
    KLACHTEN_IMAP_URL: imap.url,
    KLACHTEN_TOKEN_SECRET: testSecret,
    KLACHTEN_INBOX_INTERVAL_MS: String(intervalMs),
  });
});
afterAll(async () => {
  await site.stop();
  await imap.stop();
});

it('puts a reply on its case within a polling round, and leaves an auto-reply in the inbox', async () => {
  const store = makeGitFolderStore(join(site.dataDir, 'cases'));
  const record = answeredCase();
  await store.fileCase(record);
  const to = signedReplyAddress(mailSettings(config).replyTo, record.reference, testSecret);
  await imap.deliver(
    replyMessage({ to, subject: 'Afwezig', text: 'Ik ben er niet.', headers: ['Auto-Submitted: auto-replied'] }),
  );
  await imap.deliver(replyMessage({ to, subject: 'Re: Uw klacht', text: 'De lift doet het weer niet.' }));

  let additions;
  // Polled, not timed: a round every second, the test gives up after a generous 60 rounds.
  for (let round = 0; round < 60 && additions === undefined; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    additions = (await store.getCase(record.reference))?.additions;
  }

  expect(additions?.map((addition) => [addition.text, addition.via])).toEqual([
    ['De lift doet het weer niet.', 'e-mail'],
  ]);
  expect(await imap.subjects('Verwerkt')).toEqual(['Re: Uw klacht']);
  expect(await imap.subjects('INBOX')).toEqual(['Afwezig']);
  const log = await readFile(site.logPath, 'utf8');
  expect(log).toContain('"event":"inbox.posted"');
  expect(log).toMatch(/Reacties: IMAP 127\.0\.0\.1:\d+ INBOX, elke 1 s/);
  expect(log).not.toContain(imap.password);
  expect(log).not.toMatch(/lift|anna@example/i);
});
