// Every message the procedure sends, in every language it is written in, passes axe as a mail
// client would render its HTML — including kinds the mail flow test does not walk through.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales, type Locale } from '../../cases/locale.ts';
import { messageKinds, audienceOf } from '../../cases/mail/message-kinds.ts';
import { run } from '../../scripts/commands/mail.ts';
import { runCommand } from '../support/run-command.ts';
import { axeViolations, launchChromium } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

async function previewHtml(kind: string, locale: Locale): Promise<string> {
  const { code, stdout, stderr } = await runCommand(run, {
    argv: ['preview', kind, '--html', '--locale', locale],
    now: new Date('2026-11-25T10:00:00Z'),
  });
  expect(code, stderr).toBe(0);
  return stdout;
}

describe('the HTML of every message', () => {
  for (const kind of messageKinds) {
    // The notices to staff are written in Dutch only; complainants get their own language.
    for (const locale of audienceOf(kind) === 'complainant' ? locales : (['nl'] as const)) {
      it(`has no WCAG 2.2 A/AA violations: ${kind} (${locale})`, async () => {
        const html = await previewHtml(kind, locale);
        expect(html).toMatch(new RegExp(`<html[^>]* lang="${locale}"`));
        const page = await browser.newPage();
        await page.setContent(html);
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }
});
