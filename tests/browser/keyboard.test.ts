// The whole flow with the keyboard alone: Tab, Shift+Tab, Enter and Space, focus always visible.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { referencePattern } from '../../cases/case.ts';
import { ui } from '../../site/i18n/ui.ts';
import { baseUrl, siteStore, useSharedPage } from './support.ts';

let page: Page;
useSharedPage((opened) => (page = opened));

const focused = () =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const style = element ? getComputedStyle(element) : undefined;
    return {
      id: element?.id ?? '',
      tag: element?.tagName.toLowerCase() ?? '',
      name: element?.getAttribute('name') ?? '',
      text: element?.textContent?.trim() ?? '',
      visible: style ? style.outlineStyle !== 'none' && style.outlineWidth !== '0px' : false,
    };
  });

/** Presses Tab until `done` holds for the focused element; every stop must show its focus. */
async function tabTo(done: (f: Awaited<ReturnType<typeof focused>>) => boolean, key = 'Tab') {
  for (let step = 0; step < 60; step += 1) {
    await page.keyboard.press(key);
    const now = await focused();
    expect(now.visible, `focus is visible on ${now.tag}#${now.id}`).toBe(true);
    if (done(now)) return now;
  }
  throw new Error('the element was never reached with the keyboard');
}

/** Tabs to the field `done` finds and types `text` into it. */
async function typeAt(done: Parameters<typeof tabTo>[0], text: string) {
  await tabTo(done);
  await page.keyboard.type(text);
}

/** Tabs to the choice `done` finds and picks it with Space (one Tab per radio group). */
async function pickAt(done: Parameters<typeof tabTo>[0]) {
  await tabTo(done);
  await page.keyboard.press('Space');
}

it('files a complaint with the keyboard alone, with focus visible and moved to the errors', async () => {
  const f = ui.nl.form;
  await page.goto(`${baseUrl()}/`);
  // The first Tab reaches the skip link.
  await page.keyboard.press('Tab');
  expect((await focused()).text).toBe(ui.nl.skipLink);
  await tabTo((el) => el.tag === 'a' && el.text === 'Klacht indienen' && el.id === '');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${baseUrl()}/klacht-indienen/`);

  // Role: the radio group takes one Tab, Space picks the focused option.
  await pickAt((el) => el.name === 'role');
  await typeAt((el) => el.id === 'veld-name', 'Kees Toetsenbord');
  await page.keyboard.press('Tab');
  await page.keyboard.type('kees@'); // wrong on purpose
  // Shift+Tab goes back to the name; Tab forward again.
  await page.keyboard.press('Shift+Tab');
  expect((await focused()).id).toBe('veld-name');
  await typeAt((el) => el.id === 'veld-address', 'Dorpsstraat 1');
  await pickAt((el) => el.name === 'category');
  await typeAt((el) => el.id === 'veld-complaint', 'De deurbel werkt niet.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Al een maand.');
  await typeAt((el) => el.id === 'veld-expectation', 'Een nieuwe deurbel.');
  await pickAt((el) => el.name === 'earlier');
  await pickAt((el) => el.name === 'consent');
  await tabTo((el) => el.tag === 'button');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${baseUrl()}/klacht-indienen/verzenden/`);

  // Focus lands on the error summary; its link takes the person to the field.
  expect((await focused()).id).toBe('foutoverzicht');
  await tabTo((el) => el.tag === 'a' && el.text.startsWith('Vul een geldig e-mailadres in'));
  await page.keyboard.press('Enter');
  expect((await focused()).id).toBe('veld-email');
  await page.keyboard.press('End');
  await page.keyboard.type('example.nl');
  await tabTo((el) => el.tag === 'button' && el.text === f.submit);
  await page.keyboard.press('Enter');

  await page.getByTestId('reference').waitFor();
  const reference = (await page.getByTestId('reference').textContent()) ?? '';
  expect(reference).toMatch(referencePattern);
  expect(await siteStore().getCase(reference)).toMatchObject({
    name: 'Kees Toetsenbord',
    email: 'kees@example.nl',
    role: 'bewoner',
    complaint: 'De deurbel werkt niet.\nAl een maand.',
    earlier: 'nee',
  });
});
