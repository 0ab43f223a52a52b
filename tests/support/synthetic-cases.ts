// Synthetic cases for the benchmarks and the tests at scale: made-up people, every state of a
// case, receipt dates spread over a year, the same cases on every run (a seeded generator).
import type { Case, CaseEvent, Outcome } from '../../cases/case.ts';
import { makeCalendar } from '../../cases/calendar.ts';
import { parseConfig } from '../../cases/config.ts';
import { termsForReceiptDate, type Terms } from '../../cases/terms.ts';
import configInput from '../../klachten.config.ts';
import { registerRecordOf, type RegisterRecord } from '../../cases/register/record.ts';

const config = parseConfig(configInput);
const calendar = makeCalendar(config.terms);

/**
 * A seeded random generator (mulberry32).
 *
 * @example
 * const next = random(1000); next() // 0 ≤ n < 1, the same on every run
 */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/**
 * The reference of the n-th synthetic case of a year.
 *
 * @example
 * syntheticReference(2026, 0) // 'K-2026-000000'
 */
export function syntheticReference(year: number, index: number): string {
  let suffix = '';
  for (let n = index; suffix.length < 6; n = Math.floor(n / 32)) suffix = alphabet[n % 32] + suffix;
  return `K-${year}-${suffix}`;
}

const termsCache = new Map<string, Terms>();
const termsOf = (date: string) => {
  let terms = termsCache.get(date);
  if (!terms) termsCache.set(date, (terms = termsForReceiptDate(date, calendar, config.terms)));
  return terms;
};

function isoDay(start: number, offset: number): string {
  return new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
}

const outcomes: Outcome[] = ['gegrond', 'deels-gegrond', 'ongegrond', 'opgelost-in-overleg', 'ingetrokken'];
const roles = ['bewoner', 'bewoner', 'bewoner', 'pand-eigenaar', 'opdrachtgever'] as const;

/**
 * One synthetic case received in 2026, somewhere along its way, with made-up personal data.
 *
 * @example
 * const next = random(1); syntheticCase(0, next).reference // 'K-2026-000000'
 */
export function syntheticCase(index: number, next: () => number): Case {
  const received = isoDay(Date.UTC(2026, 0, 1), Math.floor(next() * 365));
  const terms = termsOf(received);
  const at = (date: string) => `${date}T10:00:00Z`;
  const day = (from: string, days: number) => isoDay(Date.parse(from), days);
  const events: CaseEvent[] = [{ at: at(received), status: 'ontvangen', by: 'website' }];
  const roll = next();
  let status: Case['status'] = 'ontvangen';
  let outcome: Outcome | undefined;
  if (roll < 0.05) {
    events.push({ at: at(day(received, 3)), status: 'niet-in-behandeling' });
    status = 'niet-in-behandeling';
  } else if (roll > 0.1) {
    events.push({ at: at(day(received, 1 + Math.floor(next() * 12))), status: 'bevestigd', handler: 'behandelaar' });
    status = 'bevestigd';
    if (next() < 0.15) {
      events.push({ at: at(day(received, 30)), status: 'verdaagd' });
      status = 'verdaagd';
    }
    if (roll > 0.2) {
      const answered = day(received, 10 + Math.floor(next() * 60));
      events.push({ at: at(answered), status: 'beantwoord' });
      outcome = outcomes[Math.floor(next() * outcomes.length)] ?? 'gegrond';
      events.push({ at: at(day(answered, 7)), status: 'afgesloten', outcome });
      status = 'afgesloten';
    }
  }
  const category = config.categories[Math.floor(next() * config.categories.length)]?.id ?? 'overig';
  const answer = next();
  return {
    reference: syntheticReference(2026, index),
    status,
    source: 'web',
    locale: 'nl',
    receivedAt: at(received),
    terms,
    fingerprint: `sha256:bench-${index}`,
    role: roles[Math.floor(next() * roles.length)] ?? 'bewoner',
    name: `Bench Persoon ${index}`,
    email: `persoon${index}@bench.test`,
    address: `Benchstraat ${index}, Teststad`,
    category,
    complaint: `Synthetische klacht ${index}: de verwarming doet het niet en de monteur kwam niet opdagen.`,
    expectation: 'Dat het snel wordt gemaakt.',
    earlier: 'nee',
    extended: events.some((event) => event.status === 'verdaagd'),
    ...(outcome === undefined ? {} : { outcome }),
    events,
    notices: [],
    messages: [],
    ...(status === 'afgesloten' && answer < 0.7
      ? {
          satisfaction: {
            answer: answer < 0.4 ? 'ja' : answer < 0.55 ? 'deels' : 'nee',
            at: events.at(-1)?.at ?? at(received),
          },
        }
      : {}),
  } as Case;
}

/**
 * The register records of `count` synthetic cases, as one register year's lines would hold them.
 *
 * @example
 * syntheticRecords(50_000).length // 50000
 */
export function syntheticRecords(count: number, seed = count): RegisterRecord[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, index) => registerRecordOf(syntheticCase(index, next)));
}
