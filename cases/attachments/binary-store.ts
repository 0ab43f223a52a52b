/**
 * Bytes under keys, binary-safe, on any unstorage driver: raw where the driver can (the file
 * system through `fs-driver.ts`, Netlify Blobs), else Base64 text (Redis). Where files wait:
 * files chosen on the form and checked at once (`staging.ts`), and a queued case's files until
 * the drainer has them at GitHub (`queue-files.ts`).
 */
import type { Storage } from 'unstorage';

/** The port. Keys are words joined by `:`; a case's keys hold its reference as their second word. */
export interface BinaryStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  remove(key: string): Promise<void>;
  /** Every key that starts with `prefix` (whole words). */
  keys(prefix: string): Promise<string[]>;
}

/**
 * A binary store on an unstorage storage, its keys under `base` (`bin:` in the queue's storage).
 *
 * @example
 * const bytes = makeBinaryStore(storage, 'bin');
 * await bytes.put('file:K-2026-7QF3-M9XA:bijlage-1.jpg', jpeg);
 */
export function makeBinaryStore(storage: Storage, base: string): BinaryStore {
  const at = (key: string) => `${base}:${key}`;
  return {
    put: (key, bytes) => storage.setItemRaw(at(key), bytes),
    async get(key) {
      const raw: unknown = await storage.getItemRaw(at(key));
      if (raw === null || raw === undefined) return undefined;
      // A plain Uint8Array, not a Buffer, whatever the driver gave.
      if (raw instanceof Uint8Array) return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      if (raw instanceof ArrayBuffer) return new Uint8Array(raw);
      // A driver that gave text back (Base64 was not recognised): not our bytes.
      throw new Error(`Onleesbare bytes onder ${key}.`);
    },
    remove: (key) => storage.removeItem(at(key)),
    async keys(prefix) {
      const found = await storage.getKeys(at(prefix));
      return found.map((key) => key.slice(base.length + 1));
    },
  };
}
