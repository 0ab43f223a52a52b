// A complaint that was not resolved goes back to work: a "nee" to the satisfaction question, or a
// coordinator's `klachten cases reopen`, reopens the answered or closed case with a new answer
// term; the complainant, the handler and the coordinators hear of it by mail (real SMTP).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../cases/config.ts';
import { receivedAtIso } from '../cases/intake.ts';
import { deliverDueMessages, type DeliveryContext } from '../cases/mail/deliver.ts';
import { recordSatisfaction } from '../cases/mail/satisfaction.ts';
import { defaultTemplatesDir, loadTemplates } from '../cases/mail/template-files.ts';
import { makeMoveContext } from '../cases/move-context.ts';
import { makeSatisfactionToken } from '../cases/satisfaction-token.ts';
import { run as runCases } from '../scripts/commands/cases.ts';
import { answeredCase, mailConfig, startMailTestBed, testSecret, type MailTestBed } from './support/mail-fixture.ts';
import { runCommand } from './support/run-command.ts';

const config = parseConfig({
  ...mailConfig,
  people: [
    {
      id: 'jan-de-vries',
      name: 'Jan de Vries',
      login: 'jdevries',
      email: 'jan@livable.example',
      department: 'Klantcontact',
    },
  ],
});
const templates = await loadTemplates(defaultTemplatesDir(process.cwd()));
/** Thursday 3 December 2026, 10:00 in Amsterdam. */
const now = new Date('2026-12-03T09:00:00Z');
const at = receivedAtIso(now, config.terms.timeZone);

let bed: MailTestBed;
beforeEach(async () => {
  bed = await startMailTestBed('klachten-reopen-');
});
afterEach(() => bed.close());

const sentKinds = (kinds: string[]) =>
  kinds.map((kind) => ({ kind, attempts: 1, sentAt: '2026-12-01T10:00:00+01:00', toHash: 'sha256:x' }));

async function answer(reference: string, choice: 'ja' | 'nee', remark?: string) {
  const token = makeSatisfactionToken({ reference, expiresAt: new Date(now.getTime() + 86_400_000) }, testSecret);
  const input = remark === undefined ? { answer: choice } : { answer: choice, remark };
  return recordSatisfaction(token, input, {
    store: bed.store,
    secret: testSecret,
    now,
    at,
    reopen: { ...makeMoveContext(config, at, 'klager'), coordinators: config.coordinators },
  });
}

const delivery: DeliveryContext = { config, templates, tokenSecret: testSecret, now: () => now, log: () => {} };

describe('a "nee" to the satisfaction question', () => {
  it('reopens the case with a new answer term four weeks on and tells complainant, handler and coordinators', async () => {
    const { case: record } = await bed.store.fileCase(
      answeredCase({ messages: sentKinds(['receipt', 'confirmation', 'answer', 'satisfaction']) }),
    );
    const result = await answer(record.reference, 'nee', 'De lift is weer kapot.');
    expect(result.ok).toBe(true);
    const stored = await bed.store.getCase(record.reference);
    expect(stored?.status).toBe('heropend');
    expect(stored?.satisfaction).toMatchObject({ answer: 'nee', remark: 'De lift is weer kapot.' });
    expect(stored?.events.at(-1)).toMatchObject({ status: 'heropend', by: 'klager', answerBy: '2026-12-31' });

    const report = await deliverDueMessages(bed.store, bed.mailer, delivery);
    expect(report.outcomes.map((outcome) => [outcome.kind, outcome.result])).toEqual([
      ['dissatisfied', 'sent'],
      ['reopened', 'sent'],
      ['reopened-handler', 'sent'],
    ]);
    const mails = await bed.smtp.waitFor(3);
    const to = (kind: string) => mails.find((mail) => mail.parsed.messageId?.includes(`.${kind}@`));
    expect(to('dissatisfied')?.envelope.to).toEqual([config.coordinators.email]);
    const complainant = to('reopened');
    expect(complainant?.envelope.to).toEqual(['anna@example.nl']);
    expect(complainant?.parsed.text).toContain('donderdag 31 december 2026');
    expect(complainant?.parsed.attachments.map((file) => file.contentType)).toEqual(['text/calendar']);
    const handler = to('reopened-handler');
    expect(handler?.envelope.to).toEqual(['jan@livable.example']);
    expect(handler?.parsed.text).toContain(`Klacht ${record.reference} is op donderdag 3 december 2026 heropend.`);
    // A second run sends nothing again.
    expect((await deliverDueMessages(bed.store, bed.mailer, delivery)).outcomes).toEqual([]);
  });

  it('only records a "ja", and does not reopen a case reopened before', async () => {
    const { case: satisfied } = await bed.store.fileCase(answeredCase());
    await answer(satisfied.reference, 'ja');
    expect((await bed.store.getCase(satisfied.reference))?.status).toBe('beantwoord');

    const base = answeredCase();
    const { case: reopenedOnce } = await bed.store.fileCase({
      ...base,
      events: [
        ...base.events,
        { at: '2026-11-10T10:00:00+01:00', status: 'heropend', by: 'coord', reason: 'x', answerBy: '2026-12-08' },
        { at: '2026-11-30T10:00:00+01:00', status: 'beantwoord', by: 'coord' },
      ],
    });
    await answer(reopenedOnce.reference, 'nee');
    const stored = await bed.store.getCase(reopenedOnce.reference);
    expect(stored?.status).toBe('beantwoord');
    expect(stored?.satisfaction?.answer).toBe('nee');
  });
});

describe('klachten cases reopen', () => {
  const cli = (argv: string[]) => runCommand(runCases, { argv, now, config, services: { makeStore: () => bed.store } });

  it('reopens once; a second time only with --again; the complainant is told by mail', async () => {
    const { case: record } = await bed.store.fileCase(
      answeredCase({ messages: sentKinds(['receipt', 'confirmation', 'answer']) }),
    );
    const ref = record.reference;
    const env = { SMTP_URL: bed.smtp.url, KLACHTEN_TOKEN_SECRET: testSecret };
    const reopen = await runCommand(runCases, {
      argv: ['heropen', ref, '--reason', 'De lekkage is terug.'],

      env,
      now,
      config,
      services: { makeStore: () => bed.store },
    });
    expect(reopen.stderr).toBe('');
    expect(reopen.stdout).toContain(`${ref}: heropend, nieuw antwoord uiterlijk 2026-12-31.`);
    expect(reopen.stdout).toContain(`${ref}: bericht "klacht heropend, met de nieuwe antwoorddatum" verstuurd.`);

    const folder = await mkdtemp(join(tmpdir(), 'antwoord-'));
    await writeFile(join(folder, 'antwoord.md'), 'Wij hebben opnieuw gekeken. De lekkage is nu verholpen.\n');
    expect((await cli(['answer', ref, '--text-file', join(folder, 'antwoord.md')])).code).toBe(0);
    await rm(folder, { recursive: true, force: true });
    const again = await cli(['reopen', ref, '--reason', 'Nog steeds niet.']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/al eens heropend \(2026-12-03\)/);
    expect(await cli(['reopen', ref, '--reason', 'Nog steeds niet.', '--again'])).toMatchObject({ code: 0 });
    expect(await cli(['reopen', ref])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--reason/) });
  });
});

describe('a "nee" on the GitHub store', () => {
  it('reopens the issue in the same write and mentions the handler and the coordinators', async () => {
    const { startGitHubStandIn } = await import('./github-standin/index.ts');
    const { standInOctokit } = await import('./support/standin-octokit.ts');
    const { makeGitHubStore } = await import('../cases/stores/github/store.ts');
    const standIn = await startGitHubStandIn();
    try {
      const github = makeGitHubStore(
        standInOctokit(standIn),
        { owner: 'livable', repo: 'klachten' },
        { context: config },
      );
      const { case: record } = await github.fileCase(answeredCase({ status: 'afgesloten', outcome: 'ongegrond' }));
      const issue = standIn.state
        .repo('livable/klachten')
        .issues.find((candidate) => candidate.title.includes(record.reference));
      // Closed, as a closed case's issue is.
      if (issue !== undefined) issue.state = 'closed';
      standIn.calls.reset();
      const token = makeSatisfactionToken(
        { reference: record.reference, expiresAt: new Date(now.getTime() + 86_400_000) },
        testSecret,
      );
      const result = await recordSatisfaction(
        token,
        { answer: 'nee' },
        {
          store: github,
          secret: testSecret,
          now,
          at,
          reopen: {
            ...makeMoveContext(config, at, 'klager'),
            coordinators: { ...config.coordinators, logins: ['coord'] },
          },
        },
      );
      expect(result.ok).toBe(true);
      expect(issue?.state).toBe('open');
      expect(issue?.labels).toContain('status: heropend');
      expect(standIn.calls.count('issues/update')).toBe(1);
      const note = standIn.state
        .repo('livable/klachten')
        .comments.filter((comment) => comment.issueNumber === issue?.number)
        .at(-1);
      expect(note?.body).toMatch(
        /is heropend:\*\*[\s\S]*uiterlijk donderdag 31 december 2026; behandelaar: Jan de Vries[\s\S]*@jdevries @coord$/,
      );
    } finally {
      await standIn.close();
    }
  });
});
