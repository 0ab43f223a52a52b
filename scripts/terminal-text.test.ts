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
  it('shows escape sequences and every other control character as visible escapes, keeping tabs and newlines', () => {
    expect(terminalText('Zoë\u001b[2J\u001b]0;titel\u0007\tklaar\n')).toBe(
      'Zoë\\u001b[2J\\u001b]0;titel\\u0007\tklaar\n',
    );
    expect(terminalText('a\u0085b\u009bc')).toBe('a\\u0085b\\u009bc');
  });

  it('never turns a line separator into a new line', () => {
    expect(terminalText('Zoë\u2028E-mail: nep@example.org\u2029\u000b\u000c\r')).toBe(
      'Zoë\\u2028E-mail: nep@example.org\\u2029\\u000b\\u000c\\u000d',
    );
    expect(terminalText('regel 1\r\nregel 2')).toBe('regel 1\nregel 2');
  });

  it('shows bidi overrides and isolates, so what a coordinator reads is in the order it was typed', () => {
    expect(terminalText('fdp.\u202eexe\u2066x\u2069')).toBe('fdp.\\u202eexe\\u2066x\\u2069');
  });

  it('leaves JSON output valid JSON that reads back to the same text', () => {
    const value = { name: 'Zoë\u2028\u202e\u001b' };
    expect(JSON.parse(terminalText(JSON.stringify(value)))).toEqual(value);
  });
});

describe('the klachten command prints case text without terminal escapes', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'klachten-terminal-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('shows a case whose text holds escape sequences, bidi overrides and line separators on the lines it belongs to', async () => {
    // Written behind the form's back (an old case, a phone complaint typed in by hand): the
    // output gate must hold whatever the store contains.
    const record = aCase({
      name: 'Zoë\u001b[2J\u001b[31m\u2028E-mail:        nep@example.org',
      address: 'Lindenlaan 12\nTelefoon:      0900-1234',
      complaint: 'Tekst\u001b]0;nep\u0007 \u202eomgekeerd',
    });
    await makeGitFolderStore(join(dir, 'cases')).fileCase(record);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/klachten.ts', 'cases', 'show', record.reference],
      {
        env: { ...process.env, KLACHTEN_DATA_DIR: dir, KLACHTEN_STORE: 'git' },
      },
    );
    expect(stdout).toContain('Naam:          Zoë\\u001b[2J\\u001b[31m\\u2028E-mail:        nep@example.org\n');
    expect(stdout).toContain('Adres:         Lindenlaan 12\\u000aTelefoon:      0900-1234\n');
    expect(stdout.match(/^E-mail:/gm)).toHaveLength(1);
    expect(stdout.match(/^Telefoon:/gm)).toHaveLength(1);
    expect(stdout).toContain('Tekst\\u001b]0;nep\\u0007 \\u202eomgekeerd');
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });
});
