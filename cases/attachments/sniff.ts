/**
 * What a file is, decided from its bytes alone (file-type reads the magic numbers and the
 * container's structure), never from the name or the Content-Type the browser sent: a web page
 * renamed `foto.jpg` is a web page.
 */
import { fileTypeFromBuffer } from 'file-type';
import { acceptedKind, type AcceptedKind } from './kinds.ts';

/**
 * The accepted kind of these bytes, or undefined when they are not a kind we take.
 *
 * @example
 * await sniffKind(jpegBytes) // { kind: 'jpeg', stored: 'image/jpeg', extension: 'jpg', … }
 * await sniffKind(new TextEncoder().encode('<html>…')) // undefined
 */
export async function sniffKind(bytes: Uint8Array): Promise<AcceptedKind | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  return acceptedKind(found?.mime);
}
