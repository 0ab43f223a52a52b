// A case's files at GitHub, against the stand-in (which checks every call against GitHub's
// OpenAPI description): one ref per case with a blob per file, one tree and one commit; the
// issue lists them with links; later files go onto the same ref; erasure deletes the ref.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitBlobSha } from '../cases/stores/github/case-files.ts';
import { nameFiles } from '../cases/attachments/names.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';
import { preparedTrio } from './support/attachment-files.ts';
import { aForm, githubErasureTarget, startQueueBed, type QueueBed } from './support/queue-bed.ts';

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

const repo = () => standIn.state.repo('livable/klachten');
const writes = () =>
  standIn.calls.all.filter((call) => call.method !== 'GET' && typeof call.status === 'number' && call.status < 300);
const filesOnRef = (reference: string) => {
  const head = repo().refs.get(`refs/heads/bijlagen/${reference}`);
  const tree = head === undefined ? undefined : repo().commits.get(head)?.tree;
  return (tree === undefined ? [] : (repo().trees.get(tree) ?? [])).map((entry) => ({
    name: entry.path,
    bytes: repo().blobs.get(entry.sha),
  }));
};

async function filedWithThree(): Promise<string> {
  const prepared = await preparedTrio();
  const result = await bed.intake(aForm(1), undefined, { files: { prepared, refused: [] } });
  if (result.kind !== 'filed') throw new Error(`not filed: ${result.kind}`);
  await bed.settle();
  return result.case.reference;
}

describe('a case’s files at GitHub', () => {
  it('puts the files on one ref of the case before its issue, which lists them with links', async () => {
    const reference = await filedWithThree();
    const queued = await bed.setup.queue.binary.keys(`file:${reference}`);
    expect(queued).toHaveLength(3);
    expect(standIn.calls.count()).toBe(0);

    const report = await bed.setup.drain();
    expect(report.filed).toEqual([reference]);
    const kept = filesOnRef(reference);
    expect(kept.map((file) => file.name)).toEqual(['bijlage-1.jpg', 'bijlage-2.png', 'bijlage-3.pdf']);
    const record = await bed.setup.github.github.getCase(reference);
    for (const file of record?.attachments ?? []) {
      const bytes = kept.find((held) => held.name === file.name)?.bytes;
      expect(bytes?.length).toBe(file.size);
    }
    // A blob per file, one tree, one commit, one ref, the issue.
    expect(writes().map((call) => call.operation)).toEqual([
      'git/create-blob',
      'git/create-blob',
      'git/create-blob',
      'git/create-tree',
      'git/create-commit',
      'git/create-ref',
      'issues/create',
    ]);
    const issue = repo().issues.find((candidate) => candidate.title.includes(reference));
    expect(issue?.body).toContain(`/livable/klachten/blob/bijlagen/${reference}/bijlage-1.jpg`);
    expect(issue?.body).toContain('[bijlage-3.pdf](');
    // The sender's names are there only as inert text, in a fence.
    expect(issue?.body).toMatch(
      /```text\nbijlage-1\.jpg: IMG_0001\.JPG\nbijlage-2\.png: schermafdruk\.png\nbijlage-3\.pdf: brief verhuurder\.pdf\n```/,
    );
    // The queue lets go of the bytes once GitHub has them.
    expect(await bed.setup.queue.binary.keys(`file:${reference}`)).toEqual([]);
  });

  it('writes nothing again when the same files are stored a second time (a repeated filing)', async () => {
    const reference = await filedWithThree();
    const record = await bed.setup.store.getCase(reference);
    const files = (record?.attachments ?? []).map((file) => ({ record: file, bytes: new Uint8Array() }));
    const prepared = await preparedTrio();
    const named = nameFiles([], prepared, record?.receivedAt ?? '', 'formulier');
    expect(named.map((file) => file.record.sha256)).toEqual(files.map((file) => file.record.sha256));
    expect(await bed.setup.github.github.storeFiles(reference, named, record?.receivedAt ?? '')).toBe(6);
    standIn.calls.reset();
    expect(await bed.setup.github.github.storeFiles(reference, named, record?.receivedAt ?? '')).toBe(0);
    expect(writes()).toEqual([]);
    expect(filesOnRef(reference).map((file) => gitBlobSha(file.bytes ?? new Uint8Array()))).toEqual(
      named.map((file) => gitBlobSha(file.bytes)),
    );
  });

  it('takes files added later onto the same ref and into the issue’s list', async () => {
    const reference = await filedWithThree();
    await bed.setup.drain();
    const [photo] = await preparedTrio();
    const added = await bed.setup.store.addFiles?.(
      reference,
      (current) =>
        nameFiles(current.attachments ?? [], photo ? [photo] : [], '2026-11-03T10:00:00+01:00', 'mijn-klacht'),
      'bijlage toegevoegd',
    );
    expect(added?.added.map((file) => file.name)).toEqual(['bijlage-4.jpg']);
    // Listed on the case at once (the complainant's page shows it), though not at GitHub yet.
    expect((await bed.setup.store.getCase(reference))?.attachments).toHaveLength(4);
    expect(filesOnRef(reference)).toHaveLength(3);

    standIn.calls.reset();
    await bed.setup.drain();
    expect(filesOnRef(reference).map((file) => file.name)).toEqual([
      'bijlage-1.jpg',
      'bijlage-2.png',
      'bijlage-3.pdf',
      'bijlage-4.jpg',
    ]);
    expect(writes().map((call) => call.operation)).toEqual(
      expect.arrayContaining([
        'git/create-blob',
        'git/create-tree',
        'git/create-commit',
        'git/update-ref',
        'issues/update',
      ]),
    );
    expect(writes().filter((call) => call.operation === 'git/create-blob')).toHaveLength(1);
    const issue = repo().issues.find((candidate) => candidate.title.includes(reference));
    expect(issue?.body).toContain('bijlage-4.jpg');
    expect((await bed.setup.github.github.getCase(reference))?.attachments).toHaveLength(4);
    expect(await bed.setup.queue.binary.keys(`later:${reference}`)).toEqual([]);
  });

  it('deletes the case’s ref on erasure', async () => {
    const reference = await filedWithThree();
    await bed.setup.drain();
    const target = githubErasureTarget(bed);
    expect(await target.erase([reference], '2028-01-01T00:00:00+01:00', 'verzoek')).toEqual({ [reference]: 'erased' });
    expect(repo().refs.has(`refs/heads/bijlagen/${reference}`)).toBe(false);
    expect(standIn.calls.count('git/delete-ref')).toBe(1);
  });
});
