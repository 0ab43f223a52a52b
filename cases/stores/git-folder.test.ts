import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCase } from '../../tests/support/case-fixture.ts';
import { findWidePermissions } from '../private-files.ts';
import { describeStoreContract } from './contract.ts';
import type { UnreadableCase } from '../store.ts';
import { caseToFile, commitMessage, fileToCase, makeGitFolderStore } from './git-folder.ts';

const git = async (dir: string, ...args: string[]) => (await promisify(execFile)('git', args, { cwd: dir })).stdout;

let dir: string;
beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'klachten-git-')), 'cases');
});
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

describe('the case file format', () => {
  it('gives back exactly the complaint that was written, with accents, emoji, newlines and markup', () => {
    const complaint = '---\ntitle: geen front matter\n---\n\n  Één lift 🛗 kapot!\r\n\n# geen kop\n\n\n';
    const record = aCase({ complaint, name: 'O\'Brien: "Zoë" # 1', expectation: 'yes\nno: maybe' });
    expect(fileToCase(caseToFile(record))).toEqual(record);
  });

  it('keeps the structured fields in front matter and the complaint as the body', () => {
    const text = caseToFile(aCase({ complaint: 'De verwarming doet het niet.' }));
    expect(text.startsWith('---\n')).toBe(true);
    expect(text).toMatch(/\nreceivedAt: '2026-10-26T00:30:00\+01:00'\n/);
    expect(text.endsWith('---\nDe verwarming doet het niet.\n')).toBe(true);
  });

  it('refuses a file whose front matter is not a valid case', () => {
    expect(() => fileToCase('---\nreference: K-2026-XXXXXX\n---\ntext\n')).toThrow(/Ongeldig dossier/);
  });
});

describe('the Git-folder store', () => {
  it('creates the folder as a Git repository and commits each filed case under its reference', async () => {
    const store = makeGitFolderStore(dir);
    const record = aCase();
    const filed = await store.fileCase(record);
    expect(filed).toEqual({ case: record, created: true });
    expect(await git(dir, 'log', '--format=%s')).toBe(`${record.reference}: klacht ontvangen\n`);
    expect(await git(dir, 'status', '--porcelain')).toBe('');
    expect(await readFile(join(dir, `${record.reference}.md`), 'utf8')).toBe(caseToFile(record));
  });

  it('keeps a repository of its own inside another one that ignores it, as .data/ of a fresh clone', async () => {
    const outer = join(dir, '..', 'clone');
    await mkdir(outer, { recursive: true });
    await git(outer, 'init', '--quiet');
    await writeFile(join(outer, '.gitignore'), '.data/\n');
    const inner = join(outer, '.data', 'cases');
    const record = aCase();
    expect(await makeGitFolderStore(inner).fileCase(record)).toEqual({ case: record, created: true });
    expect((await git(inner, 'rev-parse', '--show-toplevel')).trim()).toBe(await realpath(inner));
    expect(await git(inner, 'log', '--format=%s')).toBe(`${record.reference}: klacht ontvangen\n`);
    expect(await git(outer, 'status', '--porcelain')).toBe('?? .gitignore\n');
  });

  it('reads a filed case back, also from a second store on the same folder', async () => {
    const record = aCase({ complaint: 'Lekkage 💧 in de badkamer.\n\nAl twee keer gemeld.' });
    await makeGitFolderStore(dir).fileCase(record);
    expect(await makeGitFolderStore(dir).getCase(record.reference)).toEqual(record);
  });

  it('answers undefined for an unknown or malformed reference, never a path outside the folder', async () => {
    const store = makeGitFolderStore(dir);
    expect(await store.getCase('K-2026-ZZZZZZ')).toBeUndefined();
    expect(await store.getCase('../../etc/passwd')).toBeUndefined();
  });

  it('files the same reference once, and recognises the same submission sent again', async () => {
    const store = makeGitFolderStore(dir);
    const first = aCase();
    await store.fileCase(first);
    expect(await store.fileCase({ ...first })).toEqual({ case: first, created: false });
    const again = aCase({ fingerprint: first.fingerprint, receivedAt: '2026-10-26T09:00:00+01:00' });
    expect(await store.fileCase(again)).toEqual({ case: first, created: false });
    expect(await store.listCases()).toHaveLength(1);
  });

  it('files 20 submissions sent at the same moment, each exactly once with its own commit', async () => {
    const store = makeGitFolderStore(dir);
    const records = Array.from({ length: 20 }, () => aCase());
    const results = await Promise.all(records.map((record) => store.fileCase(record)));
    expect(results.every((result) => result.created)).toBe(true);
    const listed = await store.listCases();
    expect(listed.map((c) => c.reference).sort()).toEqual(records.map((c) => c.reference).sort());
    expect((await git(dir, 'log', '--format=%s')).trim().split('\n')).toHaveLength(20);
  });

  it('serialises writes from two stores (two processes) on the same folder', async () => {
    const a = makeGitFolderStore(dir);
    const b = makeGitFolderStore(dir);
    const records = Array.from({ length: 10 }, () => aCase());
    await Promise.all(records.map((record, index) => (index % 2 ? a : b).fileCase(record)));
    expect(await a.listCases()).toHaveLength(10);
    expect(await git(dir, 'status', '--porcelain')).toBe('');
  });

  it('records an update as a commit that names the reference and the change', async () => {
    const store = makeGitFolderStore(dir);
    const record = aCase();
    await store.fileCase(record);
    const updated = await store.updateCase(record.reference, (c) => ({ ...c, status: 'bevestigd' }), 'bevestigd');
    expect(updated.status).toBe('bevestigd');
    expect((await store.getCase(record.reference))?.status).toBe('bevestigd');
    expect((await git(dir, 'log', '--format=%s')).split('\n')[0]).toBe(`${record.reference}: bevestigd`);
  });

  it('puts nothing of an update’s comment in Git’s metadata: the message is the reference and the note alone', async () => {
    const store = makeGitFolderStore(dir);
    const record = aCase();
    await store.fileCase(record);
    const typed = 'Mijn BSN is 123456782 en mijn IBAN NL91ABNA0417164300.';
    await store.updateCase(
      record.reference,
      (c) => ({ ...c, additions: [{ at: '2026-11-02T11:00:00+01:00', text: typed }] }),
      'aanvulling van de klager',
      { comment: `**Aanvulling van de klager**\n\n${typed}` },
    );
    expect((await git(dir, 'log', '-1', '--format=%B')).trim()).toBe(`${record.reference}: aanvulling van de klager`);
    expect(await readFile(join(dir, '.git', 'COMMIT_EDITMSG'), 'utf8')).not.toContain('123456782');
    expect((await store.getCase(record.reference))?.additions?.[0]?.text).toBe(typed);
  });

  it('makes a commit message of the first line of a note only', () => {
    expect(commitMessage('K-2026-7QF3M9', 'bevestigd\nBSN 123456782')).toBe('K-2026-7QF3M9: bevestigd');
    expect(commitMessage('K-2026-7QF3M9', 'termijn verdaagd\u2028E-mail: x@y.nl')).toBe(
      'K-2026-7QF3M9: termijn verdaagd',
    );
  });

  it('refuses to update an unknown case or change its reference', async () => {
    const store = makeGitFolderStore(dir);
    const record = aCase();
    await store.fileCase(record);
    await expect(store.updateCase('K-2026-ZZZZZZ', (c) => c, 'x')).rejects.toThrow(/Geen klacht/);
    await expect(
      store.updateCase(record.reference, (c) => ({ ...c, reference: 'K-2026-ZZZZZZ' }), 'x'),
    ).rejects.toThrow(/kenmerk/);
  });

  it('lists only open cases when asked', async () => {
    const store = makeGitFolderStore(dir);
    await store.fileCase(aCase());
    await store.fileCase(aCase({ status: 'afgesloten', outcome: 'gegrond' }));
    expect(await store.listCases({ openOnly: true })).toHaveLength(1);
  });

  it('leaves nothing half-written when the commit fails', async () => {
    const store = makeGitFolderStore(dir);
    await store.fileCase(aCase());
    // A broken index makes the next commit fail after the file was written.
    const hook = join(dir, '.git', 'index.lock');
    await writeFile(hook, '');
    const record = aCase();
    await expect(store.fileCase(record)).rejects.toThrow();
    await rm(hook);
    expect(await readdir(dir)).not.toContain(`${record.reference}.md`);
    expect(await store.getCase(record.reference)).toBeUndefined();
    expect(await git(dir, 'status', '--porcelain')).toBe('');
  });

  it('fails clearly when the folder cannot be written', async () => {
    const store = makeGitFolderStore(dir);
    await store.fileCase(aCase());
    await chmod(dir, 0o500);
    try {
      // Root ignores permissions; only assert where the file system enforces them.
      if (process.getuid?.() !== 0) await expect(store.fileCase(aCase())).rejects.toThrow();
    } finally {
      await chmod(dir, 0o700);
    }
  });
});

describe('the Git-folder store keeps personal data private', () => {
  const modeOf = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);
  let umask: number;
  beforeEach(() => {
    // The common default of a service account: without explicit modes, files would be 644.
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
  });

  it('writes the case file 0600 and the folder 0700 under umask 022', async () => {
    const record = aCase();
    await makeGitFolderStore(dir).fileCase(record);
    expect(await modeOf(dir)).toBe('700');
    expect(await modeOf(join(dir, `${record.reference}.md`))).toBe('600');
  });

  it('leaves nothing in its Git repository that another account could read', async () => {
    const store = makeGitFolderStore(dir);
    const record = aCase();
    await store.fileCase(record);
    await store.updateCase(record.reference, (current) => ({ ...current, phone: '0612345678' }), 'gewijzigd');
    expect(await findWidePermissions(dir)).toEqual([]);
  });

  it('refuses a case file with JavaScript front matter on read instead of running it', async () => {
    const store = makeGitFolderStore(dir);
    const record = aCase();
    await store.fileCase(record);
    const marker = '__klachten_case_file_ran__';
    await writeFile(join(dir, `${record.reference}.md`), `---js\n{ a: (globalThis.${marker} = true) }\n---\ntekst\n`);
    await expect(store.getCase(record.reference)).rejects.toThrow(/onleesbaar \(voorwerk is geen YAML\)/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });
});

describeStoreContract('the Git-folder store', async () => {
  const folder = join(await mkdtemp(join(tmpdir(), 'klachten-contract-')), 'cases');
  const unreadable: UnreadableCase[] = [];
  return {
    store: makeGitFolderStore(folder, { onUnreadable: (found) => void unreadable.push(found) }),
    unreadable: () => unreadable,
    // A hand-edited file with a status the procedure does not know.
    corrupt: async (reference) => {
      const path = join(folder, `${reference}.md`);
      await writeFile(path, (await readFile(path, 'utf8')).replace(/^status: .*$/m, 'status: zoekgeraakt'));
    },
    reopen: () => makeGitFolderStore(folder),
    close: () => rm(join(folder, '..'), { recursive: true, force: true }),
  };
});
