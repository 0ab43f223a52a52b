// The complainant's own page end to end: the built site with its real server and a loopback SMTP
// server, the personal link from the receipt mail and its one button, the coordinator's moves
// with `klachten cases`, adding information, withdrawing; refused tokens, sessions and cross-site
// posts; links revoked by a newer link, a withdrawal or an erasure; the lost-link form and the
// mail budget behind it; axe on every state of the page.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkGenerationOf, makeComplainantToken } from '../../cases/complainant-token.ts';
import { formatDate } from '../../cases/format-date.ts';
import type { Locale } from '../../cases/locale.ts';
import { makeSatisfactionToken } from '../../cases/satisfaction-token.ts';
import type { CaseStore } from '../../cases/store.ts';
import { runMoveWithMail } from '../../scripts/commands/case-mail.ts';
import { run as runErase } from '../../scripts/commands/erase.ts';
import { myComplaintWords } from '../../site/components/my-complaint/words.ts';
import { pageWritesPerComplaint } from '../../site/server/context.ts';
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

// Behind a (pretend) proxy that names the client, so the lost-link form can be posted from several addresses.
useMailSite('klachten-my-complaint-', (started) => ({ browser, smtp, site, store } = started), {
  KLACHTEN_CLIENT_ADDRESS_HEADER: 'x-forwarded-for',
});

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

/** A personal link of the case as it stands now, made as a mail would make it. */
async function freshLink(reference: string): Promise<string> {
  const stored = await store.getCase(reference);
  const token = makeComplainantToken({ reference, generation: linkGenerationOf(stored!) }, testSecret, new Date());
  return `${site.baseUrl}${paths.nl.myComplaint}?t=${token}`;
}

/** Opens a link as the complainant does: the page with its one button, then the button. */
async function openWithButton(page: Page, link: string, locale: Locale = 'nl'): Promise<void> {
  await page.goto(link);
  await page.getByRole('button', { name: myComplaintWords[locale].openButton }).click();
  await page.getByTestId('reference').waitFor();
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

    it('opens the link from the receipt with one button: no cookie before it, no token in the address bar after', async () => {
      reference = await fileComplaint(page, site.baseUrl, locale, { email: `flow.${locale}@example.nl` });
      const [receipt] = await mailsFor(reference, 'receipt');
      const link = personalLink(receipt!, locale);
      const shown = await page.goto(link);
      expect(shown?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe(w.openTitle);
      expect(await page.getByTestId('open-text').textContent()).toContain(reference);
      // The link itself starts nothing: no cookie, and nothing of the case but its reference.
      expect(await shown?.headerValue('set-cookie')).toBeNull();
      expect(await context.cookies()).toEqual([]);
      expect(await page.locator('main').textContent()).not.toContain(typed[locale].name);
      await expectNoViolations(context, page);

      // The button, reached with the keyboard alone.
      for (let step = 0; step < 20; step += 1) {
        await page.keyboard.press('Tab');
        const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
        if (text === w.openButton) break;
      }
      await page.keyboard.press('Enter');
      await page.getByTestId('reference').waitFor();
      expect(new URL(page.url()).search).toBe('');
      expect(new URL(page.url()).pathname).toBe(paths[locale].myComplaint);
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

    it('gives back what was typed when the session ended before it was sent, and sends nothing', async () => {
      const typedText = 'Dit schreef ik in een half uur: de lift, de trap en de deur.';
      await page.getByLabel(w.addLabel).fill(typedText);
      // The session cookie lasts 30 minutes: the browser drops it, as here, while the page stays open.
      const cookies = await context.cookies();
      await context.clearCookies();
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: w.addSubmit }).click(),
      ]);
      expect(answer.status()).toBe(403);
      expect(await page.locator('h1').textContent()).toBe(w.refusedTitle.ended);
      expect(await page.getByLabel(w.keptLabel).inputValue()).toBe(typedText);
      expect(await page.getByRole('button', { name: w.askSubmit }).count()).toBe(1);
      expect((await store.getCase(reference))?.additions).toHaveLength(1);
      await expectNoViolations(context, page);
      await context.addCookies(cookies);
      await page.goto(`${site.baseUrl}${paths[locale].myComplaint}`);
    });

    it('marks what the complainant sent by replying to a mail as sent by e-mail', async () => {
      const reply = 'Bij deze een reactie op uw mail: de lift is weer kapot.';
      await store.updateCase(
        reference,
        (current) => ({
          ...current,
          additions: [
            ...(current.additions ?? []),
            { at: current.receivedAt, text: reply, via: 'e-mail', mailId: 'm1' },
          ],
        }),
        'reactie van de klager per e-mail',
      );
      // A fresh GET: a reload would send the addition form again.
      await page.goto(`${site.baseUrl}${paths[locale].myComplaint}`);
      const items = page.getByTestId('additions').locator('li');
      expect(await items.count()).toBe(2);
      expect(await items.nth(0).textContent()).not.toContain(w.byMail);
      expect(await items.nth(1).textContent()).toContain(`(${w.byMail})`);
      expect(await items.nth(1).locator('blockquote').textContent()).toBe(reply);
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
    const reference = await fileComplaint(page, site.baseUrl, 'nl', { extra: ' (states)', email: 'states@example.nl' });
    await mailsFor(reference, 'receipt');
    const open = async () => {
      await openWithButton(page, await freshLink(reference));
      expect(await page.getByTestId('reference').textContent()).toContain(reference);
      await expectNoViolations(context, page);
    };
    await coordinator('bevestig', reference, '--handler', 'klantcontact');
    await coordinator('verdaag', reference, '--reason', 'We wachten op de aannemer.');
    await open();
    expect(await page.getByTestId('timeline').textContent()).toContain('We wachten op de aannemer.');
    const answerFile = join(site.dataDir, 'antwoord.md');
    await writeFile(answerFile, 'Wij hebben de aannemer gesproken.\n\nUw klacht is **gegrond**.');
    await coordinator('beantwoord', reference, '--text-file', answerFile);
    await open();
    expect(await page.getByTestId('answer').textContent()).toContain('Uw klacht is gegrond.');
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

const day = 24 * 60 * 60 * 1000;
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

/** A request to the Dutch page as a client at `from` (the proxy's X-Forwarded-For). */
function call(
  query: string,
  {
    method = 'GET',
    cookie,
    fields,
    origin = site.baseUrl,
    from = '203.0.113.1',
  }: Partial<{
    method: string;
    cookie: string;
    fields: Record<string, string>;
    origin: string;
    from: string;
  }> = {},
): Promise<Response> {
  return fetch(`${site.baseUrl}${paths.nl.myComplaint}${query}`, {
    method,
    redirect: 'manual',
    headers: {
      'x-forwarded-for': from,
      ...(cookie === undefined ? {} : { cookie }),
      ...(fields === undefined ? {} : { origin, 'content-type': 'application/x-www-form-urlencoded' }),
    },
    ...(fields === undefined ? {} : { body: form(fields) }),
  });
}

/** The session cookie (name=value) a link's button gives, after checking that it gives one. */
async function sessionFor(link: string): Promise<string> {
  const token = new URL(link).searchParams.get('t') ?? '';
  const opened = await call('', { method: 'POST', fields: { action: 'open', t: token } });
  expect(opened.status).toBe(303);
  expect(opened.headers.get('location')).toBe(paths.nl.myComplaint);
  return (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** What a session shows now: its case's reference, or nothing (the form that asks for a link). */
async function caseShown(cookie: string): Promise<string | undefined> {
  const html = await (await call('', { cookie })).text();
  return /data-testid="reference"[^>]*>[^<]*?(K-[0-9A-Z-]+)/.exec(html)?.[1];
}

describe('what is refused', () => {
  let reference = '';
  beforeAll(async () => {
    const context = await browser.newContext();
    reference = await fileComplaint(await context.newPage(), site.baseUrl, 'nl', {
      extra: ' (refused)',
      email: 'refused@example.nl',
    });
    await context.close();
  });

  it('gives a tampered, expired or satisfaction token a 4xx with no case data, no cookie, and the form for a new link', async () => {
    const token = makeComplainantToken({ reference, generation: 0 }, testSecret, new Date());
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const expired = makeComplainantToken({ reference, generation: 0 }, testSecret, new Date(Date.now() - 91 * day));
    const satisfaction = makeSatisfactionToken({ reference, expiresAt: new Date(Date.now() + day) }, testSecret);
    for (const bad of [tampered, expired, satisfaction]) {
      const response = await call(`?t=${encodeURIComponent(bad)}`);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('set-cookie')).toBeNull();
      const body = await response.text();
      expect(body).not.toContain('refused@example.nl');
      expect(body).not.toContain(typed.nl.name);
      expect(body).toContain('name="action" value="link"');
    }
    const html = await (await call(`?t=${encodeURIComponent(expired)}`)).text();
    expect(html).toContain(myComplaintWords.nl.refused.expired);
    expect(html).toContain(myComplaintWords.nl.linkLife(90));
    // The form for a new link already holds the reference the old link named.
    expect(html).toMatch(
      new RegExp(`name="reference"[^>]*value="${reference}"|value="${reference}"[^>]*name="reference"`),
    );
  });

  it('starts no session from a GET with a token, nor from a post of its button from another site', async () => {
    const link = await freshLink(reference);
    const token = new URL(link).searchParams.get('t') ?? '';
    const shown = await call(`?t=${token}`);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('set-cookie')).toBeNull();
    expect(await shown.text()).toContain('name="action" value="open"');
    const crossSite = await call('', {
      method: 'POST',
      fields: { action: 'open', t: token },
      origin: 'https://elders.example',
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('set-cookie')).toBeNull();
    expect(await caseShown(await sessionFor(link))).toBe(reference);
  });

  it('leaves an existing session intact when a bad or old token comes along', async () => {
    const cookie = await sessionFor(await freshLink(reference));
    const token = makeComplainantToken({ reference, generation: 0 }, testSecret, new Date());
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const old = makeComplainantToken({ reference, generation: 0 }, testSecret, new Date(Date.now() - 91 * day));
    for (const bad of [tampered, old, 'onzin']) {
      const shown = await call(`?t=${encodeURIComponent(bad)}`, { cookie });
      expect(shown.headers.get('set-cookie')).toBeNull();
      const posted = await call('', { method: 'POST', cookie, fields: { action: 'open', t: bad } });
      expect(posted.status).toBeGreaterThanOrEqual(400);
      expect(posted.headers.get('set-cookie')).toBeNull();
    }
    expect(await caseShown(cookie)).toBe(reference);
  });

  it('refuses a session for another case, and a cross-site post', async () => {
    const cookie = await sessionFor(await freshLink(reference));
    const page = await (await call('', { cookie })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(csrf).not.toBe('');
    const post = (fields: Record<string, string>, origin?: string) =>
      call('', { method: 'POST', cookie, fields, ...(origin === undefined ? {} : { origin }) });
    const other = await post({ action: 'add', csrf, reference: 'K-2026-AAAAAA', addition: 'x' });
    expect(other.status).toBe(403);
    const noCsrf = await post({ action: 'add', csrf: 'A'.repeat(22), reference, addition: 'x' });
    expect(noCsrf.status).toBe(403);
    const crossSite = await post({ action: 'add', csrf, reference, addition: 'x' }, 'https://elders.example');
    expect(crossSite.status).toBe(403);
    expect((await store.getCase(reference))?.additions).toBeUndefined();
  });

  it('answers the lost-link form the same for a matching and a non-matching pair, and mails only on a match', async () => {
    const ask = (email: string) => call('', { method: 'POST', fields: { action: 'link', reference, email } });
    const matching = await ask('REFUSED@example.nl');
    const other = await ask('iemand@example.nl');
    expect(matching.status).toBe(200);
    expect(other.status).toBe(matching.status);
    expect(await other.text()).toBe(await matching.text());
    const [link] = await mailsFor(reference, 'link');
    expect(link?.envelope.to).toEqual(['refused@example.nl']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received.filter((mail) => mail.parsed.messageId?.startsWith(`<${reference}.link`))).toHaveLength(1);
  });
});

describe('links that can be revoked', () => {
  it('revokes the old link, and the session it opened, when a new link is sent; the new one works', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const reference = await fileComplaint(page, site.baseUrl, 'nl', {
      extra: ' (new link)',
      email: 'nieuw@example.nl',
    });
    const old = personalLink((await mailsFor(reference, 'receipt'))[0]!, 'nl');
    const oldSession = await sessionFor(old);
    expect(await caseShown(oldSession)).toBe(reference);

    await call('', { method: 'POST', fields: { action: 'link', reference, email: 'nieuw@example.nl' } });
    const fresh = personalLink((await mailsFor(reference, 'link'))[0]!, 'nl');
    // The link mail greets no one by the name stored on the case: anyone may have typed it.
    const [linkMail] = await mailsFor(reference, 'link');
    expect(linkMail?.parsed.text).not.toContain(typed.nl.name);

    const refusedOld = await call(new URL(old).search);
    expect(refusedOld.status).toBe(410);
    expect(refusedOld.headers.get('set-cookie')).toBeNull();
    expect(await refusedOld.text()).toContain(myComplaintWords.nl.refused.revoked);
    expect(await caseShown(oldSession)).toBeUndefined();
    expect((await call(new URL(fresh).search)).status).toBe(200);
    expect(await caseShown(await sessionFor(fresh))).toBe(reference);

    await page.goto(old);
    expect(await page.locator('h1').textContent()).toBe(myComplaintWords.nl.refusedTitle.revoked);
    await expectNoViolations(context, page);
    await context.close();
  });

  it('refuses a withdrawn case’s link, while the session that withdrew it goes on', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const reference = await fileComplaint(page, site.baseUrl, 'nl', {
      extra: ' (withdrawn)',
      email: 'terug@example.nl',
    });
    const link = personalLink((await mailsFor(reference, 'receipt'))[0]!, 'nl');
    await openWithButton(page, link);
    await page.getByRole('button', { name: myComplaintWords.nl.withdrawButton }).click();
    await page.getByRole('button', { name: myComplaintWords.nl.confirmYes }).click();
    expect(await page.getByTestId('notice').textContent()).toBe(myComplaintWords.nl.withdrawn);
    await page.reload();
    expect(await page.getByTestId('status').textContent()).toContain(myComplaintWords.nl.status.afgesloten);

    const again = await call(new URL(link).search);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain(myComplaintWords.nl.refused.revoked);
    await context.close();
  });
});

describe('the mail budget behind the lost-link form', () => {
  it('sends at most 3 mails to a case’s address for 10 posts from 2 addresses, with the same answer to every post', async () => {
    const context = await browser.newContext();
    const address = 'doelwit@example.nl';
    const reference = await fileComplaint(await context.newPage(), site.baseUrl, 'nl', {
      extra: ' (budget)',
      email: address,
    });
    await context.close();
    await mailsFor(reference, 'receipt');
    const answers: string[] = [];
    for (let post = 0; post < 10; post += 1) {
      const from = post % 2 === 0 ? '198.51.100.7' : '198.51.100.8';
      const asked = await call('', { method: 'POST', from, fields: { action: 'link', reference, email: address } });
      expect(asked.status).toBe(200);
      answers.push(await asked.text());
    }
    expect(new Set(answers).size).toBe(1);
    const toAddress = () => smtp.received.filter((mail) => mail.envelope.to.includes(address));
    // The receipt and two links: three in all, then nothing more however long we wait.
    await mailsFor(reference, 'link', 2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(toAddress()).toHaveLength(3);
    const log = await readFile(site.logPath, 'utf8');
    expect(log).toContain(JSON.stringify({ event: 'mail.withheld', reference, kind: 'link', reason: 'address' }));
    expect(log).not.toContain(address);
  });
});

describe('an erased case', () => {
  it('refuses every link it ever had', async () => {
    const context = await browser.newContext();
    const reference = await fileComplaint(await context.newPage(), site.baseUrl, 'nl', {
      extra: ' (erased)',
      email: 'gewist@example.nl',
    });
    await context.close();
    const link = personalLink((await mailsFor(reference, 'receipt'))[0]!, 'nl');
    expect((await call(new URL(link).search)).status).toBe(200);
    const erased = await runCommand(runErase, {
      argv: [reference, '--reason', 'verzoek van de klager'],
      env: { KLACHTEN_DATA_DIR: site.dataDir, KLACHTEN_TOKEN_SECRET: testSecret },
      now: () => new Date(),
    });
    expect(erased, erased.stderr).toMatchObject({ code: 0 });
    const refused = await call(new URL(link).search);
    expect(refused.status).toBe(410);
    expect(await refused.text()).toContain(myComplaintWords.nl.refused.revoked);
  });
});

describe('the writes from one case’s page', () => {
  // A site of its own with the hourly limit on (1 complaint, so 3 page writes); the shared one runs
  // with KLACHTEN_RATE_LIMIT_PER_HOUR=0. The file's helpers use the site in the variables above.
  let saved: { browser: Browser; smtp: TestSmtpServer; site: Site; store: CaseStore };
  beforeAll(() => {
    saved = { browser, smtp, site, store };
  });
  useMailSite('klachten-page-limit-', (started) => ({ browser, smtp, site, store } = started), {
    KLACHTEN_RATE_LIMIT_PER_HOUR: '1',
    KLACHTEN_CLIENT_ADDRESS_HEADER: 'x-forwarded-for',
  });
  afterAll(() => {
    ({ browser, smtp, site, store } = saved);
  });

  it('are at most three times the hourly complaint limit, and the one refused keeps its text', async () => {
    const context = await browser.newContext();
    const reference = await fileComplaint(await context.newPage(), site.baseUrl, 'nl', {
      email: 'many-writes@example.nl',
    });
    await context.close();
    const cookie = await sessionFor(await freshLink(reference));
    const csrf = /name="csrf" value="([^"]+)"/.exec(await (await call('', { cookie })).text())?.[1] ?? '';
    const add = (addition: string) =>
      call('', { method: 'POST', cookie, fields: { action: 'add', csrf, reference, addition } });
    const limit = 1 * pageWritesPerComplaint;
    for (let n = 1; n <= limit; n += 1) expect((await add(`Aanvulling nummer ${n}.`)).status).toBe(200);
    const over = await add('Nog een aanvulling, een te veel.');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await over.text();
    expect(html).toContain(myComplaintWords.nl.addErrors.tooMany);
    expect(html).toContain('Nog een aanvulling, een te veel.');
    expect((await store.getCase(reference))?.additions).toHaveLength(limit);
  });
});
