/**
 * PDFs, rebuilt with pdf-lib: the pages are copied into a new document, so what belongs to the
 * document rather than its pages stays behind — the information dictionary (author, title,
 * producer software, dates), the XMP metadata stream, document JavaScript and open actions,
 * embedded files, outlines. From the copied pages and everything they use, every XMP stream and
 * every automatic action (JavaScript, launching a program, sending a form) is removed too.
 *
 * A PDF that does not parse, has no pages, or is encrypted (we could not check what is inside)
 * is refused.
 */
import { PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } from 'pdf-lib';
import { taggedError } from '../errors.ts';

/** A cleaned PDF. */
export interface CleanPdf {
  bytes: Uint8Array;
  pages: number;
}

/** Keys that hold metadata or private application data. */
const metadataKeys = ['Metadata', 'PieceInfo'].map((key) => PDFName.of(key));
/** Actions that run by themselves or reach outside the document. */
const activeActions = new Set(['/JavaScript', '/Launch', '/SubmitForm', '/ImportData', '/GoToR', '/GoToE']);

/**
 * Copies the pages of `bytes` into a new PDF without document metadata or active content.
 * Throws an error tagged `undecodable` (or `encrypted`) when it cannot.
 *
 * @example
 * const clean = await cleanPdf(bytes);
 * (await PDFDocument.load(clean.bytes)).getAuthor() // undefined
 */
export async function cleanPdf(bytes: Uint8Array): Promise<CleanPdf> {
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    if ((error as Error).name === 'EncryptedPDFError')
      throw taggedError('encrypted', 'De PDF is beveiligd met een wachtwoord.');
    throw taggedError('undecodable', 'Het bestand is geen leesbare PDF.');
  }
  try {
    const count = source.getPageCount();
    if (count === 0) throw new Error('no pages');
    const target = await PDFDocument.create({ updateMetadata: false });
    for (const page of await target.copyPages(source, source.getPageIndices())) target.addPage(page);
    stripObjects(target);
    const out = await target.save({ useObjectStreams: true, updateFieldAppearances: false });
    return { bytes: out, pages: count };
  } catch {
    throw taggedError('undecodable', 'Het bestand is geen leesbare PDF.');
  }
}

/** Removes metadata streams and active actions from every object of the new document. */
function stripObjects(document: PDFDocument): void {
  const context = document.context;
  const orphans: PDFRef[] = [];
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    if (dict === undefined) continue;
    for (const key of metadataKeys) {
      const value = dict.get(key);
      if (value instanceof PDFRef) orphans.push(value);
      dict.delete(key);
    }
    dict.delete(PDFName.of('AA'));
    const action = dict.lookup(PDFName.of('A'));
    if (action instanceof PDFDict && activeActions.has(String(action.get(PDFName.of('S'))))) {
      dict.delete(PDFName.of('A'));
    }
    // A name tree or array of embedded files reached from a page (file attachment annotations).
    if (String(dict.get(PDFName.of('Subtype'))) === '/FileAttachment') dict.delete(PDFName.of('FS'));
  }
  for (const ref of orphans) context.delete(ref);
}
