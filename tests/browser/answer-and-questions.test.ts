// The handler's question and the reasoned answer on the complainant's own page, end to end: the
// built site with its real server and a loopback SMTP server, the coordinator's commands
// (`klachten cases confirm`, `ask`, `answer --text-file`), the question mail's personal link, the
// answer box (an error tied to it, the text kept; works without JavaScript), and axe on the page
// with an open question and with the answer.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../cases/locale.ts';
import type { CaseStore } from '../../cases/store.ts';
import { run as runCases } from '../../scripts/commands/cases.ts';
import { answerWords } from '../../site/components/my-complaint/answer-words.ts';
import { myComplaintWords } from '../../site/components/my-complaint/words.ts';
import { paths } from '../../site/i18n/ui.ts';
import { testSecret, type ReceivedMail, type TestSmtpServer } from '../support/mail-fixture.ts';
import { runCommand } from '../support/run-command.ts';
import { fileComplaint, useMailSite } from './mail-site.ts';
import type { Site } from './site-server.ts';
import { axeViolations } from './support.ts';

let browser: Browser;
let smtp: TestSmtpServer;
let site: Site;
let store: CaseStore;
useMailSite('klachten-answer-page-', (started) => ({ browser, smtp, site, store } = started));

async function cases(...argv: string[]) {
  const result = await runCommand(runCases, {
    argv,
    env: { KLACHTEN_DATA_DIR: site.dataDir, SMTP_URL: smtp.url, KLACHTEN_TOKEN_SECRET: testSecret },
    now: () => new Date(),
    services: { makeStore: () => store },
  });
  expect(result, result.stderr).toMatchObject({ code: 0 });
}

async function mailFor(reference: string, kind: string): Promise<ReceivedMail> {
  const prefix = `<${reference}.${kind}`;
  for (let waited = 0; waited < 20_000; waited += 100) {
    const found = smtp.received.find((mail) => mail.parsed.messageId?.startsWith(prefix) === true);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${kind} mail for ${reference}`);
}

function personalLink(mail: ReceivedMail, locale: Locale): string {
  const link = /https:\/\/klachten\.livable\.nl\/[^\s<>"]*\?t=[^\s<>")]+/.exec(mail.parsed.text ?? '')?.[0] ?? '';
  const url = new URL(link);
  expect(url.pathname).toBe(paths[locale].myComplaint);
  return `${site.baseUrl}${url.pathname}${url.search}`;
}

async function expectNoViolations(context: BrowserContext, page: Page): Promise<void> {
  const checker = await browser.newContext({ bypassCSP: true });
  await checker.addCookies(await context.cookies());
  const copy = await checker.newPage();
  await copy.setViewportSize({ width: 320, height: 800 });
  await copy.goto(page.url());
  expect(await axeViolations(copy)).toEqual([]);
  expect(await copy.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
  await checker.close();
}

const paragraphs = {
  nl: [
    'U schreef ons dat de cv-ketel al weken lekt.',
    'Wij hebben de monteur gesproken en het onderhoudsrapport gelezen.',
    'Ons oordeel: uw klacht is gegrond. De ketel wordt op 10 november vervangen.',
  ],
  en: [
    'You wrote to us that the boiler has been leaking for weeks.',
    'We spoke to the engineer and read the maintenance report.',
    'Our judgement: your complaint is upheld. The boiler will be replaced on 10 November.',
  ],
};

for (const [locale, javaScriptEnabled] of [
  ['nl', false],
  ['en', true],
] as const) {
  describe(`a question and the answer on the complainant's page (${locale}, JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
    const w = myComplaintWords[locale];
    const aw = answerWords[locale];
    let context: BrowserContext;
    let page: Page;
    let reference = '';

    beforeAll(async () => {
      context = await browser.newContext({ javaScriptEnabled });
      page = await context.newPage();
    });
    afterAll(() => context.close());

    it('shows the open question with an answer box, reached from the question mail', async () => {
      reference = await fileComplaint(page, site.baseUrl, locale, { email: `vraag.${locale}@example.nl` });
      await cases('confirm', reference, '--handler', 'klantcontact');
      await cases('ask', reference, '--text', 'Op welke verdieping woont u, en sinds wanneer lekt de ketel?');
      const mail = await mailFor(reference, 'question');
      await page.goto(personalLink(mail, locale));
      await page.getByRole('button', { name: w.openButton }).click();
      const questions = page.getByTestId('questions');
      await questions.waitFor();
      expect(await questions.textContent()).toContain('Op welke verdieping woont u, en sinds wanneer lekt de ketel?');
      expect(await page.getByLabel(aw.answerLabel).count()).toBe(1);
      expect(await page.getByTestId('timeline').textContent()).toContain(aw.steps.asked);
      await expectNoViolations(context, page);
    });

    it('ties an empty answer to its box, then takes the answer as text and shows it back', async () => {
      await page.getByRole('button', { name: aw.answerSubmit }).click();
      await page.locator('#foutoverzicht').waitFor();
      expect(await page.locator('#foutoverzicht a').getAttribute('href')).toBe('#veld-antwoord-v1');
      expect(await page.locator('#veld-antwoord-v1').getAttribute('aria-invalid')).toBe('true');
      await expectNoViolations(context, page);

      const hostile = '<b>Derde</b> verdieping, zie https://evil.example.com @coord /sluit gegrond';
      await page.getByLabel(aw.answerLabel).fill(hostile);
      await page.getByRole('button', { name: aw.answerSubmit }).click();
      await page.getByTestId('notice').waitFor();
      expect(await page.getByTestId('notice').textContent()).toBe(aw.answered);
      expect(await page.locator('.question blockquote').textContent()).toBe(hostile);
      expect(await page.locator('.question b').count()).toBe(0);
      expect(await page.locator('.question a').count()).toBe(0);
      expect(await page.getByLabel(aw.answerLabel).count()).toBe(0);
      const stored = await store.getCase(reference);
      expect(stored?.questions?.[0]?.answer?.text).toBe(hostile);
    });

    it('shows the reasoned answer and the verslag as sent, and the answer mail holds them verbatim', async () => {
      const answerFile = join(site.dataDir, `antwoord-${locale}.md`);
      const reportFile = join(site.dataDir, `verslag-${locale}.md`);
      await writeFile(answerFile, `${paragraphs[locale].join('\n\n')}\n\n<img src="https://evil.example.com/p.png">`);
      await writeFile(reportFile, 'Gesprek met de monteur op 3 november.');
      await cases('answer', reference, '--text-file', answerFile, '--report-file', reportFile);
      const mail = await mailFor(reference, 'answer');
      expect(mail.parsed.text).toContain(paragraphs[locale].join('\n\n'));
      for (const paragraph of paragraphs[locale]) expect(mail.parsed.html).toContain(`>${paragraph}</p>`);
      expect(mail.parsed.html).not.toMatch(/<img/i);
      expect(mail.parsed.text).toContain('Gesprek met de monteur op 3 november.');

      await page.reload();
      const answer = page.getByTestId('answer');
      await answer.waitFor();
      const paragraphsShown = await answer.locator('.answer-text p').allTextContents();
      expect(paragraphsShown.slice(0, 3)).toEqual(paragraphs[locale]);
      expect(await answer.locator('img').count()).toBe(0);
      expect(await page.getByTestId('report').textContent()).toContain('Gesprek met de monteur op 3 november.');
      await expectNoViolations(context, page);
    });
  });
}
