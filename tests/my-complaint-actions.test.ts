// Adding information and withdrawing, from the complainant's page, in both stores: on the case,
// in the Git folder's history, and on GitHub as an inert comment that mentions whom the tooling
// chooses (never whom the text names).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { linkStanding } from '../cases/complainant-token.ts';
import { dueMessages } from '../cases/mail/due-messages.ts';
import { makeGitFolderStore } from '../cases/stores/git-folder.ts';
import { makeGitHubStore } from '../cases/stores/github/store.ts';
import { addInformation, parseAddition, withdraw } from '../site/server/my-complaint-actions.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';
import { aCase } from './support/case-fixture.ts';
import { aConfig } from './support/config-fixture.ts';
import { standInOctokit } from './support/standin-octokit.ts';

const run = promisify(execFile);
const config = aConfig();
const now = new Date('2026-11-02T10:00:00Z');
const hostile = 'Zie ook @ebakker en #12 ```\n</details><script>alert(1)</script>\n\u202Eomgekeerd';

describe('an addition as typed', () => {
  it('is trimmed, with its line endings made plain, and refused when empty or too long', () => {
    expect(parseAddition(' De lift is weer kapot.\r\nNu ook de trap. ')).toEqual({
      ok: true,
      text: 'De lift is weer kapot.\nNu ook de trap.',
    });
    expect(parseAddition('   ')).toEqual({ ok: false, error: 'required' });
    expect(parseAddition('x'.repeat(5001))).toEqual({ ok: false, error: 'tooLong' });
    expect(parseAddition(undefined)).toEqual({ ok: false, error: 'required' });
  });
});

describe('in the Git folder', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores the addition on the case and in the commit, once, and withdraws with a line in the history', async () => {
    dir = await mkdtemp(join(tmpdir(), 'klachten-my-complaint-'));
    const store = makeGitFolderStore(dir);
    const record = aCase({ status: 'bevestigd', handler: 'jan' });
    await store.fileCase(record);
    const first = await addInformation(store, config, record.reference, 'De lift is weer kapot.', now);
    expect(first.added).toBe(true);
    expect(first.case.additions).toEqual([{ at: '2026-11-02T11:00:00+01:00', text: 'De lift is weer kapot.' }]);
    // A reply by mail in between does not make the same text, sent again from the page, a new one.
    const reply = {
      at: '2026-11-02T11:00:00+01:00',
      text: 'Per mail: ook de trap.',
      via: 'e-mail' as const,
      mailId: 'm1',
    };
    await store.updateCase(record.reference, (c) => ({ ...c, additions: [...(c.additions ?? []), reply] }), 'reactie');
    const again = await addInformation(store, config, record.reference, 'De lift is weer kapot.', now);
    expect(again.added).toBe(false);
    expect((await store.getCase(record.reference))?.additions).toHaveLength(2);
    // The history names the move; the text lives in the case file alone, where erasure reaches it.
    const { stdout: log } = await run('git', ['log', '--format=%B'], { cwd: dir });
    expect(log).toContain(`${record.reference}: aanvulling van de klager`);
    expect(log).not.toContain('De lift is weer kapot.');

    const closed = await withdraw(store, config, record.reference, now);
    expect(closed).toMatchObject({ status: 'afgesloten', outcome: 'ingetrokken' });
    expect(closed?.events.at(-1)).toMatchObject({ status: 'afgesloten', outcome: 'ingetrokken', by: 'klager' });
    expect(dueMessages(closed!, now).map((message) => message.kind)).toContain('withdrawn');
    const { stdout: after } = await run('git', ['log', '-1', '--format=%B'], { cwd: dir });
    expect(after).toContain('ingetrokken door de klager');
    expect(await withdraw(store, config, record.reference, now)).toBeUndefined();
  });

  it('keeps a repeat complaint not taken up as it is: only a coordinator reopens it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'klachten-my-complaint-'));
    const store = makeGitFolderStore(dir);
    const record = aCase({ status: 'niet-in-behandeling', earlierReference: 'K-2026-AAAAAA' });
    await store.fileCase(record);
    const { case: updated } = await addInformation(store, config, record.reference, 'Nieuw feit.', now);
    expect(updated.status).toBe('niet-in-behandeling');
    expect(updated.additions?.map((addition) => addition.text)).toEqual(['Nieuw feit.']);
    const { stdout: log } = await run('git', ['log', '-1', '--format=%B'], { cwd: dir });
    expect(log.trim()).toBe(`${record.reference}: aanvulling van de klager`);
  });
});

describe('on GitHub', () => {
  let standIn: GitHubStandIn;
  afterEach(() => standIn.close());

  it('adds an inert comment: the text fenced, the handler mentioned by the tooling', async () => {
    standIn = await startGitHubStandIn({ now: () => now });
    const store = makeGitHubStore(
      standInOctokit(standIn),
      { owner: 'livable', repo: 'klachten' },
      {
        context: { categories: config.categories, people: config.people },
      },
    );
    const record = aCase({ status: 'bevestigd', handler: 'jan' });
    await store.fileCase(record);
    await addInformation(store, config, record.reference, hostile, now);
    const comment = standIn.state.repo('livable/klachten').comments.at(-1)?.body ?? '';
    const [before, fenced = ''] = comment.split('````text\n');
    expect(before).toContain('@jdevries: de klager heeft informatie aan de klacht toegevoegd.');
    expect(before).not.toContain('@ebakker');
    expect(fenced).toContain('Zie ook @ebakker en #12 ```');
    expect(fenced).not.toContain('\u202E');
    expect(fenced.trimEnd().endsWith('````')).toBe(true);
    expect((await store.getCase(record.reference))?.additions?.[0]?.text).toBe(hostile);
  });
});

describe('withdrawing', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('revokes every personal link sent for the case, and keeps the new generation in the Git folder', async () => {
    dir = await mkdtemp(join(tmpdir(), 'klachten-withdraw-'));
    const store = makeGitFolderStore(dir);
    const record = aCase({ status: 'bevestigd', handler: 'jan', linkGeneration: 2 });
    await store.fileCase(record);
    expect(linkStanding({ generation: 2 }, await store.getCase(record.reference), now)).toBe('open');
    await withdraw(store, config, record.reference, now);
    const stored = await store.getCase(record.reference);
    expect(stored?.linkGeneration).toBe(3);
    expect(linkStanding({ generation: 2 }, stored, now)).toBe('revoked');
  });
});
