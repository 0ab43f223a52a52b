import { describe, expect, it } from 'vitest';
import { aCase } from '../tests/support/case-fixture.ts';
import type { Case } from './case.ts';
import { makeCalendar } from './calendar.ts';
import {
  dueNotices,
  noticesComment,
  noticeText,
  overdueLabelsOf,
  recordNotices,
  type DeadlineConfig,
  type Notice,
} from './deadlines.ts';

const calendar = makeCalendar({ extraClosingDays: [], removedClosingDays: [] });
const config: DeadlineConfig = {
  coordinators: { name: 'De klachtencoördinator', email: 'klachten@example.nl', logins: ['coord'] },
  people: [
    { id: 'jan', name: 'Jan de Vries', login: 'jdevries' },
    { id: 'els', name: 'Els Bakker' },
  ],
};

// The fixture's terms: received Monday 2026-10-26, confirm by Wednesday 2026-11-04, answer by
// Monday 2026-12-07, extended answer by Monday 2027-01-04.
const received = () => aCase();
const confirmed = (overrides: Partial<Case> = {}) => aCase({ status: 'bevestigd', handler: 'jan', ...overrides });

function due(record: Case, today: string): Notice[] {
  return dueNotices([record], today, calendar, config);
}
const kinds = (record: Case, today: string) => due(record, today).map((notice) => notice.kind);

describe('dueNotices: the confirmation term', () => {
  it('is quiet three working days before the term', () => {
    expect(kinds(received(), '2026-11-01')).toEqual([]);
  });

  it('reminds the coordinators two working days before the term', () => {
    const [notice, ...rest] = due(received(), '2026-11-02');
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({
      kind: 'confirm-reminder',
      key: 'confirm-reminder:2026-11-04',
      term: '2026-11-04',
      workingDaysLeft: 2,
      audience: 'coordinators',
      mentions: ['coord'],
    });
  });

  it('reminds on the last day when no reminder went out before', () => {
    expect(due(received(), '2026-11-04')).toMatchObject([{ kind: 'confirm-reminder', workingDaysLeft: 0 }]);
  });

  it('does not remind twice', () => {
    const record = recordNotices(received(), due(received(), '2026-11-02'), '2026-11-02T06:17:00+01:00');
    expect(kinds(record, '2026-11-03')).toEqual([]);
    expect(kinds(record, '2026-11-04')).toEqual([]);
  });

  it('escalates the day after the term, instead of a stale reminder', () => {
    expect(due(received(), '2026-11-05')).toMatchObject([
      { kind: 'confirm-overdue', key: 'confirm-overdue:2026-11-04', workingDaysLeft: -1, audience: 'coordinators' },
    ]);
  });

  it('escalates once', () => {
    const record = recordNotices(received(), due(received(), '2026-11-05'), '2026-11-05T06:17:00+01:00');
    expect(kinds(record, '2026-11-06')).toEqual([]);
    expect(kinds(record, '2026-11-12')).toEqual([]);
  });

  it('asks nothing about confirming once the case is confirmed', () => {
    expect(kinds(confirmed(), '2026-11-05')).toEqual([]);
  });
});

describe('dueNotices: the answer term', () => {
  it('is quiet six working days before the term', () => {
    expect(kinds(confirmed(), '2026-11-27')).toEqual([]);
  });

  it('reminds the handler five working days before the term', () => {
    expect(due(confirmed(), '2026-11-30')).toMatchObject([
      {
        kind: 'answer-reminder',
        key: 'answer-reminder:2026-12-07',
        workingDaysLeft: 5,
        audience: 'handler',
        mentions: ['jdevries'],
      },
    ]);
  });

  it('reminds the coordinators when the handler has no GitHub login', () => {
    expect(due(confirmed({ handler: 'els' }), '2026-11-30')).toMatchObject([
      { kind: 'answer-reminder', audience: 'coordinators', mentions: ['coord'] },
    ]);
  });

  it('escalates to the coordinators, with the handler in copy, the day after the term', () => {
    expect(due(confirmed(), '2026-12-08')).toMatchObject([
      {
        kind: 'answer-overdue',
        key: 'answer-overdue:2026-12-07',
        audience: 'coordinators',
        mentions: ['coord', 'jdevries'],
      },
    ]);
  });

  it('counts toward the extended term once the term is extended, across Christmas and New Year', () => {
    const extended = confirmed({ status: 'verdaagd', extended: true });
    expect(kinds(extended, '2026-12-08')).toEqual([]);
    expect(kinds(extended, '2026-12-23')).toEqual([]);
    // 28, 29, 30, 31 December and 4 January: Christmas, the weekends and New Year's Day do not count.
    expect(due(extended, '2026-12-24')).toMatchObject([
      { kind: 'answer-reminder', key: 'answer-reminder:2027-01-04', workingDaysLeft: 5 },
    ]);
    expect(kinds(extended, '2027-01-05')).toEqual(['answer-overdue']);
  });

  it('reminds again about the extended term after a reminder about the original one', () => {
    const reminded = recordNotices(confirmed(), due(confirmed(), '2026-11-30'), '2026-11-30T06:17:00+01:00');
    const extended = { ...reminded, status: 'verdaagd' as const, extended: true };
    expect(kinds(extended, '2026-12-24')).toEqual(['answer-reminder']);
  });

  it('sends both escalations for an unconfirmed case after a long silence, and no reminders', () => {
    expect(due(received(), '2026-12-10')).toMatchObject([
      { kind: 'confirm-overdue', mentions: ['coord'] },
      { kind: 'answer-overdue', mentions: ['coord'] },
    ]);
  });

  it('sends nothing for answered and closed cases', () => {
    for (const status of ['beantwoord', 'afgesloten', 'niet-in-behandeling'] as const) {
      expect(kinds(aCase({ status, handler: 'jan' }), '2026-12-10')).toEqual([]);
    }
  });

  it('keeps the order of the cases', () => {
    const a = received();
    const b = confirmed();
    expect(dueNotices([a, b], '2026-12-08', calendar, config).map((notice) => notice.reference)).toEqual([
      a.reference,
      a.reference,
      b.reference,
    ]);
  });
});

describe('overdueLabelsOf', () => {
  it('labels a case whose confirmation escalated until it is confirmed', () => {
    const escalated = recordNotices(received(), due(received(), '2026-11-05'), '2026-11-05T06:17:00+01:00');
    expect(overdueLabelsOf(escalated)).toEqual(['termijn: bevestiging verlopen']);
    expect(overdueLabelsOf({ ...escalated, status: 'bevestigd' })).toEqual([]);
  });

  it('labels a case whose answer escalated until it is answered', () => {
    const escalated = recordNotices(confirmed(), due(confirmed(), '2026-12-08'), '2026-12-08T06:17:00+01:00');
    expect(overdueLabelsOf(escalated)).toEqual(['termijn: antwoord verlopen']);
    expect(overdueLabelsOf({ ...escalated, status: 'beantwoord' })).toEqual([]);
  });

  it('labels nothing for a case that only got reminders', () => {
    const reminded = recordNotices(received(), due(received(), '2026-11-02'), '2026-11-02T06:17:00+01:00');
    expect(overdueLabelsOf(reminded)).toEqual([]);
  });
});

describe('recordNotices', () => {
  it('adds each key once, with the moment it was sent', () => {
    const notices = due(received(), '2026-12-10');
    const once = recordNotices(received(), notices, '2026-12-10T06:17:00+01:00');
    const twice = recordNotices(once, notices, '2026-12-11T06:17:00+01:00');
    expect(twice).toBe(once);
    expect(once.notices).toEqual([
      { key: 'confirm-overdue:2026-11-04', at: '2026-12-10T06:17:00+01:00' },
      { key: 'answer-overdue:2026-12-07', at: '2026-12-10T06:17:00+01:00' },
    ]);
  });
});

describe('noticeText', () => {
  it('says the term in full Dutch first and English after it, mentioning the staff', () => {
    const [notice] = due(received(), '2026-11-02');
    const text = noticeText(notice as Notice);
    expect(text).toMatch(
      /^\*\*Herinnering: klacht K-2026-\w{6} bevestigen uiterlijk woensdag 4 november 2026\*\* \(nog 2 werkdagen\)/,
    );
    expect(text).toContain('_Reminder: confirm complaint');
    expect(text.trimEnd().endsWith('@coord')).toBe(true);
  });

  it('never carries the complainant’s data', () => {
    const record = received();
    const comment = noticesComment(due(record, '2026-12-10'));
    for (const personal of [record.name, record.email, record.address, record.complaint, record.expectation]) {
      expect(comment).not.toContain(personal);
    }
  });
});

describe('dueNotices: a reopened case', () => {
  // Answered, then reopened on Friday 11 December with a new answer term: Monday 11 January 2027.
  const reopened = (overrides: Partial<Case> = {}) =>
    confirmed({
      status: 'heropend',
      notices: [{ key: 'answer-reminder:2026-12-07', at: '2026-11-30T07:00:00+01:00' }],
      events: [
        { at: '2026-10-26T00:30:00+01:00', status: 'ontvangen' },
        { at: '2026-10-28T10:00:00+01:00', status: 'bevestigd', handler: 'jan' },
        { at: '2026-12-04T10:00:00+01:00', status: 'beantwoord' },
        { at: '2026-12-11T10:00:00+01:00', status: 'heropend', reason: 'niet opgelost', answerBy: '2027-01-11' },
      ],
      ...overrides,
    });

  it('runs the new answer term: no escalation of the old one, a reminder to the handler before the new one', () => {
    expect(kinds(reopened(), '2026-12-14')).toEqual([]);
    expect(due(reopened(), '2027-01-04')).toMatchObject([
      {
        kind: 'answer-reminder',
        key: 'answer-reminder:2027-01-11',
        term: '2027-01-11',
        workingDaysLeft: 5,
        mentions: ['jdevries'],
      },
    ]);
  });

  it('escalates once the new term has passed, and stops once the new answer is given', () => {
    expect(kinds(reopened(), '2027-01-12')).toEqual(['answer-overdue']);
    expect(kinds(reopened({ status: 'beantwoord' }), '2027-01-12')).toEqual([]);
  });
});
