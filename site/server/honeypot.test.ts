// The honeypot's store against the real one: a program that sends the same form twice must get
// what a person gets from the Git folder — a new case, then the same reference, receipt moment
// and dates — while the honeypot keeps nothing of the form.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCalendar } from '../../cases/calendar.ts';
import { fileComplaint, type IntakeContext } from '../../cases/intake.ts';
import { silentLog } from '../../cases/log.ts';
import type { CaseStore } from '../../cases/store.ts';
import { makeGitFolderStore } from '../../cases/stores/git-folder.ts';
import config from '../../klachten.config.ts';
import { dutchComplainant } from '../../tests/support/complainant.ts';
import { makeMemoryHoneypotMemory } from './honeypot-memory.ts';
import { filledHoneypot, makeHoneypotStore } from './honeypot.ts';

const calendar = makeCalendar(config.terms);
const form = {
  locale: 'nl',
  ...dutchComplainant,
  complaint: 'De lift is kapot.',
  expectation: 'Repareren.',
  concerns: '',
  earlier: 'nee',
  whatIsNew: '',
  consent: 'ja',
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klachten-honeypot-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Files the form at these moments, and says what the person (or program) could see each time. */
async function sendAt(store: CaseStore, moments: string[]) {
  let seed = 0;
  const seen = [];
  for (const moment of moments) {
    const context: IntakeContext = {
      store,
      config,
      calendar,
      now: new Date(moment),
      fillRandom: (bytes) => bytes.map(() => (seed += 13)),
      log: silentLog,
    };
    const result = await fileComplaint(form, context);
    if (result.kind !== 'filed') throw new Error(result.kind);
    const { reference, receivedAt, terms } = result.case;
    seen.push({ created: result.created, reference, receivedAt, terms });
  }
  return seen;
}

describe('the honeypot’s store', () => {
  it('answers the same form sent again as the Git folder does, also across midnight', async () => {
    // 23:55 and, the same form again, 00:15 the next day in Amsterdam.
    const moments = ['2026-11-02T22:55:00Z', '2026-11-02T23:15:00Z'];
    const real = await sendAt(makeGitFolderStore(join(dir, 'cases')), moments);
    const honeypot = await sendAt(makeHoneypotStore(makeMemoryHoneypotMemory(), calendar, config), moments);
    expect(honeypot).toEqual(real);
    expect(honeypot.map((seen) => seen.created)).toEqual([true, false]);
    expect(honeypot[1]?.reference).toBe(honeypot[0]?.reference);
  });

  it('gives a new reference to the same form a day later, as the Git folder does', async () => {
    const moments = ['2026-11-02T09:00:00Z', '2026-11-03T09:00:01Z'];
    const real = await sendAt(makeGitFolderStore(join(dir, 'cases')), moments);
    const honeypot = await sendAt(makeHoneypotStore(makeMemoryHoneypotMemory(), calendar, config), moments);
    expect(honeypot.map((seen) => seen.created)).toEqual(real.map((seen) => seen.created));
    expect(honeypot.map((seen) => seen.created)).toEqual([true, true]);
  });

  it('keeps nothing to read back', async () => {
    const store = makeHoneypotStore(makeMemoryHoneypotMemory(), calendar, config);
    const [seen] = await sendAt(store, ['2026-11-02T09:00:00Z']);
    expect(await store.getCase(seen!.reference)).toBeUndefined();
    expect(await store.listCases()).toEqual([]);
  });

  it('is filled only by something other than blanks', () => {
    expect(filledHoneypot({ website: 'https://spam.example' })).toBe(true);
    expect(filledHoneypot({ website: '  ' })).toBe(false);
    expect(filledHoneypot({})).toBe(false);
  });
});
