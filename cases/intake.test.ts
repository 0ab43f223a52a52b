import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import config from '../klachten.config.ts';
import { makeCalendar } from './calendar.ts';
import { fileComplaint, receivedAtIso, type IntakeContext } from './intake.ts';
import type { CaseStore } from './store.ts';
import { makeGitFolderStore } from './stores/git-folder.ts';

const form = {
  locale: 'nl',
  role: 'pand-eigenaar',
  name: 'Zoë Ünal',
  email: 'zoe@example.nl',
  phone: '06 12345678',
  address: 'Lindenlaan 12, Utrecht',
  category: 'onderhoud',
  complaint: 'De lift 🛗 is kapot.\n\nAl drie weken!',
  expectation: 'Repareren.',
  concerns: '',
  earlier: 'nee',
  whatIsNew: '',
  consent: 'ja',
};
// What the person typed into the form's fields (the language is the page's, not theirs to type).
const { locale: _locale, ...typed } = form;

let dir: string;
let logged: string[];
let context: IntakeContext;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klachten-intake-'));
  logged = [];
  let seed = 0;
  context = {
    store: makeGitFolderStore(join(dir, 'cases')),
    config,
    calendar: makeCalendar(config.terms),
    now: new Date('2028-03-03T10:15:00Z'),
    fillRandom: (bytes) => bytes.map(() => (seed += 7)),
    log: (event, fields) => logged.push(JSON.stringify({ event, ...fields })),
  };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('receiving a complaint', () => {
  it('files a valid complaint with its reference, receipt moment and terms', async () => {
    const result = await fileComplaint(form, context);
    expect(result.kind).toBe('filed');
    if (result.kind !== 'filed') return;
    expect(result.case).toMatchObject({
      reference: expect.stringMatching(/^K-2028-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/),
      status: 'ontvangen',
      receivedAt: '2028-03-03T11:15:00+01:00',
      terms: {
        received: '2028-03-03',
        confirmBy: '2028-03-14',
        answerBy: '2028-04-18',
        extendedAnswerBy: '2028-05-12',
      },
      complaint: form.complaint,
      name: form.name,
      phone: form.phone,
    });
    expect(result.case.concerns).toBeUndefined();
    expect(await context.store.getCase(result.case.reference)).toEqual(result.case);
  });

  it('gives back the same case when the same form is sent twice', async () => {
    const first = await fileComplaint(form, context);
    const again = await fileComplaint(form, { ...context, now: new Date('2028-03-03T10:16:00Z') });
    expect(again.kind === 'filed' && !again.created).toBe(true);
    expect(first.kind === 'filed' && again.kind === 'filed' && again.case.reference === first.case.reference).toBe(
      true,
    );
    expect(await context.store.listCases()).toHaveLength(1);
  });

  it('files two different complaints that drew the same reference as two cases, each with its own data', async () => {
    // Both complainants' random source gives the same bytes first: the second must not get the first's case.
    const colliding = (): IntakeContext['fillRandom'] => {
      let draws = 0;
      return (bytes) => bytes.fill(draws++ === 0 ? 7 : 9);
    };
    const alice = await fileComplaint(form, { ...context, fillRandom: colliding() });
    const bob = { ...form, name: 'Bob Jansen', email: 'bob@example.nl', complaint: 'De verwarming is stuk.' };
    const bobs = await fileComplaint(bob, { ...context, fillRandom: colliding() });
    if (alice.kind !== 'filed' || bobs.kind !== 'filed') throw new Error('both complaints should be filed');
    expect(alice.case.reference).toBe('K-2028-7777-7777');
    expect(bobs.case.reference).toBe('K-2028-9999-9999');
    expect(bobs.created).toBe(true);
    expect(bobs.case).toMatchObject({
      name: 'Bob Jansen',
      email: 'bob@example.nl',
      complaint: 'De verwarming is stuk.',
    });
    expect(await context.store.getCase(alice.case.reference)).toMatchObject({ name: form.name, email: form.email });
    expect(await context.store.listCases()).toHaveLength(2);
    expect(logged.some((line) => line.includes('intake.reference-taken'))).toBe(true);
  });

  it('gives up with the input kept when every reference it draws is taken', async () => {
    const first = await fileComplaint(form, { ...context, fillRandom: (bytes) => bytes.fill(7) });
    expect(first.kind).toBe('filed');
    const other = { ...form, complaint: 'Een andere klacht.' };
    const result = await fileComplaint(other, { ...context, fillRandom: (bytes) => bytes.fill(7) });
    expect(result).toEqual({ kind: 'failed', values: { ...typed, complaint: 'Een andere klacht.' } });
    expect(await context.store.listCases()).toHaveLength(1);
  });

  it('returns every error and every typed value when the form is incomplete', async () => {
    const result = await fileComplaint({ ...form, name: '', email: 'zoe@' }, context);
    expect(result).toEqual({
      kind: 'invalid',
      errors: { name: 'required', email: 'email' },
      values: { ...typed, name: '', email: 'zoe@' },
    });
    expect(await context.store.listCases()).toHaveLength(0);
  });

  it('keeps the input and reports a failure when the store cannot confirm', async () => {
    const broken: CaseStore = {
      ...context.store,
      fileCase: () => Promise.reject(new Error(`disk full for ${form.name}`)),
    };
    const result = await fileComplaint(form, { ...context, store: broken });
    expect(result).toEqual({ kind: 'failed', values: typed });
  });

  it('logs what happened without any personal data', async () => {
    await fileComplaint(form, context);
    await fileComplaint({ ...form, email: 'x' }, context);
    const broken: CaseStore = {
      ...context.store,
      fileCase: () => Promise.reject(new Error(`disk full for ${form.name}`)),
    };
    await fileComplaint(form, { ...context, store: broken });
    const text = logged.join('\n');
    expect(logged).toHaveLength(3);
    for (const value of [form.name, form.email, form.phone, form.address, 'lift', 'Repareren', 'disk full']) {
      expect(text).not.toContain(value);
    }
  });
});

describe('the receipt moment', () => {
  it('is written in Amsterdam time with its offset, also across midnight and the clock change', () => {
    expect(receivedAtIso(new Date('2026-10-25T23:30:00Z'), 'Europe/Amsterdam')).toBe('2026-10-26T00:30:00+01:00');
    expect(receivedAtIso(new Date('2026-03-28T23:30:00Z'), 'Europe/Amsterdam')).toBe('2026-03-29T00:30:00+01:00');
    expect(receivedAtIso(new Date('2026-03-29T01:30:00Z'), 'Europe/Amsterdam')).toBe('2026-03-29T03:30:00+02:00');
  });
});
