import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertIfOverdue } from '../cases/queue/alert.ts';
import { newEntry } from '../cases/queue/entry.ts';
import { readPageHeader } from '../cases/stores/github/machine-block.ts';
import config from '../klachten.config.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';
import { aCase } from './support/case-fixture.ts';
import { aForm, keepingMailer, startQueueBed, type QueueBed } from './support/queue-bed.ts';

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

const issues = () => standIn.state.repo('livable/klachten').issues;
const issuesByReference = () => {
  const counts = new Map<string, number>();
  for (const issue of issues()) {
    const reference = readPageHeader(issue.body ?? '')?.reference ?? '?';
    counts.set(reference, (counts.get(reference) ?? 0) + 1);
  }
  return counts;
};
const contentWrites = () =>
  standIn.calls.all.filter((call) => call.method !== 'GET' && typeof call.status === 'number' && call.status < 300)
    .length;

describe('store first: the queued store and the drainer', () => {
  it('holds a complaint in the queue before GitHub, sends the receipt from there, and files it with one write and no listing', async () => {
    const result = await bed.intake(aForm(1));
    expect(result.kind).toBe('filed');
    if (result.kind !== 'filed') return;
    const reference = result.case.reference;
    expect(standIn.calls.count()).toBe(0);
    await bed.settle();
    expect(bed.mailer.sent.map((mail) => [mail.reference, mail.kind])).toEqual([[reference, 'receipt']]);
    expect(standIn.calls.count()).toBe(0);

    const report = await bed.setup.drain();
    expect(report.filed).toEqual([reference]);
    expect(standIn.calls.count('issues/create')).toBe(1);
    expect(standIn.calls.count('issues/list-for-repo')).toBe(0);
    expect(contentWrites()).toBe(1);
    const atGitHub = await bed.setup.github.github.getCase(reference);
    expect(atGitHub?.messages).toMatchObject([{ kind: 'receipt', attempts: 1, sentAt: expect.any(String) }]);
    expect(await bed.setup.queue.get(reference)).toMatchObject({ kind: 'entry', entry: { state: 'filed' } });
    expect((await bed.setup.store.getCase(reference))?.reference).toBe(reference);

    // Nothing left: the next run writes nothing.
    standIn.calls.reset();
    expect((await bed.setup.drain()).filed).toEqual([]);
    expect(contentWrites()).toBe(0);
  });

  it('recognises the same form sent twice by a key lookup in the queue, without asking GitHub', async () => {
    const first = await bed.intake(aForm(2));
    const second = await bed.intake(aForm(2));
    expect(second).toMatchObject({ kind: 'filed', created: false });
    if (first.kind !== 'filed' || second.kind !== 'filed') return;
    expect(second.case.reference).toBe(first.case.reference);
    expect(standIn.calls.count()).toBe(0);
    await bed.settle();
    expect(bed.mailer.sent).toHaveLength(1);
  });

  it('shows queued cases to the readers (deadlines, report) and changes them in the queue', async () => {
    const result = await bed.intake(aForm(3));
    if (result.kind !== 'filed') throw new Error('not filed');
    const reference = result.case.reference;
    await bed.settle();
    const before = await bed.setup.queue.get(reference);
    const revision = before.kind === 'entry' && before.entry.state === 'queued' ? before.entry.revision : -1;
    expect(revision).toBe(2); // the receipt: claimed, then recorded as sent
    expect((await bed.setup.store.listCases({ openOnly: true })).map((record) => record.reference)).toEqual([
      reference,
    ]);
    const changed = await bed.setup.store.updateCase(
      reference,
      (current) => ({ ...current, notices: [...current.notices, { key: 'test', at: current.receivedAt }] }),
      'test',
    );
    expect(changed.notices).toHaveLength(1);
    expect(await bed.setup.queue.get(reference)).toMatchObject({ entry: { state: 'queued', revision: 3 } });
    expect(contentWrites()).toBe(0);
    await bed.setup.drain();
    expect((await bed.setup.github.github.getCase(reference))?.notices).toHaveLength(1);
  });

  it('reconciles an ambiguous create instead of repeating it, and finds a filing that landed before a crash', async () => {
    const ambiguous = aCase();
    const crashed = aCase();
    await bed.setup.queue.put(newEntry(ambiguous, new Date(Date.now() - 10 * 60_000)));
    // A drainer that died after GitHub created the issue but before it marked the entry.
    await bed.setup.github.github.fileQueued(crashed, { lookFirst: false });
    await bed.setup.queue.put({ ...newEntry(crashed, new Date(Date.now() - 9 * 60_000)), attempts: 1 });
    standIn.faults.inject({ kind: 'server-error-after', operation: 'issues/create' });

    const report = await bed.setup.drain();
    expect(report.filed).toEqual([ambiguous.reference]);
    expect(report.alreadyThere).toEqual([crashed.reference]);
    expect(issuesByReference()).toEqual(
      new Map([
        [ambiguous.reference, 1],
        [crashed.reference, 1],
      ]),
    );
  });

  it('lets two drainers side by side file every case exactly once', async () => {
    const records = Array.from({ length: 24 }, () => aCase());
    for (const [index, record] of records.entries()) {
      await bed.setup.queue.put(newEntry(record, new Date(Date.now() - (60 - index) * 60_000)));
    }
    const second = bed.another();
    const [one, two] = await Promise.all([bed.setup.drain(), second.drain()]);
    expect([...one.filed, ...two.filed].sort()).toEqual(records.map((record) => record.reference).sort());
    expect(issuesByReference()).toEqual(new Map(records.map((record) => [record.reference, 1])));
    expect(standIn.calls.count('issues/create')).toBe(records.length);
  });

  it('sets a corrupt entry aside, files the rest, and names it in one alert an hour to the coordinators', async () => {
    const good = aCase();
    const bad = aCase();
    await bed.setup.queue.put(newEntry(good, new Date(Date.now() - 5 * 60_000)));
    await bed.setup.queue.put(newEntry(bad, new Date(Date.now() - 5 * 60_000)));
    await writeFile(join(bed.dataDir, 'queue', 'entry', bad.reference), '{"v":1,"state":"queued","record":');

    const report = await bed.setup.drain();
    expect(report.setAside).toEqual([bad.reference]);
    expect(report.filed).toEqual([good.reference]);
    expect(await bed.setup.queue.listAside()).toEqual([bad.reference]);

    const mailer = keepingMailer();
    const now = new Date();
    const alertAfter = (minutes: number) =>
      alertIfOverdue({
        queue: bed.setup.queue,
        mailer,
        config,
        now: new Date(now.getTime() + minutes * 60_000),
        log: () => {},
      });
    const first = await alertAfter(0);
    expect(first).toMatchObject({ sent: true, aside: [bad.reference] });
    expect(mailer.sent[0]?.to).toBe(config.coordinators.email);
    expect(mailer.sent[0]?.text).toContain(bad.reference);
    expect(mailer.sent[0]?.text).not.toMatch(/Anna|Lindenlaan|anna@|lift/);
    const again = await alertAfter(30);
    expect(again.sent).toBe(false);
    const later = await alertAfter(61);
    expect(later.sent).toBe(true);
  });

  it('alerts about a complaint unfiled for more than 30 minutes, references and counts only', async () => {
    const waiting = aCase();
    await bed.setup.queue.put(newEntry(waiting, new Date(Date.now() - 31 * 60_000)));
    const mailer = keepingMailer();
    const found = await alertIfOverdue({ queue: bed.setup.queue, mailer, config, now: new Date(), log: () => {} });
    expect(found).toMatchObject({ sent: true, stale: [waiting.reference] });
    expect(mailer.sent[0]?.subject).toContain('1 klacht(en) wachten op GitHub');
    expect(mailer.sent[0]?.text).not.toMatch(/Anna|Lindenlaan|anna@|lift/);
  });
});

describe('the drainer at GitHub’s limits', () => {
  it('stops at a secondary limit GitHub answers with, keeps the rest queued, and waits as long as GitHub asks', async () => {
    await standIn.close();
    standIn = await startGitHubStandIn({ writeLimits: { perMinute: 3, perHour: 100 } });
    await bed.close();
    bed = await startQueueBed(standIn);
    const records = Array.from({ length: 6 }, () => aCase());
    for (const [index, record] of records.entries()) {
      await bed.setup.queue.put(newEntry(record, new Date(Date.now() - (60 - index) * 60_000)));
    }
    const report = await bed.setup.drain({ maxPaceWaitMs: 1000 });
    expect(report.filed).toEqual(records.slice(0, 3).map((record) => record.reference));
    expect(report.failed).toEqual([records[3]?.reference]);
    expect(report.paced).toBe(true);
    expect(bed.setup.pacer.delay()).toBeGreaterThan(50_000);
    // Refused for a rate limit: nothing was created, so the next attempt goes straight to the create.
    expect(await bed.setup.queue.get(records[3]!.reference)).toMatchObject({
      entry: { state: 'queued', attempts: 0, lastError: 'github-rate-limited' },
    });
    expect(issuesByReference().size).toBe(3);
  });

  it('keeps below its own limits without being told: a run files no more than the minute allows', async () => {
    await bed.close();
    bed = await startQueueBed(standIn, { env: { KLACHTEN_GITHUB_WRITES_PER_MINUTE: '5' } });
    const records = Array.from({ length: 8 }, () => aCase());
    for (const [index, record] of records.entries()) {
      await bed.setup.queue.put(newEntry(record, new Date(Date.now() - (60 - index) * 60_000)));
    }
    const report = await bed.setup.drain({ maxPaceWaitMs: 1000 });
    expect(report.filed).toHaveLength(5);
    expect(report.paced).toBe(true);
    expect(standIn.calls.all.filter((call) => call.limited)).toHaveLength(0);
    // The pace is kept in the queue: a second drainer knows the minute is used up.
    const second = bed.another();
    expect((await second.drain({ maxPaceWaitMs: 1000 })).filed).toHaveLength(0);
  });
});
