import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../../cases/case.ts';
import type { Config } from '../../cases/config.ts';
import { aConfig } from '../../tests/support/config-fixture.ts';
import { makeOctokit } from '../../cases/stores/github/client.ts';
import { makeGitHubStore, type GitHubStore } from '../../cases/stores/github/store.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../../tests/github-standin/index.ts';
import { aCase } from '../../tests/support/case-fixture.ts';
import type { CliContext } from '../cli-context.ts';
import { handleEvent, makeIssueActions, parseSlashCommands, run, type EventDeps } from './github-event.ts';

describe('parseSlashCommands', () => {
  it('reads commands from the comment’s own lines that start with a slash', () => {
    expect(parseSlashCommands('Dank voor het bellen.\n/bevestig @jdevries\n')).toEqual([
      { command: '/bevestig', type: 'confirm', argument: '@jdevries' },
    ]);
  });

  it('reads several commands in order, with the rest of each line as its argument', () => {
    expect(parseSlashCommands('/beantwoord https://example.nl/verslag.pdf\r\n  /sluit deels gegrond')).toEqual([
      { command: '/beantwoord', type: 'answer', argument: 'https://example.nl/verslag.pdf' },
      { command: '/sluit', type: 'close', argument: 'deels gegrond' },
    ]);
  });

  it('knows the English names and ignores case', () => {
    expect(parseSlashCommands('/Extend waiting for the contractor').map((command) => command.type)).toEqual(['extend']);
  });

  it('ignores slashes inside a line, quoted lines, code blocks, indented code and unknown words', () => {
    const body = [
      'Zie /sluit gegrond in de tekst',
      '> /sluit gegrond',
      '```',
      '/sluit gegrond',
      '```',
      '    /sluit gegrond',
      '/sluiten gegrond',
      '/usr/bin/sluit',
    ].join('\n');
    expect(parseSlashCommands(body)).toEqual([]);
  });
});

const config: Config = aConfig();
const fullName = 'livable/klachten';

let standIn: GitHubStandIn;
let store: GitHubStore;
let deps: EventDeps;
beforeEach(async () => {
  standIn = await startGitHubStandIn({ now: () => new Date('2026-10-28T09:00:00Z') });
  const repo = standIn.state.repo(fullName);
  for (const [login, permission] of [
    ['coord', 'write'],
    ['chef', 'maintain'],
    ['lezer', 'read'],
    ['triage', 'triage'],
    ['jdevries', 'write'],
    ['ebakker', 'write'],
  ] as const) {
    standIn.state.user(login);
    repo.collaborators.set(login, permission);
  }
  standIn.state.user('buitenstaander');
  const octokit = makeOctokit({
    apiUrl: standIn.url,
    auth: { kind: 'token', token: 'test-token' },
    writeIntervalMs: 0,
  });
  store = makeGitHubStore(
    octokit,
    { owner: 'livable', repo: 'klachten' },
    { context: { categories: config.categories, people: config.people } },
  );
  deps = {
    config,
    store,
    actions: makeIssueActions(octokit, { owner: 'livable', repo: 'klachten' }),
    now: () => new Date('2026-10-28T09:00:00Z'),
  };
});
afterEach(async () => {
  await standIn.close();
});

async function file(record: Case) {
  await store.fileCase(record);
  const issue = standIn.state.repo(fullName).issues.find((candidate) => candidate.title.includes(record.reference));
  if (!issue) throw new Error('not filed');
  return issue;
}

/** The payload GitHub sends for a new comment, with what the handler reads. */
function commentEvent(
  issue: { number: number; body: string | null; labels: string[] },
  login: string,
  body: string,
  type = 'User',
) {
  return {
    action: 'created',
    issue: { number: issue.number, body: issue.body, labels: issue.labels.map((name) => ({ name })), state: 'open' },
    comment: { id: 1, body, user: { login, type }, author_association: 'MEMBER' },
    sender: { login, type },
  };
}

const comments = (number: number) =>
  standIn.state
    .repo(fullName)
    .comments.filter((comment) => comment.issueNumber === number)
    .map((comment) => comment.body.replace(/^<!-- klachtenloket:note -->\n/, ''));

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
    const body = '/beantwoord https://example.nl/verslag\n/sluit misschien\n/sluit gegrond';
    const result = await handleEvent('issue_comment', commentEvent(issue, 'coord', body), deps);
    expect(result.handled && result.moves).toEqual([
      { command: '/beantwoord', result: 'moved' },
      { command: '/sluit', result: 'refused' },
    ]);
    const stored = await store.getCase(record.reference);
    expect(stored?.status).toBe('beantwoord');
    expect(stored?.events.at(-1)?.report).toBe('https://example.nl/verslag');
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

describe('klachten github-event', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'klachten-event-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function cli(env: Record<string, string>) {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      argv: [],
      env,
      cwd: root,
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      now: () => new Date('2026-10-28T09:00:00Z'),
    };
    const code = await run(ctx, deps);
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  it('reads the event from GITHUB_EVENT_PATH and logs references and codes only', async () => {
    const record = aCase({ name: 'Zoë Jansen' });
    const issue = await file(record);
    const path = join(root, 'event.json');
    await writeFile(path, JSON.stringify(commentEvent(issue, 'coord', '/bevestig @jdevries')));
    const result = await cli({ GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: path });
    expect(result).toEqual({
      code: 0,
      stdout: `github-event: issue_comment ${record.reference}: /bevestig moved\n`,
      stderr: '',
    });
  });

  it('says it was ignored, and why, without details', async () => {
    const issue = await file(aCase());
    const path = join(root, 'event.json');
    await writeFile(path, JSON.stringify(commentEvent(issue, 'buitenstaander', '/bevestig @jdevries')));
    const result = await cli({ GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: path });
    expect(result.stdout).toBe('github-event: issue_comment genegeerd (geen schrijfrechten)\n');
  });

  it('exits 2 outside an Action', async () => {
    expect((await cli({})).code).toBe(2);
  });
});
