// A disk that can be made read-only for a while, for the fs queue's fault. Where this process may
// mount (root with the capability, as on CI and this machine), the data folder is a tmpfs of its
// own, remounted read-only and back: the real EROFS a failing disk gives. Elsewhere its folders lose
// their write permission (EACCES), which holds only for a server that is not root — so as root
// without mount the server runs as `nobody`.
import { execFile, spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Remounts; a file open for writing at that moment makes the kernel say "busy": try again. */
async function remount(dir: string, mode: 'ro' | 'rw'): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await run('mount', ['-o', `remount,${mode}`, dir]);
      return;
    } catch (error) {
      if (attempt >= 200) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** The switch. */
export interface ReadOnlyDisk {
  dir: string;
  /** How it is done: a remount, or the folders' permissions. */
  how: 'mount' | 'permissions';
  /** The user the server must run as for the permissions to bind. */
  user?: { uid: number; gid: number };
  readOnly(): Promise<void>;
  writable(): Promise<void>;
  dispose(): Promise<void>;
}

async function folders(dir: string): Promise<string[]> {
  const found = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const below = await Promise.all(
    found.filter((item) => item.isDirectory()).map((item) => folders(join(dir, item.name))),
  );
  return [dir, ...below.flat()];
}

async function owned(dir: string, uid: number, gid: number): Promise<void> {
  await chown(dir, uid, gid);
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) await owned(path, uid, gid);
    else await chown(path, uid, gid);
  }
}

/**
 * Makes `dir` (created if need be) a disk that can be made read-only.
 *
 * @example
 * const disk = await makeReadOnlyDisk('/tmp/chaos/fs-data');
 * await disk.readOnly(); … await disk.writable(); await disk.dispose();
 */
export async function makeReadOnlyDisk(dir: string): Promise<ReadOnlyDisk> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const root = process.getuid?.() === 0;
  if (root) {
    const mounted = await run('mount', ['-t', 'tmpfs', '-o', 'size=256m,mode=0700', 'tmpfs', dir]).then(
      () => true,
      () => false,
    );
    if (mounted) {
      // A run that dies on the way (a crash, Ctrl-C) must not leave its mount behind.
      const unmount = () => void spawnSync('umount', ['-l', dir]);
      process.once('exit', unmount);
      return {
        dir,
        how: 'mount',
        readOnly: () => remount(dir, 'ro'),
        writable: () => remount(dir, 'rw'),
        dispose: async () => {
          process.off('exit', unmount);
          await run('umount', ['-l', dir]).catch(() => undefined);
        },
      };
    }
  }
  // Permissions: the queue's folders without write permission for their owner.
  const user = root ? { uid: 65534, gid: 65534 } : undefined;
  if (user !== undefined) await owned(dir, user.uid, user.gid);
  const queue = join(dir, 'queue');
  return {
    dir,
    how: 'permissions',
    ...(user === undefined ? {} : { user }),
    readOnly: async () => {
      for (const folder of await folders(queue)) await chmod(folder, 0o500);
    },
    writable: async () => {
      for (const folder of await folders(queue)) await chmod(folder, 0o700);
    },
    dispose: async () => {
      for (const folder of await folders(queue)) await chmod(folder, 0o700).catch(() => undefined);
    },
  };
}
