// The half-yearly report workflow: schedule, least permissions, the command it runs, no input
// pasted into a script, and its period step run for real in bash.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import matter from 'gray-matter';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

type Step = { name?: string; run?: string; env?: Record<string, string>; uses?: string };
const text = readFileSync(join(import.meta.dirname, '..', '.github', 'workflows', 'report.yml'), 'utf8');
// gray-matter's YAML reader (js-yaml) keeps `on` a key, not `true`.
const workflow = matter(`---\n${text}\n---\n`, {}).data as {
  on: { schedule: Array<{ cron: string }>; workflow_dispatch: { inputs: Record<string, unknown> } };
  permissions: Record<string, string>;
  jobs: { report: { steps: Step[] } };
};
const steps = workflow.jobs.report.steps;
const step = (name: string) => steps.find((candidate) => candidate.name === name);

describe('report.yml', () => {
  it('runs at 05:23 UTC on 1 January and 1 July, and on demand with an optional period', () => {
    expect(workflow.on.schedule).toEqual([{ cron: '23 5 1 1,7 *' }]);
    expect(Object.keys(workflow.on.workflow_dispatch.inputs)).toEqual(['period']);
  });

  it('may write contents and pull requests and read issues, nothing more', () => {
    expect(workflow.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'read' });
  });

  it('makes the report from the GitHub store into the site’s reports folder', () => {
    const make = step('Rapportage maken');
    expect(make?.env?.['KLACHTEN_STORE']).toBe('github');
    expect(make?.run).toBe(
      'npm run --silent klachten -- report --period "$PERIOD" --out "site/content/reports/$SLUG.md"',
    );
  });

  it('opens a pull request with gh, on a branch of its own', () => {
    const open = step('Pull request openen')?.run ?? '';
    expect(open).toContain('git switch --create "$branch"');
    expect(open).toMatch(/gh pr create --head "\$branch" --title "Rapportage \$PERIOD" --body-file/);
  });

  it('pastes no expression into any script: inputs arrive through the environment', () => {
    for (const candidate of steps) expect(candidate.run ?? '', candidate.name).not.toMatch(/\$\{\{/);
  });
});

describe('the period step, run in bash', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'klachten-workflow-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** Runs the step's script with a `date` that answers `today` (YYYY-MM-DD), and reads its outputs. */
  async function period(input: string, today: string): Promise<{ outputs: string; code: number; stdout: string }> {
    const [year, month] = today.split('-');
    await writeFile(
      join(dir, 'date'),
      `#!/bin/sh\ncase "$1" in +%Y) echo ${year};; +%-m) echo ${Number(month)};; *) exit 9;; esac\n`,
    );
    await chmod(join(dir, 'date'), 0o755);
    const output = join(dir, 'output');
    await writeFile(output, '');
    const env = { PATH: `${dir}:${process.env['PATH'] ?? ''}`, PERIOD: input, GITHUB_OUTPUT: output };
    const result = await promisify(execFile)('bash', ['-e', '-c', step('Periode bepalen')?.run ?? 'exit 9'], {
      env,
    }).then(
      (done) => ({ code: 0, stdout: done.stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    return { ...result, outputs: await readFile(output, 'utf8') };
  }

  it('takes the second half of last year on 1 January', async () => {
    expect((await period('', '2027-01-01')).outputs).toBe('period=2026-H2\nslug=2026-h2\n');
  });

  it('takes the first half of this year on 1 July', async () => {
    expect((await period('', '2027-07-01')).outputs).toBe('period=2027-H1\nslug=2027-h1\n');
  });

  it('takes a period given by hand, in either case', async () => {
    expect((await period('2025-h1', '2027-03-10')).outputs).toBe('period=2025-H1\nslug=2025-h1\n');
  });

  it('refuses anything that is not a half-year, without writing an output', async () => {
    const result = await period('2026-H3; rm -rf /', '2027-01-01');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::Geen halfjaar');
    expect(result.outputs).toBe('');
  });
});

describe('the pull-request step, run in bash against a local remote and a stand-in gh', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'klachten-workflow-pr-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const sh = (script: string, cwd: string, env: Record<string, string> = {}) =>
    promisify(execFile)('bash', ['-e', '-c', script], { cwd, env: { ...process.env, ...env } });

  it('pushes the draft on rapportage/<period> and opens the pull request with the coordinator’s checklist', async () => {
    const git = '-c user.name=t -c user.email=t@t -c commit.gpgsign=false -c init.defaultBranch=main';
    await sh(
      `git init --quiet --bare remote.git && git init --quiet work && cd work && git ${git} commit --quiet --allow-empty -m start && git remote add origin ../remote.git && git push --quiet origin HEAD:main`,
      dir,
    );
    const work = join(dir, 'work');
    await sh(
      'mkdir -p site/content/reports && for f in 2026-h2.md 2026-h2.en.md 2026-h2.per-maand.svg; do echo x > site/content/reports/$f; done',
      work,
    );
    await writeFile(
      join(dir, 'gh'),
      `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/gh-args"\nwhile [ "$1" != "--body-file" ]; do shift; done\ncp "$2" "${dir}/gh-body"\n`,
    );
    await chmod(join(dir, 'gh'), 0o755);
    const env = {
      PATH: `${dir}:${process.env['PATH'] ?? ''}`,
      PERIOD: '2026-H2',
      SLUG: '2026-h2',
      RUNNER_TEMP: dir,
      GH_TOKEN: 'x',
    };
    await sh(step('Pull request openen')?.run ?? 'exit 9', work, env);

    const { stdout: files } = await sh('git ls-tree -r --name-only rapportage/2026-h2', join(dir, 'remote.git'));
    expect(files.trim().split('\n')).toEqual([
      'site/content/reports/2026-h2.en.md',
      'site/content/reports/2026-h2.md',
      'site/content/reports/2026-h2.per-maand.svg',
    ]);
    expect((await readFile(join(dir, 'gh-args'), 'utf8')).split('\n').slice(0, 6)).toEqual([
      'pr',
      'create',
      '--head',
      'rapportage/2026-h2',
      '--title',
      'Rapportage 2026-H2',
    ]);
    const body = await readFile(join(dir, 'gh-body'), 'utf8');
    expect(body).toMatch(/^Het concept van de rapportage over \*\*2026-H2\*\*/);
    expect(body).toContain('Maak voor elk nieuw actiepunt een issue met het label `actiepunt`');

    // A second run for the same period stops, rather than pushing over the draft.
    await expect(sh(step('Pull request openen')?.run ?? 'exit 9', work, env)).rejects.toMatchObject({
      stdout: expect.stringContaining('::error::Er is al een concept voor 2026-H2'),
    });
  });
});
