// What one public request costs GitHub, with 10,000 cases in the repository: the lost-link form
// and the complainant's page look a case up by its reference (`getCase`, through the intake
// queue's store, as the site does). With the index from reference to issue in the queue
// (cases/stores/github/issue-index.ts) a known case costs one call (two when it runs on in a
// continuation comment), a well-formed reference that is no case none, a malformed one none.
// Without it, a reference GitHub does not hold meant listing every issue: 100 calls. Each lookup
// runs in a fresh set-up, as in another instance that never saw the case.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../cases/case.ts';
import { revokeLinks } from '../cases/complainant-token.ts';
import { makeQueueSetupFromEnv, type QueueSetup } from '../cases/queue/setup-from-env.ts';
import config from '../klachten.config.ts';
import { addInformation } from '../site/server/my-complaint-actions.ts';
import { answerQuestionOnPage } from '../site/server/my-complaint-questions.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';
import { aCase } from './support/case-fixture.ts';
import { callsDuring } from './support/github-calls.ts';
import { seedIssues } from './support/seed-issues.ts';
import { standInGitHubEnv } from './support/standin-octokit.ts';

const issueCount = 10_000;
const context = { categories: config.categories, people: config.people };

let standIn: GitHubStandIn;
let dataDir: string;
const setups: QueueSetup[] = [];
let known: Case;
let long: Case;

/** A set-up of its own on the shared queue folder: another instance. */
function instance(dir = dataDir): QueueSetup {
  const setup = makeQueueSetupFromEnv(standInGitHubEnv(standIn, { dataDir: dir }), config, dir, () => {});
  setups.push(setup);
  return setup;
}

const callsOf = (work: () => Promise<unknown>) => callsDuring(standIn, work);

beforeAll(async () => {
  standIn = await startGitHubStandIn();
  dataDir = await mkdtemp(join(tmpdir(), 'klachten-calls-'));
  known = aCase({ status: 'bevestigd', handler: 'klantcontact' });
  // Long enough to run on in a continuation comment.
  long = aCase({ complaint: `Een lange klacht. ${'De lift is kapot. '.repeat(4000)}` });
  const fillers = Array.from({ length: issueCount - 2 }, () => aCase());
  seedIssues(standIn, [known, ...fillers.slice(0, 5000), long, ...fillers.slice(5000)], context);
}, 120_000);

afterAll(async () => {
  for (const setup of setups) await setup.queue.close();
  await standIn?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe(`one public request, with ${issueCount.toLocaleString('en')} issues`, () => {
  it('costs a walk over every issue for a reference GitHub does not hold while there is no index', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'klachten-calls-bare-'));
    try {
      const unknown = await callsOf(() => instance(bare).store.getCase('K-2026-ZZZZ-ZZZZ'));
      console.log(`without the index: a well-formed unknown reference costs ${unknown} calls`);
      expect(unknown).toBe(issueCount / 100);
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  }, 60_000);

  it('costs at most two calls for a known reference, none for an unknown or malformed one, once sync built the index', async () => {
    const build = await callsOf(async () => {
      expect(await instance().refreshIndex()).toEqual({ kind: 'built', noted: issueCount });
    });
    const counts = {
      known: await callsOf(async () =>
        expect((await instance().store.getCase(known.reference))?.name).toBe(known.name),
      ),
      'known, two pages': await callsOf(async () =>
        expect((await instance().store.getCase(long.reference))?.complaint).toBe(long.complaint),
      ),
      unknown: await callsOf(async () => expect(await instance().store.getCase('K-2026-ZZZZ-ZZZZ')).toBeUndefined()),
      malformed: await callsOf(async () => expect(await instance().store.getCase('K-2026-<script>')).toBeUndefined()),
    };
    console.log(
      `GitHub calls per public request at ${issueCount.toLocaleString('en')} issues (building the index: ${build}): ` +
        Object.entries(counts)
          .map(([what, count]) => `${what} ${count}`)
          .join(', '),
    );
    expect(build).toBe(issueCount / 100);
    expect(counts).toEqual({ known: 1, 'known, two pages': 2, unknown: 0, malformed: 0 });
  }, 120_000);

  it('costs two calls for a new personal link: the lookup, and the new link generation written on top of it', async () => {
    const store = instance().store;
    const calls = await callsOf(async () => {
      const record = await store.getCase(known.reference);
      if (record === undefined) throw new Error('the known case is not found');
      const renewed = await store.updateCase(known.reference, revokeLinks, 'nieuwe persoonlijke link', {
        current: record,
        quiet: true,
      });
      expect(renewed.linkGeneration).toBe(1);
    });
    console.log(`a new personal link costs ${calls} GitHub calls (look the case up, write the new generation)`);
    expect(calls).toBe(2);
  }, 60_000);

  it('says what an addition through the complainant’s page costs, whatever the number of issues', async () => {
    const store = instance().store;
    const calls = await callsOf(() =>
      addInformation(store, config, known.reference, 'Nog een foto van de lift.', new Date('2026-11-02T10:00:00Z')),
    );
    // Read, rewrite, and the comment that tells the handler: no lookup grows with the cases.
    console.log(`an addition costs ${calls} GitHub calls (read the case, read it for the update, write it, comment)`);
    expect(calls).toBeLessThanOrEqual(4);
  }, 60_000);

  it('says what an answer to a question through the complainant’s page costs, whatever the number of issues', async () => {
    const store = instance().store;
    const at = '2026-11-02T10:00:00+01:00';
    await store.updateCase(
      known.reference,
      (record) => ({ ...record, questions: [{ id: 'v1', at, text: 'Welke verdieping?' }] }),
      'vraag',
    );
    const calls = await callsOf(async () => {
      const answered = await answerQuestionOnPage(
        store,
        config,
        known.reference,
        'v1',
        'De derde.',
        new Date('2026-11-02T10:00:00Z'),
      );
      expect(answered).toMatchObject({ ok: true, answered: true });
    });
    // Read the case once, write it, and the comment that mentions the handler.
    console.log(`an answer to a question costs ${calls} GitHub calls (read the case, write it, comment)`);
    expect(calls).toBeLessThanOrEqual(3);
  }, 60_000);
});
