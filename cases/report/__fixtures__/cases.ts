/**
 * The report fixture: cases around the second half of 2026 that cover every status, every
 * outcome, every satisfaction answer and the edges (received on the last day of a period and
 * handled in the next, extended in time and too late, confirmed or closed after the period, an
 * event that is 31 December in UTC but 1 January in Amsterdam, a repeat complaint not taken up).
 * Every case carries its own made-up personal data, so a test can look for each value in the output.
 *
 * The expected numbers are worked out by hand in `report.test.ts`; the comments here give each
 * case's terms as the reglement sets them.
 */
import { Temporal } from 'temporal-polyfill';
import type { Case, CaseEvent, Outcome, Status } from '../../case.ts';
import { makeCalendar } from '../../calendar.ts';
import type { Role } from '../../complaint.ts';
import { DEFAULT_TERMS_SETTINGS } from '../../default-terms.ts';
import { computeTerms } from '../../terms.ts';
import { aCase } from '../../../tests/support/case-fixture.ts';

export const fixtureCalendar = makeCalendar({ extraClosingDays: [], removedClosingDays: [] });

/** A local time in Amsterdam as an instant with its offset: `2026-07-01T09:00:00+02:00`. */
export function amsterdam(date: string, time = '10:00'): string {
  return Temporal.PlainDateTime.from(`${date}T${time}`)
    .toZonedDateTime('Europe/Amsterdam')
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

type Move = { status: Status; at: string; outcome?: Outcome };

type Answer = 'ja' | 'deels' | 'nee';

type Spec = {
  /** Number of the case: its personal data carry it. */
  n: number;
  receivedAt: string;
  category: string;
  role?: Role;
  moves?: Move[];
  satisfaction?: { answer: Answer; at: string };
  repeat?: boolean;
};

const move = (status: Status, date: string, outcome?: Outcome): Move => ({
  status,
  at: date.includes('T') ? date : amsterdam(date),
  ...(outcome === undefined ? {} : { outcome }),
});

/** The personal data of case `n`: distinct per case, so each value can be searched for. */
export function personalData(n: number) {
  const nn = String(n).padStart(2, '0');
  return {
    name: `Fixtura Klagersma-${nn}`,
    email: `klager.${nn}@fixture-post.test`,
    phone: `+31 6 5550 01${nn}`,
    address: `Proefstraat ${100 + n}, Fixturedorp`,
    complaint: `Fixtureklacht ${nn}: de lift in blok ${nn} staat al weken stil en niemand belt terug.`,
    expectation: `Fixtureverwachting ${nn}: een monteur deze week.`,
    concerns: `Fixturemedewerker ${nn} van de afdeling beheer`,
    whatIsNew: `Fixturenieuw ${nn}: sinds vorige maand ook lekkage.`,
    handler: `fixture-behandelaar-${nn}`,
    by: `fixture-login-${nn}`,
    reason: `Fixturereden ${nn}: wacht op de aannemer.`,
    report: `Fixtureverslag ${nn}: gesprek gevoerd met de klager.`,
    remark: `Fixtureopmerking ${nn}: eindelijk opgelost.`,
  };
}

function build(spec: Spec): Case {
  const data = personalData(spec.n);
  const moves = spec.moves ?? [];
  const events: CaseEvent[] = [
    { at: spec.receivedAt, status: 'ontvangen', by: 'website' },
    ...moves.map(
      (m): CaseEvent => ({
        at: m.at,
        status: m.status,
        by: data.by,
        ...(m.status === 'bevestigd' ? { handler: data.handler } : {}),
        ...(m.status === 'verdaagd' ? { reason: data.reason } : {}),
        ...(m.status === 'afgesloten' ? { report: data.report } : {}),
        ...(m.status === 'niet-in-behandeling' ? { earlierReference: 'K-2025-FX0001', reason: data.reason } : {}),
        ...(m.outcome === undefined ? {} : { outcome: m.outcome }),
      }),
    ),
  ];
  const last = moves.at(-1);
  const closing = moves.find((m) => m.status === 'afgesloten');
  return aCase({
    status: last?.status ?? 'ontvangen',
    receivedAt: spec.receivedAt,
    terms: computeTerms(spec.receivedAt, fixtureCalendar, DEFAULT_TERMS_SETTINGS),
    fingerprint: `sha256:fixture-${spec.n}`,
    role: spec.role ?? 'bewoner',
    name: data.name,
    email: data.email,
    phone: data.phone,
    address: data.address,
    category: spec.category,
    complaint: data.complaint,
    expectation: data.expectation,
    concerns: data.concerns,
    earlier: spec.repeat ? 'ja' : 'nee',
    ...(spec.repeat ? { whatIsNew: data.whatIsNew, earlierReference: 'K-2025-FX0001' } : {}),
    ...(moves.some((m) => m.status === 'bevestigd') ? { handler: data.handler } : {}),
    extended: moves.some((m) => m.status === 'verdaagd'),
    ...(closing?.outcome === undefined ? {} : { outcome: closing.outcome }),
    events,
    ...(spec.satisfaction ? { satisfaction: { ...spec.satisfaction, remark: data.remark } } : {}),
  });
}

/** The usual course of a case: confirmed, perhaps extended, answered, closed with an outcome; perhaps a satisfaction answer. */
type Course = {
  confirmed: string;
  extended?: string;
  answered: string;
  closed: [date: string, outcome: Outcome];
  satisfied?: [answer: Answer, date: string];
  role?: Role;
};

/** A case that ran the usual course, each move on its date (Amsterdam, 10:00 unless the date has a time). */
function handled(n: number, receivedAt: string, category: string, course: Course): Spec {
  const { confirmed, extended, answered, closed, satisfied, role } = course;
  return {
    n,
    receivedAt,
    category,
    ...(role === undefined ? {} : { role }),
    moves: [
      move('bevestigd', confirmed),
      ...(extended === undefined ? [] : [move('verdaagd', extended)]),
      move('beantwoord', answered),
      move('afgesloten', ...closed),
    ],
    ...(satisfied === undefined ? {} : { satisfaction: { answer: satisfied[0], at: amsterdam(satisfied[1]) } }),
  };
}

/** Cases received in the first half of 2026 whose handling runs into the second half. */
const lateInFirstHalf: Spec[] = [
  // Received on the last day of H1. confirmBy 2026-07-09, answerBy 2026-08-11, extended 2026-09-08.
  handled(1, amsterdam('2026-06-30', '16:00'), 'servicekosten', { role: 'opdrachtgever', confirmed: '2026-07-02', answered: '2026-08-11', closed: ['2026-08-25', 'ongegrond'], satisfied: ['nee', '2026-08-24'] }),
  // confirmBy 2026-06-10, answerBy 2026-07-13, extended 2026-08-10: extended in time, answered in the extension.
  handled(2, amsterdam('2026-06-01', '09:00'), 'onderhoud', { confirmed: '2026-06-03', extended: '2026-07-06', answered: '2026-08-07', closed: ['2026-08-14', 'gegrond'] }),
  // confirmBy 2026-06-02 (Tweede Pinksterdag skipped), answerBy 2026-07-02: the extension on
  // 2026-07-06 came after the answer date, so it does not count; answered late.
  handled(3, amsterdam('2026-05-21', '11:00'), 'overlast', { confirmed: '2026-05-26', extended: '2026-07-06', answered: '2026-07-20', closed: ['2026-07-31', 'gegrond'], satisfied: ['deels', '2026-07-28'] }),
];

/** Cases received and finished within the first half of 2026: they count only as the previous period's volume. */
const firstHalf: Spec[] = ['2026-01-12', '2026-01-26', '2026-02-09', '2026-02-23', '2026-03-09', '2026-03-23', '2026-04-13', '2026-04-20', '2026-05-04'].map(
  (date, index): Spec => {
    const day = Temporal.PlainDate.from(date);
    const after = (days: number) => day.add({ days }).toString();
    return handled(30 + index, amsterdam(date, '10:00'), 'onderhoud', { confirmed: after(2), answered: after(21), closed: [after(28), 'gegrond'] });
  },
);

/** The 17 cases received in the second half of 2026. */
const secondHalf: Spec[] = [
  // confirmBy 07-10, answerBy 08-12: confirmed after 2 working days, answered after 25.
  handled(11, amsterdam('2026-07-01', '09:00'), 'onderhoud', { confirmed: '2026-07-03', answered: '2026-08-05', closed: ['2026-08-20', 'gegrond'], satisfied: ['ja', '2026-08-19'] }),
  // confirmBy 07-15: confirmed late (9). answerBy 08-17, extended to 09-14 on 08-10; answered 09-10 (48).
  handled(12, amsterdam('2026-07-06', '10:00'), 'onderhoud', { confirmed: '2026-07-17', extended: '2026-08-10', answered: '2026-09-10', closed: ['2026-09-24', 'deels-gegrond'], satisfied: ['deels', '2026-09-22'] }),
  // confirmBy 07-24 (3). answerBy 08-26, not extended: answered late on 09-02 (35).
  handled(13, amsterdam('2026-07-15', '14:00'), 'overlast', { confirmed: '2026-07-20', answered: '2026-09-02', closed: ['2026-09-10', 'ongegrond'], satisfied: ['nee', '2026-09-09'] }),
  // confirmBy 08-11 (4). answerBy 09-11: answered 09-04 (25).
  handled(14, amsterdam('2026-07-31', '16:00'), 'overlast', { role: 'pand-eigenaar', confirmed: '2026-08-06', answered: '2026-09-04', closed: ['2026-09-18', 'opgelost-in-overleg'], satisfied: ['ja', '2026-09-17'] }),
  // A repeat complaint without new facts: not taken up on 08-06.
  {
    n: 15,
    receivedAt: amsterdam('2026-08-03', '08:30'),
    category: 'onderhoud',
    repeat: true,
    moves: [move('niet-in-behandeling', '2026-08-06')],
  },
  // confirmBy 08-21 (2). Withdrawn and closed on 09-01 without an answer step: answered then (14).
  {
    n: 16,
    receivedAt: amsterdam('2026-08-12', '11:00'),
    category: 'communicatie',
    moves: [move('bevestigd', '2026-08-14'), move('afgesloten', '2026-09-01', 'ingetrokken')],
  },
  // confirmBy 09-02 (2). answerBy 10-05: answered 10-01 (28).
  handled(17, amsterdam('2026-08-24', '09:00'), 'onderhoud', { role: 'pand-eigenaar', confirmed: '2026-08-26', answered: '2026-10-01', closed: ['2026-10-20', 'gegrond'], satisfied: ['ja', '2026-10-19'] }),
  // confirmBy 09-17 (5). answerBy 10-20: answered 10-15 (27). Satisfaction only in January: no reply yet.
  handled(18, amsterdam('2026-09-08', '13:00'), 'overlast', { confirmed: '2026-09-15', answered: '2026-10-15', closed: ['2026-10-30', 'gegrond'], satisfied: ['ja', '2027-01-10'] }),
  // confirmBy 10-09 (2). answerBy 11-11, extended to 12-09 on 11-04; answered late on 12-15 (54), not closed.
  {
    n: 19,
    receivedAt: amsterdam('2026-09-30', '10:00'),
    category: 'onderhoud',
    moves: [move('bevestigd', '2026-10-02'), move('verdaagd', '2026-11-04'), move('beantwoord', '2026-12-15')],
  },
  // confirmBy 10-14 (2). Extended on 11-10 to 12-14, still not answered at the end: overdue, 62 working days.
  {
    n: 20,
    receivedAt: amsterdam('2026-10-05', '09:00'),
    category: 'overlast',
    moves: [move('bevestigd', '2026-10-07'), move('verdaagd', '2026-11-10')],
  },
  // 23:30 UTC on Sunday 25 October is Monday 26 October in Amsterdam. confirmBy 11-04: confirmed
  // late on 11-05 (8). answerBy 12-07: answered 12-03 (28).
  handled(21, '2026-10-25T23:30:00Z', 'onderhoud', { confirmed: '2026-11-05', answered: '2026-12-03', closed: ['2026-12-21', 'deels-gegrond'], satisfied: ['ja', '2026-12-18'] }),
  // Never confirmed (confirmBy 11-10) nor answered (answerBy 12-11): overdue, 43 working days.
  { n: 22, receivedAt: amsterdam('2026-10-30', '12:00'), category: 'gedrag' },
  // confirmBy 11-25 (1). answerBy 12-28: answered 12-22 (26); closed only in January.
  handled(23, amsterdam('2026-11-16', '09:00'), 'onderhoud', { confirmed: '2026-11-17', answered: '2026-12-22', closed: ['2027-01-05', 'gegrond'] }),
  // confirmBy 12-09 (6). answerBy 2027-01-11: still open at the end, 22 working days.
  {
    n: 24,
    receivedAt: amsterdam('2026-11-30', '15:00'),
    category: 'communicatie',
    role: 'pand-eigenaar',
    moves: [move('bevestigd', '2026-12-08')],
  },
  // confirmBy 12-10 (2). Resolved by agreement and closed on 12-10 (answered then); answer term in 2027.
  {
    n: 25,
    receivedAt: amsterdam('2026-12-01', '10:00'),
    category: 'onderhoud',
    moves: [move('bevestigd', '2026-12-03'), move('afgesloten', '2026-12-10', 'opgelost-in-overleg')],
    satisfaction: { answer: 'nee', at: amsterdam('2026-12-15') },
  },
  // Confirmed at 23:30 UTC on 31 December, which is 1 January in Amsterdam: after the period. 5 working days.
  {
    n: 26,
    receivedAt: amsterdam('2026-12-23', '11:00'),
    category: 'communicatie',
    moves: [move('bevestigd', '2026-12-31T23:30:00Z')],
  },
  // Received on the last evening of the period, confirmed and answered in the next: open, 0 working days.
  {
    n: 27,
    receivedAt: amsterdam('2026-12-31', '22:00'),
    category: 'overlast',
    moves: [move('bevestigd', '2027-01-04'), move('beantwoord', '2027-01-20')],
  },
];

/** A case received after the period: it must not count anywhere. */
const afterwards: Spec[] = [
  { n: 40, receivedAt: amsterdam('2027-01-05', '10:00'), category: 'gedrag', moves: [move('bevestigd', '2027-01-06')] },
];

/**
 * All fixture cases, oldest first, as a store lists them.
 *
 * @example
 * computeStats(fixtureCases(), { period: halfYear('2026-H2'), calendar: fixtureCalendar, … });
 */
export function fixtureCases(): Case[] {
  return [...firstHalf, ...lateInFirstHalf, ...secondHalf, ...afterwards]
    .map(build)
    .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
}

/** The previous report's action points, as the H1 report left them (one ticked, one struck, one open, one placeholder). */
export const previousReportMarkdown = `---
title: Klachtenrapportage eerste halfjaar 2026
locale: nl
period: 2026-H1
from: '2026-01-01'
to: '2026-06-30'
example: false
---

# Klachtenrapportage eerste halfjaar 2026

## Evaluatie

Het ging goed.

## Actiepunten

Wat we de komende periode gaan doen.

- [x] Reparatieverzoeken binnen 2 werkdagen inplannen
- [ ] Servicekostenafrekening in begrijpelijke taal, vragen aan jan.jansen@example.nl of 06-12345678
- [ ] ~~Klachtenspreekuur op zaterdag~~
- [ ] ✎ Voor de klachtencoördinator: vervang deze regel door een actiepunt (één per regel).
`;

/** The action points the site's example report closes the loop on: like the H1 report's, without the personal data planted there for the scrub test. */
export const exampleActionPoints = [
  { title: 'Reparatieverzoeken binnen 2 werkdagen inplannen', state: 'afgerond' },
  { title: 'Servicekostenafrekening in begrijpelijke taal', state: 'open' },
  { title: 'Klachtenspreekuur op zaterdag', state: 'vervallen' },
] as const;
