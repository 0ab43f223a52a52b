/**
 * Photos, decoded and encoded anew with sharp (libvips), so nothing of the original file is kept:
 * the pixels are turned upright by the EXIF orientation, then written into a new file without a
 * single metadata block (sharp keeps none unless asked: no EXIF with its GPS position and maker
 * notes, no XMP, IPTC, comments, thumbnails or ICC profile — the pixels are converted to sRGB).
 * The long side is at most 2560 px. HEIC/HEIF, which sharp's prebuilt libvips cannot decode
 * (HEVC), is decoded by libheif compiled to WebAssembly (heic-decode) and kept as JPEG.
 *
 * A file that does not decode cleanly — truncated, corrupt, or not what its bytes claimed — is
 * refused (`undecodable`): libvips is told to fail on any warning.
 */
import decodeHeic from 'heic-decode';
import sharp, { type Sharp } from 'sharp';
import { taggedError } from '../errors.ts';
import type { AcceptedKind } from './kinds.ts';

/** The long side of a kept photo, in pixels. */
export const maxImageSide = 2560;

/**
 * Decoding more pixels than this is refused: a small file can claim a huge picture (a
 * decompression bomb). 120 megapixels is above what a phone's camera makes.
 */
export const maxInputPixels = 120_000_000;

// Libvips' cache keeps decoded images between calls: a server that cleans files now and then
// gains nothing from it, and it would hold on to memory.
sharp.cache(false);

/** A cleaned image. */
export interface CleanImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

const undecodable = () => taggedError('undecodable', 'Het bestand is geen leesbare afbeelding.');

/**
 * Decodes an image of an accepted kind and encodes it anew: upright, without metadata, long side
 * at most {@link maxImageSide}. Throws an error tagged `undecodable` when it does not decode.
 *
 * @example
 * const clean = await reencodeImage(bytes, acceptedKind('image/jpeg')!);
 * clean.width <= 2560 // true
 */
export async function reencodeImage(bytes: Uint8Array, kind: AcceptedKind): Promise<CleanImage> {
  try {
    const input = kind.kind === 'heif' ? await heifPixels(bytes) : sharpInput(bytes);
    const resized = input
      .rotate()
      .resize({ width: maxImageSide, height: maxImageSide, fit: 'inside', withoutEnlargement: true });
    const encoded =
      kind.stored === 'image/png'
        ? resized.png({ compressionLevel: 8 })
        : kind.stored === 'image/webp'
          ? resized.webp({ quality: 85 })
          : resized.flatten({ background: '#ffffff' }).jpeg({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return {
      bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      width: info.width,
      height: info.height,
    };
  } catch (error) {
    if ((error as { tag?: unknown }).tag !== undefined) throw error;
    throw undecodable();
  }
}

function sharpInput(bytes: Uint8Array): Sharp {
  // failOn 'warning': a truncated JPEG ("premature end of data") is an error, not a grey band.
  return sharp(bytes, { failOn: 'warning', limitInputPixels: maxInputPixels, sequentialRead: true });
}

/** The primary image of a HEIF file as raw pixels for sharp; its size is checked before decoding. */
async function heifPixels(bytes: Uint8Array): Promise<Sharp> {
  const images = await decodeHeic.all({ buffer: bytes });
  let pixels: { width: number; height: number; data: Uint8ClampedArray };
  try {
    const primary = images[0];
    if (primary === undefined || primary.width * primary.height > maxInputPixels) throw undecodable();
    pixels = await primary.decode();
  } finally {
    images.dispose();
  }
  const { width, height, data } = pixels;
  return sharp(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), {
    raw: { width, height, channels: 4 },
    limitInputPixels: maxInputPixels,
  });
}
