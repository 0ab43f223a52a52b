// Every message the procedure sends, in every language it is written in, passes axe as a mail
// client would render its HTML — including kinds the mail flow test does not walk through.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageKinds, audienceOf } from '../../cases/mail/messages.ts';
import { run } from '../../scripts/commands/mail.ts';
import { axeViolations, launchChromium } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

async function previewHtml(kind: string, locale: 'nl' | 'en'): Promise<string> {
  let out = '';
  let err = '';
  const code = await run({
    argv: ['preview', kind, '--html', '--locale', locale],
    env: {},
    cwd: process.cwd(),
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    now: () => new Date('2026-11-25T10:00:00Z'),
  });
  expect(code, err).toBe(0);
  return out;
}

describe('the HTML of every message', () => {
  for (const kind of messageKinds) {
    // The coordinators' notice is written in Dutch only; complainants get their own language.
    for (const locale of audienceOf(kind) === 'coordinators' ? (['nl'] as const) : (['nl', 'en'] as const)) {
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
