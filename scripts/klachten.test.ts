import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const klachten = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['scripts/klachten.ts', ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('the klachten command', () => {
  // The commands are loaded by name, so the type checker cannot see that each listed one exists:
  // this test does, by asking every command `klachten --help` lists for its own help.
  it('loads every command it lists, each answering --help', async () => {
    const listed = (await klachten('--help')).stderr
      .split('\n')
      .map((line) => /^ {2}([a-z-]+) {2,}/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined);
    expect(listed).toContain('cases');
    expect(listed.length).toBeGreaterThanOrEqual(13);
    const answers = await Promise.all(listed.map(async (name) => ({ name, ...(await klachten(name, '--help')) })));
    for (const answer of answers) {
      // Each prints its own usage (github-event, which only runs inside Actions, on stderr with 2).
      expect(`${answer.stdout}${answer.stderr}`, answer.name).toMatch(new RegExp(`klachten (-- )?${answer.name}\\b`));
      expect(answer.stderr, answer.name).not.toMatch(/Cannot find|ERR_MODULE|is not a function/);
    }
    // Seventeen Node processes at once: on two shared cores under a full test run that takes
    // longer than Vitest's default 5 s (it timed out there twice), never for a reason of its own.
  }, 60_000);

  it('refuses a name that is not a command, also one that every object has', async () => {
    for (const name of ['onbekend', 'toString', '../klachten']) {
      const answer = await klachten(name);
      expect(answer.code, name).toBe(2);
      expect(answer.stderr, name).toContain(`Onbekende opdracht: ${name}`);
    }
  });
});
