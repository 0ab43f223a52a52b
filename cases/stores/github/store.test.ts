import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/support/case-fixture.ts';
import { standInOctokit } from '../../../tests/support/standin-octokit.ts';
import { startGitHubStandIn, type GitHubStandIn, type StandInOptions } from '../../../tests/github-standin/index.ts';
import { parseConfig } from '../../config.ts';
import config from '../../../klachten.config.ts';
import { encodeIssue } from './issue-format.ts';
import { describeStoreContract } from '../contract.ts';
import { makeOctokit, readGitHubSettings, type GitHubSettings } from './client.ts';
import type { Log, LogFields } from '../../log.ts';
import type { Case } from '../../case.ts';
import type { UnreadableCase } from '../../store.ts';
import { classifyFailure } from './failures.ts';
import { caseLabels, syncLabels } from './label-sync.ts';
import { makeGitHubStore, type GitHubStoreOptions } from './store.ts';

const { categories } = parseConfig(config);
const repository = { owner: 'livable', repo: 'klachten' };
/** The stand-in's clock runs from the day the fixture cases were received. */
const standInClock = () => {
  const start = Date.now();
  return () => new Date(Date.parse('2026-10-26T11:00:00Z') + (Date.now() - start));
};

async function setUp(
  standInOptions: StandInOptions = {},
  storeOptions: Partial<GitHubStoreOptions> = {},
  settings: Partial<GitHubSettings> = {},
) {
  const standIn = await startGitHubStandIn({ now: standInClock(), ...standInOptions });
  const events: Array<[string, LogFields]> = [];
  const log: Log = (event, fields) => void events.push([event, fields]);
  const octokit = standInOctokit(standIn, { retryAfterUnitMs: 10, log, ...settings });
  const store = makeGitHubStore(octokit, repository, { context: { categories }, log, budgetMs: 2000, ...storeOptions });
  return { standIn, store, octokit, events, issues: () => standIn.state.repo('livable/klachten').issues };
}

/** Files one case and returns the stand-in's issue for it, as the tests then inspect or change it. */
async function fileAndFind(setup: Awaited<ReturnType<typeof setUp>>, record: Case) {
  await setup.store.fileCase(record);
  const [issue] = setup.issues();
  return issue;
}

describeStoreContract('the GitHub store', async () => {
  const unreadable: UnreadableCase[] = [];
  const { standIn, store, octokit } = await setUp({}, { onUnreadable: (found) => void unreadable.push(found) });
  return {
    store,
    unreadable: () => unreadable,
    reopen: () => makeGitHubStore(octokit, repository, { context: { categories } }),
    corrupt: async (reference) => {
      const issue = standIn.state
        .repo('livable/klachten')
        .issues.find((candidate) => candidate.title.includes(reference));
      if (!issue?.body) throw new Error(`no issue for ${reference}`);
      issue.body = issue.body.replace('"status":"ontvangen"', '"status":"kwijt"');
    },
    close: () => standIn.close(),
  };
});

describe('the GitHub store files each complaint as one issue', () => {
  let standIn: GitHubStandIn;
  afterEach(async () => {
    await standIn.close();
  });

  it('writes title, labels and body from the issue format, and nothing personal in title or labels', async () => {
    const setup = await setUp();
    standIn = setup.standIn;
    const record = aCase({ name: 'Anna de Vries', category: 'overlast' });
    const issue = await fileAndFind(setup, record);
    const encoded = encodeIssue(record, { categories });
    expect(issue?.title).toBe(`Klacht ${record.reference} · Overlast`);
    expect(issue?.body).toBe(encoded.body);
    expect(issue?.labels).toEqual(['klacht', 'status: ontvangen', 'categorie: overlast']);
    expect(`${issue?.title} ${issue?.labels.join(' ')}`).not.toMatch(/Anna|Vries|anna@|Lindenlaan/);
  });

  it('mirrors status and outcome in labels and open/closed, and keeps the labels coordinators added', async () => {
    const setup = await setUp();
    standIn = setup.standIn;
    const record = aCase();
    const issue = await fileAndFind(setup, record);
    standIn.state
      .repo('livable/klachten')
      .labels.push({ id: standIn.state.nextId(), name: 'spoed', color: 'b60205', description: null });
    issue?.labels.push('spoed');
    await setup.store.updateCase(
      record.reference,
      (current) => ({ ...current, status: 'niet-in-behandeling' }),
      'herhaalde klacht',
    );
    expect(issue?.labels).toEqual(['spoed', 'klacht', 'status: niet-in-behandeling', 'categorie: onderhoud']);
    expect(issue?.state).toBe('closed');
    expect(issue?.stateReason).toBe('not_planned');
    const comments = standIn.state.repo('livable/klachten').comments;
    expect(comments.map((comment) => comment.body)).toEqual(['<!-- klachtenloket:note -->\nherhaalde klacht']);
  });

  it('records a quiet change in the machine block without a comment on the issue', async () => {
    const setup = await setUp();
    standIn = setup.standIn;
    const record = aCase();
    await setup.store.fileCase(record);
    await setup.store.updateCase(record.reference, (current) => ({ ...current, handler: 'jan' }), 'stil', {
      quiet: true,
    });
    expect((await setup.store.getCase(record.reference))?.handler).toBe('jan');
    expect(standIn.state.repo('livable/klachten').comments).toEqual([]);
  });

  it('keeps a complaint too long for one body whole, continued in comments, and reads it back exactly', async () => {
    const setup = await setUp();
    standIn = setup.standIn;
    const record = aCase({ complaint: `${'Het lekt. '.repeat(6000)}\u202e\u0007`, expectation: '`'.repeat(70) });
    await setup.store.fileCase(record);
    const comments = standIn.state.repo('livable/klachten').comments;
    expect(comments.length).toBeGreaterThan(0);
    for (const page of [setup.issues()[0]?.body ?? '', ...comments.map((comment) => comment.body)]) {
      expect([...page].length).toBeLessThanOrEqual(65_536);
    }
    expect(await setup.store.getCase(record.reference)).toEqual(record);
    const updated = await setup.store.updateCase(
      record.reference,
      (current) => ({ ...current, status: 'bevestigd', complaint: `${current.complaint} En nog meer.`.repeat(2) }),
      'bevestigd',
    );
    expect(
      await makeGitHubStore(setup.octokit, repository, { context: { categories } }).getCase(record.reference),
    ).toEqual(updated);
  });

  it('lists N cases with ⌈N/100⌉ listing calls', async () => {
    const setup = await setUp();
    standIn = setup.standIn;
    for (const record of Array.from({ length: 201 }, () => aCase())) {
      const encoded = encodeIssue(record, { categories });
      const repo = standIn.state.repo('livable/klachten');
      const at = standIn.state.now();
      repo.issues.push({
        id: standIn.state.nextId(),
        number: repo.issues.length + 1,
        title: encoded.title,
        body: encoded.body,
        state: 'open',
        stateReason: null,
        labels: encoded.labels,
        assignees: [],
        user: 'klachten-bot',
        createdAt: at,
        updatedAt: at,
        closedAt: null,
        isPull: false,
      });
    }
    standIn.calls.reset();
    expect(await setup.store.listCases()).toHaveLength(201);
    expect(standIn.calls.count('issues/list-for-repo')).toBe(3);
    expect(standIn.calls.count()).toBe(3);
  });
});

describe('filing through faults never loses and never duplicates', () => {
  let standIn: GitHubStandIn;
  afterEach(async () => {
    await standIn.close();
  });

  for (const kind of ['server-error-after', 'reset-after'] as const) {
    it(`finds the issue after a ${kind} on create instead of creating it again`, async () => {
      const setup = await setUp();
      standIn = setup.standIn;
      standIn.faults.inject({ kind, operation: 'issues/create' });
      const record = aCase();
      expect(await setup.store.fileCase(record)).toEqual({ case: record, created: true });
      expect(setup.issues()).toHaveLength(1);
      expect(standIn.calls.count('issues/create')).toBe(1);
    });
  }

  for (const kind of ['server-error', 'reset'] as const) {
    it(`creates the issue once more after a ${kind} before it was made, having looked first`, async () => {
      const setup = await setUp();
      standIn = setup.standIn;
      standIn.faults.inject({ kind, operation: 'issues/create' });
      const record = aCase();
      expect((await setup.store.fileCase(record)).created).toBe(true);
      expect(setup.issues()).toHaveLength(1);
      expect(standIn.calls.count('issues/create')).toBe(2);
      expect(standIn.calls.count('issues/list-for-repo')).toBe(2);
    });
  }

  it('gives up within its budget when GitHub hangs, and a later filing finds the issue that landed', async () => {
    const setup = await setUp({}, { budgetMs: 600 });
    standIn = setup.standIn;
    standIn.faults.inject({ kind: 'hang-after', operation: 'issues/create', hangMs: 5000 });
    const record = aCase();
    await expect(setup.store.fileCase(record)).rejects.toMatchObject({ tag: 'ambiguous' });
    expect(setup.issues()).toHaveLength(1);
    expect(await setup.store.fileCase(record)).toEqual({ case: record, created: false });
    expect(setup.issues()).toHaveLength(1);
  });

  it('honours retry-after of a secondary rate limit, then creates once', async () => {
    const setup = await setUp();
    standIn = setup.standIn;
    standIn.faults.inject({
      kind: 'secondary-rate-limit',
      operation: 'issues/create',
      status: 429,
      retryAfterSeconds: 2,
    });
    const record = aCase();
    expect((await setup.store.fileCase(record)).created).toBe(true);
    expect(standIn.calls.count('issues/create')).toBe(2);
    expect(setup.issues()).toHaveLength(1);
    expect(setup.events).toContainEqual([
      'github.rate-limited',
      { kind: 'secondary', retryAfterSeconds: 2, attempt: 1, retry: true },
    ]);
  });

  it('does not wait for a rate limit longer than its budget', async () => {
    const setup = await setUp({}, { budgetMs: 5000 }, { retryAfterUnitMs: 1000 });
    standIn = setup.standIn;
    standIn.faults.inject({ kind: 'secondary-rate-limit', operation: 'issues/create', retryAfterSeconds: 60 });
    await expect(setup.store.fileCase(aCase())).rejects.toMatchObject({ tag: 'rate-limited' });
    expect(setup.issues()).toHaveLength(0);
  });

  for (const [kind, expected] of [
    ['unauthorized', 'unauthorized'],
    ['not-found', 'not-found'],
  ] as const) {
    it(`stops at once on ${kind}, without a second create`, async () => {
      const setup = await setUp();
      standIn = setup.standIn;
      standIn.faults.inject({ kind, operation: 'issues/create' });
      await expect(setup.store.fileCase(aCase())).rejects.toMatchObject({ tag: expected });
      expect(standIn.calls.count('issues/create')).toBe(1);
      expect(setup.issues()).toHaveLength(0);
    });
  }

  it('finishes a filing that broke off between the issue and its continuation', async () => {
    const setup = await setUp();
    standIn = setup.standIn;
    standIn.faults.inject({ kind: 'unauthorized', operation: 'issues/create-comment' });
    const record = aCase({ complaint: 'x'.repeat(90_000) });
    await expect(setup.store.fileCase(record)).rejects.toThrow();
    expect(await setup.store.listCases()).toEqual([]);
    expect(await setup.store.fileCase(record)).toEqual({ case: record, created: false });
    expect(await setup.store.getCase(record.reference)).toEqual(record);
    expect(setup.issues()).toHaveLength(1);
  });

  it('recognises a filed case by its machine block even when its labels were dropped or removed', async () => {
    const setup = await setUp();
    standIn = setup.standIn;
    const record = aCase();
    const issue = await fileAndFind(setup, record);
    if (issue) issue.labels = [];
    expect(await setup.store.fileCase(record)).toEqual({ case: record, created: false });
    expect(await setup.store.fileCase({ ...record, reference: 'K-2026-ZZZZZZ' })).toEqual({
      case: record,
      created: false,
    });
    expect(setup.issues()).toHaveLength(1);
  });

  it('sorts failures into ambiguous and definite ones', () => {
    expect(classifyFailure(Object.assign(new Error('x'), { status: 502, response: { headers: {} } }))).toBe(
      'ambiguous',
    );
    expect(classifyFailure(Object.assign(new Error('fetch failed'), { status: 500 }))).toBe('ambiguous');
    expect(
      classifyFailure(Object.assign(new Error('x'), { status: 403, response: { headers: { 'retry-after': '1' } } })),
    ).toBe('rate-limited');
    expect(classifyFailure(Object.assign(new Error('x'), { status: 403, response: { headers: {} } }))).toBe(
      'forbidden',
    );
    expect(classifyFailure(Object.assign(new Error('x'), { status: 422, response: { headers: {} } }))).toBe('rejected');
  });
});

describe('the GitHub client signs in the ways GitHub offers', () => {
  let standIn: GitHubStandIn;
  afterEach(async () => {
    await standIn.close();
  });

  it('works as a GitHub App installation (PKCS#1 key as GitHub issues it) with only Issues write and Metadata read, on an Enterprise Server path', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const minimal = { issues: 'write', metadata: 'read' } as const;
    standIn = await startGitHubStandIn({
      now: standInClock(),
      basePath: '/api/v3',
      tokens: [],
      apps: [
        {
          appId: 4242,
          publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
          installationId: 77,
          permissions: minimal,
          repositories: ['livable/klachten'],
        },
      ],
    });
    const env = {
      GITHUB_REPOSITORY: 'livable/klachten',
      GITHUB_API_URL: standIn.url,
      KLACHTEN_APP_ID: '4242',
      KLACHTEN_APP_PRIVATE_KEY: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString().replaceAll('\n', '\\n'),
      KLACHTEN_APP_INSTALLATION_ID: '77',
    };
    const { settings, repository: repo } = readGitHubSettings(env);
    expect(standIn.url).toMatch(/\/api\/v3$/);
    const octokit = makeOctokit({ ...settings, writeIntervalMs: 0 });
    const store = makeGitHubStore(octokit, repo, { context: { categories } });
    const record = aCase();
    await store.fileCase(record);
    await syncLabels(octokit, repo, caseLabels({ categories }));
    expect(await store.getCase(record.reference)).toEqual(record);
    expect(standIn.state.repo('livable/klachten').issues[0]?.user).toBe('klachtenloket[bot]');
    expect(standIn.calls.count('apps/create-installation-access-token')).toBe(1);
  });
});

describe('the GitHub settings come from the environment', () => {
  it('names missing settings without echoing any secret', () => {
    expect(() => readGitHubSettings({ GITHUB_REPOSITORY: 'livable' })).toThrow(/GITHUB_REPOSITORY[\s\S]*GITHUB_TOKEN/);
    expect(() => readGitHubSettings({ GITHUB_REPOSITORY: 'a/b', KLACHTEN_APP_ID: 'geheim-123' })).toThrow(
      /KLACHTEN_APP_PRIVATE_KEY ontbreekt/,
    );
    try {
      readGitHubSettings({ GITHUB_REPOSITORY: 'a/b', KLACHTEN_APP_ID: 'geheim-123' });
    } catch (error) {
      expect(String(error)).not.toContain('geheim-123');
    }
    expect(readGitHubSettings({ GITHUB_REPOSITORY: 'a/b', GITHUB_TOKEN: 't' })).toEqual({
      settings: { apiUrl: 'https://api.github.com', auth: { kind: 'token', token: 't' } },
      repository: { owner: 'a', repo: 'b' },
    });
  });
});
