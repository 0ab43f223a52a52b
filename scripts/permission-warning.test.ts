import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { warnAboutWidePermissions } from './permission-warning.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klachten-perm-'));
  await chmod(dir, 0o700);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the warning about wide permissions', () => {
  it('names each file others may read, and how to fix it', async () => {
    await writeFile(join(dir, 'K-2026-7QF3M9.md'), 'x');
    await chmod(join(dir, 'K-2026-7QF3M9.md'), 0o644);
    const out: string[] = [];
    await warnAboutWidePermissions(dir, (text) => out.push(text));
    expect(out.join('')).toContain(`644 ${join(dir, 'K-2026-7QF3M9.md')}`);
    expect(out.join('')).toContain(`chmod -R go-rwx ${dir}`);
  });

  it('says nothing when only the service may read the folder', async () => {
    await writeFile(join(dir, 'K-2026-7QF3M9.md'), 'x', { mode: 0o600 });
    const out: string[] = [];
    await warnAboutWidePermissions(dir, (text) => out.push(text));
    expect(out).toEqual([]);
  });
});
