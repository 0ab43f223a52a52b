import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('handleEvent: slash commands in a comment', () => {
  it('confirms with a handler: status, label, assignee and one short comment', async () => {
    const record = aCase();
    const issue = await file(record);
    standIn.calls.reset();
    const result = await handleEvent('issue_comment', commentEvent(issue, 'coord', '/bevestig @jdevries'), deps);
    expect(result).toEqual({
      handled: true,
      reference: record.reference,
      moves: [{ command: '/bevestig', result: 'moved' }],
    });
    const stored = await store.getCase(record.reference);
    expect(stored?.status).toBe('bevestigd');
    expect(stored?.handler).toBe('jan');
    expect(stored?.events.at(-1)).toMatchObject({
      status: 'bevestigd',
      by: 'coord',
      handler: 'jan',
      at: '2026-10-28T10:00:00+01:00',
    });
    expect(issue.labels).toContain('status: bevestigd');
    expect(issue.assignees).toEqual(['jdevries']);
    expect(comments(issue.number)).toEqual([
      expect.stringMatching(
        /^\*\*Klacht K-2026-\w+ is bevestigd\.\*\* Behandelaar: Jan de Vries \(@jdevries\)\. Het antwoord volgt uiterlijk maandag 7 december 2026\./,
      ),
    ]);
    expect(standIn.calls.count('repos/get-collaborator-permission-level')).toBe(1);
  });

  it('accepts a person id and a maintainer', async () => {
    const issue = await file(aCase());
    const result = await handleEvent('issue_comment', commentEvent(issue, 'chef', '/bevestig els'), deps);
    expect(result.handled && result.moves).toEqual([{ command: '/bevestig', result: 'moved' }]);
    expect(issue.assignees).toEqual(['ebakker']);
  });

  it('ignores a command from anyone without write access, without a word', async () => {
    const record = aCase();
    const issue = await file(record);
    for (const login of ['buitenstaander', 'lezer', 'triage', 'onbekend-account']) {
      standIn.calls.reset();
      expect(await handleEvent('issue_comment', commentEvent(issue, login, '/sluit ingetrokken'), deps)).toEqual({
        handled: false,
        why: 'geen schrijfrechten',
      });
      expect(standIn.calls.all.map((call) => call.operation)).toEqual(['repos/get-collaborator-permission-level']);
    }
    expect(comments(issue.number)).toEqual([]);
    expect((await store.getCase(record.reference))?.status).toBe('ontvangen');
  });

  it('refuses an illegal move with a comment saying why, and changes nothing', async () => {
    const record = aCase();
    const issue = await file(record);
    const result = await handleEvent('issue_comment', commentEvent(issue, 'coord', '/sluit gegrond'), deps);
    expect(result).toEqual({
      handled: true,
      reference: record.reference,
      moves: [{ command: '/sluit', result: 'refused' }],
    });
    expect(comments(issue.number)).toEqual([
      expect.stringMatching(/^\*\*`\/sluit` is niet uitgevoerd\.\*\* Sluiten kan pas als de klacht is beantwoord/),
    ]);
    expect(await store.getCase(record.reference)).toEqual(record);
  });

  it('refuses to make the person the complaint is about the handler', async () => {
    const record = aCase({ concerns: 'meneer De Vries van onderhoud' });
    const issue = await file(record);
    await handleEvent('issue_comment', commentEvent(issue, 'coord', '/bevestig @jdevries'), deps);
    expect(comments(issue.number)).toEqual([
      expect.stringMatching(/`\/bevestig` is niet uitgevoerd\.\*\* Jan de Vries kan deze klacht niet behandelen/),
    ]);
    expect(issue.assignees).toEqual([]);
    expect((await store.getCase(record.reference))?.status).toBe('ontvangen');
  });

  it('runs several commands in order and stops at the first refusal', async () => {
    const record = aCase({ status: 'bevestigd', handler: 'jan' });
    const issue = await file(record);
    const body = '/verdaag Het rapport volgt.\n/sluit misschien\n/sluit gegrond';
    const result = await handleEvent('issue_comment', commentEvent(issue, 'coord', body), deps);
    expect(result.handled && result.moves).toEqual([
      { command: '/verdaag', result: 'moved' },
      { command: '/sluit', result: 'refused' },
    ]);
    expect((await store.getCase(record.reference))?.status).toBe('verdaagd');
    expect(comments(issue.number).at(-1)).toMatch(
      /Geef een uitkomst[\s\S]*De opdrachten daarna zijn ook niet uitgevoerd/,
    );
  });

  it('closes an answered case, and the issue with it', async () => {
    const record = aCase({ status: 'beantwoord', handler: 'jan' });
    const issue = await file(record);
    await handleEvent('issue_comment', commentEvent(issue, 'coord', '/sluit opgelost in overleg'), deps);
    expect(issue.state).toBe('closed');
    expect((await store.getCase(record.reference))?.outcome).toBe('opgelost-in-overleg');
  });

  it('extends once, with the reason on the case', async () => {
    const record = aCase({ status: 'bevestigd', handler: 'jan' });
    const issue = await file(record);
    await handleEvent(
      'issue_comment',
      commentEvent(issue, 'coord', '/verdaag Het rapport van de monteur volgt.'),
      deps,
    );
    const stored = await store.getCase(record.reference);
    expect(stored?.extended).toBe(true);
    expect(stored?.events.at(-1)?.reason).toBe('Het rapport van de monteur volgt.');
    expect(comments(issue.number)).toEqual([expect.stringMatching(/verdaagd\*\* tot maandag 4 januari 2027/)]);
  });

  it('marks a repeat complaint as not taken up, naming the earlier case by issue number or reference', async () => {
    const earlier = aCase({ status: 'afgesloten', handler: 'jan', outcome: 'ongegrond' });
    const earlierIssue = await file(earlier);
    const byNumber = aCase({ earlier: 'ja', whatIsNew: 'niets' });
    const byReference = aCase({ earlier: 'ja', whatIsNew: 'niets' });
    const first = await file(byNumber);
    const second = await file(byReference);
    await handleEvent(
      'issue_comment',
      commentEvent(first, 'coord', `/niet-in-behandeling #${earlierIssue.number}`),
      deps,
    );
    await handleEvent(
      'issue_comment',
      commentEvent(second, 'coord', `/niet-in-behandeling ${earlier.reference.toLowerCase()}`),
      deps,
    );
    for (const record of [byNumber, byReference]) {
      const stored = await store.getCase(record.reference);
      expect(stored?.status).toBe('niet-in-behandeling');
      expect(stored?.earlierReference).toBe(earlier.reference);
    }
    expect(first.state).toBe('closed');
    expect(first.stateReason).toBe('not_planned');
  });

  it('refuses a repeat complaint that points at an issue without a case', async () => {
    const record = aCase();
    const issue = await file(record);
    await handleEvent('issue_comment', commentEvent(issue, 'coord', '/niet-in-behandeling #999'), deps);
    expect(comments(issue.number)).toEqual([expect.stringMatching(/Issue #999 is geen klacht met kenmerk/)]);
  });

  it('never reads a command from the complaint text, and makes no call for a comment without one', async () => {
    const record = aCase({ complaint: '/sluit ingetrokken\n/bevestig @jdevries' });
    const issue = await file(record);
    standIn.calls.reset();
    expect(await handleEvent('issue_comment', commentEvent(issue, 'coord', 'Ik bel de klager morgen.'), deps)).toEqual({
      handled: false,
      why: 'geen opdracht',
    });
    expect(standIn.calls.count()).toBe(0);
    expect((await store.getCase(record.reference))?.status).toBe('ontvangen');
  });

  it('ignores bots, pull requests and issues that are not complaints', async () => {
    const issue = await file(aCase());
    standIn.calls.reset();
    expect(
      await handleEvent('issue_comment', commentEvent(issue, 'klachten-bot', '/sluit ingetrokken', 'Bot'), deps),
    ).toEqual({
      handled: false,
      why: 'van een bot',
    });
    const other = { ...issue, labels: ['vraag'] };
    expect((await handleEvent('issue_comment', commentEvent(other, 'coord', '/sluit ingetrokken'), deps)).handled).toBe(
      false,
    );
    const pull = { ...commentEvent(issue, 'coord', '/sluit ingetrokken') };
    expect(
      (await handleEvent('issue_comment', { ...pull, issue: { ...pull.issue, pull_request: {} } }, deps)).handled,
    ).toBe(false);
    expect(standIn.calls.count()).toBe(0);
  });
});

describe('handleEvent: assigning a case', () => {
  const assigned = (
    issue: { number: number; body: string | null; labels: string[] },
    assignee: string,
    sender: string,
  ) => ({
    action: 'assigned',
    issue: { number: issue.number, body: issue.body, labels: issue.labels.map((name) => ({ name })) },
    assignee: { login: assignee, type: 'User' },
    sender: { login: sender, type: 'User' },
  });

  it('confirms a new case assigned to a configured person, as /bevestig would', async () => {
    const record = aCase();
    const issue = await file(record);
    const result = await handleEvent('issues', assigned(issue, 'ebakker', 'coord'), deps);
    expect(result.handled && result.moves).toEqual([{ command: '/bevestig', result: 'moved' }]);
    expect((await store.getCase(record.reference))?.handler).toBe('els');
  });

  it('refuses, with a comment, to confirm by assigning the person the complaint is about', async () => {
    const record = aCase({ concerns: 'Jan de Vries' });
    const issue = await file(record);
    await handleEvent('issues', assigned(issue, 'jdevries', 'coord'), deps);
    expect(comments(issue.number)).toEqual([expect.stringMatching(/Jan de Vries kan deze klacht niet behandelen/)]);
    expect((await store.getCase(record.reference))?.status).toBe('ontvangen');
  });

  it('ignores assignments by non-members, to people outside the configuration, and on confirmed cases', async () => {
    const record = aCase();
    const issue = await file(record);
    expect(await handleEvent('issues', assigned(issue, 'ebakker', 'buitenstaander'), deps)).toEqual({
      handled: false,
      why: 'geen schrijfrechten',
    });
    expect(await handleEvent('issues', assigned(issue, 'coord', 'coord'), deps)).toEqual({
      handled: false,
      why: 'toegewezen aan iemand buiten people',
    });
    await handleEvent('issues', assigned(issue, 'ebakker', 'coord'), deps);
    expect(await handleEvent('issues', assigned(issue, 'jdevries', 'coord'), deps)).toEqual({
      handled: false,
      why: 'al bevestigd',
    });
    expect(comments(issue.number)).toHaveLength(1);
  });
});
