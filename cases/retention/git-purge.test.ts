import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCase } from '../../tests/support/case-fixture.ts';
import { everythingStored } from '../../tests/support/everything-stored.ts';
import { fixedGitConfig } from '../stores/git.ts';
import { makeGitFolderStore } from '../stores/git-folder.ts';

const exec = promisify(execFile);
let dir: string;
const git = async (...args: string[]) => (await exec('git', [...fixedGitConfig, ...args], { cwd: dir })).stdout;

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'klachten-purge-')), 'cases');
});
afterEach(() => rm(join(dir, '..'), { recursive: true, force: true }));

describe('erasure in a Git folder written before commit messages held the note alone', () => {
  it(
    'cuts every message that names the erased case to its subject, and keeps the other cases’ messages',
    { timeout: 30_000 },
    async () => {
      const store = makeGitFolderStore(dir);
      const erased = aCase();
      const kept = aCase();
      await store.fileCase(erased);
      await store.fileCase(kept);
      // As the store wrote them before: the comment, with the complainant's text, as the body.
      await git(
        'commit',
        '--allow-empty',
        '-q',
        '-m',
        `${erased.reference}: aanvulling van de klager`,
        '-m',
        'BSN 123456782',
      );
      await git(
        'commit',
        '--allow-empty',
        '-q',
        '-m',
        `${kept.reference}: aanvulling van de klager`,
        '-m',
        'IBAN NL91ABNA0417164300',
      );

      expect(await store.erase([erased.reference], '2028-12-15T03:00:00.000Z', 'verzoek')).toEqual({
        [erased.reference]: 'erased',
      });

      const everything = await everythingStored(join(dir, '..'));
      expect(everything).not.toContain('BSN 123456782');
      expect(everything).toContain('IBAN NL91ABNA0417164300');
      const subjects = (await git('log', '--format=%B%x00')).split('\0').map((message) => message.trim());
      expect(subjects).toContain(`${erased.reference}: aanvulling van de klager`);
      expect(subjects).toContain(`${erased.reference}: klacht ontvangen`);
      expect(subjects).toContain(`${kept.reference}: aanvulling van de klager\n\nIBAN NL91ABNA0417164300`);
    },
  );

  it(
    'runs with a case file edited by hand and not committed, and leaves that edit as it was',
    { timeout: 30_000 },
    async () => {
      const store = makeGitFolderStore(dir);
      const erased = aCase({ name: 'Te Wissen Persoon' });
      const edited = aCase();
      await store.fileCase(erased);
      await store.fileCase(edited);
      const path = join(dir, `${edited.reference}.md`);
      const byHand = `${await readFile(path, 'utf8')}Met de hand toegevoegd.\n`;
      await writeFile(path, byHand);

      await store.erase([erased.reference], '2028-12-15T03:00:00.000Z', 'verzoek');

      expect(await readFile(path, 'utf8')).toBe(byHand);
      expect(await git('status', '--porcelain')).toBe(` M ${edited.reference}.md\n`);
      expect(await everythingStored(join(dir, '..'))).not.toContain(erased.name);
    },
  );
});
