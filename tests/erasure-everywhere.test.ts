// Erasure as a careful attacker checks it: a complainant adds "Mijn BSN is … en IBAN …" through
// their own page, coordinators move the case (with a reason typed), mail goes out, and then
// `klachten erase` runs. After it, not one field value and not one addition is anywhere: not in
// any Git object (case files, commit messages, reachable or not), the outbox, the queue, the
// fallback folder, the logs, nor — on GitHub — any title, body or comment ever written (the
// stand-in keeps every version, as GitHub's edit history does). A second case, not erased, is
// found by the same search, so the search can see what it looks for.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { randomFillSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCalendar } from '../cases/calendar.ts';
import { fileComplaint } from '../cases/intake.ts';
import type { Log } from '../cases/log.ts';
import { makeQueueSetupFromEnv } from '../cases/queue/setup-from-env.ts';
import type { CaseStore } from '../cases/store.ts';
import { makeStoreFromEnv } from '../cases/stores/from-env.ts';
import config from '../klachten.config.ts';
import { run as cases } from '../scripts/commands/cases.ts';
import { run as erase } from '../scripts/commands/erase.ts';
import { run as mail } from '../scripts/commands/mail.ts';
import { addInformation, withdraw } from '../site/server/my-complaint-actions.ts';
import { answerQuestionOnPage } from '../site/server/my-complaint-questions.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';
import { everythingStored, found } from './support/everything-stored.ts';
import { startSmtpServer, testSecret, type TestSmtpServer } from './support/mail-fixture.ts';
import { runCommand } from './support/run-command.ts';
import { standInGitHubEnv } from './support/standin-octokit.ts';

const now = new Date('2026-11-02T10:00:00Z');
const calendar = makeCalendar(config.terms);

/** A complainant of their own per tag, with values no other test data holds. */
function form(tag: string) {
  return {
    locale: 'nl',
    role: 'bewoner',
    name: `Wisbare ${tag} Persoon`,
    email: `wisbaar.${tag}@erase.example`,
    phone: `06 5550${tag.charCodeAt(0)}11`,
    address: `Vergeetstraat ${tag.charCodeAt(0)}, Wisdorp`,
    category: 'onderhoud',
    complaint: `Klacht van ${tag}: de cv-ketel lekt al weken.`,
    expectation: `Verwachting van ${tag}: een monteur deze week.`,
    concerns: `Opzichter ${tag} Jansen`,
    earlier: 'ja',
    whatIsNew: `Nieuw bij ${tag}: nu ook schimmel.`,
    consent: 'ja',
  };
}

const addition = (tag: string) =>
  `Mijn BSN is 1234567${tag.charCodeAt(0)} en mijn IBAN NL91ABNA04171${tag.charCodeAt(0)}.`;
const reason = (tag: string) => `Wacht op rapport over ${tag} Jansen`;
const question = (tag: string) => `Vraag aan ${tag}: woont u op de derde verdieping?`;
const questionAnswer = (tag: string) => `Antwoord van ${tag}: ja, op nummer 3${tag.charCodeAt(0)}.`;
const answerText = (tag: string) => `Gemotiveerd antwoord aan ${tag}: de ketel is vervangen.`;
const report = (tag: string) => `Verslag van het gesprek met ${tag} op 3 november.`;

/** Every value of the case that erasure must remove. */
function valuesOf(tag: string): string[] {
  const typed = form(tag);
  return [
    typed.name,
    typed.email,
    typed.phone,
    typed.address,
    typed.complaint,
    typed.expectation,
    typed.concerns,
    typed.whatIsNew,
    addition(tag),
    `1234567${tag.charCodeAt(0)}`,
    reason(tag),
    question(tag),
    questionAnswer(tag),
    answerText(tag),
    report(tag),
  ];
}

let dataDir: string;
let logged: string[];
const log: Log = (event, fields) => void logged.push(JSON.stringify({ event, ...fields }));
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'klachten-erase-everywhere-'));
  logged = [];
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

/** The life of one case up to the erasure: intake, mail, moves with a reason, an addition, mail again. */
async function live(store: CaseStore, env: Record<string, string>, tag: string, drain: () => Promise<unknown>) {
  const filed = await fileComplaint(form(tag), {
    store,
    config,
    calendar,
    now,
    fillRandom: (bytes) => randomFillSync(bytes),
    log,
  });
  if (filed.kind !== 'filed') throw new Error(`not filed: ${filed.kind}`);
  const reference = filed.case.reference;
  await drain();
  const command = async (run: typeof cases, argv: string[]) => {
    const result = await runCommand(run, { argv, env, now });
    logged.push(result.stdout, result.stderr);
    return result;
  };
  const sent = await command(mail, ['send']);
  expect(sent.code, sent.stderr).toBe(0);
  expect((await command(cases, ['confirm', reference, '--handler', 'klantcontact'])).code).toBe(0);
  expect((await command(cases, ['extend', reference, '--reason', reason(tag)])).code).toBe(0);
  const added = await addInformation(store, config, reference, addition(tag), now);
  expect(added.added).toBe(true);
  expect((await command(mail, ['send'])).code).toBe(0);
  // A question, its answer on the page, then the reasoned answer with a verslag, mailed.
  expect((await command(cases, ['ask', reference, '--text', question(tag)])).code).toBe(0);
  expect(await answerQuestionOnPage(store, config, reference, 'v1', questionAnswer(tag), now)).toMatchObject({
    ok: true,
  });
  await writeFile(join(dataDir, `antwoord-${tag}.md`), answerText(tag));
  await writeFile(join(dataDir, `verslag-${tag}.md`), report(tag));
  const answered = await command(cases, [
    'answer',
    reference,
    '--text-file',
    join(dataDir, `antwoord-${tag}.md`),
    '--report-file',
    join(dataDir, `verslag-${tag}.md`),
  ]);
  expect(answered.code, answered.stderr).toBe(0);
  await rm(join(dataDir, `antwoord-${tag}.md`));
  await rm(join(dataDir, `verslag-${tag}.md`));
  expect((await command(mail, ['send'])).code).toBe(0);
  return { reference, command };
}

describe('erasure leaves nothing of what the complainant or a coordinator typed', () => {
  // Two case lives, each a dozen commits and commands, and a history rewrite: seconds, not milliseconds.
  it(
    'in the Git folder: no Git object, commit message, outbox mail or log line holds any of it',
    { timeout: 60_000 },
    async () => {
      const env = { KLACHTEN_DATA_DIR: dataDir };
      const store = makeStoreFromEnv(env, config, dataDir, log);
      const { reference, command } = await live(store, env, 'A', async () => undefined);
      const kept = await live(store, env, 'B', async () => undefined);
      expect(await withdraw(store, config, kept.reference, now)).toBeDefined();

      const erased = await command(erase, [reference, '--reason', 'verzoek van de klager']);
      expect(erased.code, erased.stderr).toBe(0);

      const everything = [await everythingStored(dataDir), ...logged].join('\n');
      expect(found(everything, valuesOf('A'))).toEqual([]);
      expect(found(everything, valuesOf('B'))).toEqual(valuesOf('B'));
      expect(everything).toContain(reference);
    },
  );

  describe('on GitHub', () => {
    let standIn: GitHubStandIn;
    let smtp: TestSmtpServer;
    afterEach(async () => {
      await standIn.close();
      await smtp.close();
    });

    it(
      'deletes the issue, and no title, body or comment ever written, nor the queue, outbox, fallback or logs hold any of it',
      { timeout: 60_000 },
      async () => {
        standIn = await startGitHubStandIn({ now: () => now });
        smtp = await startSmtpServer();
        const env = {
          ...standInGitHubEnv(standIn, { dataDir }),
          KLACHTEN_TOKEN_SECRET: testSecret,
          SMTP_URL: smtp.url,
        };
        const setup = makeQueueSetupFromEnv(env, config, dataDir, log);
        const repo = standIn.state.repo('livable/klachten');
        try {
          const { reference, command } = await live(setup.store, env, 'G', () => setup.drain());
          const kept = await live(setup.store, env, 'H', () => setup.drain());
          const issueOf = (ref: string) => repo.issues.find((issue) => issue.title.includes(ref));
          expect(issueOf(reference)).toBeDefined();
          // The addition went in as a comment, and the case was written several times over.
          expect(repo.written.filter((written) => written.text.includes(addition('G')))).not.toHaveLength(0);

          const erased = await command(erase, [reference, '--reason', 'verzoek van de klager']);
          expect(erased.code, erased.stderr).toBe(0);

          expect(issueOf(reference)).toBeUndefined();
          expect(issueOf(kept.reference)).toBeDefined();
          const onGitHub = JSON.stringify({
            written: repo.written,
            issues: repo.issues,
            comments: repo.comments,
            commits: [...repo.commits.values()].map((commit) => ({ ...commit, files: [...commit.files.values()] })),
          });
          // The mail went out (SMTP), so it is in the complainant's mailbox, not ours to erase.
          expect(smtp.received.length).toBeGreaterThan(0);
          const everything = [onGitHub, await everythingStored(dataDir), ...logged].join('\n');
          expect(found(everything, valuesOf('G'))).toEqual([]);
          expect(found(everything, valuesOf('H'))).toEqual(valuesOf('H'));
        } finally {
          await setup.queue.close();
        }
      },
    );
  });
});
