import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../../../cases/case.ts';
import type { GitHubStore } from '../../../cases/stores/github/store.ts';
import type { GitHubStandIn } from '../../../tests/github-standin/index.ts';
import { aCase } from '../../../tests/support/case-fixture.ts';
import { commentEvent, startCaseRepo, type CaseRepo } from './fixture.ts';
import { handleEvent, type EventDeps } from './handle-event.ts';

let standIn: GitHubStandIn;
let store: GitHubStore;
let deps: EventDeps;
let file: CaseRepo['file'];
let comments: CaseRepo['comments'];
beforeEach(async () => {
  ({ standIn, store, deps, file, comments } = await startCaseRepo());
});
afterEach(async () => {
  await standIn.close();
});

/** A case confirmed with Jan (jdevries) as handler and answered, as the issue holds it. */
function answered(): Case {
  const base = aCase();
  return {
    ...base,
    status: 'beantwoord',
    handler: 'jan',
    events: [
      ...base.events,
      { at: '2026-10-27T10:00:00+01:00', status: 'bevestigd', by: 'coord', handler: 'jan' },
      { at: '2026-10-27T15:00:00+01:00', status: 'beantwoord', by: 'jdevries' },
    ],
  };
}

describe('/heropen on a case issue', () => {
  it('reopens an answered case once, with the new answer date, mentioning the handler', async () => {
    const record = answered();
    const issue = await file(record);
    const result = await handleEvent(
      'issue_comment',
      commentEvent(issue, 'coord', '/heropen De lekkage is terug.'),
      deps,
    );
    expect(result.handled && result.moves).toEqual([{ command: '/heropen', result: 'moved' }]);
    const stored = await store.getCase(record.reference);
    // Four weeks after Wednesday 28 October 2026.
    expect(stored?.status).toBe('heropend');
    expect(stored?.events.at(-1)).toMatchObject({ status: 'heropend', by: 'coord', answerBy: '2026-11-25' });
    expect(issue.state).toBe('open');
    expect(issue.labels).toContain('status: heropend');
    expect(comments(issue.number).at(-1)).toMatch(
      /^\*\*Klacht K-2026-\w+ is heropend:\*\*.*uiterlijk woensdag 25 november 2026; behandelaar: Jan de Vries\.[\s\S]*@jdevries @coord$/,
    );
  });

  it('works once: after the new answer a second /heropen is refused, and only a coordinator can override', async () => {
    const record = answered();
    const issue = await file(record);
    await handleEvent('issue_comment', commentEvent(issue, 'coord', '/heropen Niet opgelost.'), deps);
    // The new answer: written under /beantwoord (a preview), sent by /verstuur.
    await handleEvent(
      'issue_comment',
      commentEvent(issue, 'jdevries', '/beantwoord\n\nWij hebben opnieuw gekeken.'),
      deps,
    );
    await handleEvent('issue_comment', commentEvent(issue, 'jdevries', '/verstuur'), deps);
    expect((await store.getCase(record.reference))?.status).toBe('beantwoord');
    const again = await handleEvent(
      'issue_comment',
      commentEvent(issue, 'jdevries', '/heropen Nog steeds niet.'),
      deps,
    );
    expect(again.handled && again.moves).toEqual([{ command: '/heropen', result: 'refused' }]);
    expect(comments(issue.number).at(-1)).toMatch(/al eens heropend/);

    const byHandler = await handleEvent(
      'issue_comment',
      commentEvent(issue, 'jdevries', '/heropen --nogmaals Nog steeds niet.'),
      deps,
    );
    expect(byHandler.handled && byHandler.moves).toEqual([{ command: '/heropen', result: 'refused' }]);
    expect(comments(issue.number).at(-1)).toMatch(/mag alleen een coördinator/);
    expect((await store.getCase(record.reference))?.status).toBe('beantwoord');

    const byCoordinator = await handleEvent(
      'issue_comment',
      commentEvent(issue, 'coord', '/heropen --nogmaals Nog steeds niet.'),
      deps,
    );
    expect(byCoordinator.handled && byCoordinator.moves).toEqual([{ command: '/heropen', result: 'moved' }]);
    const stored = await store.getCase(record.reference);
    expect(stored?.events.filter((event) => event.status === 'heropend')).toHaveLength(2);
    expect(stored?.events.at(-1)).toMatchObject({ override: true, reason: 'Nog steeds niet.' });
  });

  it('asks for a reason', async () => {
    const issue = await file(answered());
    const result = await handleEvent('issue_comment', commentEvent(issue, 'coord', '/heropen'), deps);
    expect(result.handled && result.moves).toEqual([{ command: '/heropen', result: 'refused' }]);
    expect(comments(issue.number).at(-1)).toMatch(/Geef een reden: `\/heropen <reden>`/);
  });
});
