// The public form under attack: a program that fills in every field, one address that sends
// complaint after complaint, and bodies of many megabytes. People are not hurt: no CAPTCHA, the
// form works as before, and what they typed is kept.
//
// This file starts its own instance of the built site with a limit of 5 complaints an hour per
// address, behind a (pretend) reverse proxy that names the client in X-Forwarded-For, so each
// test can speak from an address of its own.
import { readdir, readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngScreenshot } from '../support/attachment-files.ts';
import { referencePattern } from '../../cases/case.ts';
import type { CaseStore } from '../../cases/store.ts';
import { makeGitFolderStore } from '../../cases/stores/git-folder.ts';
import { paths, ui } from '../../site/i18n/ui.ts';
import { securityHeaderProblems } from './header-checks.ts';
import { startSite, type Site } from './site-server.ts';
import { launchChromium, typed } from './support.ts';

let site: Site;
let store: CaseStore;
beforeAll(async () => {
  site = await startSite('klachten-bots-', {
    KLACHTEN_RATE_LIMIT_PER_HOUR: '5',
    KLACHTEN_CLIENT_ADDRESS_HEADER: 'x-forwarded-for',
  });
  store = makeGitFolderStore(join(site.dataDir, 'cases'));
});
afterAll(() => site?.stop());

function complete(overrides: Record<string, string> = {}): Record<string, string> {
  return { locale: 'nl', ...typed.nl, earlier: 'nee', whatIsNew: '', consent: 'ja', ...overrides };
}

/** Posts the complaint form as the client at `address` (the proxy's X-Forwarded-For). */
function postFrom(address: string, fields: Record<string, string>, path: string = paths.nl.submit) {
  return fetch(`${site.baseUrl}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { origin: site.baseUrl, 'x-forwarded-for': address },
    redirect: 'manual',
  });
}

const referenceIn = (html: string) => /data-testid="reference">([^<]+)</.exec(html)?.[1] ?? '';
const outbox = () => readdir(join(site.dataDir, 'outbox')).catch(() => [] as string[]);
const serverLog = () => readFile(site.logPath, 'utf8');

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 100) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a program that fills in the hidden field', () => {
  it('gets the same receipt as a person, with the same status and a plausible reference', async () => {
    const fields = complete({ complaint: `Een klacht zoals een mens die stuurt ${Date.now()}` });
    const person = await postFrom('203.0.113.10', fields);
    const bot = await postFrom('203.0.113.11', { ...fields, website: 'https://goedkope-pillen.example' });
    expect(bot.status).toBe(person.status);
    expect(bot.status).toBe(201);
    const [personHtml, botHtml] = [await person.text(), await bot.text()];
    const [personRef, botRef] = [referenceIn(personHtml), referenceIn(botHtml)];
    expect(botRef).toMatch(referencePattern);
    expect(botRef).not.toBe(personRef);
    // Apart from its reference (and the calendar file that names it), the page is the same page.
    const comparable = (html: string, reference: string) =>
      html.replaceAll(reference, 'KENMERK').replace(/href="data:text\/calendar[^"]*"/, '');
    expect(comparable(botHtml, botRef)).toBe(comparable(personHtml, personRef));
    expect([...bot.headers.keys()].sort()).toEqual([...person.headers.keys()].sort());
    expect(securityHeaderProblems(bot.headers, { personal: true })).toEqual([]);

    // Nothing is filed, and nothing is mailed: the person's receipt reaches the outbox, the bot's never.
    const stored = await store.listCases();
    expect(stored.map((c) => c.reference)).toContain(personRef);
    expect(stored.map((c) => c.reference)).not.toContain(botRef);
    await waitFor(async () => (await outbox()).some((file) => file.includes(personRef)), 'the person’s receipt');
    expect((await outbox()).filter((file) => file.includes(botRef))).toEqual([]);

    // The log says what happened, with the made-up reference and nothing personal.
    const log = await serverLog();
    expect(log).toContain(JSON.stringify({ event: 'intake.honeypot', reference: botRef }));
    for (const value of [typed.nl.name, typed.nl.email, 'goedkope-pillen', '203.0.113.11']) {
      expect(log).not.toContain(value);
    }
  });

  it('with a file, gets a receipt that lists it, and nothing is filed or kept', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(complete({ complaint: `Met foto ${Date.now()}` })))
      form.append(name, value);
    form.append('website', 'https://goedkope-pillen.example');
    form.append('bestanden', new Blob([new Uint8Array(await pngScreenshot())], { type: 'image/png' }), 'scherm.png');
    const response = await fetch(`${site.baseUrl}/klacht-indienen/verzenden/`, {
      method: 'POST',
      body: form,
      headers: { origin: site.baseUrl, 'x-forwarded-for': '203.0.113.13' },
    });
    expect(response.status).toBe(201);
    const html = await response.text();
    expect(html).toMatch(/<li>bijlage-1\.png \(\d+ kB\)<\/li>/);
    expect((await store.listCases()).map((c) => c.reference)).not.toContain(referenceIn(html));
    await expect(readdir(join(site.dataDir, 'cases', 'bijlagen', referenceIn(html)))).rejects.toThrow();
  });

  it('gets the same answer as a person for the same form sent again: 200 and the reference it got the first time', async () => {
    const person = complete({ complaint: `Twee keer, zoals een mens ${Date.now()}` });
    const bot = { ...complete({ complaint: `Twee keer, zoals een programma ${Date.now()}` }), website: 'x' };
    const answers = [];
    for (const [from, fields] of [
      ['203.0.113.20', person],
      ['203.0.113.21', bot],
    ] as const) {
      const first = await postFrom(from, fields);
      const again = await postFrom(from, fields);
      const [firstHtml, againHtml] = [await first.text(), await again.text()];
      answers.push({ statuses: [first.status, again.status], headers: [...again.headers.keys()].sort() });
      expect(referenceIn(againHtml)).toBe(referenceIn(firstHtml));
      expect(againHtml).toContain(ui.nl.receipt.duplicate);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]?.statuses).toEqual([201, 200]);
  });

  it('meets the limit per address before anything else, as a person does: the same 429 and the same page', async () => {
    const sixth = complete({ complaint: `De zesde, van een mens of een programma` });
    const pages = [];
    for (const [from, extra] of [
      ['198.51.100.60', {}],
      ['198.51.100.61', { website: 'https://goedkope-pillen.example' }],
    ] as const) {
      for (let index = 1; index <= 5; index += 1) {
        const response = await postFrom(from, {
          ...complete({ complaint: `Nummer ${index} ${from} ${Date.now()}` }),
          ...extra,
        });
        expect(response.status, `${from}: complaint ${index}`).toBe(201);
      }
      const refused = await postFrom(from, { ...sixth, ...extra });
      expect(refused.status).toBe(429);
      pages.push({
        retryAfter: refused.headers.has('retry-after'),
        headers: [...refused.headers.keys()].sort(),
        html: await refused.text(),
      });
    }
    expect(pages[1]).toEqual(pages[0]);
  });

  it('gets the form back like anyone else when the rest is wrong (422), and nothing is filed', async () => {
    const before = (await store.listCases()).length;
    const response = await postFrom('203.0.113.12', { locale: 'nl', name: '', website: 'x' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Vul uw naam in.');
    expect(await store.listCases()).toHaveLength(before);
  });

  it('is a field people never see, hear or reach with the Tab key, labelled for those without styles', async () => {
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const page = await browser.newPage();
      await page.goto(`${site.baseUrl}${paths.nl.form}`);
      const field = page.locator('input[name="website"]');
      expect(await field.count()).toBe(1);
      // Not in the accessibility tree: no screen reader announces it.
      expect(await page.getByRole('textbox', { name: ui.nl.form.honeypot }).count()).toBe(0);
      const facts = await field.evaluate((input: HTMLInputElement) => ({
        label: input.labels?.[0]?.textContent,
        hidden: input.closest('[aria-hidden="true"]') !== null,
        tabIndex: input.tabIndex,
        autocomplete: input.autocomplete,
        box: input.closest('.honeypot')?.getBoundingClientRect().width,
      }));
      expect(facts).toEqual({ label: ui.nl.form.honeypot, hidden: true, tabIndex: -1, autocomplete: 'off', box: 1 });
      const reached: string[] = [];
      for (let press = 0; press < 60; press += 1) {
        await page.keyboard.press('Tab');
        reached.push(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? ''));
      }
      expect(reached).toContain('consent');
      expect(reached).not.toContain('website');

      await page.goto(`${site.baseUrl}${paths.en.form}`);
      expect(await page.locator('label[for="veld-website"]').textContent()).toBe(ui.en.form.honeypot);
    } finally {
      await browser?.close();
    }
  });
});

describe('the limit of 5 complaints an hour per address', () => {
  it('refuses the 6th complaint from one address with 429, keeping everything typed, while another address gets through', async () => {
    const from = '198.51.100.20';
    for (let index = 1; index <= 5; index += 1) {
      const response = await postFrom(from, complete({ complaint: `Klacht ${index} van één adres ${Date.now()}` }));
      expect(response.status, `complaint ${index}`).toBe(201);
    }
    const sixth = complete({ complaint: `De zesde klacht, met "aanhalingstekens" & regels\nerbij ${Date.now()}` });
    const refused = await postFrom(from, sixth);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect(securityHeaderProblems(refused.headers, { personal: true })).toEqual([]);
    const html = await refused.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain(ui.nl.form.limitedTitle);
    expect(html).toContain('Probeer het over 60 minuten opnieuw.');
    expect(html).toContain(`value="${typed.nl.name}"`);
    expect(html).toContain('De zesde klacht, met &quot;aanhalingstekens&quot; &amp; regels\nerbij');
    expect((await store.listCases()).some((c) => c.complaint === sixth['complaint'])).toBe(false);

    const other = await postFrom('198.51.100.21', complete({ complaint: `Van een ander adres ${Date.now()}` }));
    expect(other.status).toBe(201);
  });

  it('says so in English on the English form', async () => {
    const from = '198.51.100.30';
    const english = { ...complete({ locale: 'en', ...typed.en, concerns: '' }) };
    for (let index = 1; index <= 5; index += 1) {
      await postFrom(from, { ...english, complaint: `English ${index} ${Date.now()}` }, paths.en.submit);
    }
    const refused = await postFrom(from, { ...english, complaint: 'The sixth' }, paths.en.submit);
    expect(refused.status).toBe(429);
    const html = await refused.text();
    expect(html).toContain(ui.en.form.limitedTitle);
    expect(html).toContain('Please try again in 60 minutes.');
    expect(html).toContain('The sixth');
  });

  it('cannot be got round by writing another address in front of the proxy’s', async () => {
    const from = '198.51.100.40';
    for (let index = 1; index <= 5; index += 1) {
      await postFrom(from, complete({ complaint: `Voor de omweg ${index} ${Date.now()}` }));
    }
    const disguised = await postFrom(`203.0.113.99, ${from}`, complete({ complaint: `Vermomd ${Date.now()}` }));
    expect(disguised.status).toBe(429);
  });

  it('counts only accepted complaints: forms sent back with errors, and the same form sent twice, use up nothing', async () => {
    const from = '198.51.100.50';
    for (let attempt = 0; attempt < 6; attempt += 1) {
      expect((await postFrom(from, complete({ name: '' }))).status).toBe(422);
    }
    const twice = complete({ complaint: `Twee keer verstuurd ${Date.now()}` });
    expect((await postFrom(from, twice)).status).toBe(201);
    expect((await postFrom(from, twice)).status).toBe(200);
    const statuses = [];
    for (let index = 2; index <= 6; index += 1) {
      statuses.push((await postFrom(from, complete({ complaint: `Geteld ${index} ${Date.now()}` }))).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
  });

  it('keeps the addresses out of the server log', async () => {
    const log = await serverLog();
    expect(log).toContain('"event":"intake.limited"');
    expect(log).not.toMatch(/198\.51\.100\.|203\.0\.113\./);
  });
});

/** Posts `total` bytes in 64 KB chunks without a length, as a flood would; the answer ends it. */
function postChunked(url: string, total: number): Promise<{ status: number; sent: number }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    const request = httpRequest(
      target,
      {
        method: 'POST',
        headers: { origin: target.origin, 'content-type': 'application/x-www-form-urlencoded' },
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, sent });
        });
      },
    );
    request.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    chunk.write('token=');
    const write = () => {
      while (sent < total && !request.destroyed) {
        sent += chunk.byteLength;
        if (!request.write(chunk)) return void request.once('drain', write);
      }
      request.end();
    };
    write();
  });
}

describe('eight genuine-looking complaints to one address', () => {
  it('are all filed as cases, and that address gets at most three receipts', async () => {
    const victim = `slachtoffer-${Date.now()}@example.org`;
    const references: string[] = [];
    for (let n = 0; n < 8; n += 1) {
      // Each from an address of its own, so the limit per address is not what stops them.
      const response = await postFrom(
        `198.51.100.${100 + n}`,
        complete({ email: victim, complaint: `Bel ons direct op 0900-1234 om uw account te verifiëren (${n})` }),
      );
      expect(response.status).toBe(201);
      references.push(referenceIn(await response.text()));
    }
    const filed = await Promise.all(references.map((reference) => store.getCase(reference)));
    expect(filed.every((record) => record?.email === victim)).toBe(true);
    await waitFor(
      async () =>
        filed.length === 8 &&
        (await Promise.all(references.map((r) => store.getCase(r)))).every((record) =>
          record?.messages.some((m) => m.kind === 'receipt' && (m.sentAt ?? m.withheld) !== undefined),
        ),
      'every receipt sent or withheld',
    );
    const receipts = (await outbox()).filter(
      (name) => name.endsWith('-receipt.eml') && references.some((reference) => name.includes(reference)),
    );
    expect(receipts).toHaveLength(3);
    const withheld = (await Promise.all(references.map((r) => store.getCase(r)))).filter((record) =>
      record?.messages.some((m) => m.kind === 'receipt' && m.withheld === 'receipt-cap'),
    );
    expect(withheld).toHaveLength(5);
  });
});

describe('eight complaints to zoe+1@ … zoe+8@, one mailbox', () => {
  it('are all filed, the box gets at most three receipts, and every answer is the same apart from the reference', async () => {
    const box = (n: number) => `zoe+${n}@voorbeeld.nl`;
    const references: string[] = [];
    const pages: string[] = [];
    for (let n = 1; n <= 8; n += 1) {
      const response = await postFrom(
        `198.51.100.${120 + n}`,
        complete({ email: box(n), complaint: 'Uw pakket wacht, bel 0900-1234' }),
      );
      expect(response.status).toBe(201);
      const html = await response.text();
      const reference = referenceIn(html);
      references.push(reference);
      // Apart from its reference (and the calendar file that names it) and the address as typed.
      pages.push(
        html
          .replaceAll(reference, 'KENMERK')
          .replace(/href="data:text\/calendar[^"]*"/, '')
          .replaceAll(box(n), 'ADRES'),
      );
    }
    const records = () => Promise.all(references.map((reference) => store.getCase(reference)));
    await waitFor(
      async () =>
        (await records()).every((record) =>
          record?.messages.some((m) => m.kind === 'receipt' && (m.sentAt ?? m.withheld) !== undefined),
        ),
      'every receipt sent or withheld',
    );
    const receipts = (await outbox()).filter(
      (name) => name.endsWith('-receipt.eml') && references.some((reference) => name.includes(reference)),
    );
    expect(receipts).toHaveLength(3);
    const withheld = (await records()).filter((record) =>
      record?.messages.some((m) => m.kind === 'receipt' && m.withheld === 'mail-budget'),
    );
    expect(withheld).toHaveLength(5);
    expect(new Set(pages).size).toBe(1);
    const log = await serverLog();
    expect(log).toContain('"event":"mail.withheld"');
    expect(log).not.toContain('voorbeeld.nl');
  });
});

/** The server's resident memory in MB, from /proc (Linux). */
async function serverMemoryMb(): Promise<number> {
  const status = await readFile(`/proc/${site.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

describe('a body of 10 MB sent in chunks, without a length', () => {
  const tenMb = 10 * 1024 * 1024;

  it('is refused by the satisfaction page with 413 before it is read, and the server’s memory stays flat', async () => {
    await fetch(`${site.baseUrl}${paths.nl.satisfaction}?t=onzin`);
    const before = await serverMemoryMb();
    const answer = await postChunked(`${site.baseUrl}${paths.nl.satisfaction}`, tenMb);
    const after = await serverMemoryMb();
    console.log(
      `satisfaction, 10 MB chunked: ${answer.status} after ${(answer.sent / 1024 / 1024).toFixed(1)} MB sent; ` +
        `server memory ${before.toFixed(1)} MB before, ${after.toFixed(1)} MB after`,
    );
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(tenMb);
    expect(after - before).toBeLessThan(8);
  });

  it('is refused by the complaint form with 413 too', async () => {
    const before = await serverMemoryMb();
    const answer = await postChunked(`${site.baseUrl}${paths.nl.submit}`, tenMb);
    const after = await serverMemoryMb();
    console.log(`intake, 10 MB chunked: ${answer.status}; server memory ${before.toFixed(1)} → ${after.toFixed(1)} MB`);
    expect(answer.status).toBe(413);
    expect(after - before).toBeLessThan(8);
  });
});
