// The reasoned answer and the handler's questions on the GitHub stand-in, end to end through the
// real pieces: the event handler, the GitHub store, the mail delivery through a real SMTP server
// on loopback, and the complainant's answer as the page posts it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverDueMessages, type DeliveryContext } from '../cases/mail/deliver.ts';
import { makeSmtpMailer, type Mailer } from '../cases/mail/transport.ts';
import type { GitHubStore } from '../cases/stores/github/store.ts';
import { handleEvent, type EventDeps } from '../scripts/commands/github-event/handle-event.ts';
import { commentEvent, config, startCaseRepo, type CaseRepo } from '../scripts/commands/github-event/fixture.ts';
import { answerQuestionOnPage } from '../site/server/my-complaint-questions.ts';
import type { GitHubStandIn } from './github-standin/index.ts';
import { aCase } from './support/case-fixture.ts';
import { startSmtpServer, testSecret, type TestSmtpServer } from './support/mail-fixture.ts';

const paragraphs = [
  'U schreef ons dat de lift in uw flat al drie weken kapot is, en dat uw buurvrouw daardoor niet naar buiten kan.',
  'Wij hebben de aannemer gesproken en de meldingen nagelopen. Het onderdeel was niet leverbaar; dat hadden wij u moeten laten weten.',
  'Ons oordeel: uw klacht is gegrond. De lift is op 20 november gemaakt, en wij bellen voortaan binnen twee dagen terug.',
];
const answer = paragraphs.join('\n\n');

let standIn: GitHubStandIn;
let store: GitHubStore;
let deps: EventDeps;
let file: CaseRepo['file'];
let comments: CaseRepo['comments'];
let smtp: TestSmtpServer;
let mailer: Mailer;
let clock: Date;
let context: DeliveryContext;

beforeEach(async () => {
  ({ standIn, store, deps, file, comments } = await startCaseRepo());
  smtp = await startSmtpServer();
  mailer = makeSmtpMailer(smtp.url);
  clock = new Date('2026-10-28T09:00:00Z');
  context = { config, templates: deps.templates, tokenSecret: testSecret, now: () => clock, log: () => {} };
});
afterEach(async () => {
  mailer.close();
  await smtp.close();
  await standIn.close();
});

const confirmed = () =>
  aCase({
    status: 'bevestigd',
    handler: 'jan',
    messages: [
      { kind: 'receipt', attempts: 1, sentAt: '2026-10-26T00:31:00+01:00' },
      { kind: 'confirmation', attempts: 1, sentAt: '2026-10-27T10:00:00+01:00' },
    ],
  });

const deliver = (reference: string) => deliverDueMessages(store, mailer, context, { references: [reference] });

describe('the reasoned answer, written in the /beantwoord comment', () => {
  it('is previewed first, sent only by /verstuur, verbatim in both parts, and an edit afterwards changes nothing', async () => {
    const record = confirmed();
    const issue = await file(record);
    const body = `/beantwoord\n\n${answer}`;
    const previewed = await handleEvent('issue_comment', commentEvent(issue, 'jdevries', body), deps);
    expect(previewed).toMatchObject({ moves: [{ command: '/beantwoord', result: 'previewed' }] });

    const preview = comments(issue.number).at(-1) ?? '';
    expect(preview).toMatch(/Voorbeeld van het antwoord .* nog niet verstuurd/);
    for (const paragraph of paragraphs) expect(preview).toContain(paragraph);
    expect(preview).toContain('/verstuur');
    // Nothing went out yet: the case still waits for its answer.
    expect((await store.getCase(record.reference))?.status).toBe('bevestigd');
    expect((await deliver(record.reference)).sent).toBe(0);

    const sent = await handleEvent('issue_comment', commentEvent(issue, 'jdevries', '/verstuur'), deps);
    expect(sent).toMatchObject({ moves: [{ command: '/verstuur', result: 'moved' }] });
    const answered = await store.getCase(record.reference);
    expect(answered?.status).toBe('beantwoord');
    expect(answered?.answers).toEqual([{ at: '2026-10-28T10:00:00+01:00', by: 'jdevries', text: answer }]);
    expect(answered?.answerDraft).toBeUndefined();

    await deliver(record.reference);
    const [mail] = (await smtp.waitFor(1)).filter((m) => m.parsed.subject?.includes('beantwoord'));
    expect(mail?.parsed.text).toContain(answer);
    for (const paragraph of paragraphs) expect(mail?.parsed.html).toContain(`>${paragraph}</p>`);

    // The handler edits the /beantwoord comment: GitHub sends `edited`, which changes nothing.
    const edited = { ...commentEvent(issue, 'jdevries', '/beantwoord\n\nIets heel anders.'), action: 'edited' };
    expect(await handleEvent('issue_comment', edited, deps)).toMatchObject({ handled: false });
    const again = await handleEvent('issue_comment', commentEvent(issue, 'jdevries', '/verstuur'), deps);
    expect(again).toMatchObject({ moves: [{ command: '/verstuur', result: 'refused' }] });
    expect((await store.getCase(record.reference))?.answers).toEqual(answered?.answers);
  });

  it('refuses /beantwoord without text, with the reason and the answer template to copy', async () => {
    const issue = await file(confirmed());
    const result = await handleEvent('issue_comment', commentEvent(issue, 'jdevries', '/beantwoord'), deps);
    expect(result).toMatchObject({ moves: [{ command: '/beantwoord', result: 'refused' }] });
    const reply = comments(issue.number).at(-1) ?? '';
    expect(reply).toMatch(/Het antwoord is leeg/);
    expect(reply).toContain('## Wat wij hebben onderzocht');
    expect(reply).toContain('## Ons oordeel');
  });

  it('refuses /verstuur when no answer was previewed', async () => {
    const issue = await file(confirmed());
    const result = await handleEvent('issue_comment', commentEvent(issue, 'jdevries', '/verstuur'), deps);
    expect(result).toMatchObject({ moves: [{ command: '/verstuur', result: 'refused' }] });
    expect(comments(issue.number).at(-1)).toMatch(/geen antwoord om te versturen/);
  });
});

describe('a question to the complainant', () => {
  it('is mailed with the personal link, answered on the page as a comment that mentions the handler', async () => {
    const record = confirmed();
    const issue = await file(record);
    const asked = await handleEvent(
      'issue_comment',
      commentEvent(issue, 'jdevries', '/vraag Op welke verdieping woont u?'),
      deps,
    );
    expect(asked).toMatchObject({ moves: [{ command: '/vraag', result: 'asked' }] });
    await deliver(record.reference);
    const [mail] = await smtp.waitFor(1);
    expect(mail?.parsed.subject).toBe(`Een vraag over uw klacht ${record.reference}`);
    expect(mail?.parsed.text).toContain('Op welke verdieping woont u?');
    expect(mail?.parsed.text).toMatch(/mijn-klacht\/\?t=/);
    expect(mail?.parsed.text).toMatch(/De antwoordtermijn|uiterlijk .* antwoord, ook als u de vraag niet beantwoordt/);

    const hostile = '@coord /sluit gegrond\n#1 https://evil.example.com ![x](https://evil.example.com/p.png)';
    const result = await answerQuestionOnPage(store, config, record.reference, 'v1', hostile, clock);
    expect(result).toMatchObject({ ok: true, answered: true });
    const note = comments(issue.number).at(-1) ?? '';
    expect(note).toMatch(/^\*\*Antwoord van de klager op vraag v1\*\*/);
    expect(note).toContain('@jdevries: de klager heeft uw vraag beantwoord');
    // The complainant's text sits in a fence only: no mention, command or link outside it.
    const outside = note.replace(/```+text\n[\s\S]*?\n```+/g, '');
    expect(outside).not.toContain('@coord');
    expect(outside).not.toContain('evil');
    expect((await store.getCase(record.reference))?.questions?.[0]?.answer?.text).toBe(hostile);
    // The same post again (a reload) adds nothing.
    expect(await answerQuestionOnPage(store, config, record.reference, 'v1', hostile, clock)).toMatchObject({
      answered: false,
    });
  });

  it('unanswered, gets exactly one reminder once 5 working days have passed', async () => {
    const record = confirmed();
    const issue = await file(record);
    // Wednesday 28 October 2026: five working days later is Wednesday 4 November.
    await handleEvent('issue_comment', commentEvent(issue, 'jdevries', '/vraag Heeft u een foto van de schade?'), deps);
    await deliver(record.reference);
    await smtp.waitFor(1);
    clock = new Date('2026-11-03T12:00:00Z');
    expect((await deliver(record.reference)).sent).toBe(0);
    clock = new Date('2026-11-04T07:00:00Z');
    expect((await deliver(record.reference)).sent).toBe(1);
    const reminder = (await smtp.waitFor(2))[1];
    expect(reminder?.parsed.subject).toBe(`Herinnering: een vraag over uw klacht ${record.reference}`);
    expect(reminder?.parsed.text).toContain('Heeft u een foto van de schade?');
    clock = new Date('2026-11-20T07:00:00Z');
    expect((await deliver(record.reference)).sent).toBe(0);
    expect(smtp.received).toHaveLength(2);
  });
});
