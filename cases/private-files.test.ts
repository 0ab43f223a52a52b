import { mkdtemp, rm, stat, writeFile, mkdir, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir, findWidePermissions } from './private-files.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'klachten-private-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const modeOf = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);

describe('ensurePrivateDir', () => {
  it('creates a folder only the service may enter', async () => {
    await ensurePrivateDir(join(root, 'data', 'cases'));
    expect(await modeOf(join(root, 'data', 'cases'))).toBe('700');
  });

  it('narrows a folder that already existed with wider permissions', async () => {
    await mkdir(join(root, 'open'), { mode: 0o755 });
    await chmod(join(root, 'open'), 0o755);
    await ensurePrivateDir(join(root, 'open'));
    expect(await modeOf(join(root, 'open'))).toBe('700');
  });
});

describe('findWidePermissions', () => {
  it('names every file and folder that the group or others may use', async () => {
    await ensurePrivateDir(join(root, 'cases'));
    await chmod(root, 0o700);
    await writeFile(join(root, 'cases', 'private.md'), 'x', { mode: 0o600 });
    await writeFile(join(root, 'cases', 'open.md'), 'x');
    await chmod(join(root, 'cases', 'open.md'), 0o644);
    expect(await findWidePermissions(root)).toEqual([{ path: join(root, 'cases', 'open.md'), mode: '644' }]);
  });

  it('looks no deeper than asked', async () => {
    await ensurePrivateDir(join(root, 'cases'));
    await chmod(root, 0o700);
    await writeFile(join(root, 'cases', 'open.md'), 'x');
    await chmod(join(root, 'cases', 'open.md'), 0o644);
    await writeFile(join(root, 'token-secret'), 'x');
    await chmod(join(root, 'token-secret'), 0o644);
    expect(await findWidePermissions(root, { depth: 1 })).toEqual([{ path: join(root, 'token-secret'), mode: '644' }]);
  });

  it('finds nothing in a folder that does not exist', async () => {
    expect(await findWidePermissions(join(root, 'absent'))).toEqual([]);
  });
});
