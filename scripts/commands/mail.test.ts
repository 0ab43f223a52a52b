import { execFile } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receivedAtIso } from '../../cases/intake.ts';
import { defaultTemplatesDir, loadTemplates } from '../../cases/mail/template-files.ts';
import type { Mailer } from '../../cases/mail/transport.ts';
import type { CaseStore } from '../../cases/store.ts';
import { aCase } from '../../tests/support/case-fixture.ts';
import {
  mailConfig,
  startMailTestBed,
  testSecret,
  type MailTestBed,
  type TestSmtpServer,
} from '../../tests/support/mail-fixture.ts';
import { runCommand, type CommandWorld } from '../../tests/support/run-command.ts';
import type { Services } from '../cli-context.ts';
import { runMoveWithMail } from './case-mail.ts';
import { run } from './mail.ts';

const templates = await loadTemplates(defaultTemplatesDir(process.cwd()));

let bed: MailTestBed;
let root: string;
let store: CaseStore;
let smtp: TestSmtpServer;
let mailer: Mailer;
let now: Date;

beforeEach(async () => {
  bed = await startMailTestBed('klachten-mail-cli-');
  ({ dir: root, store, smtp, mailer } = bed);
  now = new Date('2026-10-26T08:00:00Z');
});
afterEach(() => bed.close());

/** The test's store, SMTP mailer, templates and secret; the mailer stays open for the next run. */
const services = (): Partial<Services> => ({
  makeStore: () => store,
  makeMailer: () => ({ ...mailer, close: () => {} }),
  loadTemplates: async () => templates,
  loadTokenSecret: async () => testSecret,
});

const inWorld = (command: typeof run, argv: string[], world: CommandWorld) =>
  runCommand(command, {
    argv,
    env: { KLACHTEN_DATA_DIR: root },
    now,
    config: mailConfig,
    services: services(),
    ...world,
  });
const klachtenMail = (argv: string[], world: CommandWorld = {}) => inWorld(run, argv, world);

describe('klachten mail', () => {
  it('sends what is due once: a second daily run sends nothing', async () => {
    const { case: first } = await store.fileCase(aCase());
    const { case: second } = await store.fileCase(aCase({ locale: 'en' }));
    const run1 = await klachtenMail([]);
    expect(run1.code).toBe(0);
    expect(run1.stdout).toBe(
      `${first.reference}  ${'ontvangstbevestiging'.padEnd(46)}verstuurd\n` +
        `${second.reference}  ${'ontvangstbevestiging'.padEnd(46)}verstuurd\n` +
        `2 verstuurd, 0 mislukt. (via SMTP 127.0.0.1:${smtp.port})\n`,
    );
    expect(await klachtenMail(['send'])).toEqual({
      code: 0,
      stdout: `Geen berichten om te versturen. (via SMTP 127.0.0.1:${smtp.port})\n`,
      stderr: '',
    });
    expect(smtp.received.map((mail) => mail.parsed.subject)).toEqual([
      `Uw klacht is ontvangen – kenmerk ${first.reference}`,
      `We have received your complaint – reference ${second.reference}`,
    ]);
  });

  it('exits 1 when the server refuses, shows the message as failed, and delivers it with the next run', async () => {
    const { case: filed } = await store.fileCase(aCase());
    smtp.refuseNext(1);
    const failed = await klachtenMail([]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(
      `${filed.reference}  ${'ontvangstbevestiging'.padEnd(46)}mislukt (smtp-refused): de volgende run probeert het opnieuw`,
    );
    const status = await klachtenMail(['status']);
    expect(status.stdout).toBe(
      `${filed.reference}  ${'ontvangstbevestiging'.padEnd(46)}mislukt, gaat mee met de volgende run (1 poging, laatste fout: smtp-refused)\n`,
    );
    expect(JSON.parse((await klachtenMail(['status', '--json'])).stdout)).toEqual([
      { reference: filed.reference, kind: 'receipt', state: 'mislukt', attempts: 1, lastError: 'smtp-refused' },
    ]);

    now = new Date('2026-10-27T06:17:00Z');
    expect((await klachtenMail([])).code).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(await klachtenMail(['status'])).toMatchObject({ stdout: 'Alle berichten zijn verstuurd.\n' });
  });

  it('sends for one case only with --case', async () => {
    await store.fileCase(aCase());
    const { case: chosen } = await store.fileCase(aCase());
    const result = await klachtenMail(['--case', chosen.reference.toLowerCase()]);
    expect(result.stdout).toMatch(/^K-\S+ .*\n1 verstuurd/);
    expect(smtp.received.map((mail) => mail.parsed.subject)).toEqual([
      `Uw klacht is ontvangen – kenmerk ${chosen.reference}`,
    ]);
  });

  it('sends for the case of the GitHub event’s issue only with --event', async () => {
    await store.fileCase(aCase());
    const { case: chosen } = await store.fileCase(aCase());
    const eventFile = join(root, 'event.json');
    await writeFile(
      eventFile,
      JSON.stringify({ issue: { number: 7, title: `Klacht ${chosen.reference} · Onderhoud` } }),
    );
    const eventEnv = { KLACHTEN_DATA_DIR: root, GITHUB_EVENT_PATH: eventFile };
    const chosenRun = await klachtenMail(['--event'], { env: eventEnv });
    expect(chosenRun.code).toBe(0);
    expect(chosenRun.stdout).toMatch(/1 verstuurd/);
    expect(smtp.received.map((mail) => mail.parsed.subject)).toEqual([
      `Uw klacht is ontvangen – kenmerk ${chosen.reference}`,
    ]);

    await writeFile(eventFile, JSON.stringify({ issue: { number: 8, title: 'Vraag over de site' } }));
    const none = await klachtenMail(['--event'], { env: eventEnv });
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('Geen klacht in deze gebeurtenis: geen berichten.\n');
    expect(smtp.received).toHaveLength(1);
  });

  it('shows a template with made-up data, also before any handler is configured', async () => {
    const preview = await klachtenMail(['preview', 'confirmation', '--locale', 'en'], {
      config: { ...mailConfig, people: [] },
    });
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(
      /^Aan: klager@example\.nl\nOnderwerp: Your complaint K-2026-VB0RB1 is being handled\n\n/,
    );
    expect(preview.stdout).toContain('Your complaint is handled by Voorbeeld Behandelaar.');
    const html = await klachtenMail(['preview', 'receipt', '--html']);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain('www[.]example[.]nl');
    const notTakenUp = await klachtenMail(['preview', 'not-taken-up']);
    expect(notTakenUp.code).toBe(0);
    expect(notTakenUp.stdout).toContain('Die eerdere klacht heeft kenmerk K-2025-VB0RB0.');
  });

  it('refuses unknown options, actions, kinds and references with exit 2', async () => {
    expect((await klachtenMail(['--bogus'])).code).toBe(2);
    expect((await klachtenMail(['dance'])).code).toBe(2);
    expect((await klachtenMail(['preview', 'welcome'])).code).toBe(2);
    expect((await klachtenMail(['preview', 'receipt', '--locale', 'de'])).code).toBe(2);
    expect((await klachtenMail(['--case', 'K-2026-I'])).code).toBe(2);
    expect(smtp.received).toHaveLength(0);
  });
});

describe('a move on the command line', () => {
  const move = (argv: string[]) => inWorld(runMoveWithMail, argv, {});

  it('sends the mail the move made due right away: the confirmation with the handler and the date', async () => {
    const { case: filed } = await store.fileCase(
      aCase({ messages: [{ kind: 'receipt', attempts: 1, sentAt: '2026-10-26T00:31:00+01:00' }] }),
    );
    now = new Date('2026-10-30T09:00:00Z');
    const result = await move(['bevestig', filed.reference, '--handler', 'jdevries']);
    expect(result).toEqual({
      code: 0,
      stdout:
        `${filed.reference}: bevestigd, behandelaar jan-de-vries.\n` +
        `${filed.reference}: bericht "bevestiging met behandelaar en antwoorddatum" verstuurd.\n`,
      stderr: '',
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail?.parsed.text).toContain('Uw klacht wordt behandeld door Jan de Vries.');
    expect(mail?.parsed.attachments[0]?.filename).toBe(`${filed.reference}-antwoorddatum.ics`);
  });

  it('tells the complainant right away when a repeat complaint is not taken up, naming the earlier case', async () => {
    const receiptSent = [{ kind: 'receipt', attempts: 1, sentAt: '2026-10-26T00:31:00+01:00' }];
    const { case: earlier } = await store.fileCase(aCase({ messages: receiptSent }));
    const { case: filed } = await store.fileCase(aCase({ messages: receiptSent }));
    now = new Date('2026-10-28T09:00:00Z');
    const result = await move(['not-taken-up', filed.reference, '--earlier', earlier.reference.toLowerCase()]);
    expect(result).toEqual({
      code: 0,
      stdout:
        `${filed.reference}: niet in behandeling genomen (eerder: ${earlier.reference}).\n` +
        `${filed.reference}: bericht "niet in behandeling genomen" verstuurd.\n`,
      stderr: '',
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail?.envelope.to).toEqual(['anna@example.nl']);
    expect(mail?.parsed.messageId).toBe(`<${filed.reference}.not-taken-up@klachten.livable.nl>`);
    expect(mail?.parsed.subject).toBe(`We nemen uw klacht ${filed.reference} niet in behandeling`);
    expect(mail?.parsed.text).toContain(`Die eerdere klacht heeft kenmerk ${earlier.reference}.`);
    expect(mail?.parsed.html).toContain(`<strong>${earlier.reference}</strong>`);
    expect((await store.getCase(filed.reference))?.messages.map((m) => [m.kind, m.sentAt !== undefined])).toEqual([
      ['receipt', true],
      ['not-taken-up', true],
    ]);
    expect((await klachtenMail([])).stdout).toMatch(/^Geen berichten om te versturen\./);
    expect(smtp.received).toHaveLength(1);
  });

  it('is made even when the mail fails: the message waits for the next run', async () => {
    const { case: filed } = await store.fileCase(
      aCase({ messages: [{ kind: 'receipt', attempts: 1, sentAt: '2026-10-26T00:31:00+01:00' }] }),
    );
    smtp.refuseNext(1);
    const result = await move(['confirm', filed.reference, '--handler', 'jan-de-vries']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('niet verstuurd (smtp-refused); de volgende run probeert het opnieuw.');
    expect((await store.getCase(filed.reference))?.status).toBe('bevestigd');
  });

  it('sends nothing after a refused move', async () => {
    const { case: filed } = await store.fileCase(aCase());
    expect((await move(['extend', filed.reference, '--reason', 'later'])).code).toBe(1);
    expect(smtp.received).toHaveLength(0);
    expect((await store.getCase(filed.reference))?.messages).toEqual([]);
  });
});

describe('the klachten command without SMTP', () => {
  it('writes the receipt to the outbox and makes a token secret readable by its owner only', async () => {
    // This runs on the real clock: a complaint received just now.
    await store.fileCase(aCase({ receivedAt: receivedAtIso(new Date(), 'Europe/Amsterdam') }));
    const klachten = fileURLToPath(new URL('../klachten.ts', import.meta.url));
    const result = await promisify(execFile)(process.execPath, [klachten, 'mail'], {
      cwd: process.cwd(),
      env: { PATH: process.env['PATH'], KLACHTEN_DATA_DIR: root },
    });
    expect(result.stdout).toMatch(/1 verstuurd, 0 mislukt\. \(via map .*outbox \(geen SMTP_URL ingesteld/);
    const files = await readdir(join(root, 'outbox'));
    expect(files).toHaveLength(1);
    const parsed = await simpleParser(await readFile(join(root, 'outbox', files[0] ?? '')));
    expect(parsed.subject).toMatch(/^Uw klacht is ontvangen/);
    expect((await stat(join(root, 'outbox', files[0] ?? ''))).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, 'token-secret'))).mode & 0o777).toBe(0o600);
  }, 30_000);
});
