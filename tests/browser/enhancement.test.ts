// What JavaScript adds on top of the plain form: counts, the "what is new" field, one send per click.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { limits } from '../../cases/complaint.ts';
import { baseUrl, launchChromium } from './support.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${baseUrl()}/klacht-indienen/`);
});
afterAll(() => browser.close());

it('counts down the characters left under a long text field, and says when there are too many', async () => {
  const count = page.locator('#veld-complaint-count');
  expect(await count.textContent()).toBe(`Nog ${limits.complaint.toLocaleString('nl-NL')} tekens over.`);
  await page.getByLabel('Uw klacht', { exact: true }).fill('Twaalf tekens');
  await expect.poll(() => count.textContent()).toBe('Nog 19.987 tekens over.');
  await page.getByLabel('Uw klacht', { exact: true }).fill('x'.repeat(limits.complaint + 3));
  await expect.poll(() => count.textContent()).toBe('3 tekens te veel.');
  expect(await count.getAttribute('aria-live')).toBe('polite');
});

it('shows "what is new" only after the person says they complained before', async () => {
  const field = page.getByLabel('Wat is er nieuw sinds uw vorige klacht?');
  expect(await field.isVisible()).toBe(false);
  await page.getByLabel('Ja', { exact: true }).check();
  expect(await field.isVisible()).toBe(true);
  await page.getByLabel('Nee', { exact: true }).check();
  expect(await field.isVisible()).toBe(false);
});

it('sends the form once when the button is clicked twice', async () => {
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  const button = page.getByRole('button', { name: 'Klacht versturen' });
  await Promise.all([page.waitForURL('**/klacht-indienen/verzenden/'), button.dblclick()]);
  expect(posts).toHaveLength(1);
});
