import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { aCase } from '../../tests/support/case-fixture.ts';
import { jpegWithGps, pdfWithAuthor } from '../../tests/support/attachment-files.ts';
import { useTempGitFolder } from '../../tests/support/temp-git-folder.ts';
import { nameFiles } from '../attachments/names.ts';
import { prepareFile, type PreparedFile } from '../attachments/pipeline.ts';
import type { CaseFile } from '../attachments/record.ts';
import { silentLog } from '../log.ts';
import type { GitFolderStore } from './git-folder.ts';

const exec = promisify(execFile);
let dataDir: string;
let store: GitFolderStore;
useTempGitFolder('klachten-files-', (dir, made) => ((dataDir = dir), (store = made)));
const casesDir = () => join(dataDir, 'cases');

async function preparedFiles(): Promise<PreparedFile[]> {
  const prepared: PreparedFile[] = [];
  for (const [originalName, bytes] of [
    ['IMG_0001.JPG', await jpegWithGps()],
    ['brief.pdf', await pdfWithAuthor()],
  ] as const) {
    const result = await prepareFile({ originalName, bytes }, { maxFileBytes: 10 * 2 ** 20, log: silentLog });
    if (result.ok) prepared.push(result.file);
  }
  return prepared;
}

async function files(): Promise<CaseFile[]> {
  return nameFiles([], await preparedFiles(), '2026-11-02T10:00:00+01:00', 'formulier');
}

const allObjects = async () =>
  (
    await exec('git', ['cat-file', '--batch-all-objects', '--batch', '--unordered'], {
      cwd: casesDir(),
      maxBuffer: 256 * 1024 * 1024,
      encoding: 'buffer',
    })
  ).stdout;

describe('files in the Git folder', () => {
  it('keeps the files beside the case, committed with it in one commit, readable by the service alone', async () => {
    const kept = await files();
    const record = aCase({ attachments: kept.map((file) => file.record) });
    await store.fileCase(record, kept);
    const path = join(casesDir(), 'bijlagen', record.reference, 'bijlage-1.jpg');
    expect(Buffer.compare(await readFile(path), Buffer.from(kept[0]?.bytes ?? []))).toBe(0);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(casesDir(), 'bijlagen', record.reference))).mode & 0o777).toBe(0o700);
    const { stdout } = await exec('git', ['show', '--name-only', '--format=%s', 'HEAD'], { cwd: casesDir() });
    expect(stdout).toContain(`bijlagen/${record.reference}/bijlage-1.jpg`);
    expect(stdout).toContain(`bijlagen/${record.reference}/bijlage-2.pdf`);
    expect(stdout).toContain(`${record.reference}.md`);
    expect((await store.getCase(record.reference))?.attachments?.map((file) => file.name)).toEqual([
      'bijlage-1.jpg',
      'bijlage-2.pdf',
    ]);
    expect(await store.readFile?.(record.reference, 'bijlage-2.pdf')).toEqual(kept[1]?.bytes);
  });

  it('numbers later files on from those the case holds, and adds nothing when given none', async () => {
    const first = await files();
    const record = aCase({ attachments: first.map((file) => file.record) });
    await store.fileCase(record, first);
    expect((await store.addFiles?.(record.reference, () => [], 'niets'))?.added).toEqual([]);
    const prepared = await preparedFiles();
    const more = await store.addFiles?.(
      record.reference,
      (current) => nameFiles(current.attachments ?? [], prepared, '2026-11-03T10:00:00+01:00', 'mijn-klacht'),
      'bijlagen toegevoegd',
    );
    expect(more?.added.map((file) => file.name)).toEqual(['bijlage-3.jpg', 'bijlage-4.pdf']);
    expect((await store.getCase(record.reference))?.attachments?.map((file) => file.from)).toEqual([
      'formulier',
      'formulier',
      'mijn-klacht',
      'mijn-klacht',
    ]);
  });

  it('erases the files with the case: none of their bytes is left in any Git object', async () => {
    const kept = await files();
    const record = aCase({ attachments: kept.map((file) => file.record) });
    await store.fileCase(record, kept);
    const jpeg = Buffer.from(kept[0]?.bytes ?? []);
    const sample = jpeg.subarray(jpeg.length - 200, jpeg.length - 100);
    expect((await allObjects()).includes(sample)).toBe(true);
    expect(await store.erase([record.reference], '2028-01-01T00:00:00+01:00', 'verzoek')).toEqual({
      [record.reference]: 'erased',
    });
    const objects = await allObjects();
    expect(objects.includes(sample)).toBe(false);
    const pdf = Buffer.from(kept[1]?.bytes ?? []);
    expect(objects.includes(pdf.subarray(100, 200))).toBe(false);
    await expect(stat(join(casesDir(), 'bijlagen', record.reference))).rejects.toThrow();
  });
});
