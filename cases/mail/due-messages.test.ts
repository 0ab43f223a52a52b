import { describe, expect, it } from 'vitest';
import { aCase } from '../../tests/support/case-fixture.ts';
import { answeredCase, confirmedCase } from '../../tests/support/mail-fixture.ts';
import type { Case } from '../case.ts';
import { extendedCase, notTakenUp, sent } from './__fixtures__/cases.ts';
import { dueMessages, inFlightTimeoutMs, retryWindowDays } from './due-messages.ts';

const now = new Date('2026-11-02T09:00:00Z');
const confirmed = confirmedCase;
const answered = answeredCase;
const kinds = (record: Case, at = now, running?: ReadonlySet<string>) =>
  dueMessages(record, at, running).map((message) => message.kind);

describe('which messages are due', () => {
  it('is the receipt for a case just filed', () => {
    expect(dueMessages(aCase(), now)).toEqual([
      { kind: 'receipt', audience: 'complainant', since: '2026-10-26T00:30:00+01:00', retry: false, ambiguous: false },
    ]);
  });

  it('is nothing once the receipt is recorded as sent', () => {
    expect(kinds(aCase({ messages: [sent('receipt')] }))).toEqual([]);
  });

  it('is the confirmation once the case is confirmed, and the receipt first if it never went', () => {
    expect(kinds(confirmed())).toEqual(['confirmation']);
    expect(kinds(confirmed({ messages: [] }))).toEqual(['receipt', 'confirmation']);
  });

  it('is the extension notice once the term is extended, after the confirmation if that is still owed', () => {
    const extended = extendedCase('2026-11-01T10:00:00+01:00', 'Wachten op de aannemer.');
    expect(kinds(extended)).toEqual(['confirmation', 'extension']);
  });

  it('is the answer notice and then the satisfaction question once the case is answered', () => {
    expect(kinds(answered())).toEqual(['answer', 'satisfaction']);
    expect(kinds(aCase({ ...answered(), status: 'afgesloten', outcome: 'gegrond' }))).toEqual([
      'answer',
      'satisfaction',
    ]);
  });

  it('drops a receipt or confirmation not yet sent once the case was answered: the answer says it all', () => {
    expect(kinds(answered({ messages: [] }))).toEqual(['answer', 'satisfaction']);
  });

  it('is no satisfaction question once the complainant answered it, and a notice to the coordinators after a "no"', () => {
    const at = '2026-11-02T08:00:00Z';
    const done = [sent('receipt'), sent('confirmation'), sent('answer'), sent('satisfaction')];
    expect(kinds(answered({ messages: done, satisfaction: { answer: 'ja', at } }))).toEqual([]);
    expect(kinds(answered({ messages: done, satisfaction: { answer: 'deels', at } }))).toEqual([]);
    expect(dueMessages(answered({ messages: done, satisfaction: { answer: 'nee', at } }), now)).toEqual([
      { kind: 'dissatisfied', audience: 'coordinators', since: at, retry: false, ambiguous: false },
    ]);
  });

  it('is nothing for a withdrawn complaint', () => {
    expect(kinds(aCase({ ...answered(), status: 'afgesloten', outcome: 'ingetrokken' }))).toEqual([]);
  });

  it('is the not-taken-up notice once a repeat complaint is not taken up, and nothing else', () => {
    expect(dueMessages(notTakenUp(), now)).toEqual([
      {
        kind: 'not-taken-up',
        audience: 'complainant',
        since: '2026-10-28T09:00:00+01:00',
        retry: false,
        ambiguous: false,
      },
    ]);
  });

  it('drops a receipt not yet sent once the complaint is not taken up: it would promise a confirmation', () => {
    expect(kinds(notTakenUp({ messages: [] }))).toEqual(['not-taken-up']);
  });

  it('is nothing once the not-taken-up notice is recorded as sent', () => {
    expect(kinds(notTakenUp({ messages: [sent('receipt'), sent('not-taken-up')] }))).toEqual([]);
  });

  it(`gives up the not-taken-up notice ${retryWindowDays} days after the move`, () => {
    const day = 24 * 60 * 60 * 1000;
    const moved = Date.parse('2026-10-28T09:00:00+01:00');
    expect(kinds(notTakenUp(), new Date(moved + retryWindowDays * day))).toEqual(['not-taken-up']);
    expect(kinds(notTakenUp(), new Date(moved + retryWindowDays * day + 1000))).toEqual([]);
  });

  it('is nothing for the complainant without an e-mail address', () => {
    expect(kinds(aCase({ email: '', source: 'telefoon' }))).toEqual([]);
    expect(kinds(notTakenUp({ email: '', source: 'telefoon' }))).toEqual([]);
  });

  it(`gives up a message ${retryWindowDays} days after what triggered it, so an old store gets no flood`, () => {
    const record = aCase();
    const day = 24 * 60 * 60 * 1000;
    const received = Date.parse(record.receivedAt);
    expect(kinds(record, new Date(received + retryWindowDays * day))).toEqual(['receipt']);
    expect(kinds(record, new Date(received + retryWindowDays * day + 1000))).toEqual([]);
  });

  it('marks a message that failed before as a retry', () => {
    const record = aCase({ messages: [{ kind: 'receipt', attempts: 2, lastError: 'ECONNECTION' }] });
    expect(dueMessages(record, now)).toMatchObject([{ kind: 'receipt', retry: true, ambiguous: false }]);
  });

  it('leaves a message alone while another process is sending it, and sends again once that attempt is stale', () => {
    const startedAt = '2026-11-02T09:50:00+01:00';
    const record = aCase({ messages: [{ kind: 'receipt', attempts: 1, attemptStartedAt: startedAt }] });
    const started = Date.parse(startedAt);
    expect(kinds(record, new Date(started + inFlightTimeoutMs - 1000))).toEqual([]);
    expect(dueMessages(record, new Date(started + inFlightTimeoutMs))).toMatchObject([
      { kind: 'receipt', ambiguous: true },
    ]);
  });
});

describe('an attempt whose process is named (with the queue)', () => {
  const startedAt = '2026-11-02T09:50:00+01:00';
  const until = '2026-11-02T09:52:00+01:00';
  const owned = () =>
    aCase({
      messages: [
        { kind: 'receipt', attempts: 1, attemptStartedAt: startedAt, attemptOwner: 'p-1', attemptUntil: until },
      ],
    });
  const key = (record: Case) => `p-1 ${record.reference} receipt`;

  it('is left alone until the lease it recorded runs out', () => {
    expect(kinds(owned(), new Date(Date.parse(until) - 1000))).toEqual([]);
  });

  it('is due again the moment that lease ran out and its owner no longer names it: no 15 minutes of waiting', () => {
    const record = owned();
    expect(dueMessages(record, new Date(until))).toMatchObject([{ kind: 'receipt', ambiguous: true }]);
    expect(Date.parse(until) - Date.parse(startedAt)).toBeLessThan(inFlightTimeoutMs);
  });

  it('is left alone past its lease while its owner still renews the lease and names it', () => {
    const record = owned();
    const later = new Date(Date.parse(until) + 10 * 60_000);
    expect(dueMessages(record, later, new Set([key(record)]))).toEqual([]);
    // Another process's word about another attempt does not count.
    expect(kinds(record, later, new Set([`p-2 ${record.reference} receipt`]))).toEqual(['receipt']);
  });
});
