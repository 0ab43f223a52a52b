/**
 * The inbox over IMAP, with imapflow: `KLACHTEN_IMAP_URL` = `imaps://user:password@host[:port]/INBOX`
 * (`imap://` only to a loopback address, as in the tests: a password never crosses a network in
 * clear). Every fetch is a PEEK, so a message the round leaves stays unread; a whole message is
 * fetched only up to a byte limit, so no message can make the reader hold more than that.
 * May touch: the IMAP server only.
 */
import { ImapFlow } from 'imapflow';
import { taggedError } from '../errors.ts';
import { processedFolder, type Inbox, type InboxHead, type ProcessedFilter } from './port.ts';

/** Where to connect, from `KLACHTEN_IMAP_URL`. */
export interface ImapTarget {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
}

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Reads `KLACHTEN_IMAP_URL`; throws (never echoing the value, it holds a password) when it is not
 * one.
 *
 * @example
 * parseImapUrl('imaps://klachten:geheim@mail.livable.nl/INBOX') // { host: 'mail.livable.nl', port: 993, secure: true, … }
 */
export function parseImapUrl(value: string): ImapTarget {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      'KLACHTEN_IMAP_URL is geen geldige URL (bijvoorbeeld imaps://gebruiker:wachtwoord@mail.example.nl/INBOX).',
    );
  }
  const secure = url.protocol === 'imaps:';
  if (!secure && url.protocol !== 'imap:') throw new Error('KLACHTEN_IMAP_URL moet beginnen met imaps://.');
  if (!secure && !loopback.has(url.hostname))
    throw new Error('KLACHTEN_IMAP_URL: imap:// (zonder TLS) alleen naar dit apparaat zelf; gebruik imaps://.');
  if (url.username === '' || url.password === '')
    throw new Error('KLACHTEN_IMAP_URL mist de gebruikersnaam of het wachtwoord.');
  const mailbox = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? (secure ? 993 : 143) : Number(url.port),
    secure,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    mailbox,
  };
}

/**
 * Where the inbox is, without credentials: "IMAP mail.livable.nl:993 (TLS) INBOX".
 *
 * @example
 * describeImapTarget(parseImapUrl('imaps://u:p@mail.livable.nl/INBOX')) // 'IMAP mail.livable.nl:993 (TLS) INBOX'
 */
export function describeImapTarget(target: ImapTarget): string {
  return `IMAP ${target.host}:${target.port}${target.secure ? ' (TLS)' : ''} ${target.mailbox}`;
}

// Short enough that a round ends well within a workflow run or a timer's interval.
const timeouts = { connectionTimeout: 20_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/**
 * Connects to the inbox; rejects with tag `imap-unavailable` (or `imap-login`) when it cannot.
 *
 * @example
 * const inbox = await openImapInbox(parseImapUrl(process.env.KLACHTEN_IMAP_URL));
 * try { … } finally { await inbox.close(); }
 */
export async function openImapInbox(target: ImapTarget): Promise<Inbox> {
  const client = new ImapFlow({
    host: target.host,
    port: target.port,
    secure: target.secure,
    auth: { user: target.user, pass: target.password },
    logger: false,
    ...timeouts,
  });
  // A dropped connection is an event as well as a rejected call: never an unhandled error.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    const login = (error as { authenticationFailed?: boolean }).authenticationFailed === true;
    throw taggedError(login ? 'imap-login' : 'imap-unavailable', 'De antwoordbox is niet bereikbaar.', {
      cause: error,
    });
  }
  let folderMade = false;
  async function ensureFolder(): Promise<void> {
    if (folderMade) return;
    const folders = await client.list();
    if (!folders.some((folder) => folder.path === processedFolder)) await client.mailboxCreate(processedFolder);
    folderMade = true;
  }
  async function inMailbox<T>(path: string, work: () => Promise<T>): Promise<T> {
    const lock = await client.getMailboxLock(path);
    try {
      return await work();
    } finally {
      lock.release();
    }
  }
  return {
    description: describeImapTarget(target),
    heads: (limit, maxHeaderBytes) =>
      inMailbox(target.mailbox, async () => {
        const exists = typeof client.mailbox === 'object' ? client.mailbox.exists : 0;
        if (exists === 0) return [];
        const heads: InboxHead[] = [];
        const range = `1:${Math.min(exists, limit)}`;
        for await (const message of client.fetch(range, {
          uid: true,
          size: true,
          bodyParts: [{ key: 'header', maxLength: maxHeaderBytes }],
        })) {
          // imapflow hands the HEADER part back as `headers`, also when it was asked for as a part.
          const header = message.headers ?? new Uint8Array();
          heads.push({ uid: message.uid, size: message.size ?? 0, header });
        }
        return heads.sort((a, b) => a.uid - b.uid);
      }),
    source: (uid, maxBytes) =>
      inMailbox(target.mailbox, async () => {
        const message = await client.fetchOne(
          String(uid),
          { uid: true, size: true, source: { maxLength: maxBytes } },
          { uid: true },
        );
        if (message === false || message.source === undefined) return undefined;
        if ((message.size ?? 0) > maxBytes || message.source.length > maxBytes) return undefined;
        return message.source;
      }),
    markProcessed: async (uid) => {
      await ensureFolder();
      await inMailbox(target.mailbox, async () => {
        const moved = await client.messageMove(String(uid), processedFolder, { uid: true });
        if (moved === false) throw taggedError('imap-move', 'Het bericht kon niet naar Verwerkt.');
      });
    },
    removeProcessed: async (filter: ProcessedFilter) => {
      await ensureFolder();
      return inMailbox(processedFolder, async () => {
        const found = new Set<number>();
        const add = (uids: number[] | false | undefined) => {
          for (const uid of uids || []) found.add(uid);
        };
        if (filter.before !== undefined) add(await client.search({ before: filter.before }, { uid: true }));
        for (const reference of filter.references ?? []) add(await client.search({ text: reference }, { uid: true }));
        if (found.size === 0) return 0;
        await client.messageDelete([...found].join(','), { uid: true });
        return found.size;
      });
    },
    processedCount: async () => {
      await ensureFolder();
      const status = await client.status(processedFolder, { messages: true });
      return status === false ? 0 : (status.messages ?? 0);
    },
    close: async () => {
      await client.logout().catch(() => client.close());
    },
  };
}
