// Files a complainant might send, made here from nothing (a photo with GPS in its EXIF, a
// screenshot, a PDF with its author, phone-sized photos) or read from tests/support/fixtures/
// (an iPhone-style HEIC, made once with libheif's heif-enc, since nothing here can encode HEVC).
import { readFile } from 'node:fs/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { prepareFiles, type PreparedFile } from '../../cases/attachments/pipeline.ts';

/** The EICAR test string: every virus scanner reports it, and it harms nothing. */
export const eicar = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** A picture with shapes and a gradient, `width` × `height`, with a little noise so it compresses like a photo. */
function pixels(width: number, height: number, noise = 0, seed = 7): Buffer {
  const data = Buffer.alloc(width * height * 3);
  let state = seed;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      const jitter = noise === 0 ? 0 : (state % (2 * noise)) - noise;
      const spot = (x - width / 3) ** 2 + (y - height / 2) ** 2 < (height / 4) ** 2;
      const at = (y * width + x) * 3;
      data[at] = clamp((spot ? 200 : (x * 255) / width) + jitter);
      data[at + 1] = clamp((spot ? 60 : (y * 255) / height) + jitter);
      data[at + 2] = clamp(120 + jitter);
    }
  }
  return data;
}
const clamp = (value: number) => Math.max(0, Math.min(255, Math.round(value)));

/** Where the GPS block of {@link jpegWithGps} says the photo was taken (Amsterdam). */
export const gpsPosition = { latitude: 52.373, longitude: 4.892 };

/**
 * A JPEG as a phone writes it: EXIF with the camera, the time, a GPS position and orientation 6
 * (the picture is stored lying on its side: 400 × 300 stored, 300 × 400 upright), plus XMP.
 */
export async function jpegWithGps(width = 400, height = 300): Promise<Buffer> {
  return sharp(pixels(width, height), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Klachtfoon', Model: 'K1', Artist: 'Anna de Vries' },
      IFD2: { DateTimeOriginal: '2026:10:26 09:30:00', UserComment: 'lekkage keuken' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 22/1 228/10',
        GPSLongitudeRef: 'E',
        GPSLongitude: '4/1 53/1 312/10',
      },
    })
    .withMetadata({ orientation: 6 })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Anna de Vries"/></rdf:RDF></x:xmpmeta>',
    )
    .toBuffer();
}

/** A PNG screenshot, 640 × 480. */
export async function pngScreenshot(): Promise<Buffer> {
  return sharp(pixels(640, 480), { raw: { width: 640, height: 480, channels: 3 } })
    .png()
    .toBuffer();
}

/** The author, title and software a PDF of {@link pdfWithAuthor} carries. */
export const pdfAuthor = 'Anna de Vries';

/** A two-page PDF letter with its author, title, producer and creator software set. */
export async function pdfWithAuthor(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const text of ['Brief van de verhuurder', 'Pagina twee']) {
    document.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 16, font });
  }
  document.setAuthor(pdfAuthor);
  document.setTitle('Brief over de lekkage');
  document.setProducer('Scanner Pro 9');
  document.setCreator('Kantoorpakket');
  document.setKeywords(['lekkage', 'Dorpsstraat 1']);
  return Buffer.from(await document.save());
}

/** A HEIC photo (320 × 240) as an iPhone sends it. */
export function heicPhoto(): Promise<Buffer> {
  return readFile(new URL('./fixtures/foto.heic', import.meta.url));
}

/** A web page, named `foto.jpg` by whoever sends it. */
export const htmlPage = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');

/** An SVG picture, with a script in it as SVGs can have. */
export const svgPicture = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
);

/** A "PDF" over the Node server's 10 MB limit per file (only its first bytes are a PDF's). */
export function oversizedPdf(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]);
}

/** The first 60 % of a JPEG: what a broken upload leaves. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await jpegWithGps();
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

/**
 * A photo as a phone takes it: 4032 × 3024 (12 MP; or `width` × `height`) and, with the noise of a
 * real sensor, at most `megabytes` large as a JPEG (a few percent below).
 */
export async function phonePhoto(megabytes = 8, seed = 7, width = 4032, height = 3024): Promise<Buffer> {
  const data = pixels(width, height, 40, seed);
  let quality = 100;
  for (;;) {
    const jpeg = await sharp(data, { raw: { width, height, channels: 3 } })
      .jpeg({ quality, chromaSubsampling: '4:4:4' })
      .toBuffer();
    if (jpeg.length <= megabytes * 1024 * 1024 || quality <= 50) return jpeg;
    quality -= 1;
  }
}

/**
 * The three files of the "Done when" — a JPEG with GPS, a PNG, a PDF with its author — through
 * the pipeline, as the intake gets them.
 */
export async function preparedTrio(): Promise<PreparedFile[]> {
  const sent = [
    { originalName: 'IMG_0001.JPG', bytes: await jpegWithGps() },
    { originalName: 'schermafdruk.png', bytes: await pngScreenshot() },
    { originalName: 'brief verhuurder.pdf', bytes: await pdfWithAuthor() },
  ];
  const results = await prepareFiles(sent, { maxFileBytes: 10 * 1024 * 1024, log: () => {} }, 5);
  return results.flatMap((result) => (result.ok ? [result.file] : []));
}
