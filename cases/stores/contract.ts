import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCase } from '../../tests/support/case-fixture.ts';
import type { Case } from '../case.ts';
import { errorTag } from '../errors.ts';
import { referenceTakenTag, type CaseStore, type UnreadableCase } from '../store.ts';

/**
 * One contract every case store passes: the Git folder and GitHub issues behave the same to the
 * code above them. A store's test file calls {@link describeStoreContract} with a factory that
 * makes a fresh, empty store (and whatever it needs: a folder, a GitHub stand-in).
 */

/** A fresh store for one test, with the means to break it. */
export interface ContractSubject {
  store: CaseStore;
  /**
   * Makes the stored record of this reference invalid behind the store's back, as a hand-edited
   * file or issue would (e.g. an unknown status). Reading it must then fail, never guess.
   */
  corrupt: (reference: string) => Promise<void>;
  /** What the store told its `onUnreadable` so far. */
  unreadable: () => readonly UnreadableCase[];
  /** A second store on the same data, as another process would open it. */
  reopen?: () => CaseStore;
  /** Cleans up; may reject (the GitHub stand-in rejects on calls that do not match GitHub's API). */
  close?: () => Promise<void>;
}

/**
 * Declares the store contract tests for one store.
 *
 * @example
 * describeStoreContract('the Git-folder store', async () => {
 *   const dir = await mkdtemp(join(tmpdir(), 'cases-'));
 *   return { store: makeGitFolderStore(dir), corrupt: (ref) => writeFile(join(dir, `${ref}.md`), 'kapot') };
 * });
 */
export function describeStoreContract(name: string, makeSubject: () => Promise<ContractSubject>): void {
  describe(`${name} keeps the store contract`, () => {
    let subject: ContractSubject;
    let store: CaseStore;
    beforeEach(async () => {
      subject = await makeSubject();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.close?.();
    });

    it('files a case, confirms it as created and gives back exactly what was filed', async () => {
      const record = aCase({
        complaint: 'Één lift 🛗 kapot!\r\n\n# geen kop\n@iemand #1 <b>vet</b> ```code```\n\n',
        name: 'O\'Brien: "Zoë" -- ‮omgekeerd',
        phone: '+31 6 12345678',
        concerns: 'de afdeling onderhoud',
      });
      const filed = await store.fileCase(record);
      expect(filed).toEqual({ case: record, created: true });
      expect(await store.getCase(record.reference)).toEqual(record);
      if (subject.reopen) expect(await subject.reopen().getCase(record.reference)).toEqual(record);
    });

    it('lists all cases oldest first, and only the open ones when asked', async () => {
      const late = aCase({ receivedAt: '2026-10-28T09:00:00+01:00' });
      const early = aCase({ receivedAt: '2026-10-20T09:00:00+02:00' });
      const closed = aCase({ receivedAt: '2026-10-24T09:00:00+02:00', status: 'afgesloten', outcome: 'ongegrond' });
      for (const record of [late, early, closed]) await store.fileCase(record);
      expect((await store.listCases()).map((record) => record.reference)).toEqual([
        early.reference,
        closed.reference,
        late.reference,
      ]);
      expect((await store.listCases({ openOnly: true })).map((record) => record.reference)).toEqual([
        early.reference,
        late.reference,
      ]);
    });

    it('updates a case and keeps the change', async () => {
      const record = aCase();
      await store.fileCase(record);
      const updated = await store.updateCase(
        record.reference,
        (current) => ({
          ...current,
          status: 'bevestigd',
          handler: 'jan',
          events: [...current.events, { at: '2026-10-27T10:00:00+01:00', status: 'bevestigd', by: 'coordinator' }],
        }),
        'bevestigd',
      );
      expect(updated.status).toBe('bevestigd');
      expect(await store.getCase(record.reference)).toEqual(updated);
      expect(await store.listCases()).toEqual([updated]);
    });

    it('refuses an update that changes the reference or breaks the schema, and keeps the case as it was', async () => {
      const record = aCase();
      await store.fileCase(record);
      await expect(
        store.updateCase(record.reference, (current) => ({ ...current, reference: 'K-2026-ZZZZZZ' }), 'x'),
      ).rejects.toThrow();
      await expect(
        store.updateCase(record.reference, (current) => ({ ...current, status: 'kwijt' }) as unknown as Case, 'x'),
      ).rejects.toThrow();
      expect(await store.getCase(record.reference)).toEqual(record);
    });

    it('refuses to update an unknown reference', async () => {
      await expect(store.updateCase('K-2026-ZZZZZZ', (current) => current, 'x')).rejects.toThrow(/K-2026-ZZZZZZ/);
    });

    it('answers undefined for an unknown or malformed reference', async () => {
      await store.fileCase(aCase());
      expect(await store.getCase('K-2026-ZZZZZZ')).toBeUndefined();
      expect(await store.getCase('../../etc/passwd')).toBeUndefined();
    });

    it('gives back the stored case, not a second one, when the same reference is filed again', async () => {
      const record = aCase();
      await store.fileCase(record);
      const again = await store.fileCase({ ...record, complaint: 'een andere tekst' });
      expect(again).toEqual({ case: record, created: false });
      expect(await store.listCases()).toHaveLength(1);
    });

    it('refuses a different complaint that drew the same reference, and keeps the stored case as it was', async () => {
      const record = aCase();
      await store.fileCase(record);
      const other = aCase({ reference: record.reference, name: 'Bob Jansen', complaint: 'Iets heel anders.' });
      const refused = await store.fileCase(other).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(errorTag(refused)).toBe(referenceTakenTag);
      expect(await store.getCase(record.reference)).toEqual(record);
      expect(await store.listCases()).toHaveLength(1);
    });

    it('recognises the same submission within a day by its fingerprint, and files it anew after that', async () => {
      const first = aCase({ receivedAt: '2026-10-26T10:00:00+01:00' });
      await store.fileCase(first);
      const reload = aCase({ fingerprint: first.fingerprint, receivedAt: '2026-10-26T10:00:05+01:00' });
      expect(await store.fileCase(reload)).toEqual({ case: first, created: false });
      const nextWeek = aCase({ fingerprint: first.fingerprint, receivedAt: '2026-11-02T10:00:00+01:00' });
      expect((await store.fileCase(nextWeek)).created).toBe(true);
      expect(await store.listCases()).toHaveLength(2);
    });

    it('lands concurrent filings once each, also when the same case is filed several times at once', async () => {
      const records = Array.from({ length: 6 }, () => aCase());
      const twice = aCase();
      const results = await Promise.all([...records, twice, twice, twice].map((record) => store.fileCase(record)));
      expect(results.filter((result) => result.created)).toHaveLength(7);
      const listed = await store.listCases();
      expect(listed.map((record) => record.reference).sort()).toEqual(
        [...records, twice].map((r) => r.reference).sort(),
      );
    });

    it('refuses to file a record that is not a valid case, and stores nothing', async () => {
      const broken = { ...aCase(), status: 'kwijt' } as unknown as Case;
      await expect(store.fileCase(broken)).rejects.toThrow();
      expect(await store.listCases()).toEqual([]);
    });

    it('validates on read: a stored record that is no longer a valid case is an error, never a guess', async () => {
      const record = aCase();
      await store.fileCase(record);
      await subject.corrupt(record.reference);
      await expect(store.getCase(record.reference)).rejects.toThrow();
    });

    it('lists the other cases when one is no longer valid, and names that one to onUnreadable', async () => {
      const broken = aCase({ receivedAt: '2026-10-26T00:30:00+01:00' });
      const fine = aCase({ receivedAt: '2026-10-27T00:30:00+01:00' });
      await store.fileCase(broken);
      await store.fileCase(fine);
      await subject.corrupt(broken.reference);
      expect(await store.listCases()).toEqual([fine]);
      expect(subject.unreadable()).toEqual([expect.objectContaining({ reference: broken.reference })]);
    });
  });
}
