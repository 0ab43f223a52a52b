import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../calendar.ts';
import { aCase } from '../../tests/support/case-fixture.ts';
import { answerQuestion, askQuestion, dueQuestionMails } from './questions.ts';

const calendar = makeCalendar({ extraClosingDays: [], removedClosingDays: [] });
const tz = 'Europe/Amsterdam';
const open = aCase({ status: 'bevestigd', handler: 'jan' });

describe('askQuestion', () => {
  it('numbers the questions in the order asked', () => {
    const first = askQuestion(open, ' Welke verdieping? ', '2026-10-28T10:00:00+01:00', 'jdevries');
    expect(first.ok && first.question).toEqual({
      id: 'v1',
      at: '2026-10-28T10:00:00+01:00',
      by: 'jdevries',
      text: 'Welke verdieping?',
    });
    const second = first.ok
      ? askQuestion(first.case, 'Sinds wanneer?', '2026-10-29T10:00:00+01:00', 'jdevries')
      : first;
    expect(second.ok && second.question.id).toBe('v2');
  });

  it('refuses an empty question and a closed case', () => {
    expect(askQuestion(open, '  ', '2026-10-28T10:00:00+01:00', 'x')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/leeg/),
    });
    expect(
      askQuestion(aCase({ status: 'afgesloten', outcome: 'gegrond' }), 'Nog iets?', '2026-10-28T10:00:00+01:00', 'x'),
    ).toMatchObject({ ok: false });
  });
});

describe('dueQuestionMails', () => {
  const asked = { ...open, questions: [{ id: 'v1', at: '2026-10-28T10:00:00+01:00', text: 'Welke verdieping?' }] };
  const mailed = { ...asked, questions: [{ ...asked.questions[0]!, mailedAt: '2026-10-28T10:05:00+01:00' }] };

  it('sends the question until it went out', () => {
    expect(dueQuestionMails(asked, '2026-10-28', calendar, tz)).toEqual([{ id: 'v1', kind: 'question' }]);
    expect(dueQuestionMails(mailed, '2026-10-28', calendar, tz)).toEqual([]);
  });

  it('reminds once, from the fifth working day after the question, skipping the weekend', () => {
    expect(dueQuestionMails(mailed, '2026-11-03', calendar, tz)).toEqual([]);
    expect(dueQuestionMails(mailed, '2026-11-04', calendar, tz)).toEqual([{ id: 'v1', kind: 'question-reminder' }]);
    const reminded = { ...mailed, questions: [{ ...mailed.questions[0]!, remindedAt: '2026-11-04T08:00:00+01:00' }] };
    expect(dueQuestionMails(reminded, '2026-12-01', calendar, tz)).toEqual([]);
  });

  it('sends nothing for an answered question or a closed case', () => {
    const answered = answerQuestion(mailed, 'v1', 'De derde.', '2026-10-29T10:00:00+01:00');
    expect(answered.answered).toBe(true);
    expect(dueQuestionMails(answered.case, '2026-11-20', calendar, tz)).toEqual([]);
    expect(
      dueQuestionMails({ ...mailed, status: 'afgesloten', outcome: 'gegrond' }, '2026-11-20', calendar, tz),
    ).toEqual([]);
  });
});
