import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referencePattern } from '../../cases/case.ts';
import { locales } from '../../cases/locale.ts';
import { formatDate } from '../../cases/format-date.ts';
import { paths, ui } from '../../site/i18n/ui.ts';
import { baseUrl, fillForm, launchChromium, siteStore, typed } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

for (const locale of locales) {
  for (const javaScriptEnabled of [false, true]) {
    describe(`a ${locale === 'nl' ? 'Dutch' : 'English'} complainant with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      it('reads the reglement, files a complaint after correcting mistakes, and gets a reference and the dates', async () => {
        const t = ui[locale];
        const context = await browser.newContext({ javaScriptEnabled });
        const page = await context.newPage();
        const values = { ...typed[locale], email: typed[locale].email.replace(/\..*$/, '') };

        await page.goto(`${baseUrl()}${paths[locale].home}`);
        await page.locator('main').getByRole('link', { name: t.home.readReglement }).click();
        await expect
          .poll(() => page.locator('h1').textContent())
          .toBe(locale === 'nl' ? 'Klachtenreglement' : 'Complaints procedure');
        await expect
          .poll(() => page.getByRole('navigation', { name: t.reglement.toc }).getByRole('link').count())
          .toBe(7);
        await page.locator('main').getByRole('link', { name: t.reglement.toForm }).first().click();
        await expect.poll(() => page.url()).toBe(`${baseUrl()}${paths[locale].form}`);

        // First try: the name left empty and an e-mail address without its domain.
        await fillForm(page, locale, values, ['name']);
        await page.getByRole('button', { name: t.form.submit }).click();
        const summary = page.locator('.error-summary');
        await expect.poll(() => summary.isVisible()).toBe(true);
        expect(await summary.getByRole('heading').textContent()).toBe(t.form.errorTitle);
        expect(
          await summary.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
        ).toEqual(['#veld-name', '#veld-email']);
        expect(await page.title()).toMatch(new RegExp(`^${t.form.titlePrefix}`));
        if (javaScriptEnabled) expect(await page.evaluate(() => document.activeElement?.id)).toBe('foutoverzicht');
        // Everything else is still there, exactly as typed.
        const main = page.locator('main');
        expect(await main.getByLabel(t.form.complaint.label, { exact: true }).inputValue()).toBe(values.complaint);
        expect(await main.getByLabel(t.form.expectation.label).inputValue()).toBe(values.expectation);
        expect(await main.getByLabel(t.form.email.label, { exact: true }).inputValue()).toBe(values.email);
        expect(await main.getByLabel(t.form.address.label).inputValue()).toBe(values.address);
        expect(await main.getByLabel(t.form.role[values.role], { exact: true }).isChecked()).toBe(true);
        expect(await main.getByLabel(t.form.consent.label).isChecked()).toBe(true);
        // The error beside the field says the same as the summary.
        expect(await page.locator('#veld-name-error').textContent()).toContain(
          locale === 'nl' ? 'Vul uw naam in.' : 'Enter your name.',
        );

        // The summary's link takes the person to the field.
        await summary.getByRole('link').first().click();
        if (javaScriptEnabled) expect(await page.evaluate(() => document.activeElement?.id)).toBe('veld-name');
        await main.getByLabel(t.form.name.label, { exact: true }).fill(typed[locale].name);
        await main.getByLabel(t.form.email.label, { exact: true }).fill(typed[locale].email);
        await page.getByRole('button', { name: t.form.submit }).click();

        const reference = (await page.getByTestId('reference').textContent()) ?? '';
        expect(reference).toMatch(referencePattern);
        expect(await page.locator('h1').textContent()).toBe(t.receipt.title);

        const stored = await siteStore().getCase(reference);
        expect(stored).toMatchObject({
          reference,
          status: 'ontvangen',
          locale,
          role: typed[locale].role,
          name: typed[locale].name,
          email: typed[locale].email,
          phone: typed[locale].phone,
          address: typed[locale].address,
          category: typed[locale].category,
          complaint: typed[locale].complaint,
          expectation: typed[locale].expectation,
          earlier: 'nee',
        });
        expect(stored?.concerns).toBe(typed[locale].concerns || undefined);

        // The receipt shows the two dates the store holds for this case.
        expect(await page.getByTestId('confirm-by').textContent()).toContain(
          formatDate(stored?.terms.confirmBy ?? '', locale),
        );
        expect(await page.getByTestId('answer-by').textContent()).toContain(
          formatDate(stored?.terms.answerBy ?? '', locale),
        );
        // The answer date can go into the person's calendar, without a link anyone else could open.
        const ics = await page.getByRole('link', { name: t.receipt.ics }).getAttribute('href');
        expect(ics).toMatch(/^data:text\/calendar/);
        const calendarText = decodeURIComponent(ics?.split(',')[1] ?? '');
        expect(calendarText).toContain(`DTSTART;VALUE=DATE:${stored?.terms.answerBy.replaceAll('-', '')}`);
        expect(calendarText).not.toContain(typed[locale].name);
        // And the complaint exactly as sent, newlines included.
        expect(await page.locator('.summary-list dd').nth(6).innerText()).toBe(typed[locale].complaint);
        await context.close();
      });
    });
  }
}
