// The daily deadlines job against the GitHub stand-in (every call checked against GitHub's
// OpenAPI description), with `--today` frozen: exactly the expected labels and comments, nothing
// on a second run, only what is due after missed runs, and ⌈N/100⌉ reads plus the writes.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../cases/case.ts';
import type { Config } from '../cases/config.ts';
import { aConfig } from './support/config-fixture.ts';
import type { IssueContext } from '../cases/stores/github/readable-copy.ts';
import { makeGitHubStore } from '../cases/stores/github/store.ts';
import { run } from '../scripts/commands/deadlines.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';
import { aCase } from './support/case-fixture.ts';
import { runCommand } from './support/run-command.ts';
import { seedIssues } from './support/seed-issues.ts';
import { standInOctokit } from './support/standin-octokit.ts';

const config: Config = aConfig({ people: [{ id: 'jan', name: 'Jan de Vries', login: 'jdevries' }] });
const context: IssueContext = { categories: config.categories, people: config.people };
const fullName = 'livable/klachten';

const terms = (received: string, confirmBy: string, answerBy: string, extendedAnswerBy: string) => ({
  terms: { received, confirmBy, answerBy, extendedAnswerBy },
});

/**
 * One case in every state and position relative to its terms, seen from Thursday 2026-11-05
 * and from a week later, Thursday 2026-11-12 (no holidays in between).
 */
function scenario() {
  return {
    confirmSoon: aCase(terms('2026-10-28', '2026-11-06', '2026-12-09', '2027-01-06')),
    confirmLate: aCase(terms('2026-10-26', '2026-11-04', '2026-12-07', '2027-01-04')),
    confirmLater: aCase(terms('2026-11-03', '2026-11-12', '2026-12-15', '2027-01-12')),
    answerSoon: aCase({
      status: 'bevestigd',
      handler: 'jan',
      ...terms('2026-09-29', '2026-10-08', '2026-11-10', '2026-12-08'),
    }),
    answerLate: aCase({
      status: 'bevestigd',
      handler: 'jan',
      ...terms('2026-09-23', '2026-10-02', '2026-11-04', '2026-12-02'),
    }),
    extendedLater: aCase({
      status: 'verdaagd',
      handler: 'jan',
      extended: true,
      ...terms('2026-09-23', '2026-10-02', '2026-11-04', '2026-12-02'),
    }),
    extendedSoon: aCase({
      status: 'verdaagd',
      handler: 'jan',
      extended: true,
      ...terms('2026-08-31', '2026-09-09', '2026-10-12', '2026-11-09'),
    }),
    answered: aCase({
      status: 'beantwoord',
      handler: 'jan',
      ...terms('2026-09-23', '2026-10-02', '2026-11-04', '2026-12-02'),
    }),
    closed: aCase({ status: 'afgesloten', handler: 'jan', outcome: 'gegrond' }),
  };
}
type Scenario = ReturnType<typeof scenario>;

/** Open cases whose terms lie far ahead: they make the listing longer than one page. */
const fillers = (n: number) =>
  Array.from({ length: n }, () =>
    aCase({ status: 'bevestigd', handler: 'jan', ...terms('2026-11-02', '2026-11-11', '2026-12-14', '2027-01-11') }),
  );

let standIn: GitHubStandIn;
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'klachten-deadlines-github-'));
  standIn = await startGitHubStandIn({
    now: () => new Date('2026-11-05T06:17:00Z'),
    // The workflow's token: issues, and the metadata every token can read. Nothing else.
    tokens: [{ token: 'test-token', login: 'github-actions[bot]', permissions: { issues: 'write', metadata: 'read' } }],
  });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await standIn.close();
});

/** Puts cases straight into the stand-in as the store would have written them. */
const seed = (records: readonly Case[]) => seedIssues(standIn, records, context, fullName);

/** Runs `klachten deadlines` with a fresh store and client, as the daily workflow does. */
async function deadlines(argv: string[], env: Record<string, string> = {}) {
  const octokit = standInOctokit(standIn);
  const store = makeGitHubStore(octokit, { owner: 'livable', repo: 'klachten' }, { context });
  standIn.calls.reset();
  const result = await runCommand(run, {
    argv,
    env,
    cwd: root,
    now: new Date('2026-11-05T06:17:00Z'),
    config,
    services: { makeStore: () => store },
  });
  const calls = {
    total: standIn.calls.count(),
    list: standIn.calls.count('issues/list-for-repo'),
    update: standIn.calls.count('issues/update'),
    comment: standIn.calls.count('issues/create-comment'),
  };
  return { ...result, calls };
}

const issueOf = (numbers: Map<string, number>, record: Case) => {
  const issue = standIn.state
    .repo(fullName)
    .issues.find((candidate) => candidate.number === numbers.get(record.reference));
  if (!issue) throw new Error(`no issue for ${record.reference}`);
  return issue;
};
const commentsOn = (numbers: Map<string, number>, record: Case) =>
  standIn.state
    .repo(fullName)
    .comments.filter((comment) => comment.issueNumber === numbers.get(record.reference))
    // The store marks its comments with a hidden note marker; the text a person reads follows it.
    .map((comment) => comment.body.replace(/^<!-- klachtenloket:note -->\n/, ''));
const overdue = (numbers: Map<string, number>, record: Case) =>
  issueOf(numbers, record).labels.filter((label) => label.startsWith('termijn: '));

describe('klachten deadlines on GitHub', () => {
  let cases: Scenario;
  let numbers: Map<string, number>;
  const openCount = 8 + 150;

  beforeEach(() => {
    cases = scenario();
    numbers = seed([...Object.values(cases), ...fillers(150)]);
  });

  it('gives every case exactly the labels and comments due, in ⌈N/100⌉ reads plus two writes per case', async () => {
    const result = await deadlines(['--today', '2026-11-05']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    expect(commentsOn(numbers, cases.confirmSoon)).toEqual([
      expect.stringMatching(
        /Herinnering: klacht K-2026-\w+ bevestigen uiterlijk vrijdag 6 november 2026\*\* \(nog 1 werkdag\)[\s\S]*@coord$/,
      ),
    ]);
    expect(commentsOn(numbers, cases.confirmLate)).toEqual([
      expect.stringMatching(
        /Termijn verlopen: klacht K-2026-\w+ is niet op tijd bevestigd[\s\S]*woensdag 4 november 2026[\s\S]*@coord$/,
      ),
    ]);
    expect(commentsOn(numbers, cases.answerSoon)).toEqual([
      expect.stringMatching(
        /Herinnering: het antwoord op klacht K-2026-\w+ moet uiterlijk dinsdag 10 november 2026 verstuurd zijn\*\* \(nog 3 werkdagen\)[\s\S]*@jdevries$/,
      ),
    ]);
    expect(commentsOn(numbers, cases.answerLate)).toEqual([
      expect.stringMatching(/Termijn verlopen: klacht K-2026-\w+ is niet op tijd beantwoord[\s\S]*@coord @jdevries$/),
    ]);
    expect(commentsOn(numbers, cases.extendedSoon)).toEqual([
      expect.stringMatching(/uiterlijk maandag 9 november 2026 verstuurd zijn\*\* \(nog 2 werkdagen\)/),
    ]);
    for (const quiet of [cases.confirmLater, cases.extendedLater, cases.answered, cases.closed]) {
      expect(commentsOn(numbers, quiet)).toEqual([]);
    }

    expect(overdue(numbers, cases.confirmLate)).toEqual(['termijn: bevestiging verlopen']);
    expect(overdue(numbers, cases.answerLate)).toEqual(['termijn: antwoord verlopen']);
    for (const record of [
      cases.confirmSoon,
      cases.answerSoon,
      cases.extendedSoon,
      cases.extendedLater,
      cases.answered,
    ]) {
      expect(overdue(numbers, record)).toEqual([]);
    }
    // The other labels stay as they were.
    expect(issueOf(numbers, cases.confirmLate).labels).toEqual([
      'klacht',
      'status: ontvangen',
      'categorie: onderhoud',
      'termijn: bevestiging verlopen',
    ]);

    const noticed = 5;
    expect(result.calls).toEqual({
      total: Math.ceil(openCount / 100) + 2 * noticed,
      list: 2,
      update: noticed,
      comment: noticed,
    });
    expect(result.stdout).toContain('Schrijfacties: 10 van hoogstens 100. Open klachten: 158.');
  });

  it('writes nothing on a second run the same day', async () => {
    await deadlines(['--today', '2026-11-05']);
    const comments = standIn.state.repo(fullName).comments.length;
    const again = await deadlines(['--today', '2026-11-05']);
    expect(again.code).toBe(0);
    expect(again.calls).toEqual({ total: 2, list: 2, update: 0, comment: 0 });
    expect(standIn.state.repo(fullName).comments).toHaveLength(comments);
  });

  it('a week later, after missed runs, writes only what is due now', async () => {
    await deadlines(['--today', '2026-11-05']);
    const week = await deadlines(['--today', '2026-11-12']);
    expect(week.code).toBe(0);

    // The reminder of 6 November was sent; now its term has passed: the escalation, once.
    expect(commentsOn(numbers, cases.confirmSoon)).toEqual([
      expect.stringMatching(/^\*\*Herinnering/),
      expect.stringMatching(/^\*\*Termijn verlopen: klacht K-2026-\w+ is niet op tijd bevestigd/),
    ]);
    // No reminder was ever sent for 12 November (the job did not run): today is the last day.
    expect(commentsOn(numbers, cases.confirmLater)).toEqual([
      expect.stringMatching(/bevestigen uiterlijk donderdag 12 november 2026\*\* \(vandaag is de laatste dag\)/),
    ]);
    expect(commentsOn(numbers, cases.answerSoon)).toHaveLength(2);
    expect(commentsOn(numbers, cases.answerSoon)[1]).toMatch(
      /Termijn verlopen: klacht K-2026-\w+ is niet op tijd beantwoord/,
    );
    expect(commentsOn(numbers, cases.extendedSoon)).toHaveLength(2);
    // Already escalated last week: nothing new.
    expect(commentsOn(numbers, cases.confirmLate)).toHaveLength(1);
    expect(commentsOn(numbers, cases.answerLate)).toHaveLength(1);

    expect(overdue(numbers, cases.confirmSoon)).toEqual(['termijn: bevestiging verlopen']);
    expect(overdue(numbers, cases.answerSoon)).toEqual(['termijn: antwoord verlopen']);
    expect(overdue(numbers, cases.confirmLate)).toEqual(['termijn: bevestiging verlopen']);

    const noticed = 4;
    expect(week.calls).toEqual({ total: 2 + 2 * noticed, list: 2, update: noticed, comment: noticed });
  });

  it('drops the overdue label once the case moves on', async () => {
    await deadlines(['--today', '2026-11-05']);
    const octokit = standInOctokit(standIn);
    const store = makeGitHubStore(octokit, { owner: 'livable', repo: 'klachten' }, { context });
    await store.updateCase(
      cases.confirmLate.reference,
      (record) => ({ ...record, status: 'bevestigd', handler: 'jan' }),
      'bevestigd',
    );
    expect(overdue(numbers, cases.confirmLate)).toEqual([]);
  });

  it('writes nothing on a dry run', async () => {
    const result = await deadlines(['--today', '2026-11-05', '--dry-run']);
    expect(result.calls).toEqual({ total: 2, list: 2, update: 0, comment: 0 });
    expect(result.stdout.match(/^\[proefrun\] /gm)).toHaveLength(5);
  });

  it('keeps to --max-writes and sends the rest on the next run', async () => {
    const first = await deadlines(['--today', '2026-11-05', '--max-writes', '5']);
    expect(first.calls).toEqual({ total: 2 + 4, list: 2, update: 2, comment: 2 });
    const second = await deadlines(['--today', '2026-11-05', '--max-writes', '5']);
    expect(second.calls).toEqual({ total: 2 + 4, list: 2, update: 2, comment: 2 });
    const third = await deadlines(['--today', '2026-11-05', '--max-writes', '5']);
    expect(third.calls).toEqual({ total: 2 + 2, list: 2, update: 1, comment: 1 });
    expect((await deadlines(['--today', '2026-11-05'])).calls.total).toBe(2);
  });

  it('writes the job summary with references and counts, and no personal data anywhere in its output', async () => {
    const summaryFile = join(root, 'step-summary.md');
    const result = await deadlines(['--today', '2026-11-05'], { GITHUB_STEP_SUMMARY: summaryFile });
    const summary = await readFile(summaryFile, 'utf8');
    expect(summary).toContain(`| bevestiging verlopen: verstuurd | 1 | ${cases.confirmLate.reference} |`);
    expect(summary).toContain('| bevestigd | 152 |');
    for (const record of Object.values(cases)) {
      for (const personal of [record.name, record.email, record.address, record.complaint, record.expectation]) {
        expect(result.stdout + result.stderr + summary).not.toContain(personal);
      }
    }
  });
});
