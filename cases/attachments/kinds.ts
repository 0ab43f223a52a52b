/**
 * The files a complainant may send, by what their bytes are (file-type's answer), and what each
 * is kept as. Nothing else is taken: not SVG (a script can hide in it), not GIF, not Office files.
 */
import type { StoredType } from './record.ts';

/** One accepted kind: what arrives, and what is kept. */
export interface AcceptedKind {
  /** The MIME type the bytes were found to be. */
  detected: string;
  kind: 'jpeg' | 'png' | 'webp' | 'heif' | 'pdf';
  stored: StoredType;
  /** The extension of the kept file. */
  extension: 'jpg' | 'png' | 'webp' | 'pdf';
}

const kinds: readonly AcceptedKind[] = [
  { detected: 'image/jpeg', kind: 'jpeg', stored: 'image/jpeg', extension: 'jpg' },
  { detected: 'image/png', kind: 'png', stored: 'image/png', extension: 'png' },
  { detected: 'image/webp', kind: 'webp', stored: 'image/webp', extension: 'webp' },
  // An iPhone's photos: decoded and kept as JPEG, which every reader opens.
  { detected: 'image/heic', kind: 'heif', stored: 'image/jpeg', extension: 'jpg' },
  { detected: 'image/heif', kind: 'heif', stored: 'image/jpeg', extension: 'jpg' },
  { detected: 'application/pdf', kind: 'pdf', stored: 'application/pdf', extension: 'pdf' },
];

/**
 * The accepted kind for a detected MIME type, or undefined when it is not accepted.
 *
 * @example
 * acceptedKind('image/heic') // { kind: 'heif', stored: 'image/jpeg', extension: 'jpg', … }
 * acceptedKind('image/svg+xml') // undefined
 */
export function acceptedKind(detected: string | undefined): AcceptedKind | undefined {
  return kinds.find((kind) => kind.detected === detected);
}

/**
 * What a file input offers to choose (`accept`): the types and the usual extensions. A hint for
 * the person's file picker only; the server decides from the bytes.
 */
export const acceptAttribute =
  'image/jpeg,image/png,image/webp,image/heic,image/heif,application/pdf,.jpg,.jpeg,.png,.webp,.heic,.heif,.pdf';
