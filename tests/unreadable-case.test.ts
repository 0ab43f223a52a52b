// One case file that cannot be read (non-YAML front matter, broken YAML, a field that fails the
// schema) never hides the others: the listings skip it with one named warning and go on; only a
// command that asked for that very case fails, saying which file and why. Run as production runs
// the commands, with the store built from the environment.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Case } from '../cases/case.ts';
import type { GitFolderStore } from '../cases/stores/git-folder.ts';
import { run as cases } from '../scripts/commands/cases.ts';
import { run as deadlines } from '../scripts/commands/deadlines.ts';
import { run as retention } from '../scripts/commands/retention.ts';
import { aCase, closedOnOverrides } from './support/case-fixture.ts';
import { runCommand } from './support/run-command.ts';
import { useTempGitFolder } from './support/temp-git-folder.ts';

let dataDir: string;
let store: GitFolderStore;
useTempGitFolder('klachten-unreadable-', (dir, made) => ((dataDir = dir), (store = made)));

const command = (run: typeof cases, argv: string[], now = new Date('2026-11-25T12:00:00Z')) =>
  runCommand(run, { argv, env: { KLACHTEN_DATA_DIR: dataDir }, cwd: dataDir, now });

/** Files `good` and `bad`, then overwrites `bad`'s file with `text`, as a hand edit would. */
async function seedWithBroken(text: (bad: Case) => string, overrides: Partial<Case> = {}) {
  const good = aCase({ name: 'Goede Klager', ...overrides });
  const bad = aCase({ name: 'Kapotte Klager', ...overrides });
  await store.fileCase(good);
  await store.fileCase(bad);
  await writeFile(join(dataDir, 'cases', `${bad.reference}.md`), text(bad));
  return { good, bad };
}

const nonYaml = (bad: Case) => `---js\n{ reference: "${bad.reference}", name: "Kapotte Klager" }\n---\nTekst\n`;
// A YAML error message quotes the lines around the mistake: here, the name.
const brokenYaml = (bad: Case) => `---\nreference: ${bad.reference}\nname: "Kapotte Klager\n  bad: [\n---\nTekst\n`;

describe('a case file that cannot be read', () => {
  it('leaves cases list listing the rest, exit 0, with one warning line naming the file and why', async () => {
    const { good, bad } = await seedWithBroken(nonYaml);
    const listed = await command(cases, ['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(good.reference);
    expect(listed.stdout).not.toContain(bad.reference);
    expect(listed.stdout).toContain('1 klacht(en)');
    expect(listed.stderr).toBe(
      `Let op: ${bad.reference}.md overgeslagen (voorwerk is geen YAML); herstel of verwijder het.\n`,
    );
  });

  it('is named without its content, also when the YAML parser’s own message would quote it', async () => {
    const { bad } = await seedWithBroken(brokenYaml);
    const listed = await command(cases, ['list', '--json']);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toBe(
      `Let op: ${bad.reference}.md overgeslagen (voorwerk is geen geldige YAML); herstel of verwijder het.\n`,
    );
    expect(listed.stderr + listed.stdout).not.toContain('Kapotte');
  });

  it('names the field that fails the schema', async () => {
    const { bad } = await seedWithBroken(
      (record) => `---\nreference: ${record.reference}\nstatus: kwijt\n---\nTekst\n`,
    );
    const listed = await command(cases, ['list']);
    expect(listed.stderr).toMatch(new RegExp(`^Let op: ${bad.reference}\\.md overgeslagen \\(veld \\S+ klopt niet\\)`));
  });

  it('fails cases show for that case alone, with exit 1 and the file and reason', async () => {
    const { good, bad } = await seedWithBroken(nonYaml);
    const shown = await command(cases, ['show', bad.reference]);
    expect(shown).toMatchObject({ code: 1, stdout: '' });
    expect(shown.stderr).toBe(
      `Het dossier ${bad.reference}.md is onleesbaar (voorwerk is geen YAML); herstel of verwijder het.\n`,
    );
    expect((await command(cases, ['show', good.reference])).code).toBe(0);
  });

  it('does not stop new complaints from being filed, nor lets one take its reference', async () => {
    const { bad } = await seedWithBroken(nonYaml);
    const fresh = aCase();
    expect(await store.fileCase(fresh)).toMatchObject({ created: true });
    await expect(store.fileCase(aCase({ reference: bad.reference }))).rejects.toMatchObject({
      tag: 'reference-taken',
    });
  });

  it('leaves deadlines reminding the other cases, exit 0, with the warning', async () => {
    // Both unconfirmed past their confirmation date (2026-11-04): each is due an escalation.
    const { good, bad } = await seedWithBroken(nonYaml);
    const result = await command(deadlines, [], new Date('2026-11-05T05:17:00Z'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(good.reference);
    expect(result.stdout).not.toContain(bad.reference);
    expect(result.stderr).toBe(
      `Let op: ${bad.reference}.md overgeslagen (voorwerk is geen YAML); herstel of verwijder het.\n`,
    );
  });

  it('leaves retention erasing the other case whose term ran out, exit 0, and the broken one for a person', async () => {
    const { good, bad } = await seedWithBroken(nonYaml, closedOnOverrides('2026-11-10'));
    const result = await command(retention, ['--today', '2028-12-15'], new Date('2028-12-15T03:00:00Z'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${good.reference}: persoonsgegevens gewist`);
    expect(result.stdout).toContain('1 klacht(en) gewist');
    expect(result.stderr).toBe(
      `Let op: ${bad.reference}.md overgeslagen (voorwerk is geen YAML); herstel of verwijder het.\n`,
    );
    expect(await store.getCase(good.reference)).toBeUndefined();
    await expect(store.getCase(bad.reference)).rejects.toMatchObject({ tag: 'unreadable-case' });
  });
});
