import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubStandIn } from '../../tests/github-standin/index.ts';
import { aCase } from '../../tests/support/case-fixture.ts';
import { runCommand } from '../../tests/support/run-command.ts';
import { standInGitHubEnv } from '../../tests/support/standin-octokit.ts';
import { commentEvent, config, eventTime, startCaseRepo, type CaseRepo } from './github-event/fixture.ts';
import { run } from './github-event.ts';

let standIn: GitHubStandIn;
let file: CaseRepo['file'];
beforeEach(async () => {
  ({ standIn, file } = await startCaseRepo());
});
afterEach(async () => {
  await standIn.close();
});

describe('klachten github-event', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'klachten-event-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const cli = (env: Record<string, string>) =>
    runCommand(run, { env: { ...standInGitHubEnv(standIn), ...env }, cwd: root, now: eventTime, config });

  it('reads the event from GITHUB_EVENT_PATH and logs references and codes only', async () => {
    const record = aCase({ name: 'Zoë Jansen' });
    const issue = await file(record);
    const path = join(root, 'event.json');
    await writeFile(path, JSON.stringify(commentEvent(issue, 'coord', '/bevestig @jdevries')));
    const result = await cli({ GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: path });
    expect(result).toEqual({
      code: 0,
      stdout: expect.stringMatching(
        new RegExp(
          `^github-event: issue_comment ${record.reference}: /bevestig moved\nWerkvoorraad gemaakt en vastgezet: issue #\\d+\\.\n$`,
        ),
      ) as unknown as string,
      stderr: '',
    });
    // The move brought the pinned workload up to date: the case is in it, now confirmed.
    const workload = standIn.state
      .repo('livable/klachten')
      .issues.find((candidate) => candidate.labels.includes('werkvoorraad'));
    expect(workload?.pinned).toBe(true);
    expect(workload?.body).toContain(`| bevestigd | Jan de Vries | antwoorden |`);
  });

  it('says it was ignored, and why, without details', async () => {
    const issue = await file(aCase());
    const path = join(root, 'event.json');
    await writeFile(path, JSON.stringify(commentEvent(issue, 'buitenstaander', '/bevestig @jdevries')));
    const result = await cli({ GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: path });
    expect(result.stdout).toBe('github-event: issue_comment genegeerd (geen schrijfrechten)\n');
  });

  it('exits 2 outside an Action', async () => {
    const outside = await runCommand(run, { cwd: root, now: eventTime, config });
    expect(outside.code).toBe(2);
  });
});
