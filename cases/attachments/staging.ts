/**
 * Files chosen on a form and checked at once, before the form is sent (with JavaScript: each file
 * goes in a post of its own, so no post is larger than a platform allows; docs/attachments.md).
 * A staged file is already cleaned (`pipeline.ts`); the form then sends only its id: the moment it was
 * staged and a random 128-bit value that only the browser that chose the file knows. Staged
 * files nobody sent are removed after {@link stagedLifetimeMs}, found by the moment in the id.
 *
 * One key per file (`staged:<id>`), written in one put: a small header (the record, as JSON)
 * and the bytes behind it.
 */
import { randomBytes } from 'node:crypto';
import type { PreparedFile } from './pipeline.ts';
import type { BinaryStore } from './binary-store.ts';

/** How long a chosen file waits for its form. */
export const stagedLifetimeMs = 24 * 60 * 60 * 1000;

/** A staged file's id: the moment in base 36, a dash, 32 hexadecimal characters. */
export const stagedIdPattern = /^([0-9a-z]{1,11})-[0-9a-f]{32}$/;

const stagedAtOf = (id: string) => parseInt(stagedIdPattern.exec(id)?.[1] ?? '0', 36);

/** The staged files of one place (the data folder, or the queue's storage). */
export interface StagedFiles {
  /** Keeps a cleaned file; gives its id. */
  put(file: PreparedFile, now: Date): Promise<string>;
  /** The files with these ids, in order; undefined for one unknown or expired. */
  take(ids: readonly string[], now: Date): Promise<Array<PreparedFile | undefined>>;
  /** Forgets these files (once their case holds them). */
  remove(ids: readonly string[]): Promise<void>;
  /** Removes every staged file older than its lifetime; returns how many. */
  prune(now: Date): Promise<number>;
}

type Header = Omit<PreparedFile, 'bytes'>;

const key = (id: string) => `staged:${id}`;

function pack(file: PreparedFile): Uint8Array {
  const { bytes, ...record } = file;
  const header = Buffer.from(JSON.stringify(record satisfies Header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, bytes]);
}

function unpack(packed: Uint8Array): PreparedFile {
  const buffer = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  const length = buffer.readUInt32BE(0);
  const record = JSON.parse(buffer.subarray(4, 4 + length).toString('utf8')) as Header;
  return { ...record, bytes: new Uint8Array(buffer.subarray(4 + length)) };
}

/**
 * Staged files on a binary store.
 *
 * @example
 * const staged = makeStagedFiles(bytes);
 * const id = await staged.put(cleanedFile, new Date());
 * const [file] = await staged.take([id], new Date());
 */
export function makeStagedFiles(bytes: BinaryStore): StagedFiles {
  const fresh = (id: string, now: Date) => now.getTime() - stagedAtOf(id) <= stagedLifetimeMs;
  return {
    async put(file, now) {
      const id = `${now.getTime().toString(36)}-${randomBytes(16).toString('hex')}`;
      await bytes.put(key(id), pack(file));
      return id;
    },
    async take(ids, now) {
      return Promise.all(
        ids.map(async (id) => {
          if (!stagedIdPattern.test(id) || !fresh(id, now)) return undefined;
          const packed = await bytes.get(key(id)).catch(() => undefined);
          return packed === undefined ? undefined : unpack(packed);
        }),
      );
    },
    async remove(ids) {
      await Promise.all(ids.filter((id) => stagedIdPattern.test(id)).map((id) => bytes.remove(key(id))));
    },
    async prune(now) {
      let removed = 0;
      for (const found of await bytes.keys('staged')) {
        const id = found.slice('staged:'.length);
        if (stagedIdPattern.test(id) && fresh(id, now)) continue;
        await bytes.remove(found);
        removed += 1;
      }
      return removed;
    },
  };
}
