import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Case } from '../cases/case.ts';
import type { GitFolderStore } from '../cases/stores/git-folder.ts';
import { run } from '../scripts/commands/retention.ts';
import { aCase, closedOnOverrides } from './support/case-fixture.ts';
import { runCommand } from './support/run-command.ts';
import { useTempGitFolder } from './support/temp-git-folder.ts';

const exec = promisify(execFile);
const today = '2028-12-15';

let dataDir: string;
let store: GitFolderStore;
useTempGitFolder('klachten-retention-', (dir, made) => ((dataDir = dir), (store = made)));

/** A case with its own personal data, closed on `closedOn` (or still open). */
function person(tag: string, closedOn?: string): Case {
  return aCase({
    name: `Persoon ${tag} Wisselaar`,
    email: `persoon.${tag}@wissen.example`,
    phone: `+31 6 555${tag.charCodeAt(0)}0101`,
    address: `Wisstraat ${tag.charCodeAt(0)}, Vergeetdorp`,
    complaint: `Klachttekst van ${tag}: de kozijnen tochten.`,
    expectation: `Verwachting van ${tag}.`,
    ...closedOnOverrides(closedOn),
  });
}

const personal = (record: Case) => [record.name, record.email, record.phone ?? '', record.address, record.complaint];

/** Every byte under the data folder: working files, and every Git object reachable or not, inflated. */
async function everything(): Promise<string> {
  const parts: string[] = [];
  const walk = async (path: string): Promise<void> => {
    const info = await stat(path);
    if (info.isDirectory()) {
      for (const name of await readdir(path)) await walk(join(path, name));
    } else parts.push(await readFile(path, 'latin1'));
  };
  await walk(dataDir);
  const objects = await exec('git', ['cat-file', '--batch-all-objects', '--batch', '--unordered'], {
    cwd: join(dataDir, 'cases'),
    maxBuffer: 256 * 1024 * 1024,
  });
  parts.push(objects.stdout);
  return parts.join('\n');
}

async function seed(): Promise<{ old: Case; recent: Case; open: Case }> {
  const old = person('A', '2026-11-10');
  const recent = person('B', '2027-01-20');
  const open = person('C');
  for (const record of [old, recent, open]) await store.fileCase(record);
  // A later move, so the case holds several versions in the history.
  for (const record of [old, recent]) {
    await store.updateCase(
      record.reference,
      (current) => ({ ...current, notices: [{ key: 'herinnering', at: '2026-11-01T09:00:00+01:00' }] }),
      'herinnering',
    );
  }
  await mkdir(join(dataDir, 'outbox'), { recursive: true });
  for (const record of [old, recent, open]) {
    await writeFile(
      join(dataDir, 'outbox', `20281201T100000Z-${record.reference}-receipt.eml`),
      `To: ${record.email}\r\n\r\nBeste ${record.name},\r\n${record.complaint}\r\n`,
    );
  }
  await writeFile(join(dataDir, 'outbox', `20281001T100000Z-${open.reference}-confirmation.eml`), 'oud bericht');
  return { old, recent, open };
}

const retention = (...argv: string[]) =>
  runCommand(run, {
    argv: ['--today', today, ...argv],
    env: { KLACHTEN_DATA_DIR: dataDir },
    now: new Date(`${today}T03:00:00Z`),
    services: { makeStore: () => store },
  });

describe('klachten retention on a real Git folder', () => {
  it('erases only the case closed 25 months ago, everywhere under the data folder, and keeps the others whole', async () => {
    const { old, recent, open } = await seed();
    const result = await retention();
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`${old.reference}: persoonsgegevens gewist`);
    expect(result.stdout).toContain('1 klacht(en) gewist, 0 bewaard, 2 bericht(en) uit de outbox gewist');
    for (const record of [recent, open]) expect(result.stdout).not.toContain(record.reference);
    for (const record of [old, recent, open]) expect(result.stdout).not.toContain(record.name);

    const all = await everything();
    expect(personal(old).filter((value) => all.includes(value))).toEqual([]);
    expect(await store.getCase(old.reference)).toBeUndefined();
    expect((await store.getCase(recent.reference))?.name).toBe(recent.name);
    expect(await store.getCase(open.reference)).toMatchObject({ name: open.name, complaint: open.complaint });
    for (const record of [recent, open]) for (const value of personal(record)) expect(all).toContain(value);

    const register = await store.register.read();
    expect(register.map((record) => record.reference).sort()).toEqual(
      [old.reference, recent.reference, open.reference].sort(),
    );
    expect(register.find((record) => record.reference === old.reference)).toMatchObject({
      status: 'afgesloten',
      outcome: 'gegrond',
      erasedAt: `${today}T03:00:00.000Z`,
      erasedBecause: 'bewaartermijn',
    });
    const outbox = await readdir(join(dataDir, 'outbox'));
    expect(outbox.sort()).toEqual(
      [`20281201T100000Z-${recent.reference}-receipt.eml`, `20281201T100000Z-${open.reference}-receipt.eml`].sort(),
    );
  });

  it('changes nothing with --dry-run, and says what it would erase', async () => {
    const { old } = await seed();
    const before = await everything();
    const result = await retention('--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${old.reference}: persoonsgegevens zou wissen`);
    expect(result.stdout).toContain('1 klacht(en) zou wissen');
    expect(await everything()).toBe(before);
  });

  it('does nothing on a second run', async () => {
    await seed();
    await retention();
    const before = await everything();
    const again = await retention();
    expect(again.stdout).toContain('0 klacht(en) gewist, 0 bewaard, 0 bericht(en)');
    expect(await everything()).toBe(before);
  });

  it('keeps a case on hold, whatever its term', async () => {
    const { old } = await seed();
    await store.updateCase(
      old.reference,
      (current) => ({ ...current, hold: { reason: 'bezwaar loopt', at: '2028-12-01T09:00:00+01:00' } }),
      'bewaren',
    );
    const result = await retention();
    expect(result.stdout).toContain(`${old.reference}: bewaartermijn voorbij, maar bewaren`);
    expect(result.stdout).toContain('0 klacht(en) gewist, 1 bewaard');
    expect((await store.getCase(old.reference))?.name).toBe(old.name);
  });
});
