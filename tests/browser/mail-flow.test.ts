// The complainant's mail end to end: the built site served by its real server, sending through a
// real SMTP server on loopback (read back with mailparser), the coordinator's moves made with the
// `klachten cases` command, and the satisfaction link followed in Chromium.
//
// The lead's global setup starts one server without SMTP; this file starts its own second
// instance of the same build with SMTP_URL and a token secret, on its own data folder.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../cases/locale.ts';
import { makeSatisfactionToken } from '../../cases/satisfaction-token.ts';
import type { CaseStore } from '../../cases/store.ts';
import { formatDate } from '../../cases/format-date.ts';
import config from '../../klachten.config.ts';
import { runMoveWithMail } from '../../scripts/commands/case-mail.ts';
import { paths, ui } from '../../site/i18n/ui.ts';
import { mailConfig, testSecret, type ReceivedMail, type TestSmtpServer } from '../support/mail-fixture.ts';
import { runCommand } from '../support/run-command.ts';
import { fileComplaint, useMailSite } from './mail-site.ts';
import type { Site } from './site-server.ts';
import { axeViolations, typed } from './support.ts';

let browser: Browser;
let smtp: TestSmtpServer;
let site: Site;
let dataDir: string;
let baseUrl: string;
let store: CaseStore;

useMailSite('klachten-mail-flow-', (started) => {
  ({ browser, smtp, site, store } = started);
  ({ dataDir, baseUrl } = site);
});

/** The coordinator's `klachten cases <move>` against the site's store, with mail through the same SMTP server. */
async function coordinator(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCommand(runMoveWithMail, {
    argv,
    env: { KLACHTEN_DATA_DIR: dataDir, SMTP_URL: smtp.url, KLACHTEN_TOKEN_SECRET: testSecret },
    now: () => new Date(),
    config: mailConfig,
    services: { makeStore: () => store },
  });
}

/** A reasoned answer with what an Awb answer holds, in Markdown as a handler writes it. */
const answerText = [
  '## Wat u ons schreef',
  '',
  'U schreef dat de lift al drie weken kapot is.',
  '',
  '## Ons oordeel',
  '',
  'Uw klacht is **gegrond**. Wij hebben:',
  '',
  '- de aannemer gesproken;',
  '- het onderdeel besteld.',
  '',
  'Lees ook [de regels](https://www.livable.nl/regels).',
].join('\n');

/** `klachten cases answer` with the answer in a file, as a coordinator runs it. */
async function answerCase(word: 'beantwoord' | 'answer', reference: string) {
  const file = join(dataDir, `antwoord-${reference}.md`);
  await writeFile(file, answerText);
  return coordinator(word, reference, '--text-file', file);
}

/** Waits for the message of this kind about this case (its Message-ID names both). */
async function mailFor(reference: string, kind: string): Promise<ReceivedMail> {
  const id = `<${reference}.${kind}@klachten.livable.nl>`;
  for (let waited = 0; waited < 20_000; waited += 100) {
    const found = smtp.received.find((mail) => mail.parsed.messageId === id);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${kind} mail for ${reference}; got ${smtp.received.map((m) => m.parsed.messageId).join(', ')}`);
}

const htmlOf = (mail: ReceivedMail) => (typeof mail.parsed.html === 'string' ? mail.parsed.html : '');

/** axe-core's WCAG 2.2 A/AA violations of a mail's HTML as Chromium renders it. */
async function mailViolations(mail: ReceivedMail): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent(htmlOf(mail));
  const violations = await axeViolations(page);
  await context.close();
  return violations;
}

/** The satisfaction link of a mail, pointed at this test's server instead of the public address. */
function satisfactionLink(mail: ReceivedMail, locale: Locale): string {
  const link = /https:\/\/klachten\.livable\.nl\/[^\s<>"]+/.exec(mail.parsed.text ?? '')?.[0] ?? '';
  const url = new URL(link);
  expect(url.pathname).toBe(paths[locale].satisfaction);
  return `${baseUrl}${url.pathname}${url.search}`;
}

describe('a Dutch complainant, with JavaScript on', () => {
  let reference = '';
  let link = '';

  it('gets a receipt with the reference, a copy of the complaint and the two dates', async () => {
    const context = await browser.newContext();
    reference = await fileComplaint(await context.newPage(), baseUrl, 'nl', { phone: true });
    await context.close();
    const receipt = await mailFor(reference, 'receipt');
    const stored = await store.getCase(reference);
    expect(receipt.envelope.to).toEqual([typed.nl.email]);
    expect(receipt.parsed.subject).toBe(`Uw klacht is ontvangen – kenmerk ${reference}`);
    const text = receipt.parsed.text ?? '';
    expect(text).toContain(`Beste ${typed.nl.name},`);
    expect(text).toContain(`Uiterlijk ${formatDate(stored?.terms.confirmBy ?? '', 'nl')} krijgt u een bevestiging.`);
    expect(text).toContain(`uiterlijk ${formatDate(stored?.terms.answerBy ?? '', 'nl')} een gemotiveerd antwoord`);
    expect(text).toContain(
      typed.nl.complaint
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n'),
    );
    expect(await mailViolations(receipt)).toEqual([]);
    await expect.poll(async () => (await store.getCase(reference))?.messages[0]?.sentAt).toBeDefined();
  });

  it('gets the confirmation naming the handler, with the answer date and a calendar file', async () => {
    const moved = await coordinator('bevestig', reference, '--handler', 'jdevries');
    expect(moved).toMatchObject({ code: 0, stderr: '' });
    const confirmation = await mailFor(reference, 'confirmation');
    const stored = await store.getCase(reference);
    const text = confirmation.parsed.text ?? '';
    expect(text).toContain('Uw klacht wordt behandeld door Jan de Vries.');
    expect(text).toContain(
      `U krijgt uiterlijk ${formatDate(stored?.terms.answerBy ?? '', 'nl')} een gemotiveerd antwoord.`,
    );
    expect(confirmation.raw.toString('latin1')).not.toContain('jdevries');
    const ics = confirmation.parsed.attachments.find((a) => a.contentType === 'text/calendar');
    expect(ics?.filename).toBe(`${reference}-antwoorddatum.ics`);
    const lines = (ics?.content.toString('utf8') ?? '').replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain(`DTSTART;VALUE=DATE:${(stored?.terms.answerBy ?? '').replaceAll('-', '')}`);
    expect(lines).toContain(`UID:antwoorddatum-${reference}@klachten.livable.nl`);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(await mailViolations(confirmation)).toEqual([]);
  });

  it('is told when the term is extended, why, and until when', async () => {
    expect(
      (await coordinator('verdaag', reference, '--reason', 'We wachten op het rapport van de liftmonteur.')).code,
    ).toBe(0);
    const extension = await mailFor(reference, 'extension');
    const stored = await store.getCase(reference);
    expect(extension.parsed.text).toContain('> We wachten op het rapport van de liftmonteur.');
    expect(extension.parsed.text).toContain(
      `U krijgt nu uiterlijk ${formatDate(stored?.terms.extendedAnswerBy ?? '', 'nl')}`,
    );
    expect(await mailViolations(extension)).toEqual([]);
  });

  it('is told the answer was given, where else to turn, and asked whether it was resolved', async () => {
    expect((await answerCase('beantwoord', reference)).code).toBe(0);
    const answer = await mailFor(reference, 'answer');
    expect(answer.parsed.text).toContain('Uw klacht is gegrond. Wij hebben:\n\n- de aannemer gesproken;');
    expect(answer.parsed.text).toContain('de regels (https://www.livable.nl/regels)');
    expect(answer.parsed.text).toContain('U kunt zich altijd ook wenden tot een andere geschikte externe instantie.');
    expect(answer.parsed.text).toContain('https://www.huurcommissie.nl/');
    const question = await mailFor(reference, 'satisfaction');
    expect(question.parsed.subject).toBe(`Is uw klacht naar tevredenheid afgehandeld? (${reference})`);
    expect(await mailViolations(answer)).toEqual([]);
    expect(await mailViolations(question)).toEqual([]);
    link = satisfactionLink(question, 'nl');
  });

  it('answers "no" once through the link, and the coordinators hear of it', async () => {
    const t = ui.nl.satisfaction;
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      // Chromium also logs every 4xx answer as an error; only a blocked resource counts here.
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
        consoleErrors.push(message.text());
      }
    });

    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(await page.locator('h1').textContent()).toBe(t.title);
    expect(await page.getByTestId('reference').textContent()).toContain(reference);
    // The page's CSP allows no inline script, so axe runs in a second context that bypasses it;
    // showing the question twice uses nothing up.
    const axeContext = await browser.newContext({ bypassCSP: true });
    const axePage = await axeContext.newPage();
    await axePage.goto(link);
    expect(await axeViolations(axePage)).toEqual([]);
    await axeContext.close();

    // Sending without a choice: the error summary, linked to the question.
    await page.getByRole('button', { name: t.submit }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#veld-answer');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('foutoverzicht');

    const main = page.locator('main');
    await main.getByLabel(t.answer.nee, { exact: true }).check();
    await main
      .getByLabel(`${t.remark.label} ${ui.nl.form.optional}`)
      .fill('De lift doet het nog steeds niet.\nZie www.example.com');
    const [answered] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: t.submit }).click(),
    ]);
    expect(answered.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe(t.thanksTitle);
    expect(await page.getByTestId('thanks').textContent()).toBe(t.thanks.nee);
    // After the answer the token is no longer in the address bar.
    expect(page.url()).toBe(`${baseUrl}${paths.nl.satisfaction}`);
    expect(requests.every((url) => url.startsWith(baseUrl))).toBe(true);
    expect(consoleErrors).toEqual([]);
    // The site's own stylesheet passed the CSP (the browser's default body margin is 8px).
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');

    const stored = await store.getCase(reference);
    expect(stored?.satisfaction).toMatchObject({
      answer: 'nee',
      remark: 'De lift doet het nog steeds niet.\nZie www.example.com',
    });
    const notice = await mailFor(reference, 'dissatisfied');
    expect(notice.envelope.to).toEqual([config.coordinators.email]);
    expect(notice.parsed.text).toContain('> De lift doet het nog steeds niet.\n> Zie www[.]example[.]com');
    expect(await mailViolations(notice)).toEqual([]);
    // The "nee" reopened the case in the same write, with a new answer term, and the complainant
    // is told at once that it is looked at again.
    expect(stored?.status).toBe('heropend');
    const newTerm = stored?.events.at(-1)?.answerBy;
    expect(newTerm).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const reopened = await mailFor(reference, 'reopened');
    expect(reopened.envelope.to).toEqual([typed.nl.email]);
    expect(await mailViolations(reopened)).toEqual([]);

    // The same link a second time: refused, and the answer stays as it was.
    const again = await page.goto(link);
    expect(again?.status()).toBe(409);
    expect(await page.locator('h1').textContent()).toBe(t.refusedTitle.used);
    const token = new URL(link).searchParams.get('t') ?? '';
    const repost = await page.request.post(`${baseUrl}${paths.nl.satisfaction}`, {
      form: { token, answer: 'ja' },
      headers: { Origin: baseUrl },
    });
    expect(repost.status()).toBe(409);
    expect((await store.getCase(reference))?.satisfaction?.answer).toBe('nee');
    await context.close();
  });
});

describe('a satisfaction link that is not (or no longer) good', () => {
  let reference = '';
  beforeAll(async () => {
    const context = await browser.newContext();
    reference = await fileComplaint(await context.newPage(), baseUrl, 'nl', {
      extra: '\n\nNog een klacht.',
      phone: true,
    });
    await context.close();
    await coordinator('bevestig', reference, '--handler', 'jan-de-vries');
    await answerCase('beantwoord', reference);
  });

  it.each([
    [
      'expired',
      (): string => makeSatisfactionToken({ reference, expiresAt: new Date(Date.now() - 1000) }, testSecret),
      410,
      'expired',
    ],
    [
      'forged with another secret',
      (): string => makeSatisfactionToken({ reference, expiresAt: new Date(Date.now() + 86_400_000) }, 'x'.repeat(40)),
      400,
      'invalid',
    ],
    [
      'altered by one character',
      (): string => {
        const good = makeSatisfactionToken({ reference, expiresAt: new Date(Date.now() + 86_400_000) }, testSecret);
        return `${good.slice(0, -5)}${good.at(-5) === 'A' ? 'B' : 'A'}${good.slice(-4)}`;
      },
      400,
      'invalid',
    ],
    [
      'moved to a later expiry',
      (): string => {
        const good = makeSatisfactionToken({ reference, expiresAt: new Date(Date.now() + 86_400_000) }, testSecret);
        const [ref, expires, signature] = good.split('.');
        return `${ref}.${Number(expires) + 86_400 * 365}.${signature}`;
      },
      400,
      'invalid',
    ],
    ['missing', (): string => '', 400, 'invalid'],
  ] as const)('is refused when %s, showing why, and records nothing', async (_name, makeToken, status, problem) => {
    const token = makeToken();
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}${paths.nl.satisfaction}?t=${encodeURIComponent(token)}`);
    expect(response?.status()).toBe(status);
    expect(await page.locator('h1').textContent()).toBe(ui.nl.satisfaction.refusedTitle[problem]);
    expect(await page.locator('form').count()).toBe(0);
    const posted = await page.request.post(`${baseUrl}${paths.nl.satisfaction}`, {
      form: { token, answer: 'ja' },
      headers: { Origin: baseUrl },
    });
    expect(posted.status()).toBe(status);
    expect((await store.getCase(reference))?.satisfaction).toBeUndefined();
    await context.close();
  });

  it('refuses an answer posted from another site (CSRF), even with a good token', async () => {
    const token = makeSatisfactionToken({ reference, expiresAt: new Date(Date.now() + 86_400_000) }, testSecret);
    const response = await fetch(`${baseUrl}${paths.nl.satisfaction}`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, answer: 'ja' }),
    });
    expect(response.status).toBe(403);
    expect((await store.getCase(reference))?.satisfaction).toBeUndefined();
  });
});

describe('an English complainant, with JavaScript off', () => {
  it('gets the mail in English and answers the satisfaction question without JavaScript', async () => {
    const t = ui.en.satisfaction;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const reference = await fileComplaint(page, baseUrl, 'en', { phone: true });
    const receipt = await mailFor(reference, 'receipt');
    expect(receipt.parsed.subject).toBe(`We have received your complaint – reference ${reference}`);
    expect(receipt.parsed.headers.get('content-language')).toBe('en');

    expect((await coordinator('confirm', reference, '--handler', 'jan-de-vries')).code).toBe(0);
    const confirmation = await mailFor(reference, 'confirmation');
    expect(confirmation.parsed.text).toContain('Your complaint is handled by Jan de Vries.');
    expect(confirmation.parsed.attachments[0]?.filename).toBe(`${reference}-answer-date.ics`);
    expect((await answerCase('answer', reference)).code).toBe(0);
    const answer = await mailFor(reference, 'answer');
    const question = await mailFor(reference, 'satisfaction');
    for (const mail of [receipt, confirmation, answer, question]) expect(await mailViolations(mail)).toEqual([]);

    await page.goto(satisfactionLink(question, 'en'));
    expect(await page.locator('h1').textContent()).toBe(t.title);
    // The language switch keeps the link working: the same question in Dutch, and back.
    await page.getByRole('link', { name: ui.en.otherLanguage.label }).click();
    expect(await page.locator('h1').textContent()).toBe(ui.nl.satisfaction.title);
    await page.getByRole('link', { name: ui.nl.otherLanguage.label }).click();
    expect(await page.locator('h1').textContent()).toBe(t.title);
    await page.locator('main').getByLabel(t.answer.ja, { exact: true }).check();
    await page.getByRole('button', { name: t.submit }).click();
    expect(await page.locator('h1').textContent()).toBe(t.thanksTitle);
    expect((await store.getCase(reference))?.satisfaction?.answer).toBe('ja');
    await context.close();
    // A "yes" tells the coordinators nothing.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      smtp.received.some((mail) => mail.parsed.messageId === `<${reference}.dissatisfied@klachten.livable.nl>`),
    ).toBe(false);
  });
});

describe('the server log', () => {
  it('holds references, kinds and codes, never what the complainants typed', async () => {
    const log = await readFile(site.logPath, 'utf8');
    expect(log).toContain('"event":"mail.sent"');
    for (const value of [typed.nl.name, typed.nl.email, typed.en.email, 'liftmonteur', 'nog steeds niet']) {
      expect(log).not.toContain(value);
    }
  });
});
