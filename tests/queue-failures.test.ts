// What a failing queue says: its failures name their cause, the intake answers "not stored" with
// everything typed kept (the site's 503, never a 500) and the last failure is kept where
// `klachten sync --status` and `klachten doctor` show it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomFillSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCalendar } from '../cases/calendar.ts';
import { fileComplaint } from '../cases/intake.ts';
import { makeFsQueue } from '../cases/queue/from-env.ts';
import { failureOf, lastFailure, makeFailureRecorder, noteFailures } from '../cases/queue/last-failure.ts';
import type { IntakeQueue } from '../cases/queue/port.ts';
import { withQueueCauses } from '../cases/queue/queue-failures.ts';
import { makeQueueSetupFromEnv } from '../cases/queue/setup-from-env.ts';
import config from '../klachten.config.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';
import { freePort } from './support/free-port.ts';
import { aForm } from './support/queue-bed.ts';
import { standInGitHubEnv } from './support/standin-octokit.ts';

let dir: string;
let standIn: GitHubStandIn;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klachten-queue-failures-'));
  standIn = await startGitHubStandIn();
});
afterEach(async () => {
  await standIn.close();
  await rm(dir, { recursive: true, force: true });
});

const code = (error: unknown) => (error as { tag?: string }).tag;

describe('a queue that fails', () => {
  it('on a Redis that is down: the intake keeps everything typed and says it stored nothing, naming queue-unreachable', async () => {
    const events: [string, Record<string, unknown>][] = [];
    const log = (event: string, fields: Record<string, unknown>) => void events.push([event, fields]);
    const env = {
      ...standInGitHubEnv(standIn, { dataDir: dir }),
      KLACHTEN_QUEUE: `redis://127.0.0.1:${await freePort()}`,
    };
    const setup = makeQueueSetupFromEnv(env, config, dir, log);
    const form = aForm(1);
    const result = await fileComplaint(form, {
      store: setup.store,
      config,
      calendar: makeCalendar(config.terms),
      now: new Date(),
      fillRandom: (bytes) => randomFillSync(bytes),
      log,
    });
    expect(result.kind).toBe('failed');
    if (result.kind === 'failed') expect(result.values).toMatchObject({ name: form.name, complaint: form.complaint });
    expect(events).toContainEqual(['intake.failed', expect.objectContaining({ error: 'queue-unreachable' })]);
    expect(standIn.calls.count()).toBe(0);
    await setup.queue.close();
  });

  it('on a disk that refuses writes: queue-read-only, with the system’s code as the detail', async () => {
    const inner = makeFsQueue(dir);
    const refusing: IntakeQueue = {
      ...inner,
      put: async () => {
        throw Object.assign(new Error(`EROFS: read-only file system, open '${dir}/entry/x'`), { code: 'EROFS' });
      },
    };
    const failure = await withQueueCauses(refusing)
      .put({} as never)
      .catch((error: unknown) => error);
    expect(code(failure)).toBe('queue-read-only');
    expect(failure).toMatchObject({ detail: 'EROFS' });
  });
});

describe('the last failure', () => {
  it('is noted from failure lines only, by event and cause code, never their other fields', () => {
    const at = new Date('2026-11-02T09:00:00Z');
    expect(failureOf('queue.file-failed', { reference: 'K-2026-7QF3-M9XA', error: 'github-unauthorized' }, at)).toEqual(
      {
        event: 'queue.file-failed',
        code: 'github-unauthorized',
        reference: 'K-2026-7QF3-M9XA',
        at: at.toISOString(),
      },
    );
    expect(failureOf('store.primary-failed', { kind: 'budget' }, at)).toMatchObject({ code: 'budget' });
    expect(failureOf('github.read-failed', { kind: 'unauthorized', status: 401 }, at)).toMatchObject({
      code: 'github-unauthorized',
    });
    expect(failureOf('mail.unavailable', { error: 'smtp-missing' }, at)).toMatchObject({ code: 'smtp-missing' });
    expect(failureOf('queue.filed', { reference: 'K-2026-7QF3-M9XA' }, at)).toBeUndefined();
  });

  it('is kept in the queue for everyone to read, the newest winning, also when the queue was down when it happened', async () => {
    const queue = makeFsQueue(dir);
    let down = true;
    const flaky: IntakeQueue = {
      ...queue,
      setMeta: (name, value) => (down ? Promise.reject(new Error('down')) : queue.setMeta(name, value)),
    };
    const recorder = makeFailureRecorder(flaky, { retryMs: 20 });
    const lines: string[] = [];
    const log = noteFailures(
      (event) => void lines.push(event),
      () => recorder,
    );
    log('queue.drain-failed', { error: 'queue-unreachable' });
    log('queue.drained', { filed: 0 });
    await recorder.settled();
    expect(await lastFailure(queue)).toBeUndefined();
    down = false;
    await new Promise((resolve) => setTimeout(resolve, 100));
    await recorder.settled();
    expect(await lastFailure(queue)).toMatchObject({ event: 'queue.drain-failed', code: 'queue-unreachable' });
    log('mail.failed', { reference: 'K-2026-7QF3-M9XA', kind: 'receipt', error: 'smtp-refused' });
    await recorder.settled();
    expect(await lastFailure(makeFsQueue(dir))).toMatchObject({ code: 'smtp-refused', reference: 'K-2026-7QF3-M9XA' });
    expect(lines).toEqual(['queue.drain-failed', 'queue.drained', 'mail.failed']);
  });
});
