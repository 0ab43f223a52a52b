import { describe, expect, it } from 'vitest';
import { aCase } from '../tests/support/case-fixture.ts';
import { aConfig } from '../tests/support/config-fixture.ts';
import { makeCalendar } from './calendar.ts';
import { workloadOf } from './workload.ts';

const config = aConfig();
const calendar = makeCalendar(config.terms);
// The fixture's terms: received Monday 2026-10-26, confirm by 2026-11-04, answer by 2026-12-07.
const received = () => aCase();
const confirmed = (handler = 'jan') => aCase({ status: 'bevestigd', handler });

describe('workloadOf', () => {
  it('puts the term that runs out first on top, the cases without a running term last', () => {
    const answered = aCase({ status: 'beantwoord', handler: 'jan' });
    const later = confirmed();
    const first = received();
    const rows = workloadOf([answered, later, first], '2026-11-02', calendar, config).rows;
    expect(rows.map((row) => [row.reference, row.nextTerm, row.date])).toEqual([
      [first.reference, 'bevestigen', '2026-11-04'],
      [later.reference, 'antwoorden', '2026-12-07'],
      [answered.reference, undefined, undefined],
    ]);
  });

  it('marks a term within two working days, and one that has passed, with the working days left', () => {
    const at = (today: string) => workloadOf([received()], today, calendar, config).rows[0];
    expect(at('2026-10-29')).toMatchObject({ workingDaysLeft: 4, mark: undefined });
    expect(at('2026-11-02')).toMatchObject({ workingDaysLeft: 2, mark: 'bijna' });
    expect(at('2026-11-04')).toMatchObject({ workingDaysLeft: 0, mark: 'bijna' });
    expect(at('2026-11-06')).toMatchObject({ workingDaysLeft: -2, mark: 'verlopen' });
  });

  it('uses the new term of a reopened case and the extended term of an extended one', () => {
    const extended = aCase({ status: 'verdaagd', handler: 'jan', extended: true });
    const reopened = aCase({
      status: 'heropend',
      handler: 'jan',
      events: [{ at: '2026-12-10T10:00:00+01:00', status: 'heropend', answerBy: '2027-01-07' }],
    });
    const rows = workloadOf([reopened, extended], '2026-12-14', calendar, config).rows;
    expect(rows.map((row) => row.date)).toEqual(['2027-01-04', '2027-01-07']);
  });

  it('names only configured handlers, counts per status and per handler, and leaves closed cases out', () => {
    const unknown = aCase({ status: 'bevestigd', handler: 'iemand-anders' });
    const closed = aCase({ status: 'afgesloten', outcome: 'gegrond' });
    const workload = workloadOf(
      [confirmed('jan'), confirmed('jan'), confirmed('els'), unknown, received(), closed],
      '2026-11-02',
      calendar,
      config,
    );
    expect(workload.rows).toHaveLength(5);
    expect(workload.rows.find((row) => row.reference === unknown.reference)?.handler).toBeUndefined();
    expect(workload.perStatus).toEqual([
      { status: 'ontvangen', count: 1 },
      { status: 'bevestigd', count: 4 },
    ]);
    expect(workload.perHandler).toEqual([
      { handler: 'Jan de Vries', count: 2 },
      { handler: undefined, count: 2 },
      { handler: 'Els Bakker', count: 1 },
    ]);
  });
});
