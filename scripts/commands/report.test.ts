import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOpen } from '../../cases/lifecycle.ts';
import type { Locale } from '../../cases/locale.ts';
import { encodeIssue } from '../../cases/stores/github/issue-format.ts';
import { fixtureCases, previousReportMarkdown } from '../../cases/report/__fixtures__/cases.ts';
import { caseToFile } from '../../cases/stores/git-folder.ts';
import type { Case } from '../../cases/case.ts';
import { aCase } from '../../tests/support/case-fixture.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../../tests/github-standin/index.ts';
import config from '../../klachten.config.ts';
import { runCommand } from '../../tests/support/run-command.ts';
import { standInGitHubEnv } from '../../tests/support/standin-octokit.ts';
import { run } from './report.ts';

const golden = (locale: Locale) =>
  readFile(new URL(`../../cases/report/__fixtures__/report.${locale}.golden.md`, import.meta.url), 'utf8');

let dir: string;
const report = (argv: string[], env: Record<string, string> = {}, now = new Date('2027-01-01T06:00:00.000Z')) =>
  runCommand(run, { argv, env: { KLACHTEN_DATA_DIR: join(dir, 'data'), ...env }, cwd: dir, now });
const git = (cwd: string, ...args: string[]) =>
  promisify(execFile)('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
  });

/** Puts cases in the Git-folder store as the store writes them, in one commit. */
async function seedGitFolder(cases: Case[]): Promise<void> {
  const casesDir = join(dir, 'data', 'cases');
  await mkdir(casesDir, { recursive: true });
  await git(casesDir, 'init', '--quiet', '--initial-branch=main');
  for (const record of cases) await writeFile(join(casesDir, `${record.reference}.md`), caseToFile(record));
  await git(casesDir, 'add', '.');
  await git(casesDir, 'commit', '--quiet', '-m', 'fixture');
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klachten-report-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('klachten report on the Git-folder store', () => {
  it('writes the golden report in both languages with its charts, action points from the previous report', async () => {
    await seedGitFolder(fixtureCases());
    await mkdir(join(dir, 'reports'));
    await writeFile(join(dir, 'reports', '2026-h1.md'), previousReportMarkdown);
    const result = await report(['--period', '2026-H2', '--out', 'reports/2026-h2.md']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(await readFile(join(dir, 'reports', '2026-h2.md'), 'utf8')).toBe(await golden('nl'));
    expect(await readFile(join(dir, 'reports', '2026-h2.en.md'), 'utf8')).toBe(await golden('en'));
    expect((await readdir(join(dir, 'reports'))).sort()).toEqual([
      '2026-h1.md',
      '2026-h2.en.md',
      '2026-h2.en.per-month.svg',
      '2026-h2.en.per-subject.svg',
      '2026-h2.md',
      '2026-h2.per-maand.svg',
      '2026-h2.per-onderwerp.svg',
    ]);
    expect(result.stdout).toContain('Rapportage 2026-H2 gemaakt uit 17 ontvangen klachten');
    expect(result.stdout).toContain('reports/2026-h2.per-onderwerp.svg');
  });

  it('warns that the numbers are not complete when the period has not ended yet', async () => {
    await seedGitFolder(fixtureCases());
    const early = await report(['--period', '2026-H2'], {}, new Date('2026-12-31T12:00:00Z'));
    expect(early.code).toBe(0);
    expect(early.stderr).toBe(
      'Let op: de periode loopt nog tot en met 2026-12-31. De aantallen zijn dus nog niet compleet.\n',
    );
  });

  it('prints the Dutch report when there is no --out, and says there was no previous report', async () => {
    await seedGitFolder(fixtureCases());
    const printed = await report(['--period', '2026-H2']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^---\ntitle: Klachtenrapportage tweede halfjaar 2026\n/);
    expect(printed.stdout).toContain('Er is geen vorige rapportage met actiepunten.');
  });

  it('takes any range with --from and --to, and compares it with the same number of days before', async () => {
    await seedGitFolder(fixtureCases());
    const ranged = await report(['--from', '2026-10-01', '--to', '2026-10-31']);
    expect(ranged.code).toBe(0);
    expect(ranged.stdout).toContain('period: 2026-10-01_2026-10-31\n');
    expect(ranged.stdout).toContain('| 1 oktober 2026 tot en met 31 oktober 2026 (deze periode) |');
    expect(ranged.stdout).toContain(
      'We vergelijken met de vorige periode: 31 augustus 2026 tot en met 30 september 2026.',
    );
  });

  it('refuses to overwrite a report, whose evaluation would be lost, unless told to', async () => {
    await seedGitFolder(fixtureCases());
    await mkdir(join(dir, 'reports'));
    await writeFile(join(dir, 'reports', '2026-h2.en.md'), 'evaluation written by hand');
    const refused = await report(['--period', '2026-H2', '--out', 'reports/2026-h2.md']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('reports/2026-h2.en.md bestaat al');
    expect(await readFile(join(dir, 'reports', '2026-h2.en.md'), 'utf8')).toBe('evaluation written by hand');
    expect((await report(['--period', '2026-H2', '--out', 'reports/2026-h2.md', '--force'])).code).toBe(0);
  });

  it.each([
    [[], /Geef de periode op/],
    [['--period', '2026-H3'], /geen halfjaar/],
    [['--period', '2026-H2', '--from', '2026-07-01'], /niet allebei/],
    [['--from', '2026-07-01'], /Geef de periode op/],
    [['--period', '2026-H2', '--out', 'rapport.txt'], /--out moet een \.md-bestand zijn/],
    [['--periode', '2026-H2'], /Onbekende optie/],
  ])('refuses %j with exit code 2 and a Dutch message', async (argv, message) => {
    const result = await report(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('klachten report on the GitHub store', () => {
  let standIn: GitHubStandIn;
  afterEach(async () => {
    await standIn.close();
  });

  /** Puts the cases and action points in the stand-in as issues, as the GitHub store writes them. */
  function seedIssues(cases: Case[], actionPoints: Array<{ title: string; closedAt?: string; notPlanned?: boolean }>) {
    const repo = standIn.state.repo('livable/klachten');
    const add = (fields: {
      title: string;
      body: string;
      labels: string[];
      closedAt: Date | null;
      notPlanned?: boolean;
      createdAt: Date;
    }) =>
      repo.issues.push({
        id: standIn.state.nextId(),
        number: repo.issues.length + 1,
        title: fields.title,
        body: fields.body,
        state: fields.closedAt ? 'closed' : 'open',
        stateReason: fields.closedAt ? (fields.notPlanned ? 'not_planned' : 'completed') : null,
        labels: fields.labels,
        assignees: [],
        user: 'klachten-bot',
        createdAt: fields.createdAt,
        updatedAt: fields.createdAt,
        closedAt: fields.closedAt,
        isPull: false,
      });
    for (const record of cases) {
      const encoded = encodeIssue(record, { categories: config.categories });
      const at = new Date(record.receivedAt);
      add({
        title: encoded.title,
        body: encoded.body,
        labels: encoded.labels,
        closedAt: isOpen(record) ? null : at,
        createdAt: at,
      });
    }
    for (const point of actionPoints) {
      add({
        title: point.title,
        body: 'Actiepunt uit de rapportage 2026-H1.',
        labels: ['actiepunt'],
        closedAt: point.closedAt ? new Date(point.closedAt) : null,
        ...(point.notPlanned ? { notPlanned: true } : {}),
        createdAt: new Date('2026-07-15T10:00:00Z'),
      });
    }
  }

  /** Cases from 2025, all closed: they change no number of 2026. */
  const filler = (count: number) =>
    Array.from({ length: count }, () =>
      aCase({
        status: 'afgesloten',
        receivedAt: '2025-03-03T10:00:00+01:00',
        terms: {
          received: '2025-03-03',
          confirmBy: '2025-03-12',
          answerBy: '2025-04-14',
          extendedAnswerBy: '2025-05-12',
        },
        outcome: 'gegrond',
        events: [
          { at: '2025-03-03T10:00:00+01:00', status: 'ontvangen' },
          { at: '2025-03-20T10:00:00+01:00', status: 'afgesloten', outcome: 'gegrond' },
        ],
      }),
    );

  it('reads the register folder, N cases in ⌈N/100⌉ listing calls and the action points in one more, with read access only', async () => {
    standIn = await startGitHubStandIn({
      tokens: [
        {
          token: 'read-token',
          login: 'report-bot',
          permissions: { issues: 'read', contents: 'read', metadata: 'read' },
        },
      ],
    });
    const cases = [...fixtureCases(), ...filler(221)];
    seedIssues(cases, [
      { title: 'Reparatieverzoeken binnen 2 werkdagen inplannen', closedAt: '2026-09-01T10:00:00Z' },
      { title: 'Servicekostenafrekening in begrijpelijke taal' },
      { title: 'Klachtenspreekuur op zaterdag', closedAt: '2026-10-01T10:00:00Z', notPlanned: true },
    ]);
    standIn.calls.reset();
    const env = standInGitHubEnv(standIn, { token: 'read-token', writeIntervalMs: undefined });
    const result = await report(['--period', '2026-H2', '--out', 'reports/2026-h2.md'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(cases).toHaveLength(251);
    expect(standIn.calls.count('issues/list-for-repo')).toBe(Math.ceil(251 / 100) + 1);
    // The register folder (none yet: every case is listed).
    expect(standIn.calls.count('repos/get-content')).toBe(1);
    expect(standIn.calls.count()).toBe(Math.ceil(251 / 100) + 2);

    // The same numbers as from the Git folder: everything up to the action points is the golden text.
    const written = await readFile(join(dir, 'reports', '2026-h2.md'), 'utf8');
    const numbersPart = (text: string) => text.slice(0, text.indexOf('## Actiepunten uit de vorige rapportage'));
    expect(numbersPart(written)).toBe(numbersPart(await golden('nl')));
    expect(written).toMatch(
      /\| Reparatieverzoeken binnen 2 werkdagen inplannen +\| Afgerond +\|\n\| Servicekostenafrekening in begrijpelijke taal +\| Nog niet klaar +\|\n\| Klachtenspreekuur op zaterdag +\| Vervallen +\|/,
    );
    expect(written).toContain('De actiepunten zijn de issues met het label "actiepunt"');
  });
});
