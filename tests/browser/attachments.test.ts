// Photos and documents with a complaint, in Chromium against the built Node server, with
// JavaScript off (the form posts the files itself, multipart) and on (each file checked at once,
// photos made smaller in the browser, every file in a post of its own): filed, cleaned, listed on
// the receipt; refused files each with their own message and everything typed kept.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import exifr from 'exifr';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { linkGenerationOf, makeComplainantToken } from '../../cases/complainant-token.ts';
import { loadTokenSecret } from '../../cases/mail/secret.ts';
import { myComplaintWords } from '../../site/components/my-complaint/words.ts';
import { paths, ui } from '../../site/i18n/ui.ts';
import {
  htmlPage,
  jpegWithGps,
  oversizedPdf,
  pdfAuthor,
  pdfWithAuthor,
  pngScreenshot,
  svgPicture,
  truncatedJpeg,
} from '../support/attachment-files.ts';
import { axeViolations, baseUrl, fillForm, launchChromium, siteStore, typed } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

const t = ui.nl;
const file = (name: string, mimeType: string, buffer: Buffer) => ({ name, mimeType, buffer });

/** The form, filled in, in a fresh context with JavaScript on or off. */
async function openForm(javaScriptEnabled: boolean, complaint: string = typed.nl.complaint): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${baseUrl()}${paths.nl.form}`);
  // Each test its own text: the same form sent twice within a day is one complaint.
  await fillForm(page, 'nl', { ...typed.nl, complaint });
  return page;
}

/** With JavaScript: waits until every chosen file has its answer from the server. */
async function settled(page: Page, count: number): Promise<void> {
  await expect
    .poll(() => page.locator('.file-item:not([data-state="working"])').count(), { timeout: 30_000 })
    .toBe(count);
}

async function submit(page: Page): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: t.form.submit }).click()]);
}

const keptFile = (reference: string, name: string) =>
  readFile(join(inject('dataDir'), 'cases', 'bijlagen', reference, name));

for (const javaScriptEnabled of [false, true]) {
  describe(`files with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    it('files a complaint with a JPEG with GPS in its EXIF, a PNG and a PDF: cleaned, renamed, listed on the receipt', async () => {
      const page = await openForm(javaScriptEnabled, `Lekkage in de keuken (JavaScript ${javaScriptEnabled}).`);
      const photo = await jpegWithGps(3000, 2000);
      expect(await exifr.gps(photo)).toMatchObject({ latitude: expect.closeTo(52.373, 2) });
      await page.setInputFiles('#veld-bestanden', [
        file('IMG_0001.JPG', 'image/jpeg', photo),
        file('schermafdruk.png', 'image/png', await pngScreenshot()),
        file('brief.pdf', 'application/pdf', await pdfWithAuthor()),
      ]);
      if (javaScriptEnabled) {
        await settled(page, 3);
        expect(await page.locator('.file-item[data-state="ready"]').count()).toBe(3);
        expect(await axeViolations(page)).toEqual([]);
      }
      await submit(page);
      const reference = (await page.getByTestId('reference').textContent()) ?? '';
      expect(reference).toMatch(/^K-\d{4}-/);
      expect(await page.getByTestId('attachments').getByRole('listitem').allTextContents()).toEqual([
        expect.stringMatching(/^bijlage-1\.jpg \(\d+(,\d)? (kB|MB)\)$/),
        expect.stringMatching(/^bijlage-2\.(png|jpg) \(/),
        expect.stringMatching(/^bijlage-3\.pdf \(/),
      ]);

      const record = await siteStore().getCase(reference);
      expect(record?.attachments?.map((kept) => kept.originalName)).toEqual([
        'IMG_0001.JPG',
        'schermafdruk.png',
        'brief.pdf',
      ]);
      const jpeg = await keptFile(reference, 'bijlage-1.jpg');
      expect(await exifr.parse(jpeg, { tiff: true, gps: true, xmp: true, iptc: true })).toBeUndefined();
      const { width = 0, height = 0, exif, xmp } = await sharp(jpeg).metadata();
      expect(Math.max(width, height)).toBeLessThanOrEqual(2560);
      expect(height).toBeGreaterThan(width); // turned upright
      expect([exif, xmp]).toEqual([undefined, undefined]);
      const pdf = await PDFDocument.load(await keptFile(reference, 'bijlage-3.pdf'), { updateMetadata: false });
      expect(pdf.getAuthor()).toBeUndefined();
      expect(pdf.getPageCount()).toBe(2);
      expect((await keptFile(reference, 'bijlage-3.pdf')).toString('latin1')).not.toContain(pdfAuthor);
      await page.context().close();
    });

    it('refuses a web page named foto.jpg, an SVG, a cut-off JPEG and a file over the limit, each with its own message, keeping the rest', async () => {
      const page = await openForm(javaScriptEnabled);
      await page.setInputFiles('#veld-bestanden', [
        file('foto.jpg', 'image/jpeg', htmlPage),
        file('tekening.svg', 'image/svg+xml', svgPicture),
        file('kapot.jpg', 'image/jpeg', await truncatedJpeg()),
        file('groot.pdf', 'application/pdf', oversizedPdf()),
      ]);
      if (javaScriptEnabled) {
        await settled(page, 4);
        expect(await page.locator('.file-item[data-state="refused"]').count()).toBe(4);
      }
      await page.getByRole('button', { name: t.form.submit }).click();
      const summary = page.locator('.error-summary');
      await expect.poll(() => summary.isVisible()).toBe(true);
      const messages = await summary.getByRole('link').allTextContents();
      expect(messages).toEqual([
        expect.stringMatching(/^“foto\.jpg” kunnen we niet aannemen: het is geen foto of PDF/),
        expect.stringMatching(/^“tekening\.svg” kunnen we niet aannemen/),
        expect.stringMatching(/^“kapot\.jpg” is beschadigd of niet helemaal verstuurd/),
        expect.stringMatching(/^“groot\.pdf” is te groot: een bestand mag hoogstens 10 MB zijn/),
      ]);
      expect(await summary.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(
        Array(4).fill('#veld-bestanden'),
      );
      // Everything typed is still there.
      const main = page.locator('main');
      expect(await main.getByLabel(t.form.complaint.label, { exact: true }).inputValue()).toBe(typed.nl.complaint);
      expect(await main.getByLabel(t.form.consent.label).isChecked()).toBe(true);
      expect(await axeViolations(javaScriptEnabled ? page : await withScript(page))).toEqual([]);
      await page.context().close();
    });

    it('refuses the sixth file of one post by its name', async () => {
      const page = await openForm(javaScriptEnabled);
      const png = await pngScreenshot();
      await page.setInputFiles(
        '#veld-bestanden',
        [1, 2, 3, 4, 5, 6].map((n) => file(`scherm-${n}.png`, 'image/png', png)),
      );
      if (javaScriptEnabled) await settled(page, 6);
      await page.getByRole('button', { name: t.form.submit }).click();
      const summary = page.locator('.error-summary');
      await expect.poll(() => summary.isVisible()).toBe(true);
      expect(await summary.getByRole('link').allTextContents()).toEqual([
        '“scherm-6.png” is niet toegevoegd: u kunt hoogstens 5 bestanden tegelijk sturen.',
      ]);
      await page.context().close();
    });
  });
}

/**
 * axe needs a script: the HTML the server answered a page without JavaScript with, shown on the
 * site's origin (its styles load) in a context with JavaScript.
 */
async function withScript(page: Page): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const copy = await context.newPage();
  await copy.goto(`${baseUrl()}/`);
  await copy.setContent(await page.content(), { waitUntil: 'load' });
  return copy;
}

/** The complainant's page of a case, opened with a personal link as the receipt mail gives it. */
async function openOwnPage(page: Page, reference: string): Promise<void> {
  const secret = await loadTokenSecret({ KLACHTEN_DATA_DIR: inject('dataDir') }, process.cwd());
  const stored = await siteStore().getCase(reference);
  const link = { reference, generation: stored === undefined ? 0 : linkGenerationOf(stored) };
  const token = makeComplainantToken(link, secret ?? '', new Date());
  // The link opens a page with one button; only that button starts the session.
  await page.goto(`${baseUrl()}${paths.nl.myComplaint}?t=${encodeURIComponent(token)}`);
  await page.getByRole('button', { name: myComplaintWords.nl.openButton }).click();
}

for (const javaScriptEnabled of [false, true]) {
  describe(`Bestanden toevoegen on the complainant’s page with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    it('lists the case’s files by name and size and adds a later one, numbered on', async () => {
      const page = await openForm(javaScriptEnabled, `Schimmel in de badkamer (JavaScript ${javaScriptEnabled}).`);
      await page.setInputFiles('#veld-bestanden', [file('scherm.png', 'image/png', await pngScreenshot())]);
      if (javaScriptEnabled) await settled(page, 1);
      await submit(page);
      const reference = (await page.getByTestId('reference').textContent()) ?? '';

      await openOwnPage(page, reference);
      expect(await page.getByTestId('case-files').getByRole('listitem').allTextContents()).toEqual([
        expect.stringMatching(/^bijlage-1\.png \(/),
      ]);
      await page.setInputFiles('#veld-bestanden', [file('brief.pdf', 'application/pdf', await pdfWithAuthor())]);
      if (javaScriptEnabled) {
        await settled(page, 1);
        expect(await axeViolations(page)).toEqual([]);
      }
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('button', { name: 'Bestanden toevoegen' }).click(),
      ]);
      expect(await page.getByTestId('added-files').getByRole('listitem').allTextContents()).toEqual([
        expect.stringMatching(/^bijlage-2\.pdf \(/),
      ]);
      await page.getByRole('link', { name: 'Terug naar uw klacht' }).click();
      expect(await page.getByTestId('case-files').getByRole('listitem').count()).toBe(2);
      expect((await siteStore().getCase(reference))?.attachments?.map((kept) => [kept.name, kept.from])).toEqual([
        ['bijlage-1.png', 'formulier'],
        ['bijlage-2.pdf', 'mijn-klacht'],
      ]);
      // The files are never served by the site: no link to them on the page.
      expect(await page.locator('a[href*="bijlage-"]').count()).toBe(0);
      if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  });
}
