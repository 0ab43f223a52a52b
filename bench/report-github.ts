/**
 * The GitHub half of `npm run bench:report`: a register year of 50,000 cases in the GitHub
 * stand-in (every call checked against GitHub's OpenAPI description), read as the report reads it
 * on GitHub — first as an older repository holds it (one file of about 25 MB for the year: the
 * contents API leaves its content out, so it is read as a blob), then after the daily retention
 * run moved it into month files with a stamp. Prints per stage the time and the GitHub calls the
 * report needs. The stand-in answers on loopback, so the time is our work, not GitHub's latency:
 * the calls say what a real run adds to it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRegisterLine } from '../cases/register/codec.ts';
import { registerRecordOf } from '../cases/register/record.ts';
import { parseConfig } from '../cases/config.ts';
import { run as report } from '../scripts/commands/report.ts';
import { run as retention } from '../scripts/commands/retention.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../tests/github-standin/index.ts';
import { runCommand } from '../tests/support/run-command.ts';
import { seedIssues } from '../tests/support/seed-issues.ts';
import { standInGitHubEnv } from '../tests/support/standin-octokit.ts';
import { random, syntheticCase } from '../tests/support/synthetic-cases.ts';
import configInput from '../klachten.config.ts';

const config = parseConfig(configInput);
const now = new Date('2027-01-05T03:00:00Z');

/** One stage: how long the report took, and which calls it made. */
export interface GitHubStage {
  stage: string;
  ms: number;
  calls: number;
  byOperation: string;
}

function callsOf(standIn: GitHubStandIn): { calls: number; byOperation: string } {
  const counts = new Map<string, number>();
  for (const call of standIn.calls.all) counts.set(call.operation, (counts.get(call.operation) ?? 0) + 1);
  return {
    calls: standIn.calls.all.length,
    byOperation: [...counts].map(([operation, count]) => `${operation} ×${count}`).join(', '),
  };
}

/**
 * Measures the report on a GitHub register year of `count` cases, before and after the move to
 * month files.
 *
 * @example
 * const stages = await measureGitHub(50_000); // [{ stage: 'jaarbestand (blob)', ms: 2100, calls: 4, … }, …]
 */
export async function measureGitHub(count: number): Promise<GitHubStage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'klachten-bench-github-'));
  const standIn = await startGitHubStandIn({ now: () => now });
  try {
    const repo = standIn.state.repo('livable/klachten');
    const next = random(count);
    const cases = Array.from({ length: count }, (_, index) => syntheticCase(index, next));
    const text = cases.map((record) => encodeRegisterLine(registerRecordOf(record))).join('');
    repo.commits.get(repo.refs.get('refs/heads/main') ?? '')?.files.set('register/2026.jsonl', text);
    // Every case as its issue, last changed a month before: within the retention term a case keeps
    // its issue, so a year of cases is a year of issues to list.
    seedIssues(
      standIn,
      cases,
      { categories: config.categories, people: config.people },
      'livable/klachten',
      new Date('2026-12-01T10:00:00Z'),
    );
    process.stdout.write(
      `  register van ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB in één jaarbestand, ${count.toLocaleString('nl-NL')} issues\n`,
    );
    const env = standInGitHubEnv(standIn, { dataDir: dir });
    const stages: GitHubStage[] = [];
    const measure = async (stage: string) => {
      standIn.calls.reset();
      const started = performance.now();
      const result = await runCommand(report, {
        argv: ['--period', '2026-H2', '--out', join(dir, `${stages.length}.md`)],
        env,
        cwd: dir,
        now,
        config,
      }).catch((error: unknown) => ({ code: 1, stderr: String(error) }));
      // What went wrong at the stand-in, if anything did: its own complaints name the cause.
      if (result.code !== 0) throw new Error(`${result.stderr}\n${standIn.mismatches.join('\n')}`);
      stages.push({ stage, ms: performance.now() - started, ...callsOf(standIn) });
    };
    await measure('jaarbestand (blob)');
    const moved = await runCommand(retention, { argv: ['--today', '2027-01-05'], env, cwd: dir, now, config });
    if (moved.code !== 0) throw new Error(moved.stderr);
    await measure('maandbestanden + stempel');
    return stages;
  } finally {
    await standIn.close();
    await rm(dir, { recursive: true, force: true });
  }
}
