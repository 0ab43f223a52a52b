// Leases on the file system, raced the way instances race: exactly one holder at a time. Before
// leases were linked into place whole, a taker could read a lease still being written (an empty
// file), take it for expired and take it over: two holders (under load the shared rate limit let 6
// of 12 through). A slow disk makes that moment long enough to be certain of.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFsExclusiveKeys } from './exclusive-fs.ts';

const disk = vi.hoisted(() => ({ writeMs: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    // Every write through an opened file takes `disk.writeMs` before it starts.
    async open(...args: Parameters<typeof actual.open>) {
      const handle = await actual.open(...args);
      const write = handle.writeFile.bind(handle);
      handle.writeFile = async (...written: Parameters<typeof handle.writeFile>) => {
        await new Promise((resolve) => setTimeout(resolve, disk.writeMs));
        return write(...written);
      };
      return handle;
    },
  };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klachten-exclusive-'));
  disk.writeMs = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('leases on the file system', () => {
  it('go to exactly one of several takers at once, also on a disk that writes slowly', async () => {
    disk.writeMs = 30;
    const now = Date.now();
    for (let round = 0; round < 5; round += 1) {
      // Separate instances, as separate processes would have.
      const takers = Array.from({ length: 6 }, (_, n) =>
        makeFsExclusiveKeys(dir).acquire(`lease:round-${round}`, `owner-${n}`, now + 60_000, now),
      );
      expect((await Promise.all(takers)).filter(Boolean), `round ${round}`).toHaveLength(1);
    }
  });

  it('leave no temporary file behind, and are taken over once expired', async () => {
    const keys = makeFsExclusiveKeys(dir);
    const now = Date.now();
    expect(await keys.acquire('lease:a', 'first', now + 1000, now)).toBe(true);
    expect(await keys.acquire('lease:a', 'second', now + 1000, now)).toBe(false);
    expect(await keys.acquire('lease:a', 'second', now + 3000, now + 2000)).toBe(true);
    expect(await readdir(join(dir, 'lease'))).toEqual(['a']);
  });
});
