// The intake endpoint as any HTTP client sees it: status codes, CSRF, bad input, and load.
import { describe, expect, it } from 'vitest';
import { referencePattern } from '../../cases/case.ts';
import { limits } from '../../cases/complaint.ts';
import { baseUrl, serverLog, siteStore, typed } from './support.ts';

const submitPath = '/klacht-indienen/verzenden/';

function complete(overrides: Record<string, string> = {}): Record<string, string> {
  return { locale: 'nl', ...typed.nl, earlier: 'nee', whatIsNew: '', consent: 'ja', ...overrides };
}

function post(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl()}${submitPath}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { origin: baseUrl(), ...headers },
    redirect: 'manual',
  });
}

const referenceIn = (html: string) => /data-testid="reference">([^<]+)</.exec(html)?.[1];

describe('the intake endpoint', () => {
  it('refuses a form posted from another site with 403 and files nothing', async () => {
    const before = (await siteStore().listCases()).length;
    const response = await post(complete({ complaint: 'cross-site' }), { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    const missing = await post(complete({ complaint: 'no origin' }), { origin: '' });
    expect(missing.status).toBe(403);
    expect(await siteStore().listCases()).toHaveLength(before);
  });

  it('answers missing fields with 422 and the messages, never a 5xx', async () => {
    const response = await post({ locale: 'nl', name: '' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Vul uw naam in.');
    expect(html).toContain('Beschrijf uw klacht.');
  });

  it('answers text over its limit with 422, naming the limit, and keeps the text', async () => {
    const long = 'x'.repeat(limits.complaint + 1);
    const response = await post(complete({ complaint: long }));
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Uw klacht is te lang: gebruik hoogstens 20.000 tekens.');
    expect(html).toContain(long);
  });

  it('answers values of the wrong kind with 422 in English on the English form', async () => {
    const response = await fetch(`${baseUrl()}/en/complaint/submit/`, {
      method: 'POST',
      body: new URLSearchParams({
        ...complete({ locale: 'en', role: 'koning', category: '<script>', consent: 'yes' }),
      }),
      headers: { origin: baseUrl() },
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Choose who you are');
    expect(html).toContain('Choose what your complaint is about.');
    expect(html).toContain('Give your consent');
    expect(html).not.toContain('<script>');
  });

  it('answers a body that is not a form with 415, and an oversized one with 413', async () => {
    const json = await fetch(`${baseUrl()}${submitPath}`, {
      method: 'POST',
      body: JSON.stringify(complete()),
      headers: { origin: baseUrl(), 'content-type': 'application/json' },
    });
    expect(json.status).toBe(415);
    const huge = await post(complete({ complaint: 'x'.repeat(300 * 1024) }));
    expect(huge.status).toBe(413);
  });

  it('refuses the forged-line complaint (a line separator in the name) with 422, the field’s message, and files nothing', async () => {
    const before = (await siteStore().listCases()).length;
    const forged = `${typed.nl.name}\u2028E-mail:        nep@example.org`;
    const response = await post(complete({ name: forged }));
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Uw naam mag maar één regel zijn, zonder regeleinden, tabs of onzichtbare stuurtekens.');
    // What was typed stays in the field, to be corrected there.
    expect(html).toContain('nep@example.org');
    expect(await siteStore().listCases()).toHaveLength(before);
  });

  it('says of an oversized form what is wrong and what to do, keeping the fields that arrived whole', async () => {
    const response = await post(complete({ complaint: 'x'.repeat(300 * 1024) }));
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain('Het bericht is te lang of de bestanden zijn te groot.');
    expect(html).toContain('Wat we van uw klacht konden lezen, staat hieronder nog.');
    expect(html).not.toMatch(/opnieuw over|paar minuten|later opnieuw/);
    // The fields before the complaint arrived whole; the complaint itself did not.
    expect(html).toContain(`value="${typed.nl.email}"`);
    expect(html).not.toContain('xxxxxxxx');
  });

  it('treats a file upload in a text field as a missing value, not a crash', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(complete())) form.set(name, value);
    form.set('complaint', new Blob(['tekst'], { type: 'text/plain' }), 'klacht.txt');
    const response = await fetch(`${baseUrl()}${submitPath}`, {
      method: 'POST',
      body: form,
      headers: { origin: baseUrl() },
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Beschrijf uw klacht.');
  });

  it('sends a visitor who opens the submit address to the form', async () => {
    const response = await fetch(`${baseUrl()}${submitPath}`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/klacht-indienen/');
  });

  it('shows the same reference when the same form is sent twice, and files it once', async () => {
    const fields = complete({ complaint: `Dubbel verstuurd ${Date.now()}` });
    const first = await post(fields);
    const second = await post(fields);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const reference = referenceIn(await first.text());
    expect(referenceIn(await second.text())).toBe(reference);
    const all = await siteStore().listCases();
    expect(all.filter((c) => c.complaint === fields['complaint'])).toHaveLength(1);
    expect(first.headers.get('cache-control')).toBe('no-store');
  });

  it('files 20 complaints sent at the same moment, each exactly once', async () => {
    const marks = Array.from({ length: 20 }, (_, index) => `Gelijktijdig ${index} ${Date.now()}`);
    const responses = await Promise.all(marks.map((mark) => post(complete({ complaint: mark }))));
    expect(responses.map((response) => response.status)).toEqual(marks.map(() => 201));
    const references = await Promise.all(responses.map(async (response) => referenceIn(await response.text())));
    expect(references.every((reference) => referencePattern.test(reference ?? ''))).toBe(true);
    expect(new Set(references).size).toBe(20);
    const stored = await siteStore().listCases();
    for (const [index, mark] of marks.entries()) {
      const matches = stored.filter((c) => c.complaint === mark);
      expect(matches.map((c) => c.reference)).toEqual([references[index]]);
    }
  });

  it('keeps personal data out of the server log', async () => {
    const log = await serverLog();
    expect(log).toContain('intake.filed');
    for (const value of [typed.nl.name, typed.nl.email, typed.nl.phone, typed.nl.address, 'Gelijktijdig', 'lift']) {
      expect(log).not.toContain(value);
    }
  });
});
