import exifr from 'exifr';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  eicar,
  heicPhoto,
  htmlPage,
  jpegWithGps,
  pdfAuthor,
  pdfWithAuthor,
  pngScreenshot,
  svgPicture,
  truncatedJpeg,
} from '../../tests/support/attachment-files.ts';
import type { LogFields } from '../log.ts';
import { inertFileName, prepareFile, prepareFiles, type PipelineContext } from './pipeline.ts';
import type { Scanner } from './scanner.ts';

const logged: Array<[string, LogFields]> = [];
const context: PipelineContext = {
  maxFileBytes: 10 * 1024 * 1024,
  log: (event, fields) => logged.push([event, fields]),
};

async function prepared(bytes: Uint8Array, name = 'bestand') {
  const result = await prepareFile({ originalName: name, bytes }, context);
  if (!result.ok) throw new Error(`refused: ${result.refusal.code}`);
  return result.file;
}

async function refusal(bytes: Uint8Array | 'too-large', name = 'bestand', extra: Partial<PipelineContext> = {}) {
  const result = await prepareFile({ originalName: name, bytes }, { ...context, ...extra });
  if (result.ok) throw new Error('accepted');
  return result.refusal;
}

describe('the file pipeline', () => {
  it('keeps a phone photo upright, without any EXIF, GPS or XMP block', async () => {
    const original = await jpegWithGps();
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(52.373, 2) });
    const file = await prepared(original, 'IMG_0001.JPG');
    expect(file.type).toBe('image/jpeg');
    // Stored lying on its side (400 × 300, orientation 6): kept standing, 300 × 400.
    expect([file.width, file.height]).toEqual([300, 400]);
    expect(
      await exifr.parse(Buffer.from(file.bytes), { tiff: true, xmp: true, iptc: true, icc: true }),
    ).toBeUndefined();
    const metadata = await sharp(file.bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(Buffer.from(file.bytes).includes('Anna de Vries')).toBe(false);
  });

  it('scales a large photo down to 2560 pixels on its long side', async () => {
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#884422' } })
      .jpeg()
      .toBuffer();
    const file = await prepared(big);
    expect([file.width, file.height]).toEqual([2560, 1920]);
  });

  it('keeps a PNG as PNG and a HEIC photo as JPEG', async () => {
    expect((await prepared(await pngScreenshot())).type).toBe('image/png');
    const heic = await prepared(await heicPhoto(), 'IMG_4000.HEIC');
    expect(heic).toMatchObject({ type: 'image/jpeg', extension: 'jpg', width: 320, height: 240 });
    expect((await sharp(heic.bytes).metadata()).format).toBe('jpeg');
  });

  it('rebuilds a PDF with its pages and without its author, title, software or XMP', async () => {
    const original = await pdfWithAuthor();
    expect(Buffer.from(original).includes(pdfAuthor)).toBe(false); // pdf-lib writes it as a hex string
    expect((await PDFDocument.load(original, { updateMetadata: false })).getAuthor()).toBe(pdfAuthor);
    const file = await prepared(original, 'brief.pdf');
    const clean = await PDFDocument.load(file.bytes, { updateMetadata: false });
    expect(file.pages).toBe(2);
    expect(clean.getPageCount()).toBe(2);
    expect([clean.getAuthor(), clean.getTitle(), clean.getProducer(), clean.getCreator(), clean.getKeywords()]).toEqual(
      [undefined, undefined, undefined, undefined, undefined],
    );
    expect(Buffer.from(file.bytes).toString('latin1')).not.toMatch(/\/(Author|Producer|Creator|Metadata)\b/);
  });

  it('refuses what its bytes say is not a photo or PDF, whatever its name', async () => {
    expect(await refusal(htmlPage, 'foto.jpg')).toEqual({ originalName: 'foto.jpg', code: 'type' });
    expect((await refusal(svgPicture, 'tekening.svg')).code).toBe('type');
  });

  it('refuses a JPEG whose bytes are cut off', async () => {
    expect((await refusal(await truncatedJpeg(), 'kapot.jpg')).code).toBe('undecodable');
  });

  it('refuses a PDF that does not parse, and an empty file', async () => {
    expect((await refusal(Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF'))).code).toBe('undecodable');
    expect((await refusal(new Uint8Array())).code).toBe('empty');
  });

  it('refuses a file over the limit without looking at it', async () => {
    expect((await refusal('too-large', 'groot.jpg')).code).toBe('too-large');
    expect((await refusal(await jpegWithGps(), 'groot.jpg', { maxFileBytes: 1000 })).code).toBe('too-large');
  });

  it('refuses what the scanner flags, logging the signature and never the name', async () => {
    logged.length = 0;
    const scanner: Scanner = {
      description: 'test',
      scan: async () => ({ clean: false, signature: 'Eicar-Test-Signature' }),
    };
    expect(
      (await refusal(await jpegWithGps(), 'geheim-naam.jpg', { scanner, reference: 'K-2026-7QF3-M9XA' })).code,
    ).toBe('infected');
    expect(logged).toContainEqual([
      'attachment.infected',
      { signature: 'Eicar-Test-Signature', reference: 'K-2026-7QF3-M9XA' },
    ]);
    expect(JSON.stringify(logged)).not.toContain('geheim-naam');
  });

  it('scans before it looks at the kind: the EICAR test file (plain text) is reported as infected, not as a wrong kind', async () => {
    const scanner: Scanner = {
      description: 'test',
      scan: async (bytes) =>
        Buffer.from(bytes).includes(eicar) ? { clean: false, signature: 'Eicar-Test-Signature' } : { clean: true },
    };
    expect((await refusal(Buffer.from(eicar), 'eicar.com', { scanner })).code).toBe('infected');
    expect((await refusal(htmlPage, 'foto.jpg', { scanner })).code).toBe('type');
  });

  it('keeps nothing when the scanner cannot answer', async () => {
    const scanner: Scanner = {
      description: 'test',
      scan: async () => {
        throw Object.assign(new Error('stil'), { tag: 'scanner-unavailable' });
      },
    };
    await expect(
      prepareFile({ originalName: 'a.jpg', bytes: await jpegWithGps() }, { ...context, scanner }),
    ).rejects.toMatchObject({ tag: 'scanner-unavailable' });
  });

  it('refuses the files past the limit of one post by name', async () => {
    const png = await pngScreenshot();
    const files = ['1.png', '2.png', '3.png'].map((originalName) => ({ originalName, bytes: png }));
    const results = await prepareFiles(files, context, 2);
    expect(results.map((result) => result.ok)).toEqual([true, true, false]);
    expect(results[2]).toEqual({ ok: false, refusal: { originalName: '3.png', code: 'too-many' } });
  });

  it('keeps the sender’s file name only as inert text', () => {
    expect(inertFileName('C:\\Users\\anna\\IMG\u202E_0001.JPG')).toBe('IMG_0001.JPG');
    expect(inertFileName('../../etc/passwd')).toBe('passwd');
    expect(Array.from(inertFileName('a'.repeat(300))).length).toBe(255);
  });
});
