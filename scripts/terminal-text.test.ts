import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeGitFolderStore } from '../cases/stores/git-folder.ts';
import { aCase } from '../tests/support/case-fixture.ts';
import { terminalText } from './terminal-text.ts';

describe('terminalText', () => {
  it('drops escape sequences’ ESC and every other control character, keeping tabs and newlines', () => {
    expect(terminalText('Zoë\u001b[2J\u001b]0;titel\u0007\tklaar\n')).toBe('Zoë[2J]0;titel\tklaar\n');
    expect(terminalText('a\u0085b\u009bc')).toBe('abc');
  });

  it('drops bidi overrides and isolates, so what a coordinator reads is in the order it was typed', () => {
    expect(terminalText('fdp.\u202eexe\u2066x\u2069')).toBe('fdp.exex');
  });
});

describe('the klachten command prints case text without terminal escapes', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'klachten-terminal-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('shows a case whose text holds escape sequences and bidi overrides with those characters removed', async () => {
    // Written behind the form's back (an old case, a phone complaint typed in by hand): the
    // output gate must hold whatever the store contains.
    const record = aCase({ name: 'Zoë\u001b[2J\u001b[31m', complaint: 'Tekst\u001b]0;nep\u0007 \u202eomgekeerd' });
    await makeGitFolderStore(join(dir, 'cases')).fileCase(record);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/klachten.ts', 'cases', 'show', record.reference],
      {
        env: { ...process.env, KLACHTEN_DATA_DIR: dir, KLACHTEN_STORE: 'git' },
      },
    );
    expect(stdout).toContain('Zoë[2J[31m');
    expect(stdout).toContain('Tekst]0;nep omgekeerd');
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});
