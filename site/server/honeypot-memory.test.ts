// What the honeypot remembers: a fingerprint, a reference and a moment, for a day; in memory at
// most so many, and in the queue shared by every instance and pruned like its other notes.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFsQueue } from '../../cases/queue/from-env.ts';
import { makeMemoryHoneypotMemory, makeQueueHoneypotMemory } from './honeypot-memory.ts';

const note = { reference: 'K-2026-7QF3-M9XA', receivedAt: '2026-11-02T10:00:00+01:00' };
const fingerprint = 'sha256:4f1c';

describe('the honeypot’s memory of one process', () => {
  it('recalls a form within a day of its first time, and not after', async () => {
    const memory = makeMemoryHoneypotMemory();
    await memory.remember(fingerprint, note);
    expect(await memory.recall(fingerprint, '2026-11-03T09:59:00+01:00')).toEqual(note);
    expect(await memory.recall(fingerprint, '2026-11-03T10:00:01+01:00')).toBeUndefined();
    expect(await memory.recall('sha256:other', '2026-11-02T10:00:00+01:00')).toBeUndefined();
  });

  it('holds at most so many notes, forgetting the oldest first', async () => {
    const memory = makeMemoryHoneypotMemory(2);
    for (const n of [1, 2, 3]) await memory.remember(`sha256:${n}`, { ...note, reference: `K-2026-7QF3-M9X${n}` });
    expect(await memory.recall('sha256:1', note.receivedAt)).toBeUndefined();
    expect((await memory.recall('sha256:3', note.receivedAt))?.reference).toBe('K-2026-7QF3-M9X3');
  });
});

describe('the honeypot’s memory in the queue', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'klachten-honeypot-memory-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is one memory for every instance on the queue, holding nothing of the form', async () => {
    await makeQueueHoneypotMemory(makeFsQueue(dir)).remember(fingerprint, note);
    expect(await makeQueueHoneypotMemory(makeFsQueue(dir)).recall(fingerprint, note.receivedAt)).toEqual(note);
    const files = await readdir(dir, { recursive: true, withFileTypes: true });
    const held = await Promise.all(
      files
        .filter((entry) => entry.isFile() && join(entry.parentPath, entry.name).includes('honeypot'))
        .map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
    );
    expect(held).toHaveLength(1);
    expect(Object.keys(JSON.parse(held[0]!) as object).sort()).toEqual(['expiresAt', 'receivedAt', 'reference']);
  });

  it('is forgotten when the queue is pruned after the day', async () => {
    const queue = makeFsQueue(dir);
    await makeQueueHoneypotMemory(queue).remember(fingerprint, note);
    expect(await queue.prune(new Date('2026-11-02T12:00:00Z'))).toBe(0);
    expect(await queue.prune(new Date('2026-11-03T09:00:01Z'))).toBe(1);
    expect(await makeQueueHoneypotMemory(queue).recall(fingerprint, note.receivedAt)).toBeUndefined();
  });
});
