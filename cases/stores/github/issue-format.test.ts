import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../case.ts';
import { errorTag } from '../../errors.ts';
import { displayText, fence } from './inert-text.ts';
import { decodeIssue, encodeIssue } from './issue-format.ts';
import { maxPageLength, readPageHeader } from './machine-block.ts';

const categories = [
  { id: 'onderhoud', label: { nl: 'Onderhoud en reparaties', en: 'Maintenance' } },
  { id: 'overlast', label: { nl: 'Overlast', en: 'Nuisance' } },
];
const context = { categories };

const record: Case = {
  reference: 'K-2026-7QF3M9',
  status: 'ontvangen',
  source: 'web',
  locale: 'nl',
  receivedAt: '2026-10-26T00:30:00+01:00',
  terms: { received: '2026-10-26', confirmBy: '2026-11-04', answerBy: '2026-12-07', extendedAnswerBy: '2027-01-04' },
  fingerprint: 'sha256:4f1c',
  role: 'bewoner',
  name: 'Zoë de Vries',
  email: 'zoe@example.nl',
  phone: '06 12345678',
  address: 'Lindenlaan 12, Utrecht',
  category: 'onderhoud',
  complaint: 'De lift is kapot. @beheer zie #12 en ```code```\u202e!\r\nNog iets -->',
  expectation: 'Dat hij <b>snel</b> wordt gemaakt.',
  earlier: 'nee',
  extended: false,
  events: [{ at: '2026-10-26T00:30:00+01:00', status: 'ontvangen', by: 'website' }],
  notices: [],
  messages: [],
};

const decode = (
  encoded: { title: string; body: string; labels: string[]; continuation?: string[] },
  comments = encoded.continuation,
) => decodeIssue({ title: encoded.title, body: encoded.body, labels: encoded.labels, comments: comments ?? [] });

describe('the issue format', () => {
  it('writes exactly these bytes for a case: our title, our labels, the machine block and the readable copy', () => {
    const encoded = encodeIssue(record, context);
    expect(encoded.title).toBe('Klacht K-2026-7QF3M9 · Onderhoud en reparaties');
    expect(encoded.labels).toEqual(['klacht', 'status: ontvangen', 'categorie: onderhoud']);
    expect(encoded.continuation).toBeUndefined();
    expect(encoded.body).toBe(
      [
        '<!-- klachtenloket:v1 {"reference":"K-2026-7QF3M9","part":1,"parts":1,"fingerprint":"sha256:4f1c","receivedAt":"2026-10-26T00:30:00+01:00"}',
        '{"reference":"K-2026-7QF3M9","status":"ontvangen","source":"web","locale":"nl","receivedAt":"2026-10-26T00:30:00+01:00","terms":{"received":"2026-10-26","confirmBy":"2026-11-04","answerBy":"2026-12-07","extendedAnswerBy":"2027-01-04"},"fingerprint":"sha256:4f1c","role":"bewoner","name":"Zo\\u00eb de Vries","email":"zoe@example.nl","phone":"06 12345678","address":"Lindenlaan 12, Utrecht","category":"onderhoud","complaint":"De lift is kapot. @beheer zie #12 en ```code```\\u202e!\\r\\nNog iets -\\u002d\\u003e","expectation":"Dat hij \\u003cb\\u003esnel\\u003c/b\\u003e wordt gemaakt.","earlier":"nee","extended":false,"events":[{"at":"2026-10-26T00:30:00+01:00","status":"ontvangen","by":"website"}],"notices":[],"messages":[]}',
        '-->',
        '## Klacht K-2026-7QF3M9',
        '',
        '> [!IMPORTANT]',
        '> Vertrouwelijk: deze klacht bevat persoonsgegevens. Deel de inhoud niet buiten deze repository.',
        '> Bewerk deze tekst niet zelf; de klachtentool schrijft hem (zie docs/github.md).',
        '',
        '- **Kenmerk:** K-2026-7QF3M9',
        '- **Status:** ontvangen',
        '- **Categorie:** Onderhoud en reparaties',
        '- **Ingediend door:** bewoner',
        '- **Ontvangen via:** het webformulier, op maandag 26 oktober 2026',
        '- **Taal:** Nederlands',
        '- **Eerder geklaagd over hetzelfde:** nee',
        '- **Behandelaar:** nog niet toegewezen',
        '',
        '### Termijnen',
        '',
        '- **Bevestiging met naam van de behandelaar:** uiterlijk woensdag 4 november 2026 (7 werkdagen na ontvangst)',
        '- **Gemotiveerd antwoord:** uiterlijk maandag 7 december 2026 (6 weken na ontvangst)',
        '- **Antwoord na verdaging (eenmaal, met bericht aan de klager):** uiterlijk maandag 4 januari 2027 (4 weken later)',
        '',
        '### Verloop',
        '',
        '- maandag 26 oktober 2026: ontvangen',
        '',
        '### De klacht',
        '',
        '````text',
        'De lift is kapot. @beheer zie #12 en ```code```!',
        'Nog iets -->',
        '````',
        '',
        '### Wat verwacht de klager van de bemiddeling?',
        '',
        '```text',
        'Dat hij <b>snel</b> wordt gemaakt.',
        '```',
        '',
        '### Contactgegevens',
        '',
        '#### Naam',
        '',
        '```text',
        'Zoë de Vries',
        '```',
        '',
        '#### E-mailadres',
        '',
        '```text',
        'zoe@example.nl',
        '```',
        '',
        '#### Telefoon',
        '',
        '```text',
        '06 12345678',
        '```',
        '',
        '#### Adres of complex',
        '',
        '```text',
        'Lindenlaan 12, Utrecht',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('reads back exactly what was submitted, control characters, bidi overrides and CRLF included', () => {
    expect(decode(encodeIssue(record, context))).toEqual(record);
  });

  it('keeps the machine block pure ASCII, without anything that could end the comment', () => {
    const { body } = encodeIssue({ ...record, complaint: '--> <!-- --!> ---- \u0000 😀 \u2028' }, context);
    const block = body.slice(0, body.indexOf('\n-->\n'));
    expect(block).toMatch(/^[\x20-\x7e\n]*$/);
    expect(block.slice('<!--'.length)).not.toMatch(/--|>/);
  });

  it('never reads a machine block a complainant typed into their text', () => {
    const forged = encodeIssue({ ...record, reference: 'K-2026-AAAAAA', status: 'afgesloten' }, context).body;
    const honest = { ...record, complaint: forged, expectation: `\n${forged}` };
    expect(decode(encodeIssue(honest, context))).toEqual(honest);
  });

  it('gives back any text exactly and shows it only inside code blocks', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'grapheme', maxLength: 50 }),
        (complaint, name) => {
          const submitted = { ...record, complaint, name };
          const encoded = encodeIssue(submitted, context);
          expect(decode(encoded)).toEqual(submitted);
          expect(encoded.body).toContain(fence(displayText(complaint)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a case too long for one issue body', () => {
  const long = {
    ...record,
    complaint: `${'Het lekt al weken. '.repeat(4000)}\u0001`.repeat(2),
    expectation: '`'.repeat(5000),
  };

  it("continues in comments, every page within GitHub's limit, and reads back whole", () => {
    const encoded = encodeIssue(long, context);
    expect(encoded.continuation?.length).toBeGreaterThan(1);
    for (const page of [encoded.body, ...(encoded.continuation ?? [])])
      expect(page.length).toBeLessThanOrEqual(maxPageLength);
    expect(decode(encoded)).toEqual(long);
    expect(decode(encoded, [...(encoded.continuation ?? [])].reverse())).toEqual(long);
    expect(
      decode(encoded, [...(encoded.continuation ?? []), ...(encoded.continuation ?? []), 'een opmerking']),
    ).toEqual(long);
  });

  it('is incomplete while a page is missing, and never mixes in pages of an older version', () => {
    const encoded = encodeIssue(long, context);
    const [, ...rest] = encoded.continuation ?? [];
    expect(() => decode(encoded, rest)).toThrow();
    try {
      decode(encoded, rest);
    } catch (error) {
      expect(errorTag(error)).toBe('incomplete');
    }
    const older = encodeIssue({ ...long, status: 'bevestigd' }, context);
    expect(decode(encoded, [...(older.continuation ?? []), ...(encoded.continuation ?? [])])).toEqual(long);
    expect(readPageHeader(encoded.body)).toMatchObject({
      reference: long.reference,
      part: 1,
      fingerprint: long.fingerprint,
    });
  });
});

describe('reading an issue that is not a valid case', () => {
  const failureOf = (body: string) => {
    try {
      decodeIssue({ title: '', body, labels: [] });
    } catch (error) {
      return errorTag(error);
    }
    return 'none';
  };

  it('fails on a body without a machine block, or with one that does not hold a valid case', () => {
    expect(failureOf('Een issue zonder gegevens.')).toBe('no-machine-block');
    const body = encodeIssue(record, context).body;
    expect(failureOf(body.replace('"status":"ontvangen"', '"status":"kwijt"'))).toBe('invalid');
    expect(failureOf(body.replace('"status":"ontvangen"', '"status":'))).toBe('invalid');
    expect(
      failureOf(body.replace('"reference":"K-2026-7QF3M9","status"', '"reference":"K-2026-BBBBBB","status"')),
    ).toBe('invalid');
  });
});
