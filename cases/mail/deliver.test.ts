import { describe, expect, it } from 'vitest';
import { aCase } from '../../tests/support/case-fixture.ts';
import { mailConfig, testSecret } from '../../tests/support/mail-fixture.ts';
import { parseCase, type Case } from '../case.ts';
import type { CaseStore } from '../store.ts';
import { deliverDueMessages, type DeliveryContext } from './deliver.ts';
import type { OutgoingMail } from './compose-message.ts';
import { inFlightTimeoutMs } from './due-messages.ts';
import { defaultTemplatesDir, loadTemplates } from './template-files.ts';
import type { Mailer } from './transport.ts';

const templates = await loadTemplates(defaultTemplatesDir(process.cwd()));

/** A store in memory whose writes can be made to fail from the n-th on. */
function memoryStore(records: Case[], options: { failWritesFrom?: number } = {}) {
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
      if (options.failWritesFrom !== undefined && writes >= options.failWritesFrom) {
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
