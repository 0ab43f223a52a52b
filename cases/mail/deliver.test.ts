import { describe, expect, it } from 'vitest';
import { aCase } from '../../tests/support/case-fixture.ts';
import { mailConfig, testSecret } from '../../tests/support/mail-fixture.ts';
import { parseCase, type Case } from '../case.ts';
import type { CaseStore } from '../store.ts';
import { deliverDueMessages, type DeliveryContext } from './deliver.ts';
import type { OutgoingMail } from './compose-message.ts';
import { inFlightTimeoutMs } from './due-messages.ts';
import { makeMemoryMailBudget, type MailBudget } from './mail-budget.ts';
import { defaultTemplatesDir, loadTemplates } from './template-files.ts';
import type { Mailer } from './transport.ts';

const templates = await loadTemplates(defaultTemplatesDir(process.cwd()));

/** A store in memory whose writes can be made to fail from the n-th on (up to the `failUntil`-th). */
function memoryStore(records: Case[], options: { failWritesFrom?: number; failUntil?: number } = {}) {
  const cases = new Map(records.map((record) => [record.reference, record]));
  let writes = 0;
  const store: CaseStore = {
    description: 'geheugen',
    async fileCase(record) {
      cases.set(record.reference, record);
      return { case: record, created: true };
    },
    async getCase(reference) {
      return cases.get(reference);
    },
    async listCases() {
      return [...cases.values()];
    },
    async updateCase(reference, change) {
      const current = cases.get(reference);
      if (!current) throw new Error('Geen klacht');
      const next = parseCase(change(current));
      writes += 1;
      if (
        options.failWritesFrom !== undefined &&
        writes >= options.failWritesFrom &&
        writes <= (options.failUntil ?? Infinity)
      ) {
        throw Object.assign(new Error('store down'), { code: 'ECONNRESET' });
      }
      cases.set(reference, next);
      return next;
    },
  };
  return store;
}

function recordingMailer(): Mailer & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return { description: 'test', sent, send: async (mail) => void sent.push(mail), close: () => {} };
}

function contextAt(moment: Date, logged: string[] = []): DeliveryContext {
  return {
    config: mailConfig,
    templates,
    tokenSecret: testSecret,
    now: () => moment,
    log: (event, fields) => logged.push(JSON.stringify({ event, ...fields })),
  };
}

describe('delivering due messages', () => {
  it('records the attempt before sending, so the claim is on the case while the mail is under way', async () => {
    const record = aCase();
    const store = memoryStore([record]);
    const seen: Case['messages'][] = [];
    const mailer: Mailer = {
      description: 'test',
      async send() {
        seen.push((await store.getCase(record.reference))?.messages ?? []);
      },
      close: () => {},
    };
    await deliverDueMessages(store, mailer, contextAt(new Date('2026-10-26T08:00:00Z')));
    expect(seen).toEqual([[{ kind: 'receipt', attempts: 1, attemptStartedAt: '2026-10-26T09:00:00+01:00' }]]);
  });

  it('counts a mail the store could not record as sent, and leaves the claim to time out', async () => {
    const record = aCase();
    const logged: string[] = [];
    // Write 1 is the claim; write 2, recording the send, fails.
    const store = memoryStore([record], { failWritesFrom: 2 });
    const mailer = recordingMailer();
    const report = await deliverDueMessages(store, mailer, contextAt(new Date('2026-10-26T08:00:00Z'), logged));
    expect(report.outcomes).toEqual([{ reference: record.reference, kind: 'receipt', result: 'sent' }]);
    expect(logged.some((line) => line.includes('"event":"mail.record-failed"') && line.includes('"sent":true'))).toBe(
      true,
    );
    const stored = await store.getCase(record.reference);
    expect(stored?.messages).toEqual([{ kind: 'receipt', attempts: 1, attemptStartedAt: '2026-10-26T09:00:00+01:00' }]);
    expect(mailer.sent).toHaveLength(1);
  });

  it('sends nothing when the store cannot take the claim, and says so', async () => {
    const record = aCase();
    const mailer = recordingMailer();
    const report = await deliverDueMessages(
      memoryStore([record], { failWritesFrom: 1 }),
      mailer,
      contextAt(new Date('2026-10-26T08:00:00Z')),
    );
    expect(report).toMatchObject({ sent: 0, failed: 1, outcomes: [{ result: 'failed', error: 'store: ECONNRESET' }] });
    expect(mailer.sent).toEqual([]);
  });

  it('records a sent message once the store answers again, so no one sends it a second time', async () => {
    const record = aCase();
    // The claim is write 1; the record of the send fails twice (writes 2 and 3), then lands.
    const store = memoryStore([record], { failWritesFrom: 2, failUntil: 3 });
    const mailer = recordingMailer();
    const report = await deliverDueMessages(store, mailer, contextAt(new Date('2026-10-26T08:00:00Z')));
    expect(report).toMatchObject({ sent: 1, failed: 0 });
    expect((await store.getCase(record.reference))?.messages).toMatchObject([
      { kind: 'receipt', sentAt: expect.any(String) },
    ]);
    expect((await deliverDueMessages(store, mailer, contextAt(new Date('2026-10-27T08:00:00Z')))).sent).toBe(0);
    expect(mailer.sent).toHaveLength(1);
  });

  it('records a message that cannot be made (no handler configured) as failed, and sends nothing', async () => {
    const base = aCase();
    const record = aCase({
      ...base,
      status: 'bevestigd',
      handler: 'iemand-anders',
      messages: [{ kind: 'receipt', attempts: 1, sentAt: '2026-10-26T00:31:00+01:00' }],
      events: [...base.events, { at: '2026-10-27T10:00:00+01:00', status: 'bevestigd', handler: 'iemand-anders' }],
    });
    const store = memoryStore([record]);
    const mailer = recordingMailer();
    const report = await deliverDueMessages(store, mailer, contextAt(new Date('2026-10-28T08:00:00Z')));
    expect(report.outcomes).toEqual([
      { reference: record.reference, kind: 'confirmation', result: 'failed', error: 'unknown-handler' },
    ]);
    expect((await store.getCase(record.reference))?.messages.at(-1)).toEqual({
      kind: 'confirmation',
      attempts: 1,
      lastError: 'unknown-handler',
    });
    expect(mailer.sent).toEqual([]);
  });

  it('sends an unfinished message again once, after the in-flight time-out, and flags it', async () => {
    const started = new Date('2026-10-26T08:00:00Z');
    const record = aCase({ messages: [{ kind: 'receipt', attempts: 1, attemptStartedAt: started.toISOString() }] });
    const store = memoryStore([record]);
    const mailer = recordingMailer();
    const later = new Date(started.getTime() + inFlightTimeoutMs);
    expect((await deliverDueMessages(store, mailer, contextAt(later))).outcomes).toEqual([
      { reference: record.reference, kind: 'receipt', result: 'sent', ambiguous: true },
    ]);
    expect((await deliverDueMessages(store, mailer, contextAt(later))).outcomes).toEqual([]);
    expect(mailer.sent.map((mail) => mail.messageId)).toEqual([`<${record.reference}.receipt@klachten.livable.nl>`]);
  });
});

describe('the cap on receipts to one address', () => {
  const victim = 'slachtoffer@example.org';
  const atIntake = (store: CaseStore, mailer: Mailer, record: Case, moment: Date, comments: string[]) =>
    deliverDueMessages(
      {
        ...store,
        updateCase: (reference, change, note, options) => {
          if (options?.comment !== undefined) comments.push(options.comment);
          return store.updateCase(reference, change, note, options);
        },
      },
      mailer,
      contextAt(moment),
      { references: [record.reference] },
    );
  /** Files `count` complaints from the victim, a minute apart from 08:00 UTC on 26 October, each mailed at intake. */
  const fileFromVictim = async (store: CaseStore, mailer: Mailer, count: number) => {
    for (let n = 0; n < count; n += 1) {
      const record = aCase({ email: victim });
      await store.fileCase(record);
      await atIntake(store, mailer, record, new Date(Date.UTC(2026, 9, 26, 8, n)), []);
    }
  };

  it('sends at most three receipts to one address within a day, and tells the coordinators on each case it withholds', async () => {
    const store = memoryStore([]);
    const mailer = recordingMailer();
    const comments: string[] = [];
    const outcomes: string[] = [];
    for (let n = 0; n < 8; n += 1) {
      const record = aCase({ email: victim });
      await store.fileCase(record);
      const report = await atIntake(store, mailer, record, new Date(Date.UTC(2026, 9, 26, 8, n)), comments);
      outcomes.push(...report.outcomes.map((outcome) => outcome.result));
    }
    expect(await store.listCases()).toHaveLength(8);
    expect(mailer.sent.filter((mail) => mail.to === victim)).toHaveLength(3);
    expect(outcomes).toEqual(['sent', 'sent', 'sent', 'withheld', 'withheld', 'withheld', 'withheld', 'withheld']);
    expect(comments).toHaveLength(5);
    expect(comments[0]).toContain('Ontvangstbevestiging **niet verstuurd**');
    expect(comments.join('\n')).not.toContain(victim);
  });

  it('keeps to three when the receipts of eight complaints are delivered at the same moment', async () => {
    const store = memoryStore([]);
    const mailer = recordingMailer();
    const records = Array.from({ length: 8 }, () => aCase({ email: victim }));
    for (const record of records) await store.fileCase(record);
    await Promise.all(records.map((record) => atIntake(store, mailer, record, new Date('2026-10-26T08:00:00Z'), [])));
    expect(mailer.sent).toHaveLength(3);
  });

  it('never sends a withheld receipt later, not even in the daily run', async () => {
    const store = memoryStore([]);
    const mailer = recordingMailer();
    await fileFromVictim(store, mailer, 4);
    const daily = await deliverDueMessages(store, mailer, contextAt(new Date('2026-10-27T17:00:00Z')));
    expect(daily.outcomes).toEqual([]);
    expect(mailer.sent).toHaveLength(3);
  });

  it('sends receipts to that address again once the day has passed, and to other addresses all along', async () => {
    const store = memoryStore([]);
    const mailer = recordingMailer();
    await fileFromVictim(store, mailer, 3);
    const other = aCase({ email: 'iemand@example.nl' });
    await store.fileCase(other);
    expect((await atIntake(store, mailer, other, new Date('2026-10-26T09:00:00Z'), [])).outcomes[0]?.result).toBe(
      'sent',
    );
    const nextDay = aCase({ email: victim, receivedAt: '2026-10-27T10:00:00+01:00' });
    await store.fileCase(nextDay);
    const report = await atIntake(store, mailer, nextDay, new Date('2026-10-27T09:05:00Z'), []);
    expect(report.outcomes[0]?.result).toBe('sent');
  });
});

describe('the mail budget on what the public can trigger', () => {
  const moment = new Date('2026-10-26T08:00:00Z');
  const sentReceipt = { kind: 'receipt', attempts: 1, sentAt: '2026-10-26T00:31:00+01:00', toHash: 'sha256:x' };
  const withBudget = (budget: MailBudget, logged: string[] = []) => ({
    ...contextAt(moment, logged),
    mailBudget: budget,
  });

  it('sends at most three receipts to one mailbox however its address is spelt, and says why on the others', async () => {
    const records = Array.from({ length: 8 }, (_, n) =>
      aCase({ email: n === 0 ? 'Zoe@Example.nl' : `zoe+${n}@example.nl` }),
    );
    const store = memoryStore(records);
    const mailer = recordingMailer();
    const logged: string[] = [];
    const report = await deliverDueMessages(store, mailer, withBudget(makeMemoryMailBudget(), logged));
    expect(report.outcomes.map((outcome) => outcome.result)).toEqual([
      'sent',
      'sent',
      'sent',
      'withheld',
      'withheld',
      'withheld',
      'withheld',
      'withheld',
    ]);
    expect(mailer.sent).toHaveLength(3);
    const withheld = (await store.listCases()).filter((record) =>
      record.messages.some((message) => message.withheld === 'mail-budget'),
    );
    expect(withheld).toHaveLength(5);
    // Logged by reference only: nothing of the address, nor of how it was spelt.
    const lines = logged.filter((line) => line.includes('mail.withheld'));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      JSON.stringify({ event: 'mail.withheld', reference: withheld[0]?.reference, kind: 'receipt', reason: 'address' }),
    );
    expect(logged.join('\n')).not.toMatch(/zoe/i);
  });

  it('counts a withdrawal’s confirmation with the receipts of that mailbox', async () => {
    const receipts = Array.from({ length: 3 }, (_, n) => aCase({ email: `zoe+${n}@example.nl` }));
    const withdrawn = aCase({
      email: 'zoe@example.nl',
      status: 'afgesloten',
      outcome: 'ingetrokken',
      events: [
        { at: '2026-10-26T00:30:00+01:00', status: 'ontvangen', by: 'website' },
        { at: '2026-10-26T08:30:00+01:00', status: 'afgesloten', outcome: 'ingetrokken', by: 'klager' },
      ],
      messages: [sentReceipt],
    });
    const store = memoryStore([...receipts, withdrawn]);
    const report = await deliverDueMessages(store, recordingMailer(), withBudget(makeMemoryMailBudget()));
    expect(report.outcomes.find((outcome) => outcome.reference === withdrawn.reference)).toMatchObject({
      kind: 'withdrawn',
      result: 'withheld',
    });
  });

  it('leaves the messages of the procedure alone: a confirmation goes out whatever the budget says', async () => {
    const confirmed = aCase({
      email: 'zoe@example.nl',
      status: 'bevestigd',
      handler: 'jan-de-vries',
      events: [
        { at: '2026-10-26T00:30:00+01:00', status: 'ontvangen', by: 'website' },
        { at: '2026-10-26T08:30:00+01:00', status: 'bevestigd', handler: 'jan-de-vries' },
      ],
      messages: [sentReceipt],
    });
    const spent: MailBudget = { take: async () => ({ ok: false, reason: 'address' }) };
    const mailer = recordingMailer();
    const report = await deliverDueMessages(memoryStore([confirmed]), mailer, withBudget(spent));
    expect(report.outcomes).toMatchObject([{ kind: 'confirmation', result: 'sent' }]);
  });

  it('asks the budget once per message: a receipt whose first attempt failed goes out on its retry', async () => {
    const record = aCase({ email: 'zoe@example.nl' });
    const store = memoryStore([record]);
    let takes = 0;
    const counting: MailBudget = {
      async take() {
        takes += 1;
        return takes === 1 ? { ok: true, giveBack: async () => {} } : { ok: false, reason: 'address' };
      },
    };
    let failures = 1;
    const mailer: Mailer & { sent: OutgoingMail[] } = {
      ...recordingMailer(),
      async send(mail) {
        if (failures-- > 0) throw Object.assign(new Error('refused'), { responseCode: 451 });
        this.sent.push(mail);
      },
    };
    expect((await deliverDueMessages(store, mailer, withBudget(counting))).outcomes[0]?.result).toBe('failed');
    const retry = await deliverDueMessages(store, mailer, {
      ...withBudget(counting),
      now: () => new Date(moment.getTime() + 60 * 60 * 1000),
    });
    expect(retry.outcomes[0]?.result).toBe('sent');
    expect(takes).toBe(1);
  });
});
