import { describe, expect, it } from 'vitest';
import { aCase } from '../../tests/support/case-fixture.ts';
import { attemptKey, attemptsToAsk, attemptsUnderWay, attemptUnderWay, inFlightTimeoutMs } from './attempts.ts';

const startedAt = '2026-11-02T09:50:00+01:00';
const until = '2026-11-02T09:52:00+01:00';
const at = (iso: string, ms = 0) => new Date(Date.parse(iso) + ms);

describe('whether a mail attempt is under way', () => {
  const record = aCase({
    messages: [
      { kind: 'receipt', attempts: 1, attemptStartedAt: startedAt, attemptOwner: 'p-1', attemptUntil: until },
      { kind: 'confirmation', attempts: 1, attemptStartedAt: startedAt },
    ],
  });
  const [owned, unowned] = record.messages as [(typeof record.messages)[0], (typeof record.messages)[0]];

  it('runs until the lease it recorded when no owner can be asked, and as long as its owner says when one can', () => {
    expect(attemptUnderWay(record, owned, at(until, -1))).toBe(true);
    expect(attemptUnderWay(record, owned, at(until))).toBe(false);
    expect(attemptsToAsk(record)).toEqual([
      {
        owner: 'p-1',
        reference: record.reference,
        kind: 'receipt',
        startedAt: Date.parse(startedAt),
        until: Date.parse(until),
      },
    ]);
    const running = new Set([attemptKey({ owner: 'p-1', reference: record.reference, kind: 'receipt' })]);
    expect(attemptUnderWay(record, owned, at(until, 60_000), running)).toBe(true);
    // The owners said it is over (its server was started again): over, even within its lease.
    expect(attemptUnderWay(record, owned, at(startedAt, 1000), new Set())).toBe(false);
  });

  it('gives an attempt without an owner the old in-flight time-out', () => {
    expect(attemptUnderWay(record, unowned, at(startedAt, inFlightTimeoutMs - 1))).toBe(true);
    expect(attemptUnderWay(record, unowned, at(startedAt, inFlightTimeoutMs))).toBe(false);
  });

  it('never counts a sent message as under way', () => {
    expect(attemptUnderWay(record, { ...owned, sentAt: startedAt }, at(startedAt))).toBe(false);
  });

  it('lists what is under way with when it began and the lease it recorded', () => {
    expect(attemptsUnderWay(record, at(startedAt, 1000))).toEqual([
      { kind: 'receipt', startedAt: Date.parse(startedAt), until: Date.parse(until) },
      { kind: 'confirmation', startedAt: Date.parse(startedAt), until: Date.parse(startedAt) + inFlightTimeoutMs },
    ]);
    expect(attemptsUnderWay(record, at(until, 1000)).map((attempt) => attempt.kind)).toEqual(['confirmation']);
  });
});
