// The drainer sends the mail due for what it touches: a receipt never waits for the daily run, an
// attempt whose process is gone is sent again at once, a live one holds the filing no longer than
// the grace time, and with the mail server down everything is filed at once and each receipt goes
// out, once, when it is back. GitHub down: complaints wait in the queue, the alert comes once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../cases/case.ts';
import { taggedError } from '../cases/errors.ts';
import { addressHash } from '../cases/mail/message-record.ts';
import { alertIfOverdue } from '../cases/queue/alert.ts';
import config from '../klachten.config.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';
import { aForm, keepingMailer, startQueueBed, type QueueBed } from './support/queue-bed.ts';

let standIn: GitHubStandIn;
let bed: QueueBed;
let events: [string, Record<string, unknown>][];

beforeEach(async () => {
  standIn = await startGitHubStandIn();
  events = [];
  bed = await startQueueBed(standIn, { log: (event, fields) => void events.push([event, fields]) });
});
afterEach(async () => {
  await bed.close();
  await standIn.close();
});

const contentWrites = () =>
  standIn.calls.all.filter((call) => call.method !== 'GET' && typeof call.status === 'number' && call.status < 300)
    .length;
const iso = (ms: number) => new Date(ms).toISOString();

/** A complaint queued by a process that died before it sent the receipt. */
async function queuedWithoutReceipt(n: number): Promise<string> {
  const result = await bed.intake(aForm(n), undefined, { receipt: false });
  if (result.kind !== 'filed') throw new Error('not filed');
  return result.case.reference;
}

/** Records a receipt attempt on a queued case, as a sender's claim does. */
async function attemptOn(reference: string, attempt: { owner: string; startedAt: number; until: number }) {
  await bed.setup.store.updateCase(
    reference,
    (current) => ({
      ...current,
      messages: [
        {
          kind: 'receipt',
          attempts: 1,
          attemptStartedAt: iso(attempt.startedAt),
          attemptOwner: attempt.owner,
          attemptUntil: iso(attempt.until),
        },
      ],
    }),
    'test',
  );
}

const filedNote = async (reference: string) => {
  const found = await bed.setup.queue.get(reference);
  return found.kind === 'entry' ? found.entry : undefined;
};

describe('the drainer’s mail', () => {
  it('sends the receipt a process left unsent before filing, so it travels in the one create call', async () => {
    const reference = await queuedWithoutReceipt(1);
    const report = await bed.setup.drain({ mail: bed.drainMail() });
    expect(report).toMatchObject({ filed: [reference], mailed: 1 });
    expect(bed.mailer.sent.map((mail) => [mail.reference, mail.kind])).toEqual([[reference, 'receipt']]);
    expect(contentWrites()).toBe(1);
    expect((await bed.setup.github.github.getCase(reference))?.messages).toMatchObject([
      { kind: 'receipt', sentAt: expect.any(String) },
    ]);
    expect(await filedNote(reference)).not.toHaveProperty('mailPending');
  });

  it('does not wait on an attempt whose owner is gone: sends it again at once, then files the case', async () => {
    const reference = await queuedWithoutReceipt(2);
    // A process killed while it sent: its lease ran out a minute ago, and nothing renews it.
    await attemptOn(reference, { owner: 'p-killed', startedAt: Date.now() - 3 * 60_000, until: Date.now() - 60_000 });
    const report = await bed.setup.drain({ mail: bed.drainMail() });
    expect(report).toMatchObject({ filed: [reference], mailed: 1, later: [] });
    expect(bed.mailer.sent).toHaveLength(1);
    expect(events.map(([event]) => event)).toContain('mail.resending-unfinished');
    const atGitHub = await bed.setup.github.github.getCase(reference);
    expect(atGitHub?.messages).toMatchObject([{ kind: 'receipt', attempts: 2, sentAt: expect.any(String) }]);
  });

  it('waits for an attempt another process has under way, at most the grace time; then files and the record follows', async () => {
    const reference = await queuedWithoutReceipt(3);
    const sender = bed.another();
    const attempt = sender.owners.begin(reference, 'receipt');
    const startedAt = Date.now();
    await attemptOn(reference, { owner: attempt.owner, startedAt, until: attempt.until });

    const held = await bed.setup.drain({ mail: bed.drainMail() });
    expect(held).toMatchObject({ filed: [], later: [reference], mailed: 0 });
    expect(held.nextAt).toBe(Math.min(startedAt + 2 * 60_000, attempt.until));
    expect(standIn.calls.count()).toBe(0);

    // Past the grace: filed with the attempt on it, and the filed note says its mail is pending.
    const filed = await bed.setup.drain({ mail: bed.drainMail(), receiptGraceMs: 0 });
    expect(filed.filed).toEqual([reference]);
    expect(await filedNote(reference)).toMatchObject({ state: 'filed', mailPending: true });
    expect(bed.mailer.sent).toHaveLength(0);

    // The sender finishes: its record goes to GitHub, one write more.
    standIn.calls.reset();
    await sender.store.updateCase(
      reference,
      (current: Case) => ({
        ...current,
        messages: [{ kind: 'receipt', attempts: 1, sentAt: iso(Date.now()), toHash: addressHash(current.email) }],
      }),
      'bericht "ontvangstbevestiging" verstuurd',
    );
    attempt.end();
    expect(contentWrites()).toBeGreaterThanOrEqual(1);

    // The next run sees nothing left to send, sends nothing, and drops the mark.
    await bed.setup.drain({ mail: bed.drainMail() });
    expect(bed.mailer.sent).toHaveLength(0);
    expect(await filedNote(reference)).not.toHaveProperty('mailPending');
  });

  it('with the mail server down, files everything at once and sends each receipt once it is back, exactly once', async () => {
    const references = [await queuedWithoutReceipt(4), await queuedWithoutReceipt(5), await queuedWithoutReceipt(6)];
    let tries = 0;
    const down = {
      ...keepingMailer(),
      send: async () => {
        tries += 1;
        throw taggedError('smtp-refused', 'De mailserver nam het bericht niet aan.', { detail: 'EMESSAGE 451' });
      },
    };
    const first = await bed.setup.drain({ mail: bed.drainMail(down) });
    expect(first.filed.sort()).toEqual([...references].sort());
    // One try for the run: after the server refused, the rest is filed without trying.
    expect(tries).toBe(1);
    expect(events).toContainEqual(['queue.mail-unavailable', expect.objectContaining({ error: 'smtp-refused' })]);
    for (const reference of references) expect(await filedNote(reference)).toMatchObject({ mailPending: true });

    await bed.setup.drain({ mail: bed.drainMail(down) });
    expect(tries).toBe(2);

    // Back: two drainers at once (the server's and an Action's) send each receipt once.
    const other = bed.another();
    await Promise.all([
      bed.setup.drain({ mail: bed.drainMail() }),
      other.drain({ mail: bed.drainMail(bed.mailer, other) }),
    ]);
    expect(bed.mailer.sent.map((mail) => mail.reference).sort()).toEqual([...references].sort());
    for (const reference of references) {
      expect(await filedNote(reference)).not.toHaveProperty('mailPending');
      expect((await bed.setup.github.github.getCase(reference))?.messages).toMatchObject([
        { kind: 'receipt', sentAt: expect.any(String) },
      ]);
    }
    await bed.setup.drain({ mail: bed.drainMail() });
    expect(bed.mailer.sent).toHaveLength(3);
  });

  it('without a mail server configured, files at once and names the cause', async () => {
    const reference = await queuedWithoutReceipt(7);
    const missing = {
      deliver: () => Promise.reject(taggedError('smtp-missing', 'SMTP_URL ontbreekt.')),
    };
    const report = await bed.setup.drain({ mail: missing });
    expect(report.filed).toEqual([reference]);
    expect(events).toContainEqual(['queue.mail-unavailable', { error: 'smtp-missing' }]);
    expect(await filedNote(reference)).toMatchObject({ mailPending: true });
  });
});

describe('GitHub down', () => {
  it('keeps the complaints in the queue, files them once GitHub is back, and the 30-minute alert comes once', async () => {
    let now = Date.now();
    await bed.close();
    bed = await startQueueBed(standIn, { clock: () => now });
    const second = bed.another();
    for (const n of [8, 9, 10]) await bed.intake(aForm(n));
    await bed.settle();
    standIn.faults.decide = () => ({ kind: 'server-error', status: 502 });
    const coordinators = keepingMailer();
    // Forty-eight minutes of an outage, the server's drainer and an Action's each running every four.
    for (let minutes = 4; minutes <= 48; minutes += 4) {
      now += 4 * 60_000;
      for (const setup of [bed.setup, second]) {
        const report = await setup.drain({ mail: bed.drainMail(bed.mailer, setup) });
        expect(report.filed).toEqual([]);
        await alertIfOverdue({ queue: setup.queue, mailer: coordinators, config, now: new Date(now), log: () => {} });
      }
    }
    expect((await bed.setup.queue.list()).entries.filter((entry) => entry.state === 'queued')).toHaveLength(3);
    expect(coordinators.sent.map((mail) => mail.subject)).toEqual(['Klachtenloket: 3 klacht(en) wachten op GitHub']);
    expect(bed.mailer.sent).toHaveLength(3);

    standIn.faults.decide = undefined;
    now += 60_000;
    const back = await bed.setup.drain({ mail: bed.drainMail() });
    expect(back.filed).toHaveLength(3);
    await alertIfOverdue({ queue: bed.setup.queue, mailer: coordinators, config, now: new Date(now), log: () => {} });
    expect(coordinators.sent).toHaveLength(1);
    expect(bed.mailer.sent).toHaveLength(3);
  }, 30_000);
});
