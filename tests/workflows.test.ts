// Every workflow in .github/workflows/ passes the schema of GitHub workflow files
// (@action-validator/core, SchemaStore's schema); the two workflows of the case life also keep to
// the rules they are written for: least permissions, a schedule off the hour, one run at a time,
// and no event text pasted into a script.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow, type ValidationError } from '@action-validator/core';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '..', '.github', 'workflows');
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));

/** The errors of a workflow text, as readable lines (nested one-of branches flattened). */
function problems(text: string): string[] {
  const lines: string[] = [];
  const walk = (errors: readonly ValidationError[]) => {
    for (const error of errors) {
      const where = 'path' in error ? error.path : '';
      lines.push(`${error.code} ${where}: ${error.title}${error.detail === undefined ? '' : ` (${error.detail})`}`);
      if ('states' in error) for (const state of error.states ?? []) walk(state.errors);
    }
  };
  walk(validateWorkflow(text).errors);
  return lines;
}

/** A workflow file read as data. gray-matter's YAML reader (js-yaml) keeps `on` a key, not `true`. */
function load(name: string): Record<string, unknown> {
  return matter(`---\n${readFileSync(join(dir, name), 'utf8')}\n---\n`, {}).data;
}

describe('the workflow files', () => {
  it('include the daily deadlines, the case events and the queue drain', () => {
    expect(files).toEqual(expect.arrayContaining(['deadlines.yml', 'case-events.yml', 'drain.yml']));
  });

  it.each(files)('%s passes the schema of GitHub workflow files', (name) => {
    expect(problems(readFileSync(join(dir, name), 'utf8'))).toEqual([]);
  });

  it('the schema check fails on a broken workflow', () => {
    const good = [
      'on: push',
      'permissions:',
      '  issues: write',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo',
      '',
    ].join('\n');
    expect(problems(good)).toEqual([]);
    expect(problems(good.replace('issues: write', 'issues: schrijven'))).not.toEqual([]);
    expect(problems(good.replace('runs-on:', 'runs_on:'))).not.toEqual([]);
    expect(problems(good.replace('on: push', 'on: pushed'))).not.toEqual([]);
    expect(problems(good.replace('      - run: echo', '      - run: [echo'))).toEqual([
      expect.stringMatching(/^parse_error/),
    ]);
  });
});

describe('deadlines.yml', () => {
  const workflow = load('deadlines.yml');
  const on = workflow['on'] as { schedule?: Array<{ cron: string }>; workflow_dispatch?: unknown };

  it('runs daily, not on the hour, and on demand', () => {
    expect(on.schedule).toHaveLength(1);
    const [minute, hour, ...rest] = (on.schedule?.[0]?.cron ?? '').split(' ');
    expect(Number(minute)).toBeGreaterThan(0);
    expect(Number(minute)).toBeLessThan(60);
    expect(hour).toMatch(/^\d+$/);
    expect(rest).toEqual(['*', '*', '*']);
    expect('workflow_dispatch' in on).toBe(true);
  });

  it('may write issues and nothing else, and runs one at a time', () => {
    expect(workflow['permissions']).toEqual({ contents: 'read', issues: 'write' });
    expect(workflow['concurrency']).toEqual({ group: 'deadlines', 'cancel-in-progress': false });
  });

  it('runs klachten deadlines, with the inputs passed through the environment', () => {
    const text = readFileSync(join(dir, 'deadlines.yml'), 'utf8');
    expect(text).toMatch(/npm run --silent klachten -- deadlines/);
    expect(runScripts(workflow).join('\n')).not.toMatch(/\$\{\{/);
  });

  it('runs klachten retention daily, signed in as the App (deleting an issue needs Administration)', () => {
    const scripts = runScripts(workflow).join('\n');
    expect(scripts).toMatch(/npm run --silent klachten -- retention "\$\{args\[@\]\}"/);
    const text = readFileSync(join(dir, 'deadlines.yml'), 'utf8');
    const step = text.slice(text.indexOf('Bewaartermijnen toepassen'));
    expect(step).toContain('KLACHTEN_APP_PRIVATE_KEY: ${{ secrets.KLACHTEN_APP_PRIVATE_KEY }}');
    expect(step).not.toContain('GITHUB_TOKEN');
  });
});

describe('case-events.yml', () => {
  const workflow = load('case-events.yml');

  it('runs on new comments and assignments', () => {
    expect(workflow['on']).toEqual({ issue_comment: { types: ['created'] }, issues: { types: ['assigned'] } });
  });

  it('may write issues and nothing else, one run per issue at a time', () => {
    expect(workflow['permissions']).toEqual({ contents: 'read', issues: 'write' });
    expect(workflow['concurrency']).toEqual({
      group: 'case-events-${{ github.event.issue.number }}',
      'cancel-in-progress': false,
    });
  });

  it('runs klachten github-event and pastes no event text into a script', () => {
    const scripts = runScripts(workflow);
    expect(scripts).toContain('npm run --silent klachten -- github-event');
    // A comment body or title in a script would run what a commenter wrote, and echo it in the log.
    expect(scripts.join('\n')).not.toMatch(/\$\{\{|github\.event/);
  });
});

/** The `run:` scripts of every step of every job. */
function runScripts(workflow: Record<string, unknown>): string[] {
  const jobs = Object.values(workflow['jobs'] as Record<string, { steps?: Array<{ run?: string }> }>);
  return jobs.flatMap((job) => (job.steps ?? []).flatMap((step) => (step.run === undefined ? [] : [step.run])));
}

describe('drain.yml', () => {
  const workflow = load('drain.yml');

  it('runs every 10 minutes off the hour, and on request', () => {
    expect(workflow['on']).toEqual({ schedule: [{ cron: '3-59/10 * * * *' }], workflow_dispatch: null });
  });

  it('asks for issues and reading the code only, and runs one at a time', () => {
    expect(workflow['permissions']).toEqual({ contents: 'read', issues: 'write' });
    expect(workflow['concurrency']).toEqual({ group: 'drain', 'cancel-in-progress': false });
  });

  it('runs klachten sync only where the queue is reachable from Actions, with secrets through the environment', () => {
    const text = readFileSync(join(dir, 'drain.yml'), 'utf8');
    expect(text).toMatch(/npm run --silent klachten -- sync\n/);
    expect(text).toMatch(/KLACHTEN_QUEUE: \$\{\{ secrets\.KLACHTEN_QUEUE \}\}/);
    expect(text).toMatch(/if: steps\.queue\.outputs\.reachable == 'true'/);
    expect(text).not.toMatch(/run:[^\n]*\$\{\{/);
  });
});

describe('inbox.yml', () => {
  const workflow = load('inbox.yml');

  it('reads the reply inbox every 10 minutes off the hour and the drain, and on request', () => {
    expect(workflow['on']).toEqual({ schedule: [{ cron: '6-59/10 * * * *' }], workflow_dispatch: null });
  });

  it('asks for issues and the files’ ref only, and runs one round at a time', () => {
    expect(workflow['permissions']).toEqual({ contents: 'write', issues: 'write' });
    expect(workflow['concurrency']).toEqual({ group: 'inbox', 'cancel-in-progress': false });
  });

  it('runs klachten inbox, then sync for its files, only with an inbox and a queue Actions can reach', () => {
    const text = readFileSync(join(dir, 'inbox.yml'), 'utf8');
    expect(text).toMatch(/npm run --silent klachten -- inbox\n\s+npm run --silent klachten -- sync\n/);
    expect(text).toMatch(/"\$KLACHTEN_QUEUE" != "fs"/);
    expect(text).toMatch(/KLACHTEN_IMAP_URL: \$\{\{ secrets\.KLACHTEN_IMAP_URL \}\}/);
    expect(text).toMatch(/if: steps\.inbox\.outputs\.configured == 'true'/);
    expect(text).not.toMatch(/run:[^\n]*\$\{\{/);
  });
});

describe('the workflows that read cases', () => {
  it.each(['deadlines.yml', 'case-events.yml', 'inbox.yml'])(
    '%s hands every klachten step the queue, so a case still waiting for GitHub gets its reminders',
    (name) => {
      const jobs = Object.values(load(name)['jobs'] as Record<string, { steps?: Array<Record<string, unknown>> }>);
      const steps = jobs
        .flatMap((job) => job.steps ?? [])
        .filter((step) => String(step['run'] ?? '').includes('klachten'));
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        expect((step['env'] as Record<string, string>)['KLACHTEN_QUEUE']).toBe('${{ secrets.KLACHTEN_QUEUE }}');
      }
    },
  );
});

describe('the workload (werkvoorraad)', () => {
  it('is rewritten by the daily run, after the deadlines, and not in a dry run', () => {
    const steps = Object.values(
      load('deadlines.yml')['jobs'] as Record<string, { steps?: Array<Record<string, unknown>> }>,
    ).flatMap((job) => job.steps ?? []);
    const names = steps.map((step) => step['name']);
    const workload = steps.find((step) => step['name'] === 'Werkvoorraad bijwerken');
    expect(names.indexOf('Werkvoorraad bijwerken')).toBeGreaterThan(
      names.indexOf('Herinneringen en escalaties versturen'),
    );
    expect(String(workload?.['run'])).toMatch(/args=\(--publish\)[\s\S]*klachten -- werkvoorraad "\$\{args\[@\]\}"/);
    expect(workload?.['if']).toBe('${{ !cancelled() && inputs.dry-run != true }}');
    expect((workload?.['env'] as Record<string, string>)['KLACHTEN_PROJECT']).toBe('${{ vars.KLACHTEN_PROJECT }}');
  });

  it('follows changes made outside the workflows (site, drainer, by hand) to case issues only, one run at a time', () => {
    const workflow = load('werkvoorraad.yml');
    expect(workflow['on']).toEqual({
      issues: { types: ['opened', 'closed', 'reopened', 'labeled', 'unlabeled'] },
      workflow_dispatch: null,
    });
    expect(workflow['permissions']).toEqual({ contents: 'read', issues: 'write' });
    expect(workflow['concurrency']).toEqual({ group: 'werkvoorraad', 'cancel-in-progress': false });
    const job = Object.values(workflow['jobs'] as Record<string, { if?: string }>)[0];
    expect(job?.if).toContain("contains(github.event.issue.labels.*.name, 'klacht')");
    expect(runScripts(workflow)).toContain('npm run --silent klachten -- werkvoorraad --publish');
    expect(runScripts(workflow).join('\n')).not.toMatch(/\$\{\{|github\.event/);
  });
});
