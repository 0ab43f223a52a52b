import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../../cases/case.ts';
import type { Config } from '../../cases/config.ts';
import { aConfig } from '../../tests/support/config-fixture.ts';
import type { CaseStore } from '../../cases/store.ts';
import { makeGitFolderStore } from '../../cases/stores/git-folder.ts';
import { aCase } from '../../tests/support/case-fixture.ts';
import { runCommand } from '../../tests/support/run-command.ts';
import { run } from './deadlines.ts';

const config: Config = aConfig({ people: [{ id: 'jan', name: 'Jan de Vries', login: 'jdevries' }] });

/** A store that counts what the command asks of it. */
function counting(store: CaseStore) {
  const calls = { list: 0, get: 0, update: 0 };
  const wrapped: CaseStore = {
    description: store.description,
    fileCase: (record) => store.fileCase(record),
    getCase: (reference) => ((calls.get += 1), store.getCase(reference)),
    listCases: (options) => ((calls.list += 1), store.listCases(options)),
    updateCase: (reference, change, note, options) => (
      (calls.update += 1),
      store.updateCase(reference, change, note, options)
    ),
  };
  return { store: wrapped, calls };
}

let root: string;
let store: CaseStore;
const git = async (...args: string[]) => (await promisify(execFile)('git', args, { cwd: join(root, 'cases') })).stdout;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'klachten-deadlines-'));
  store = makeGitFolderStore(join(root, 'cases'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const deadlines = (argv: string[], options: { store?: CaseStore; env?: Record<string, string> } = {}) =>
  runCommand(run, {
    argv,
    env: options.env ?? {},
    cwd: root,
    now: new Date('2026-11-05T05:17:00Z'),
    config,
    services: { makeStore: () => options.store ?? store },
  });

// The fixture's terms: confirm by 2026-11-04, answer by 2026-12-07, extended to 2027-01-04.
async function seed() {
  const cases = {
    remind: aCase({
      terms: {
        received: '2026-10-28',
        confirmBy: '2026-11-06',
        answerBy: '2026-12-09',
        extendedAnswerBy: '2027-01-06',
      },
    }),
    overdue: aCase(),
    confirmed: aCase({ status: 'bevestigd', handler: 'jan' }),
    answered: aCase({ status: 'beantwoord', handler: 'jan' }),
    closed: aCase({ status: 'afgesloten', handler: 'jan', outcome: 'gegrond' }),
  };
  for (const record of Object.values(cases)) await store.fileCase(record);
  return cases;
}

describe('klachten deadlines over the Git folder', () => {
  it('sends what is due once, records it on the case, and writes nothing on a second run', async () => {
    const cases = await seed();
    const counted = counting(store);
    const first = await deadlines(['--today', '2026-11-05'], { store: counted.store });
    expect(first.code).toBe(0);
    expect(counted.calls).toEqual({ list: 1, get: 0, update: 2 });
    expect((await store.getCase(cases.remind.reference))?.notices).toEqual([
      { key: 'confirm-reminder:2026-11-06', at: '2026-11-05T06:17:00+01:00' },
    ]);
    expect((await store.getCase(cases.overdue.reference))?.notices.map((notice) => notice.key)).toEqual([
      'confirm-overdue:2026-11-04',
    ]);
    // The commit names the case and the notice; the notice's text is for the issue, not Git's metadata.
    const message = await git('log', '-1', `--format=%B`, '--', `${cases.overdue.reference}.md`);
    expect(message.trim()).toBe(`${cases.overdue.reference}: termijnbericht: confirm-overdue:2026-11-04`);
    expect(first.stdout).toContain(`| bevestiging verlopen: verstuurd | 1 | ${cases.overdue.reference} |`);
    expect(first.stdout).toContain(`| herinnering bevestiging: verstuurd | 1 | ${cases.remind.reference} |`);
    expect(first.stdout).toContain(`| bevestigd | 1 | ${cases.confirmed.reference} |`);
    expect(first.stdout).toContain('Schrijfacties: 4 van hoogstens 100. Open klachten: 4.');

    const commits = (await git('rev-list', '--count', 'HEAD')).trim();
    const again = counting(store);
    const second = await deadlines(['--today', '2026-11-05'], { store: again.store });
    expect(second.code).toBe(0);
    expect(again.calls).toEqual({ list: 1, get: 0, update: 0 });
    expect((await git('rev-list', '--count', 'HEAD')).trim()).toBe(commits);
    expect(second.stdout).toContain('Schrijfacties: 0 van hoogstens 100.');
  });

  it('after weeks without a run, sends the escalations now due and none of the stale reminders', async () => {
    const cases = await seed();
    const result = await deadlines(['--today', '2026-12-10']);
    expect(result.code).toBe(0);
    const keys = async (record: Case) => (await store.getCase(record.reference))?.notices.map((notice) => notice.key);
    expect(await keys(cases.remind)).toEqual(['confirm-overdue:2026-11-06', 'answer-overdue:2026-12-09']);
    expect(await keys(cases.overdue)).toEqual(['confirm-overdue:2026-11-04', 'answer-overdue:2026-12-07']);
    expect(await keys(cases.confirmed)).toEqual(['answer-overdue:2026-12-07']);
    expect(await keys(cases.answered)).toEqual([]);
    expect(result.stdout).not.toMatch(/herinnering [a-z]+: verstuurd \| [1-9]/);
  });

  it('writes nothing on a dry run and says what it would send', async () => {
    const cases = await seed();
    const commits = (await git('rev-list', '--count', 'HEAD')).trim();
    const result = await deadlines(['--dry-run', '--today', '2026-11-05']);
    expect(result.code).toBe(0);
    expect((await git('rev-list', '--count', 'HEAD')).trim()).toBe(commits);
    expect(result.stdout).toContain(
      `[proefrun] **Termijn verlopen: klacht ${cases.overdue.reference} is niet op tijd bevestigd.**`,
    );
    expect(result.stdout).toContain('## Termijnen op 2026-11-05 (proefrun: niets geschreven)');
    expect(result.stdout).toContain(
      `| bevestiging verlopen: zou versturen (proefrun) | 1 | ${cases.overdue.reference} |`,
    );
  });

  it('stops at --max-writes and leaves the rest for the next run', async () => {
    const cases = await seed();
    const counted = counting(store);
    const result = await deadlines(['--today', '2026-11-05', '--max-writes', '3'], { store: counted.store });
    expect(result.code).toBe(0);
    expect(counted.calls.update).toBe(1);
    expect(result.stdout).toContain(
      `| bevestiging verlopen: uitgesteld naar de volgende run | 1 | ${cases.overdue.reference} |`,
    );
    expect((await store.getCase(cases.overdue.reference))?.notices).toEqual([]);
    await deadlines(['--today', '2026-11-05', '--max-writes', '3']);
    expect((await store.getCase(cases.overdue.reference))?.notices).toHaveLength(1);
    expect((await store.getCase(cases.remind.reference))?.notices).toHaveLength(1);
  });

  it('appends the summary to the job summary file, with references but no personal data', async () => {
    const cases = await seed();
    const summaryFile = join(root, 'summary.md');
    const result = await deadlines(['--today', '2026-11-05'], { env: { GITHUB_STEP_SUMMARY: summaryFile } });
    const summary = await readFile(summaryFile, 'utf8');
    expect(result.stdout).toContain(summary);
    expect(summary).toContain(cases.overdue.reference);
    for (const record of Object.values(cases)) {
      for (const personal of [record.name, record.email, record.address, record.complaint, record.expectation]) {
        expect(result.stdout + summary).not.toContain(personal);
      }
    }
  });

  it('stops writing and exits 1 when the store fails, keeping what was done', async () => {
    await seed();
    let updates = 0;
    const failing: CaseStore = {
      ...store,
      description: store.description,
      listCases: (options) => store.listCases(options),
      updateCase: async (...args) => {
        updates += 1;
        if (updates === 1) throw new Error('opslag onbereikbaar');
        return store.updateCase(...args);
      },
    };
    const result = await deadlines(['--today', '2026-11-05'], { store: failing });
    expect(result.code).toBe(1);
    expect(updates).toBe(1);
    expect(result.stderr).toMatch(/opslag onbereikbaar/);
    expect(result.stdout).toMatch(/: mislukt \| 1 \|/);
    expect(result.stdout).toMatch(/: uitgesteld naar de volgende run \| 1 \|/);
  });

  it.each([
    [['--today', '5-11-2026'], /--today: "5-11-2026" is geen datum/],
    [['--today', '2099-01-05'], /kent het jaar 2099 niet/],
    [['--max-writes', '-1'], /Een optie mist haar waarde|geheel getal/],
    [['--max-writes', 'veel'], /--max-writes verwacht een geheel getal/],
    [['--force'], /Onbekende optie/],
  ])('refuses %j with exit code 2', async (argv, message) => {
    const result = await deadlines(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
