// The index from reference to issue kept in the intake queue (cases/stores/github/issue-index.ts,
// cases/queue/issue-index.ts): every case the drainer files is in it at once, what others make
// at GitHub comes in with the next top-up, and a deleted issue stops costing calls.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeQueueIssueIndex } from '../cases/queue/issue-index.ts';
import config from '../klachten.config.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';
import { aCase } from './support/case-fixture.ts';
import { callsDuring } from './support/github-calls.ts';
import { aForm, startQueueBed, type QueueBed } from './support/queue-bed.ts';
import { seedIssues } from './support/seed-issues.ts';

const context = { categories: config.categories, people: config.people };

let standIn: GitHubStandIn;
let bed: QueueBed;
beforeEach(async () => {
  standIn = await startGitHubStandIn();
  bed = await startQueueBed(standIn);
});
afterEach(async () => {
  await bed.close();
  await standIn.close();
});

const callsOf = (work: () => Promise<unknown>) => callsDuring(standIn, work);

describe('the index from reference to issue', () => {
  it('holds each case the drainer files, so another instance finds it in one call', async () => {
    seedIssues(standIn, [aCase(), aCase()], context);
    expect(await bed.setup.refreshIndex()).toEqual({ kind: 'built', noted: 2 });
    const filed = await bed.intake(aForm(1));
    await bed.settle();
    await bed.setup.drain();
    const reference = filed.kind === 'filed' ? filed.case.reference : '';
    const other = bed.another();
    expect(await callsOf(async () => expect((await other.store.getCase(reference))?.reference).toBe(reference))).toBe(
      1,
    );
    expect(await callsOf(() => other.store.getCase('K-2026-ZZZZ-ZZZZ'))).toBe(0);
  });

  it('takes in an issue made elsewhere at the next top-up, and tops up at most as often as asked', async () => {
    await bed.setup.refreshIndex();
    const made = aCase();
    seedIssues(standIn, [made], context);
    // Until the top-up, the complete index does not know it.
    expect(await bed.another().store.getCase(made.reference)).toBeUndefined();
    expect(await callsOf(() => bed.setup.refreshIndex({ minIntervalMs: 60 * 60 * 1000 }))).toBe(0);
    let topUp: unknown;
    expect(await callsOf(async () => (topUp = await bed.setup.refreshIndex()))).toBe(1);
    expect(topUp).toEqual({ kind: 'topped-up', noted: 1 });
    expect((await bed.another().store.getCase(made.reference))?.name).toBe(made.name);
  });

  it('forgets an issue that is gone (erased): one call the first time, none after', async () => {
    const erased = aCase();
    const numbers = seedIssues(standIn, [erased], context);
    await bed.setup.refreshIndex();
    const repo = standIn.state.repo('livable/klachten');
    repo.issues = repo.issues.filter((issue) => issue.number !== numbers.get(erased.reference));
    expect(await callsOf(() => bed.another().store.getCase(erased.reference))).toBe(1);
    expect(await callsOf(() => bed.another().store.getCase(erased.reference))).toBe(0);
  });

  it('keeps a reference and an issue number, nothing else, and only for a well-formed reference', async () => {
    const index = makeQueueIssueIndex(bed.setup.queue);
    await index.note('../../etc/passwd', 1);
    await index.note('K-2026-7QF3-M9XA', 12);
    expect(await index.lookup('K-2026-7QF3-M9XA')).toEqual({ kind: 'issue', number: 12 });
    expect(await index.lookup('../../etc/passwd')).toEqual({ kind: 'absent' });
    expect(await bed.setup.queue.getMeta('issue:K-2026-7QF3-M9XA')).toBe(12);
  });
});
