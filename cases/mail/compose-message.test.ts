import { describe, expect, it } from 'vitest';
import { aCase } from '../../tests/support/case-fixture.ts';
import baseConfig from '../../klachten.config.ts';
import { answeredCase, confirmedCase, mailConfig, testSecret } from '../../tests/support/mail-fixture.ts';
import type { Case } from '../case.ts';
import { parseConfig } from '../config.ts';
import { locales } from '../locale.ts';
import { verifySatisfactionToken } from '../satisfaction-token.ts';
import { extendedCase, notTakenUp } from './__fixtures__/cases.ts';
import { readReplyAddress } from '../inbox/reply-address.ts';
import { composeMessage, mailSettings, type ComposeContext } from './compose-message.ts';
import { defaultTemplatesDir, loadTemplates } from './template-files.ts';

const secret = testSecret;
const templates = await loadTemplates(defaultTemplatesDir(process.cwd()));
const now = new Date('2026-11-02T09:00:00Z');
const context: ComposeContext = { config: mailConfig, templates, now, tokenSecret: secret };

const confirmed = confirmedCase;
const answered = answeredCase;

describe('composing a message', () => {
  it('sends the receipt to the complainant from the coordinators, with a fixed Message-ID and no attachment', () => {
    const record = aCase({ reference: 'K-2026-7QF3M9' });
    const mail = composeMessage('receipt', record, context);
    expect(mail).toMatchObject({
      to: 'anna@example.nl',
      from: '"De klachtencoördinator" <klachten@livable.nl>',
      replyTo: 'klachten@livable.nl',
      subject: 'Uw klacht is ontvangen – kenmerk K-2026-7QF3M9',
      messageId: '<K-2026-7QF3M9.receipt@klachten.livable.nl>',
      language: 'nl',
      attachments: [],
    });
    expect(mail.text).toContain('Uiterlijk woensdag 4 november 2026 krijgt u een bevestiging.');
    expect(mail.text).toContain('uiterlijk maandag 7 december 2026 een gemotiveerd antwoord');
    expect(mail.text).toContain('Uw klacht:\n> De lift is al drie weken kapot.');
  });

  it('lists the files of the receipt by our names and sizes, never attaching them or linking them', () => {
    const file = {
      type: 'image/jpeg',
      size: 1_258_291,
      sha256: 'a'.repeat(64),
      originalName: 'IMG_0001.JPG',
      addedAt: '2026-11-02T10:00:00+01:00',
      from: 'formulier',
    } as const;
    const record = aCase({
      attachments: [
        { ...file, name: 'bijlage-1.jpg' },
        { ...file, name: 'bijlage-2.pdf', type: 'application/pdf', size: 358_400 },
      ],
    });
    const mail = composeMessage('receipt', record, context);
    expect(mail.text).toContain('Bijlagen:\n> bijlage-1.jpg (1,2 MB)\n> bijlage-2.pdf (350 kB)');
    expect(mail.html).toContain('bijlage-1.jpg (1,2 MB)<br');
    expect(mail.attachments).toEqual([]);
    expect(`${mail.text}${mail.html}`).not.toContain('IMG_0001');
  });

  it('writes to an English complainant in English', () => {
    const mail = composeMessage('receipt', aCase({ locale: 'en', reference: 'K-2026-7QF3MA' }), context);
    expect(mail.subject).toBe('We have received your complaint – reference K-2026-7QF3MA');
    expect(mail.language).toBe('en');
    expect(mail.html).toContain('<html lang="en"');
    expect(mail.text).toContain('By Wednesday 4 November 2026 at the latest');
  });

  it('names the handler from the configuration, never the GitHub login, and attaches the answer date', () => {
    const mail = composeMessage('confirmation', confirmed(), context);
    expect(mail.text).toContain('Uw klacht wordt behandeld door Jan de Vries.');
    expect(`${mail.text}${mail.html}${mail.subject}`).not.toContain('jdevries');
    expect(mail.attachments).toHaveLength(1);
    const [ics] = mail.attachments;
    expect(ics?.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expect(ics?.content).toContain('DTSTART;VALUE=DATE:20261207');
    expect(ics?.content).toContain('SEQUENCE:0');
  });

  it('refuses a confirmation whose handler is not (or no longer) in the configuration', () => {
    expect(() => composeMessage('confirmation', confirmed({ handler: 'jdevries' }), context)).toThrow(
      expect.objectContaining({ tag: 'unknown-handler' }),
    );
  });

  it('tells a reopened complainant who handles it again, naming the coordinators when the handler has left', () => {
    const reopenedAt = '2026-11-20T10:00:00+01:00';
    const reopen = { at: reopenedAt, status: 'heropend' as const, by: 'klager', reason: 'nee', answerBy: '2026-12-18' };
    const left = { ...answered({ handler: 'oud-collega' }), status: 'heropend' as const };
    const mail = composeMessage('reopened', { ...left, events: [...left.events, reopen] }, context);
    expect(mail.text).toContain(`Uw klacht wordt opnieuw behandeld door ${mailConfig.coordinators.name}.`);
    const known = { ...answered(), status: 'heropend' as const };
    expect(composeMessage('reopened', { ...known, events: [...known.events, reopen] }, context).text).toContain(
      'Uw klacht wordt opnieuw behandeld door Jan de Vries.',
    );
  });

  it('carries the new answer, not the first, in the mail after a reopened case is answered again', () => {
    const first = { at: '2026-11-01T10:00:00+01:00', text: 'Ons eerste antwoord.' };
    const again = { at: '2026-11-25T10:00:00+01:00', text: 'Ons nieuwe antwoord: de lekkage is verholpen.' };
    const base = answered({ answers: [first, again] });
    const events = [
      ...base.events,
      {
        at: '2026-11-10T10:00:00+01:00',
        status: 'heropend' as const,
        by: 'klager',
        reason: 'nee',
        answerBy: '2026-12-08',
      },
      { at: again.at, status: 'beantwoord' as const, by: 'coordinator' },
    ];
    const mail = composeMessage('reopened-answer', { ...base, events }, context);
    expect(mail.text).toContain(again.text);
    expect(mail.html).toContain(again.text);
    expect(mail.text).not.toContain(first.text);
  });

  it('tells the reason and the new date of an extension, and replaces the calendar event', () => {
    const record = extendedCase('2026-11-20T10:00:00+01:00', 'We wachten op het rapport van de aannemer.');
    const mail = composeMessage('extension', record, context);
    expect(mail.text).toContain('> We wachten op het rapport van de aannemer.');
    expect(mail.text).toContain(
      'uiterlijk maandag 4 januari 2027 een gemotiveerd antwoord. Eerder was dat maandag 7 december 2026.',
    );
    expect(mail.attachments[0]?.content).toContain('DTSTART;VALUE=DATE:20270104');
    expect(mail.attachments[0]?.content).toContain('SEQUENCE:1');
  });

  it('points to further procedures and the configured external bodies with the answer', () => {
    const mail = composeMessage('answer', answered(), context);
    expect(mail.text).toContain('U kunt zich altijd ook wenden tot een andere geschikte externe instantie.');
    expect(mail.text).toContain(
      '- Huurcommissie: Voor geschillen over huur en servicekosten.\n  https://www.huurcommissie.nl/',
    );
  });

  it('links the satisfaction question to the page in the complainant’s language with a token for this case', () => {
    for (const locale of locales) {
      const record = answered({ locale, reference: locale === 'nl' ? 'K-2026-7QF3MB' : 'K-2026-7QF3MC' });
      const mail = composeMessage('satisfaction', record, context);
      const link = /https:\/\/klachten\.livable\.nl\/[^\s<>"]+/.exec(mail.text)?.[0] ?? '';
      const url = new URL(link);
      expect(url.pathname).toBe(locale === 'nl' ? '/tevredenheid/' : '/en/satisfaction/');
      const check = verifySatisfactionToken(url.searchParams.get('t') ?? '', secret, now);
      expect(check).toMatchObject({ ok: true, reference: record.reference });
      expect(mail.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
    }
    const nl = composeMessage('satisfaction', answered(), context);
    expect(nl.text).toContain('De link werkt tot en met maandag 16 november 2026.');
  });

  it('cannot make the satisfaction question without a token secret', () => {
    expect(() => composeMessage('satisfaction', answered(), { ...context, tokenSecret: undefined })).toThrow(
      expect.objectContaining({ tag: 'no-token-secret' }),
    );
  });

  it('tells the coordinators about a "no" in Dutch, with the remark quoted and defanged', () => {
    const record = answered({
      locale: 'en',
      satisfaction: { answer: 'nee', remark: 'Nothing happened. See www.evil.com', at: '2026-11-02T08:00:00Z' },
    });
    const mail = composeMessage('dissatisfied', record, context);
    expect(mail.to).toBe('klachten@livable.nl');
    expect(mail.language).toBe('nl');
    expect(mail.subject).toBe(`Klacht ${record.reference}: klager is niet tevreden`);
    expect(mail.text).toContain('> Nothing happened. See www[.]evil[.]com');
    expect(mail.text).not.toContain(record.email);
  });

  it('tells a repeat complainant why the complaint is not taken up, which earlier case, and where else to turn', () => {
    const mail = composeMessage('not-taken-up', notTakenUp({ reference: 'K-2026-7QF3MD' }), context);
    expect(mail).toMatchObject({
      to: 'anna@example.nl',
      subject: 'We nemen uw klacht K-2026-7QF3MD niet in behandeling',
      messageId: '<K-2026-7QF3MD.not-taken-up@klachten.livable.nl>',
      language: 'nl',
      attachments: [],
    });
    expect(mail.text).toContain('ontvangen op maandag 26 oktober 2026. We nemen deze klacht niet in behandeling.');
    expect(mail.text).toContain('Die eerdere klacht heeft kenmerk K-2025-7QF3M9.');
    expect(mail.text).toContain('- Die klacht hebben we al behandeld in onze klachtenprocedure (bemiddeling).');
    expect(mail.text).toContain('- In uw nieuwe klacht staan geen nieuwe feiten of omstandigheden.');
    expect(mail.text).toContain('Beantwoord dan deze e-mail. Schrijf erbij wat er nieuw is.');
    expect(mail.text).toContain('U kunt zich altijd ook wenden tot een andere geschikte externe instantie.');
    expect(mail.text).toContain(
      '- Huurcommissie: Voor geschillen over huur en servicekosten.\n  https://www.huurcommissie.nl/',
    );
    expect(mail.html).toContain('<html lang="nl"');
    expect(mail.html).toContain('>We nemen uw klacht K-2026-7QF3MD niet in behandeling</h1>');
    expect(mail.html).toMatch(/<h2 [^>]*>Heeft u wel nieuwe feiten\?<\/h2>/);
    expect(mail.html).toContain('<strong>K-2025-7QF3M9</strong>');
    expect(mail.html).toContain('<a href="https://www.huurcommissie.nl/"');
  });

  it('writes the not-taken-up notice to an English complainant in English', () => {
    const mail = composeMessage('not-taken-up', notTakenUp({ locale: 'en', reference: 'K-2026-7QF3ME' }), context);
    expect(mail.subject).toBe('We will not handle your complaint K-2026-7QF3ME');
    expect(mail.html).toContain('<html lang="en"');
    expect(mail.text).toContain('That earlier complaint has reference K-2025-7QF3M9.');
    expect(mail.text).toContain('Your new complaint does not bring any new facts or circumstances.');
    expect(mail.text).toContain('Then please reply to this e-mail. Tell us what is new.');
    expect(mail.text).toContain('You can always also turn to another appropriate external body.');
    expect(mail.html).toContain('<strong>K-2025-7QF3M9</strong>');
  });

  it('puts nothing of the complaint in the not-taken-up notice: only the name, the two references and the date', () => {
    const personal = {
      phone: '06-98765432',
      address: 'Kastanjelaan 99, Zeist',
      complaint: 'Het dak lekt nog steeds boven de slaapkamer.',
      expectation: 'Een nieuwe dakgoot.',
      concerns: 'Mijn zoon heeft astma.',
      earlier: 'ja' as const,
      whatIsNew: 'Er zit nu ook schimmel op de muur.',
    };
    for (const locale of locales) {
      const mail = composeMessage('not-taken-up', notTakenUp({ ...personal, locale }), context);
      const shown = `${mail.subject}\n${mail.text}\n${mail.html}`;
      for (const value of [...Object.values(personal).filter((v) => v !== 'ja'), 'anna@example.nl', 'Kastanjelaan']) {
        expect(shown).not.toContain(value);
      }
      expect(shown).toContain('Anna de Vries');
    }
  });

  it('refuses the not-taken-up notice without a valid reference of the earlier case', () => {
    for (const earlierReference of [undefined, 'K-2025-I', 'K-2025-7QF3M9 <https://evil.example>']) {
      const record = notTakenUp();
      const { earlierReference: _dropped, ...rest } = record;
      const broken: Case = {
        ...rest,
        ...(earlierReference === undefined ? {} : { earlierReference }),
        events: record.events.map((event) => {
          const { earlierReference: _was, ...bare } = event;
          return bare;
        }),
      };
      expect(() => composeMessage('not-taken-up', broken, context)).toThrow(
        expect.objectContaining({ tag: 'no-earlier-reference' }),
      );
    }
  });

  it('refuses an address that is not one valid address, whatever the case holds', () => {
    for (const email of ['a@b.nl, c@d.nl', 'a@b.nl\r\nBcc: c@d.nl', '"x" <a@b.nl>', 'geen-adres']) {
      expect(() => composeMessage('receipt', aCase({ email }), context)).toThrow(
        expect.objectContaining({ tag: 'invalid-address' }),
      );
    }
  });

  it('renders every template in both languages without an unknown placeholder', () => {
    const records = {
      receipt: aCase(),
      'not-taken-up': notTakenUp(),
      confirmation: confirmed(),
      extension: extendedCase('2026-11-20T10:00:00+01:00', 'Reden.'),
      answer: answered(),
      satisfaction: answered(),
      dissatisfied: answered({ satisfaction: { answer: 'nee', at: '2026-11-02T08:00:00Z' } }),
    };
    for (const locale of locales) {
      for (const [kind, record] of Object.entries(records)) {
        const mail = composeMessage(kind as keyof typeof records, { ...record, locale }, context);
        expect(mail.subject).not.toMatch(/\{\{|\}\}/);
        expect(mail.text).not.toMatch(/\{\{|\}\}/);
      }
    }
  });
});

describe('mail settings', () => {
  it('take the sender and reply address from the configuration when given', () => {
    const config = parseConfig({
      ...baseConfig,
      mail: { from: 'Klachtenloket <noreply@livable.nl>', replyTo: 'klachten@livable.nl' },
    });
    expect(mailSettings(config)).toEqual({
      from: 'Klachtenloket <noreply@livable.nl>',
      replyTo: 'klachten@livable.nl',
    });
  });
});

describe('the reply address with plus addressing (inbox.plusAddressing)', () => {
  const plus = parseConfig({ ...mailConfig, inbox: { plusAddressing: true } });

  it('gives every mail to the complainant the signed reply address of its case', () => {
    const record = answered();
    for (const kind of ['receipt', 'confirmation', 'answer'] as const) {
      const mail = composeMessage(kind, record, { ...context, config: plus });
      expect(mail.replyTo).toMatch(new RegExp(`^klachten\\+${record.reference}\\.[0-9a-f]{10}@livable\\.nl$`));
      expect(readReplyAddress([mail.replyTo ?? ''], 'klachten@livable.nl', secret)).toEqual({
        kind: 'signed',
        reference: record.reference,
      });
    }
  });

  it('keeps the plain reply address without it, and for the coordinators’ own mail', () => {
    expect(composeMessage('answer', answered(), context).replyTo).toBe('klachten@livable.nl');
    const record = answered({ satisfaction: { answer: 'nee', at: '2026-11-20T10:00:00+01:00' } });
    expect(composeMessage('dissatisfied', record, { ...context, config: plus }).replyTo).toBe('klachten@livable.nl');
  });
});
