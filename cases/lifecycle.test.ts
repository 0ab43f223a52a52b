import { describe, expect, it } from 'vitest';
import { aCase } from '../tests/support/case-fixture.ts';
import { makeCalendar } from './calendar.ts';
import { parseCase, statuses, type Case, type Status } from './case.ts';
import {
  applyMove,
  awaitsAnswer,
  isOpen,
  moveNote,
  possibleMoves,
  type Move,
  type MoveContext,
  type MoveResult,
} from './lifecycle.ts';

const people = [
  { id: 'jan-de-vries', name: 'Jan de Vries', login: 'jdevries', department: 'Onderhoud' },
  { id: 'fatma-yilmaz', name: 'Fatma Yılmaz', login: 'fyilmaz', department: 'Klantcontact' },
];
const context: MoveContext = {
  at: '2026-10-28T10:00:00+01:00',
  by: 'coordinator',
  timeZone: 'Europe/Amsterdam',
  people,
  calendar: makeCalendar({ extraClosingDays: [], removedClosingDays: [] }),
  reopenWeeks: 4,
};

function move(record: Case, m: Move, overrides: Partial<MoveContext> = {}): MoveResult {
  return applyMove(record, m, { ...context, ...overrides });
}

function moved(record: Case, m: Move, overrides: Partial<MoveContext> = {}): Case {
  const result = move(record, m, overrides);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.case;
}

function refusal(record: Case, m: Move, overrides: Partial<MoveContext> = {}): string {
  const result = move(record, m, overrides);
  if (result.ok) throw new Error(`expected a refusal, got status ${result.case.status}`);
  return result.reason;
}

const confirm: Move = { type: 'confirm', handler: 'fatma-yilmaz' };
const extend: Move = { type: 'extend', reason: 'We wachten op het rapport van de liftmonteur.' };
const answerText = 'Wij hebben de lift laten nakijken.\n\nUw klacht is gegrond.';
const answer: Move = { type: 'answer', text: answerText, report: 'https://example.org/verslag.pdf' };

describe('applyMove', () => {
  it('walks a case through its whole life, one event per move, each a valid case', () => {
    let record = aCase();
    record = moved(record, confirm);
    record = moved(record, extend);
    record = moved(record, answer);
    record = moved(record, { type: 'close', outcome: 'deels-gegrond' });
    expect(record.status).toBe('afgesloten');
    expect(record.handler).toBe('fatma-yilmaz');
    expect(record.extended).toBe(true);
    expect(record.outcome).toBe('deels-gegrond');
    expect(record.events.map((event) => event.status)).toEqual([
      'ontvangen',
      'bevestigd',
      'verdaagd',
      'beantwoord',
      'afgesloten',
    ]);
    expect(record.events.at(-3)).toEqual({
      at: context.at,
      status: 'verdaagd',
      by: 'coordinator',
      reason: 'We wachten op het rapport van de liftmonteur.',
    });
    expect(record.answers).toEqual([
      { at: context.at, by: 'coordinator', text: answerText, report: 'https://example.org/verslag.pdf' },
    ]);
    expect(parseCase(record)).toEqual(record);
  });

  it('leaves the case it was given unchanged', () => {
    const record = aCase();
    const copy = structuredClone(record);
    moved(record, confirm);
    expect(record).toEqual(copy);
  });

  it('records the handler by person id when the coordinator names the GitHub login', () => {
    const result = move(aCase(), { type: 'confirm', handler: '@FYilmaz' });
    expect(result.ok && result.case.handler).toBe('fatma-yilmaz');
    expect(result.ok && result.event).toEqual({
      at: context.at,
      status: 'bevestigd',
      by: 'coordinator',
      handler: 'fatma-yilmaz',
    });
  });

  it('answers without extending, and without a report', () => {
    const record = moved(moved(aCase(), confirm), { type: 'answer', text: answerText });
    expect(record.status).toBe('beantwoord');
    expect(record.extended).toBe(false);
    expect(record.answers?.[0]).not.toHaveProperty('report');
  });

  it('refuses an answer without text, saying what the answer must hold', () => {
    const result = move(moved(aCase(), confirm), { type: 'answer', text: '  \n ' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/Het antwoord is leeg.*templates\/answer/);
  });

  it('refuses an answer longer than a GitHub comment can preview', () => {
    const result = move(moved(aCase(), confirm), { type: 'answer', text: 'x'.repeat(30_001) });
    expect(!result.ok && result.reason).toMatch(/te lang: hoogstens 30000 tekens/);
  });

  it('records the sent answer once and drops the draft that was previewed', () => {
    const draft = { at: context.at, by: 'coordinator', text: 'concept' };
    const record = moved({ ...moved(aCase(), confirm), answerDraft: draft }, answer);
    expect(record.answerDraft).toBeUndefined();
    expect(record.answers).toHaveLength(1);
  });

  it('marks a repeat complaint as not taken up, naming the earlier case in upper case', () => {
    const record = moved(aCase({ earlier: 'ja', whatIsNew: 'niets' }), {
      type: 'not-taken-up',
      earlierReference: 'k-2025-abcdef',
    });
    expect(record.status).toBe('niet-in-behandeling');
    expect(record.earlierReference).toBe('K-2025-ABCDEF');
    expect(record.events.at(-1)?.earlierReference).toBe('K-2025-ABCDEF');
  });

  it('closes a withdrawn complaint from any open status', () => {
    for (const record of [aCase(), moved(aCase(), confirm), moved(moved(aCase(), confirm), extend)]) {
      expect(moved(record, { type: 'close', outcome: 'ingetrokken' }).status).toBe('afgesloten');
    }
  });

  it('refuses to close an unanswered complaint with any outcome but a withdrawal', () => {
    expect(refusal(moved(aCase(), confirm), { type: 'close', outcome: 'gegrond' })).toMatch(
      /pas als de klacht is beantwoord/,
    );
  });

  it('refuses to extend twice', () => {
    expect(refusal(moved(moved(aCase(), confirm), extend), extend)).toMatch(/maar één keer/);
  });

  it('refuses to extend once the answer term has passed', () => {
    const record = moved(aCase(), confirm);
    // answerBy is 2026-12-07: still possible that day, not the day after (Amsterdam time).
    expect(move(record, extend, { at: '2026-12-07T23:30:00+01:00' }).ok).toBe(true);
    expect(refusal(record, extend, { at: '2026-12-07T23:30:00Z' })).toMatch(/liep af op 2026-12-07/);
  });

  it('refuses an extension without a reason', () => {
    expect(refusal(moved(aCase(), confirm), { type: 'extend', reason: '  ' })).toMatch(/Geef een reden/);
  });

  it('refuses to extend or answer before the case is confirmed', () => {
    expect(refusal(aCase(), extend)).toMatch(/Bevestig de klacht eerst/);
    expect(refusal(aCase(), answer)).toMatch(/Bevestig de klacht eerst/);
  });

  it('refuses to confirm twice', () => {
    expect(refusal(moved(aCase(), confirm), confirm)).toMatch(/al bevestigd/);
  });

  it('refuses every move on a closed case', () => {
    const closed = moved(moved(moved(aCase(), confirm), answer), { type: 'close', outcome: 'ongegrond' });
    const notTakenUp = moved(aCase(), { type: 'not-taken-up', earlierReference: 'K-2025-ABCDEF' });
    const all: Move[] = [confirm, extend, answer, { type: 'close', outcome: 'ingetrokken' }];
    for (const m of all) {
      expect(refusal(closed, m)).toMatch(/al afgesloten/);
      expect(refusal(notTakenUp, m)).toMatch(/niet in behandeling genomen/);
    }
  });

  it('refuses to mark a confirmed case as not taken up', () => {
    expect(refusal(moved(aCase(), confirm), { type: 'not-taken-up', earlierReference: 'K-2025-ABCDEF' })).toMatch(
      /nog niet is bevestigd/,
    );
  });

  it('refuses an earlier reference that is not a reference, or is the case itself', () => {
    const record = aCase();
    expect(refusal(record, { type: 'not-taken-up', earlierReference: '#12' })).toMatch(/geen kenmerk/);
    expect(refusal(record, { type: 'not-taken-up', earlierReference: record.reference })).toMatch(/naar zichzelf/);
  });

  it('refuses a handler who is not a configured person', () => {
    expect(refusal(aCase(), { type: 'confirm', handler: 'onbekend' })).toMatch(/geen bekende behandelaar/);
  });

  it('refuses the person the complaint is about as handler', () => {
    const record = aCase({ concerns: 'Meneer de Vries van de monteurs' });
    expect(refusal(record, { type: 'confirm', handler: 'jdevries' })).toMatch(
      /Jan de Vries kan deze klacht niet behandelen/,
    );
    expect(moved(record, confirm).handler).toBe('fatma-yilmaz');
  });

  it('refuses an outcome that does not exist', () => {
    const answered = moved(moved(aCase(), confirm), answer);
    expect(refusal(answered, { type: 'close', outcome: 'misschien' } as unknown as Move)).toMatch(/geen uitkomst/);
  });
});

describe('possibleMoves', () => {
  it('lists what can follow each status', () => {
    const confirmed = moved(aCase(), confirm);
    expect(possibleMoves(aCase())).toEqual(['confirm', 'close', 'not-taken-up']);
    expect(possibleMoves(confirmed)).toEqual(['extend', 'answer', 'close']);
    expect(possibleMoves(moved(confirmed, extend))).toEqual(['answer', 'close']);
    expect(possibleMoves(moved(confirmed, answer))).toEqual(['close', 'reopen']);
    expect(possibleMoves({ status: 'afgesloten', extended: false })).toEqual(['reopen']);
    expect(possibleMoves({ status: 'heropend', extended: false })).toEqual(['answer', 'close']);
    expect(possibleMoves({ status: 'niet-in-behandeling', extended: false })).toEqual([]);
  });
});

describe('moveNote', () => {
  it('keeps the reason of an extension and the report out of the history line', () => {
    const confirmed = moved(aCase(), confirm);
    const extended = move(confirmed, extend);
    const answered = move(confirmed, answer);
    expect(extended.ok && moveNote(extended)).toBe('termijn verdaagd');
    expect(answered.ok && moveNote(answered)).toBe('beantwoord, met verslag');
  });
});

describe('where a case stands', () => {
  // Per status: still being worked on, and still owed the reasoned answer.
  const standing: Record<Status, [open: boolean, awaitsAnswer: boolean]> = {
    ontvangen: [true, true],
    bevestigd: [true, true],
    verdaagd: [true, true],
    beantwoord: [true, false],
    heropend: [true, true],
    afgesloten: [false, false],
    'niet-in-behandeling': [false, false],
  };

  it.each(statuses)('knows whether a case that is %s is open and awaits an answer', (status) => {
    expect([isOpen({ status }), awaitsAnswer({ status })]).toEqual(standing[status]);
  });
});

describe('reopening', () => {
  const reopen: Move = { type: 'reopen', reason: 'De lekkage is nog niet verholpen.' };
  const answered = () => moved(moved(aCase(), confirm), answer);
  const later = { at: '2026-12-14T10:00:00+01:00' };

  it('reopens an answered case with a new answer term four weeks on, the reason recorded', () => {
    const result = move(answered(), reopen, later);
    expect(result.ok && result.case.status).toBe('heropend');
    expect(result.ok && result.event).toEqual({
      at: later.at,
      status: 'heropend',
      by: 'coordinator',
      reason: 'De lekkage is nog niet verholpen.',
      answerBy: '2027-01-11',
    });
  });

  it('moves the new term past Kerstmis and Nieuwjaarsdag to the next working day', () => {
    const result = move(answered(), reopen, { at: '2026-12-04T10:00:00+01:00' });
    // Four weeks after Friday 4 December is Friday 1 January 2027, Nieuwjaarsdag: Monday 4 January.
    expect(result.ok && result.event.answerBy).toBe('2027-01-04');
  });

  it('reopens a closed case too, taking its outcome off (the history keeps it)', () => {
    const closed = moved(answered(), { type: 'close', outcome: 'ongegrond' });
    const reopened = moved(closed, reopen, later);
    expect(reopened.status).toBe('heropend');
    expect(reopened.outcome).toBeUndefined();
    expect(reopened.events.find((event) => event.status === 'afgesloten')?.outcome).toBe('ongegrond');
    expect(isOpen(reopened) && awaitsAnswer(reopened)).toBe(true);
  });

  it('takes the reopened case through a new answer to a new close', () => {
    let record = moved(answered(), reopen, later);
    record = moved(record, answer, { at: '2027-01-05T10:00:00+01:00' });
    record = moved(record, { type: 'close', outcome: 'opgelost-in-overleg' }, { at: '2027-01-06T10:00:00+01:00' });
    expect(record.events.map((event) => event.status)).toEqual([
      'ontvangen',
      'bevestigd',
      'beantwoord',
      'heropend',
      'beantwoord',
      'afgesloten',
    ]);
    expect(record.outcome).toBe('opgelost-in-overleg');
  });

  it('reopens a case once; again only when a coordinator overrides on purpose', () => {
    const once = moved(moved(answered(), reopen, later), answer, { at: '2027-01-05T10:00:00+01:00' });
    expect(refusal(once, reopen)).toMatch(/al eens heropend \(2026-12-14\).*bewust/);
    const twice = move(once, { ...reopen, override: true }, { at: '2027-01-08T10:00:00+01:00' });
    expect(twice.ok && twice.event).toMatchObject({ status: 'heropend', override: true, answerBy: '2027-02-05' });
  });

  it('refuses to reopen a case not yet answered, one not taken up, one withdrawn, or one without a reason', () => {
    expect(refusal(moved(aCase(), confirm), reopen)).toMatch(/pas als de klacht is beantwoord/);
    expect(refusal(moved(aCase(), { type: 'not-taken-up', earlierReference: 'K-2025-7QF3M9' }), reopen)).toMatch(
      /niet in behandeling is genomen/,
    );
    expect(refusal(moved(answered(), { type: 'close', outcome: 'ingetrokken' }), reopen)).toMatch(/ingetrokken/);
    expect(refusal(answered(), { type: 'reopen', reason: '  ' })).toMatch(/Geef een reden/);
    expect(refusal(moved(answered(), reopen), reopen)).toMatch(/al heropend/);
  });

  it('lets a reopened case be withdrawn, but not extended', () => {
    const reopened = moved(answered(), reopen, later);
    expect(moved(reopened, { type: 'close', outcome: 'ingetrokken' }).status).toBe('afgesloten');
    expect(refusal(reopened, extend)).toMatch(/Verdagen kan alleen/);
  });

  it('writes a history line with the new date and nothing of the reason', () => {
    const result = move(answered(), reopen, later);
    expect(result.ok && moveNote(result)).toBe('heropend, nieuw antwoord uiterlijk 2027-01-11');
  });
});
