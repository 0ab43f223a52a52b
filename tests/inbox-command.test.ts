import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signedReplyAddress } from '../cases/inbox/reply-address.ts';
import type { GitFolderStore } from '../cases/stores/git-folder.ts';
import { run as cases } from '../scripts/commands/cases.ts';
import { run as doctor } from '../scripts/commands/doctor.ts';
import { run as erase } from '../scripts/commands/erase.ts';
import { run as inbox } from '../scripts/commands/inbox.ts';
import { run as retention } from '../scripts/commands/retention.ts';
import { jpegWithGps } from './support/attachment-files.ts';
import { closedOnOverrides } from './support/case-fixture.ts';
import { startDovecot, type DovecotServer } from './support/dovecot.ts';
import { freePort } from './support/free-port.ts';
import { answeredCase, mailConfig, testSecret } from './support/mail-fixture.ts';
import { replyMessage } from './support/reply-mail.ts';
import { runCommand } from './support/run-command.ts';
import { useTempGitFolder } from './support/temp-git-folder.ts';

// `klachten inbox`, `inbox --status`, `doctor`, `erase` and `retention` against a real dovecot
// and a real Git folder: what a coordinator sees and what is gone afterwards.

const git = promisify(execFile);
let imap: DovecotServer;
let dataDir: string;
let store: GitFolderStore;
useTempGitFolder('klachten-inbox-cli-', (dir, made) => ((dataDir = dir), (store = made)));
beforeAll(async () => {
  imap = await startDovecot();
});
afterAll(() => imap.stop());
afterEach(() => imap.clear());

const mailbox = mailConfig.coordinators.email;
const world = (argv: string[], now = new Date('2026-11-10T10:00:00Z')) => ({
  argv,
  cwd: dataDir,
  env: { KLACHTEN_DATA_DIR: dataDir, KLACHTEN_IMAP_URL: imap.url, KLACHTEN_TOKEN_SECRET: testSecret },
  now,
  config: mailConfig,
  services: { makeStore: () => store },
});

describe('klachten inbox', () => {
  it('counts with --status without touching anything, then puts the reply on its case', async () => {
    const record = answeredCase();
    const closed = answeredCase(closedOnOverrides('2026-11-05'));
    await store.fileCase(record);
    await store.fileCase(closed);
    await imap.deliver(
      replyMessage({
        to: signedReplyAddress(mailbox, record.reference, testSecret),
        subject: 'Re: antwoord',
        text: 'Dank u.',
      }),
    );
    await imap.deliver(
      replyMessage({
        to: signedReplyAddress(mailbox, closed.reference, testSecret),
        subject: 'Re: oud',
        text: 'Nog dit.',
      }),
    );
    await imap.deliver(replyMessage({ to: mailbox, subject: 'Vraag', text: 'Waar kan ik klagen?' }));

    const status = await runCommand(inbox, world(['--status']));
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('1 reactie(s) klaar om bij hun klacht te zetten');
    expect(status.stdout).toContain('blijven in de inbox: 2');
    expect(status.stdout).toContain('1 × klacht is gesloten of ingetrokken');
    expect(status.stdout).toContain('1 × bij geen klacht te plaatsen');
    expect((await store.getCase(record.reference))?.additions).toBeUndefined();
    expect(await imap.subjects()).toHaveLength(3);

    const doctorSays = await runCommand(doctor, world([]));
    expect(doctorSays.stdout).toMatch(
      /✓ Antwoordbox: IMAP 127\.0\.0\.1:\d+ INBOX antwoordt; 1 reactie\(s\) wachten .*2 blijven liggen voor een mens/,
    );

    const result = await runCommand(inbox, world([]));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('1 reactie(s) bij hun klacht gezet');
    expect(result.stdout).toContain('in de map Verwerkt: 1');
    expect((await store.getCase(record.reference))?.additions?.map((addition) => addition.text)).toEqual(['Dank u.']);
    expect(await imap.subjects()).toEqual(['Re: oud', 'Vraag']);
  });

  it('says which inbox cannot be reached, by a cause code, and exits 1', async () => {
    const port = await freePort();
    const env = { ...world([]).env, KLACHTEN_IMAP_URL: `imap://klachten:geheim-wachtwoord@127.0.0.1:${port}/INBOX` };
    const result = await runCommand(inbox, { ...world([]), env });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `De antwoordbox IMAP 127.0.0.1:${port} INBOX is niet bereikbaar of weigert (imap-unavailable).\n`,
    );
  });

  it('says so and does nothing without KLACHTEN_IMAP_URL', async () => {
    const result = await runCommand(inbox, { ...world([]), env: { KLACHTEN_DATA_DIR: dataDir } });
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('KLACHTEN_IMAP_URL is niet ingesteld') });
  });
});

describe('erasure and retention of replies by mail', () => {
  it('erase removes the case’s replies from the case, its Git history and Verwerkt', async () => {
    const record = answeredCase();
    const other = answeredCase();
    await store.fileCase(record);
    await store.fileCase(other);
    for (const target of [record, other])
      await imap.deliver(
        replyMessage({
          to: signedReplyAddress(mailbox, target.reference, testSecret),
          subject: `Re: ${target.reference}`,
          text: `Onvervangbaar-${target.reference}`,
          photo: await jpegWithGps(),
        }),
      );
    expect((await runCommand(inbox, world([]))).stdout).toContain('2 reactie(s) bij hun klacht gezet');
    // Commit messages name the move and the reference, never what the reply says.
    const { stdout: messages } = await git('git', ['log', '--all', '--format=%B'], { cwd: `${dataDir}/cases` });
    expect(messages).toContain('reactie van de klager per e-mail');
    expect(messages).not.toContain('Onvervangbaar');
    const shown = await runCommand(cases, world(['show', record.reference]));
    expect(shown.stdout).toMatch(/\(per e-mail\)\n {0,2}Onvervangbaar-/);

    const result = await runCommand(erase, world([record.reference, '--reason', 'verzoek per brief']));

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('1 reactie(s) uit de map Verwerkt gewist');
    expect(await store.getCase(record.reference)).toBeUndefined();
    expect(await imap.subjects('Verwerkt')).toEqual([`Re: ${other.reference}`]);
    const { stdout: history } = await git('git', ['log', '--all', '-p', '--no-color'], { cwd: `${dataDir}/cases` });
    expect(history).not.toContain(`Onvervangbaar-${record.reference}`);
    expect(history).toContain(`Onvervangbaar-${other.reference}`);
  });

  it('erase stops before erasing anything when the inbox cannot be reached', async () => {
    const record = answeredCase();
    await store.fileCase(record);
    const env = { ...world([]).env, KLACHTEN_IMAP_URL: `imap://klachten:geheim@127.0.0.1:${await freePort()}/INBOX` };
    const result = await runCommand(erase, { ...world([record.reference, '--reason', 'verzoek']), env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Er is niets gewist.');
    expect(await store.getCase(record.reference)).toMatchObject({ reference: record.reference });
  });

  it('retention removes replies from Verwerkt after the outbox’s term', async () => {
    const record = answeredCase();
    await store.fileCase(record);
    await imap.deliver(
      replyMessage({ to: signedReplyAddress(mailbox, record.reference, testSecret), subject: 'Re: x', text: 'Tekst.' }),
    );
    await runCommand(inbox, world([]));
    const today = new Date();
    const within = await runCommand(retention, world(['--today', today.toISOString().slice(0, 10)], today));
    expect(within.stdout).toContain('0 reactie(s) uit de map Verwerkt gewist');
    const later = new Date(today.getTime() + (mailConfig.retention.outboxDays + 2) * 86_400_000);
    const after = await runCommand(retention, world(['--today', later.toISOString().slice(0, 10)], later));
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain('1 reactie(s) uit de map Verwerkt gewist');
    expect(await imap.subjects('Verwerkt')).toEqual([]);
  });
});
