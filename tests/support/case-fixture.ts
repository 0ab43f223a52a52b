import type { Case } from '../../cases/case.ts';

let counter = 0;

/**
 * A valid case record for tests; every call gets its own reference and fingerprint.
 *
 * @example
 * const record = aCase({ name: 'Zoë' });
 */
export function aCase(overrides: Partial<Case> = {}): Case {
  counter += 1;
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let suffix = '';
  for (let n = counter; suffix.length < 6; n = Math.floor(n / 32)) suffix = alphabet[n % 32] + suffix;
  return {
    reference: `K-2026-${suffix}`,
    status: 'ontvangen',
    source: 'web',
    locale: 'nl',
    receivedAt: '2026-10-26T00:30:00+01:00',
    terms: { received: '2026-10-26', confirmBy: '2026-11-04', answerBy: '2026-12-07', extendedAnswerBy: '2027-01-04' },
    fingerprint: `sha256:test-${counter}`,
    role: 'bewoner',
    name: 'Anna de Vries',
    email: 'anna@example.nl',
    address: 'Lindenlaan 12, Utrecht',
    category: 'onderhoud',
    complaint: 'De lift is al drie weken kapot.',
    expectation: 'Dat de lift deze week wordt gemaakt.',
    earlier: 'nee',
    extended: false,
    events: [{ at: '2026-10-26T00:30:00+01:00', status: 'ontvangen', by: 'website' }],
    notices: [],
    messages: [],
    ...overrides,
  };
}

/**
 * The overrides that close a case on `closedOn` (a date) as well-founded, received as `aCase`
 * receives it; none for a case still open (`closedOn` undefined).
 *
 * @example
 * const old = aCase({ name: 'Oud', ...closedOnOverrides('2026-11-30') });
 */
export function closedOnOverrides(closedOn: string | undefined): Partial<Case> {
  if (closedOn === undefined) return {};
  return {
    status: 'afgesloten',
    outcome: 'gegrond',
    events: [
      { at: '2026-10-26T00:30:00+01:00', status: 'ontvangen', by: 'website' },
      { at: `${closedOn}T10:00:00+01:00`, status: 'afgesloten', outcome: 'gegrond' },
    ],
  };
}
