// Virus scanning of files (KLACHTEN_CLAMAV) in Chromium against the built Node server, with the
// clamd stand-in: the EICAR test file is refused with its own calm message and logged by its
// signature only; a scanner that does not answer makes the post wait, then fail with 503 and
// everything typed kept — and nothing is stored unscanned.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGitFolderStore } from '../../cases/stores/git-folder.ts';
import { paths, ui } from '../../site/i18n/ui.ts';
import { eicar, pngScreenshot } from '../support/attachment-files.ts';
import { startClamdStandIn, type ClamdStandIn } from '../support/clamd-standin.ts';
import { startSite, type Site } from './site-server.ts';
import { fillForm, launchChromium, typed } from './support.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

let browser: Browser;
let clamd: ClamdStandIn;
let site: Site;
beforeAll(async () => {
  browser = await launchChromium();
  clamd = await startClamdStandIn();
  site = await startSite('klachten-scan-', { KLACHTEN_CLAMAV: clamd.url, KLACHTEN_CLAMAV_TIMEOUT_MS: '1500' });
});
afterAll(async () => {
  await site?.stop();
  await clamd?.close();
  await browser?.close();
});

const t = ui.nl;
const eicarFile = { name: 'foto.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(eicar) };

async function openForm(javaScriptEnabled: boolean): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await page.goto(`${site.baseUrl}${paths.nl.form}`);
  await fillForm(page, 'nl', typed.nl);
  return page;
}

const cases = () => makeGitFolderStore(join(site.dataDir, 'cases')).listCases();

for (const javaScriptEnabled of [false, true]) {
  describe(`scanning with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    it('refuses the EICAR test file with its own message and logs only its signature', async () => {
      const page = await openForm(javaScriptEnabled);
      await page.setInputFiles('#veld-bestanden', [eicarFile]);
      if (javaScriptEnabled) {
        await expect.poll(() => page.locator('.file-item[data-state="refused"]').count()).toBe(1);
      }
      await page.getByRole('button', { name: t.form.submit }).click();
      const summary = page.locator('.error-summary');
      await expect.poll(() => summary.isVisible()).toBe(true);
      expect(await summary.getByRole('link').allTextContents()).toEqual([
        expect.stringMatching(
          /^In “foto\.jpg” vond onze virusscanner iets dat schadelijk kan zijn\. We hebben het bestand niet bewaard\./,
        ),
      ]);
      expect(await page.locator('main').getByLabel(t.form.complaint.label, { exact: true }).inputValue()).toBe(
        typed.nl.complaint,
      );
      const log = await readFile(site.logPath, 'utf8');
      expect(log).toContain('"event":"attachment.infected","signature":"Eicar-Test-Signature"');
      expect(log).not.toContain('foto.jpg');
      await page.context().close();
    });

    it('waits for a scanner that does not answer, then says so with 503 and the text kept, storing nothing', async () => {
      const before = (await cases()).length;
      const page = await openForm(javaScriptEnabled);
      clamd.setSilent(true);
      try {
        const photo = { name: 'lekkage.png', mimeType: 'image/png', buffer: await pngScreenshot() };
        if (!javaScriptEnabled) {
          await page.setInputFiles('#veld-bestanden', [photo]);
          const [response] = await Promise.all([
            page.waitForResponse((answer) => answer.url().endsWith(paths.nl.submit)),
            page.getByRole('button', { name: t.form.submit }).click(),
          ]);
          expect(response.status()).toBe(503);
          await expect
            .poll(() => page.locator('#foutoverzicht').textContent())
            .toContain('niet op virussen controleren');
        } else {
          await page.setInputFiles('#veld-bestanden', [photo]);
          await expect.poll(() => page.locator('.file-item[data-state="failed"]').count(), { timeout: 15_000 }).toBe(1);
          expect(await page.locator('.file-item').textContent()).toContain('niet op virussen controleren');
        }
        expect(await page.locator('main').getByLabel(t.form.complaint.label, { exact: true }).inputValue()).toBe(
          typed.nl.complaint,
        );
        expect((await cases()).length).toBe(before);
      } finally {
        clamd.setSilent(false);
      }
      if (javaScriptEnabled) {
        // The scanner is back: trying again goes through, and the complaint is filed with the file.
        await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
        await expect.poll(() => page.locator('.file-item[data-state="ready"]').count(), { timeout: 15_000 }).toBe(1);
        await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: t.form.submit }).click()]);
        await expect.poll(() => page.getByTestId('attachments').getByRole('listitem').count()).toBe(1);
      }
      await page.context().close();
    });
  });
}
