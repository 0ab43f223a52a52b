import { describe, expect, it } from 'vitest';
import { aConfig } from '../../tests/support/config-fixture.ts';
import { aCase } from '../../tests/support/case-fixture.ts';
import { useTempGitFolder } from '../../tests/support/temp-git-folder.ts';
import type { CaseStore, UpdateOptions } from '../store.ts';
import type { GitFolderStore } from '../stores/git-folder.ts';
import { mailIdOf, postReply, replyMaxLength } from './post-reply.ts';

let store: GitFolderStore;
useTempGitFolder('klachten-post-reply-', (_dir, made) => (store = made));
const config = aConfig();
const now = new Date('2026-11-10T09:00:00Z');

/** The store, with the comments it was given for the people working the case. */
function noting(inner: CaseStore): { store: CaseStore; comments: string[] } {
  const comments: string[] = [];
  return {
    comments,
    store: {
      ...inner,
      updateCase: (reference, change, note, options?: UpdateOptions) => {
        if (options?.comment !== undefined) comments.push(options.comment);
        return inner.updateCase(reference, change, note, options);
      },
    },
  };
}

describe('postReply', () => {
  it('tells the handler by login and fences the text', async () => {
    const record = aCase({ status: 'bevestigd', handler: 'jan' });
    await store.fileCase(record);
    const { store: watched, comments } = noting(store);
    const reply = {
      reference: record.reference,
      mailId: mailIdOf('<a@b>', new Uint8Array()),
      text: '@els kijk',
      files: [],
      refused: [],
    };
    expect(await postReply(watched, config, reply, now)).toEqual({ added: true, files: 0 });
    expect(comments[0]).toMatch(
      /^\*\*Reactie van de klager per e-mail\*\*\n\n@jdevries: de klager heeft op een bericht geantwoord/,
    );
    expect(comments[0]).toContain('```text\n@els kijk\n```');
  });

  it('shortens a reply longer than an addition may be, and says so in the comment', async () => {
    const record = aCase();
    await store.fileCase(record);
    const { store: watched, comments } = noting(store);
    const text = 'x'.repeat(replyMaxLength + 100);
    await postReply(
      watched,
      config,
      { reference: record.reference, mailId: 'id-1', text, files: [], refused: ['type'] },
      now,
    );
    const added = (await store.getCase(record.reference))?.additions?.[0]?.text ?? '';
    expect(added.length).toBeLessThanOrEqual(replyMaxLength);
    expect(added.endsWith('[…ingekort]')).toBe(true);
    expect(comments[0]).toContain('is ingekort; het volledige bericht staat in de map Verwerkt');
    expect(comments[0]).toContain('Niet overgenomen: 1 bijlage(n) (type).');
  });

  it('adds nothing the second time for the same mail', async () => {
    const record = aCase();
    await store.fileCase(record);
    const reply = { reference: record.reference, mailId: 'id-2', text: 'Eén keer.', files: [], refused: [] };
    await postReply(store, config, reply, now);
    expect(await postReply(store, config, reply, now)).toEqual({ added: false, files: 0 });
    expect((await store.getCase(record.reference))?.additions).toHaveLength(1);
  });

  it('knows a mail by its Message-ID, or without one by its bytes', () => {
    expect(mailIdOf('<a@b>', new Uint8Array([1]))).toBe(mailIdOf(' <a@b> ', new Uint8Array([2])));
    expect(mailIdOf(undefined, new Uint8Array([1]))).not.toBe(mailIdOf(undefined, new Uint8Array([2])));
    expect(mailIdOf('<a@b>', new Uint8Array())).toMatch(/^[0-9a-f]{32}$/);
  });
});
