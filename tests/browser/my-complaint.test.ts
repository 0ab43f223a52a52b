// The complainant's own page end to end: the built site with its real server and a loopback SMTP
// server, the personal link from the receipt mail, the coordinator's moves with `klachten cases`,
// adding information, withdrawing; refused tokens, sessions and cross-site posts; the lost-link
// form; axe on every state of the page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeComplainantToken } from '../../cases/complainant-token.ts';
import { formatDate } from '../../cases/format-date.ts';
import type { Locale } from '../../cases/locale.ts';
import { makeSatisfactionToken } from '../../cases/satisfaction-token.ts';
import type { CaseStore } from '../../cases/store.ts';
import { runMoveWithMail } from '../../scripts/commands/case-mail.ts';
import { myComplaintWords } from '../../site/components/my-complaint/words.ts';
import { paths } from '../../site/i18n/ui.ts';
import { testSecret, type ReceivedMail, type TestSmtpServer } from '../support/mail-fixture.ts';
import { runCommand } from '../support/run-command.ts';
import { fileComplaint, useMailSite } from './mail-site.ts';
import type { Site } from './site-server.ts';
import { axeViolations, typed } from './support.ts';

let browser: Browser;
let smtp: TestSmtpServer;
let site: Site;
let store: CaseStore;

useMailSite('klachten-my-complaint-', (started) => ({ browser, smtp, site, store } = started));

async function coordinator(...argv: string[]) {
  const result = await runCommand(runMoveWithMail, {
    argv,
    env: { KLACHTEN_DATA_DIR: site.dataDir, SMTP_URL: smtp.url, KLACHTEN_TOKEN_SECRET: testSecret },
    now: () => new Date(),
    services: { makeStore: () => store },
  });
  expect(result, result.stderr).toMatchObject({ code: 0 });
}

async function mailsFor(reference: string, kind: string, count = 1): Promise<ReceivedMail[]> {
  const prefix = `<${reference}.${kind}`;
  for (let waited = 0; waited < 20_000; waited += 100) {
    const found = smtp.received.filter((mail) => mail.parsed.messageId?.startsWith(prefix) === true);
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${kind} mail for ${reference}`);
}

/** The personal link of a mail, pointed at this test's server. */
function personalLink(mail: ReceivedMail, locale: Locale): string {
  const link = /https:\/\/klachten\.livable\.nl\/[^\s<>"]*\?t=[^\s<>")]+/.exec(mail.parsed.text ?? '')?.[0] ?? '';
  const url = new URL(link);
  expect(url.pathname).toBe(paths[locale].myComplaint);
  return `${site.baseUrl}${url.pathname}${url.search}`;
}

/** axe on the page as it is, in a JavaScript-on context sharing the session cookie. */
async function expectNoViolations(context: BrowserContext, page: Page): Promise<void> {
  const checker = await browser.newContext({ bypassCSP: true });
  await checker.addCookies(await context.cookies());
  const copy = await checker.newPage();
  await copy.setViewportSize({ width: 320, height: 800 });
  await copy.goto(page.url());
  expect(await axeViolations(copy)).toEqual([]);
  const sideways = await copy.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(sideways).toBe(false);
  await checker.close();
}

for (const [locale, javaScriptEnabled] of [
  ['nl', true],
  ['en', false],
] as const) {
  describe(`a complainant on their own page (${locale}, JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
    const w = myComplaintWords[locale];
    let context: BrowserContext;
    let page: Page;
    let reference = '';

    beforeAll(async () => {
      context = await browser.newContext({ javaScriptEnabled });
      page = await context.newPage();
    });
    afterAll(() => context.close());

    it('opens the link from the receipt: the reference, "received", and no token in the address bar', async () => {
      reference = await fileComplaint(page, site.baseUrl, locale);
      const [receipt] = await mailsFor(reference, 'receipt');
      const response = await page.goto(personalLink(receipt!, locale));
      expect(new URL(page.url()).search).toBe('');
      expect(new URL(page.url()).pathname).toBe(paths[locale].myComplaint);
      expect(response?.headers()['cache-control']).toBe('no-store');
      expect(await page.getByTestId('reference').textContent()).toContain(reference);
      expect(await page.getByTestId('status').textContent()).toContain(w.status.ontvangen);
      expect(await page.getByTestId('sent').textContent()).toContain(typed[locale].name);
      const cookie = (await context.cookies()).find((c) => c.name === 'klachten-sessie');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      await expectNoViolations(context, page);
    });

    it('shows the handler’s name and the answer date after the confirmation', async () => {
      await coordinator('bevestig', reference, '--handler', 'klantcontact');
      await page.reload();
      expect(await page.getByTestId('timeline').textContent()).toContain('Team Klantcontact');
      const stored = await store.getCase(reference);
      expect(await page.getByTestId('answer-by').textContent()).toBe(formatDate(stored!.terms.answerBy, locale));
      await expectNoViolations(context, page);
    });

    it('stores added information on the case and mails a receipt', async () => {
      await page.getByLabel(w.addLabel).fill('De lift is nu ook ’s nachts kapot.');
      await page.getByRole('button', { name: w.addSubmit }).click();
      expect(await page.getByTestId('notice').textContent()).toBe(w.added);
      expect((await store.getCase(reference))?.additions?.[0]?.text).toBe('De lift is nu ook ’s nachts kapot.');
      const [mail] = await mailsFor(reference, 'addition');
      expect(mail?.parsed.text).toContain('De lift is nu ook ’s nachts kapot.');
    });

    it('withdraws the case after the confirmation step', async () => {
      await page.goto(`${site.baseUrl}${paths[locale].myComplaint}`);
      await page.getByRole('button', { name: w.withdrawButton }).click();
      expect(await page.getByTestId('confirm-text').textContent()).toContain(reference);
      expect((await store.getCase(reference))?.status).toBe('bevestigd');
      await page.getByRole('button', { name: w.confirmYes }).click();
      expect(await page.getByTestId('notice').textContent()).toBe(w.withdrawn);
      expect(await store.getCase(reference)).toMatchObject({ status: 'afgesloten', outcome: 'ingetrokken' });
      await mailsFor(reference, 'withdrawn');
      await expectNoViolations(context, page);
    });
  });
}

describe('every state of the page', () => {
  it('has no axe violations: extended, answered, closed and erased', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const reference = await fileComplaint(page, site.baseUrl, 'nl', { extra: ' (states)' });
    await mailsFor(reference, 'receipt');
    const open = async () => {
      await page.goto(
        `${site.baseUrl}${paths.nl.myComplaint}?t=${makeComplainantToken(reference, testSecret, new Date())}`,
      );
      expect(await page.getByTestId('reference').textContent()).toContain(reference);
      await expectNoViolations(context, page);
    };
    await coordinator('bevestig', reference, '--handler', 'klantcontact');
    await coordinator('verdaag', reference, '--reason', 'We wachten op de aannemer.');
    await open();
    expect(await page.getByTestId('timeline').textContent()).toContain('We wachten op de aannemer.');
    await coordinator('beantwoord', reference);
    await open();
    expect(await page.getByTestId('external-bodies').textContent()).toContain('Huurcommissie');
    await coordinator('sluit', reference, '--outcome', 'gegrond');
    await open();
    await store.updateCase(reference, (record) => ({ ...record, name: '', complaint: '', expectation: '' }), 'gewist');
    await open();
    expect(await page.getByTestId('erased').isVisible()).toBe(true);
    expect(await page.locator('main').textContent()).not.toContain(typed.nl.email);
    await context.close();
  });
});

describe('what is refused', () => {
  let reference = '';
  beforeAll(async () => {
    const context = await browser.newContext();
    reference = await fileComplaint(await context.newPage(), site.baseUrl, 'nl', { extra: ' (refused)' });
    await context.close();
  });

  const get = (query: string, cookie?: string) =>
    fetch(`${site.baseUrl}${paths.nl.myComplaint}${query}`, {
      redirect: 'manual',
      headers: cookie === undefined ? {} : { cookie },
    });

  it('gives a tampered, expired or satisfaction token a 4xx with no case data', async () => {
    const token = makeComplainantToken(reference, testSecret, new Date());
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const expired = makeComplainantToken(reference, testSecret, new Date(Date.now() - 366 * 24 * 60 * 60 * 1000));
    const satisfaction = makeSatisfactionToken({ reference, expiresAt: new Date(Date.now() + 86_400_000) }, testSecret);
    for (const bad of [tampered, expired, satisfaction]) {
      const response = await get(`?t=${encodeURIComponent(bad)}`);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const body = await response.text();
      expect(body).not.toContain(reference);
      expect(body).not.toContain(typed.nl.email);
    }
  });

  it('refuses a session for another case, and a cross-site post', async () => {
    const opened = await get(`?t=${makeComplainantToken(reference, testSecret, new Date())}`);
    expect(opened.status).toBe(303);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await (await get('', cookie)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(csrf).not.toBe('');
    const post = (fields: Record<string, string>, origin = site.baseUrl) =>
      fetch(`${site.baseUrl}${paths.nl.myComplaint}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      });
    const other = await post({ action: 'add', csrf, reference: 'K-2026-AAAAAA', addition: 'x' });
    expect(other.status).toBe(403);
    const noCsrf = await post({ action: 'add', csrf: 'A'.repeat(22), reference, addition: 'x' });
    expect(noCsrf.status).toBe(403);
    const crossSite = await post({ action: 'add', csrf, reference, addition: 'x' }, 'https://elders.example');
    expect(crossSite.status).toBe(403);
    expect((await store.getCase(reference))?.additions).toBeUndefined();
  });

  it('answers the lost-link form the same for a matching and a non-matching pair, and mails only on a match', async () => {
    const ask = (email: string) =>
      fetch(`${site.baseUrl}${paths.nl.myComplaint}`, {
        method: 'POST',
        headers: { origin: site.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ action: 'link', reference, email }),
      });
    const matching = await ask(typed.nl.email.toUpperCase());
    const other = await ask('iemand@example.nl');
    expect(matching.status).toBe(200);
    expect(other.status).toBe(matching.status);
    expect(await other.text()).toBe(await matching.text());
    const [link] = await mailsFor(reference, 'link');
    expect(link?.envelope.to).toEqual([typed.nl.email]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received.filter((mail) => mail.parsed.messageId?.startsWith(`<${reference}.link`))).toHaveLength(1);
  });
});
