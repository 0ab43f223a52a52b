// A real IMAP server for tests: Debian's `dovecot-imapd` on a free loopback port, with a
// throw-away configuration and a maildir in a temp folder, stopped by the test that started it.
// Dovecot daemonizes and its login process refuses to run as root, so the configuration runs
// everything as `nobody`/`nogroup` (the folder is opened to that user), authenticates one user
// from a passwd-file with a static userdb, and allows plaintext login on loopback only.
import { execFile, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

/** A running dovecot with one mailbox user. */
export interface DovecotServer {
  /** `imap://<user>:<password>@127.0.0.1:<port>/INBOX`, the form `KLACHTEN_IMAP_URL` takes. */
  url: string;
  port: number;
  user: string;
  password: string;
  /** Puts a message into a folder (default INBOX) by IMAP APPEND, as a delivery would. */
  deliver(raw: string | Buffer, folder?: string): Promise<void>;
  /** The subjects of the messages a folder holds, oldest first; none for a folder that is not there. */
  subjects(folder?: string): Promise<string[]>;
  /** Deletes every message of every folder, so the next test starts empty. */
  clear(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

async function withClient<T>(
  port: number,
  user: string,
  password: string,
  work: (client: ImapFlow) => Promise<T>,
): Promise<T> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port,
    secure: false,
    auth: { user, pass: password },
    logger: false,
  });
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('* OK'));
    });
    socket.once('error', () => resolve(false));
  });
}

/** The major.minor of the installed dovecot: 2.4 renamed the options the test needs. */
async function dovecotVersion(): Promise<[number, number]> {
  const { stdout } = await run('dovecot', ['--version']);
  const [major = 2, minor = 3] = stdout.trim().split('.').map(Number);
  return [major, minor];
}

function configuration(dir: string, port: number, modern: boolean): string {
  const common = [
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    `info_log_path = ${dir}/dovecot.log`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'default_login_user = nobody',
    'default_internal_user = nobody',
    'default_internal_group = nogroup',
    'ssl = no',
    'mail_uid = nobody',
    'mail_gid = nogroup',
    'first_valid_uid = 0',
    'first_valid_gid = 0',
    `service imap-login {\n  chroot =\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    'service anvil {\n  chroot =\n}',
  ];
  if (modern) {
    return [
      'dovecot_config_version = 2.4.0',
      'dovecot_storage_version = 2.4.0',
      ...common,
      'auth_allow_cleartext = yes',
      `mail_driver = maildir`,
      `mail_path = ${dir}/mail`,
      `passdb passwd-file {\n  passwd_file_path = ${dir}/passwd\n}`,
      'userdb static {\n  fields {\n    uid = nobody\n    gid = nogroup\n    home = ' + `${dir}/home` + '\n  }\n}',
      '',
    ].join('\n');
  }
  return [
    ...common,
    'disable_plaintext_auth = no',
    `mail_location = maildir:${dir}/mail`,
    `passdb {\n  driver = passwd-file\n  args = ${dir}/passwd\n}`,
    `userdb {\n  driver = static\n  args = uid=nobody gid=nogroup home=${dir}/home\n}`,
    '',
  ].join('\n');
}

/**
 * Starts dovecot on a free loopback port with one user and an empty INBOX.
 *
 * @example
 * const imap = await startDovecot();
 * process.env.KLACHTEN_IMAP_URL = imap.url;
 * await imap.stop();
 */
export async function startDovecot(): Promise<DovecotServer> {
  const dir = await mkdtemp(join(tmpdir(), 'klachten-dovecot-'));
  const port = await freePort();
  const user = 'klachten';
  const password = 'test-wachtwoord';
  for (const sub of ['run', 'state', 'mail', 'home']) await mkdir(join(dir, sub));
  // The mail user (nobody) writes the maildir and the state; the temp folder itself is 0700.
  await chmod(dir, 0o755);
  await run('chown', ['-R', 'nobody:nogroup', join(dir, 'mail'), join(dir, 'home')]);
  await writeFile(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`, { mode: 0o644 });
  const [major, minor] = await dovecotVersion();
  const file = join(dir, 'dovecot.conf');
  await writeFile(file, configuration(dir, port, major > 2 || (major === 2 && minor >= 4)));
  try {
    // Not execFile: the daemon keeps inherited pipes open, and execFile would wait for them.
    await new Promise<void>((resolve, reject) => {
      const starter = spawn('dovecot', ['-c', file], { stdio: 'ignore' });
      starter.once('error', reject);
      starter.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
    });
  } catch (error) {
    const log = await readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`dovecot could not start (is dovecot-imapd installed?): ${String(error)}\n${log}`, {
      cause: error,
    });
  }
  const pidFile = join(dir, 'run', 'master.pid');
  const stopNow = async () => {
    const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
    if (pid > 0) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        return;
      }
      for (let attempt = 0; attempt < 100; attempt += 1) {
        try {
          process.kill(pid, 0);
        } catch {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  // A test process that dies without stopping its server takes it along.
  const stopOnExit = () => {
    void readFile(pidFile, 'utf8').then((text) => process.kill(Number(text.trim()), 'SIGTERM'));
  };
  process.once('exit', stopOnExit);
  let ready = false;
  for (let attempt = 0; attempt < 100 && !(ready = await greets(port)); attempt += 1)
    await new Promise((resolve) => setTimeout(resolve, 50));
  if (!ready) {
    const log = await readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '');
    await stopNow();
    await rm(dir, { recursive: true, force: true });
    throw new Error(`dovecot did not answer on port ${port}\n${log}`);
  }
  return {
    url: `imap://${user}:${password}@127.0.0.1:${port}/INBOX`,
    port,
    user,
    password,
    deliver: (raw, folder = 'INBOX') =>
      withClient(port, user, password, async (client) => {
        await client.append(folder, raw);
      }),
    subjects: (folder = 'INBOX') =>
      withClient(port, user, password, async (client) => {
        const folders = await client.list();
        if (!folders.some((entry) => entry.path === folder)) return [];
        const lock = await client.getMailboxLock(folder);
        try {
          const subjects: string[] = [];
          if (typeof client.mailbox === 'object' && client.mailbox.exists > 0)
            for await (const message of client.fetch('1:*', { envelope: true }))
              subjects.push(message.envelope?.subject ?? '');
          return subjects;
        } finally {
          lock.release();
        }
      }),
    clear: () =>
      withClient(port, user, password, async (client) => {
        for (const folder of await client.list()) {
          const lock = await client.getMailboxLock(folder.path);
          try {
            if (typeof client.mailbox === 'object' && client.mailbox.exists > 0) await client.messageDelete('1:*');
          } finally {
            lock.release();
          }
        }
      }),
    async stop() {
      process.off('exit', stopOnExit);
      await stopNow();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
