import { describe, expect, it } from 'vitest';
import { aCase as aFullCase } from '../../tests/support/case-fixture.ts';
import { registerRecordOf } from '../register/record.ts';
import { caseFacts } from './case-facts.ts';
import { makeLocalDate } from './dates.ts';

/** The register record of a test case: what the report reads. */
const aCase = (...args: Parameters<typeof aFullCase>) => registerRecordOf(aFullCase(...args));

describe('reading one case at the end of a period', () => {
  const localDate = makeLocalDate('Europe/Amsterdam');
  const terms = {
    received: '2026-09-30',
    confirmBy: '2026-10-09',
    answerBy: '2026-11-11',
    extendedAnswerBy: '2026-12-09',
  };

  it('ignores every move dated after the end of the period', () => {
    const record = aCase({
      terms,
      events: [
        { at: '2026-09-30T10:00:00+02:00', status: 'ontvangen' },
        { at: '2026-10-02T10:00:00+02:00', status: 'bevestigd' },
        { at: '2027-01-04T10:00:00+01:00', status: 'afgesloten', outcome: 'gegrond' },
      ],
      outcome: 'gegrond',
      satisfaction: { answer: 'ja', at: '2027-01-05T10:00:00+01:00' },
    });
    const facts = caseFacts(record, '2026-12-31', localDate);
    expect([facts.confirmedOn, facts.answeredOn, facts.closedOn, facts.outcome, facts.satisfaction]).toEqual([
      '2026-10-02',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('counts an extension only when it was made on or before the answer date', () => {
    const extendedOn = (date: string) =>
      caseFacts(
        aCase({ terms, events: [{ at: `${date}T10:00:00+01:00`, status: 'verdaagd' }] }),
        '2026-12-31',
        localDate,
      );
    expect([extendedOn('2026-11-11').extended, extendedOn('2026-11-11').deadline]).toEqual([true, '2026-12-09']);
    expect([extendedOn('2026-11-12').extended, extendedOn('2026-11-12').deadline]).toEqual([false, '2026-11-11']);
  });

  it('takes a case closed without an answer step as answered on the day it was closed', () => {
    const record = aCase({
      terms,
      events: [{ at: '2026-10-20T10:00:00+02:00', status: 'afgesloten', outcome: 'ingetrokken' }],
    });
    expect(caseFacts(record, '2026-12-31', localDate)).toMatchObject({
      answeredOn: '2026-10-20',
      closedOn: '2026-10-20',
      outcome: 'ingetrokken',
    });
  });

  it('takes the first of two moves to the same status, whatever their order in the record', () => {
    const record = aCase({
      terms,
      events: [
        { at: '2026-10-07T10:00:00+02:00', status: 'bevestigd' },
        { at: '2026-10-05T10:00:00+02:00', status: 'bevestigd' },
      ],
    });
    expect(caseFacts(record, '2026-12-31', localDate).confirmedOn).toBe('2026-10-05');
  });

  it('falls back on the outcome of the case when the closing move does not carry one', () => {
    const record = aCase({
      terms,
      outcome: 'ongegrond',
      events: [{ at: '2026-10-20T10:00:00+02:00', status: 'afgesloten' }],
    });
    expect(caseFacts(record, '2026-12-31', localDate).outcome).toBe('ongegrond');
  });
});
