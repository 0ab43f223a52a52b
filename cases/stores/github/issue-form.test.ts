import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/support/case-fixture.ts';
import { caseFromIssueForm, decodeIssueForm, isIssueFormBody } from './issue-form.ts';
import { encodeIssue } from './issue-format.ts';

const categories = [
  { id: 'onderhoud', label: { nl: 'Onderhoud en reparaties', en: 'Maintenance' } },
  { id: 'overlast', label: { nl: 'Overlast', en: 'Nuisance' } },
];
const context = { categories };
const record = aCase();

describe('complaints registered with the issue form', () => {
  const form = (overrides: Record<string, string> = {}) => {
    const fields: Record<string, string> = {
      'Ontvangen via': 'brief',
      'Datum van ontvangst': '_No response_',
      'Taal van de klager': 'Engels',
      'Wie dient de klacht in?': 'pand-eigenaar',
      Naam: 'Piet Pieters',
      'E-mailadres': 'piet@example.nl',
      Telefoonnummer: '_No response_',
      'Adres of complex': 'Dorpsstraat 1',
      'Waar gaat de klacht over?': 'Overlast',
      'De klacht': 'Regel één\n\n### Geen kop\nRegel twee',
      'Wat verwacht de klager van de bemiddeling?': 'Excuses.',
      'Over wie of welke afdeling': '_No response_',
      'Eerder geklaagd over hetzelfde?': 'nee',
      'Wat is er nieuw sinds de eerdere klacht?': '_No response_',
      ...overrides,
    };
    return Object.entries(fields)
      .map(([heading, value]) => `### ${heading}\n\n${value}`)
      .join('\n\n');
  };

  it('reads the fields of a rendered form, text with heading-like lines included', () => {
    expect(isIssueFormBody(form())).toBe(true);
    expect(isIssueFormBody(encodeIssue(record, context).body)).toBe(false);
    expect(decodeIssueForm(form(), categories)).toEqual({
      ok: true,
      fields: {
        source: 'brief',
        locale: 'en',
        role: 'pand-eigenaar',
        name: 'Piet Pieters',
        email: 'piet@example.nl',
        address: 'Dorpsstraat 1',
        category: 'overlast',
        complaint: 'Regel één\n\n### Geen kop\nRegel twee',
        expectation: 'Excuses.',
        earlier: 'nee',
      },
    });
    expect(decodeIssueForm(form().replaceAll('\n', '\r\n'), categories)).toMatchObject({ ok: true });
  });

  it('names what is missing or invalid instead of guessing', () => {
    const body = form({
      Naam: '_No response_',
      'Waar gaat de klacht over?': 'Iets anders',
      'Eerder geklaagd over hetzelfde?': 'ja',
      'Datum van ontvangst': '20-11-2026',
    });
    expect(decodeIssueForm(body, categories)).toEqual({
      ok: false,
      problems: [
        'Waar gaat de klacht over?',
        'Datum van ontvangst',
        'Naam',
        'Wat is er nieuw sinds de eerdere klacht?',
      ],
    });
  });

  it('turns the fields into a valid case in status ontvangen', () => {
    const decoded = decodeIssueForm(form({ 'Datum van ontvangst': '2026-11-20' }), categories);
    if (!decoded.ok) throw new Error('form not read');
    const made = caseFromIssueForm(decoded.fields, {
      reference: 'K-2026-7QF3M9',
      receivedAt: '2026-11-20T12:00:00Z',
      terms: {
        received: '2026-11-20',
        confirmBy: '2026-12-01',
        answerBy: '2027-01-04',
        extendedAnswerBy: '2027-02-01',
      },
      fingerprint: 'sha256:x',
      by: 'coordinator',
    });
    expect(made).toMatchObject({
      status: 'ontvangen',
      source: 'brief',
      locale: 'en',
      extended: false,
      events: [{ by: 'coordinator' }],
    });
    expect(made).not.toHaveProperty('receivedOn');
  });
});
