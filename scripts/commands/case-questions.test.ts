import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTemplatesDir, loadTemplates } from '../../cases/mail/template-files.ts';
import type { Mailer } from '../../cases/mail/transport.ts';
import type { CaseStore } from '../../cases/store.ts';
import {
  confirmedCase,
  mailConfig,
  startMailTestBed,
  testSecret,
  type MailTestBed,
  type TestSmtpServer,
} from '../../tests/support/mail-fixture.ts';
import { runCommand } from '../../tests/support/run-command.ts';
import { run } from './cases.ts';

const templates = await loadTemplates(defaultTemplatesDir(process.cwd()));

let bed: MailTestBed;
let store: CaseStore;
let smtp: TestSmtpServer;
let mailer: Mailer;
beforeEach(async () => {
  bed = await startMailTestBed('klachten-ask-');
  ({ store, smtp, mailer } = bed);
});
afterEach(() => bed.close());

const cases = (argv: string[]) =>
  runCommand(run, {
    argv,
    cwd: bed.dir,
    now: new Date('2026-11-02T09:00:00Z'),
    config: mailConfig,
    services: {
      makeStore: () => store,
      makeMailer: () => ({ ...mailer, close: () => {} }),
      loadTemplates: async () => templates,
      loadTokenSecret: async () => testSecret,
    },
  });

describe('klachten cases ask', () => {
  it('puts the question on the case and mails it at once, saying the answer term runs on', async () => {
    const { case: record } = await store.fileCase(confirmedCase());
    const result = await cases(['vraag', record.reference, '--text', 'Op welke verdieping woont u?', '--by', 'jan']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${record.reference}: vraag v1 gesteld.`);
    await smtp.waitFor(2);
    // The confirmation this case still had due goes first; then the question.
    const mail = smtp.received.find((m) => m.parsed.subject === `Een vraag over uw klacht ${record.reference}`);
    expect(mail?.envelope.to).toEqual([record.email]);
    expect(mail?.parsed.text).toContain('Op welke verdieping woont u?');
    expect(mail?.parsed.text).toMatch(/ook als u de vraag niet beantwoordt/);
    const stored = await store.getCase(record.reference);
    expect(stored?.questions).toMatchObject([{ id: 'v1', by: 'jan', text: 'Op welke verdieping woont u?' }]);
    expect(stored?.questions?.[0]?.mailedAt).toBeDefined();
  });

  it('refuses an empty question and a closed case, mailing nothing', async () => {
    const { case: open } = await store.fileCase(confirmedCase());
    expect((await cases(['ask', open.reference, '--text', '   '])).stderr).toMatch(/De vraag is leeg/);
    const { case: closed } = await store.fileCase(
      confirmedCase({ status: 'afgesloten', outcome: 'gegrond', fingerprint: 'sha256:ander' }),
    );
    const refused = await cases(['ask', closed.reference, '--text', 'Nog iets?']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/gesloten/);
    expect(smtp.received).toHaveLength(0);
  });
});
