import type { Case } from '../../cases/case.ts';
import type { Config } from '../../cases/config.ts';
import type { Locale } from '../../cases/locale.ts';
import { composeMessage } from '../../cases/mail/compose-message.ts';
import type { MessageKind } from '../../cases/mail/message-kinds.ts';
import type { CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';

/**
 * A message of `kind` filled in with made-up data, as `klachten mail preview` shows it: the HTML,
 * or the text with its recipient and subject. Uses the templates and the configuration of `ctx`.
 *
 * @example
 * await previewMail(ctx, 'receipt', 'nl', false) // 'Aan: klager@example.nl\nOnderwerp: Uw klacht is ontvangen – …'
 */
export async function previewMail(ctx: CliContext, kind: MessageKind, locale: Locale, html: boolean): Promise<string> {
  const templates = await servicesOf(ctx).loadTemplates(ctx);
  const { config } = ctx;
  // A preview must work before any handler is configured.
  const sample: Config =
    config.people.length > 0
      ? config
      : { ...config, people: [{ id: 'voorbeeld-behandelaar', name: 'Voorbeeld Behandelaar' }] };
  const mail = composeMessage(kind, sampleCase(kind, locale, sample), {
    config: sample,
    templates,
    now: ctx.now(),
    tokenSecret: 'voorbeeld-geheim-alleen-voor-de-preview-0123456789',
  });
  return html ? mail.html : `Aan: ${mail.to}\nOnderwerp: ${mail.subject}\n\n${mail.text}`;
}

/** A made-up case in the state a message belongs to, for `preview`; no real person's data. */
function sampleCase(kind: MessageKind, locale: Locale, cfg: Config): Case {
  const handler = cfg.people[0]?.id;
  const at = '2026-10-26T10:15:00+01:00';
  const base: Case = {
    reference: 'K-2026-VB0RB1',
    status: 'ontvangen',
    source: 'web',
    locale,
    receivedAt: at,
    terms: { received: '2026-10-26', confirmBy: '2026-11-04', answerBy: '2026-12-07', extendedAnswerBy: '2027-01-04' },
    fingerprint: 'sha256:voorbeeld',
    role: 'bewoner',
    name: 'Voorbeeld Klager',
    email: 'klager@example.nl',
    address: 'Voorbeeldstraat 1, Utrecht',
    category: cfg.categories[0]?.id ?? 'overig',
    complaint: 'De lift is al drie weken kapot.\n\nMijn buurvrouw kan niet naar buiten. Zie www.example.nl.',
    expectation: 'Dat de lift deze week wordt gemaakt.',
    earlier: 'nee',
    extended: kind === 'extension',
    events: [{ at, status: 'ontvangen', by: 'website' }],
    notices: [],
    messages: [],
  };
  const confirmed = { at: '2026-10-30T09:00:00+01:00', status: 'bevestigd' as const, ...(handler ? { handler } : {}) };
  const people: Case = handler === undefined ? base : { ...base, handler };
  switch (kind) {
    case 'receipt':
      return base;
    case 'not-taken-up': {
      const earlierReference = 'K-2025-VB0RB0';
      return {
        ...base,
        status: 'niet-in-behandeling',
        earlierReference,
        events: [...base.events, { at: '2026-10-28T09:00:00+01:00', status: 'niet-in-behandeling', earlierReference }],
      };
    }
    case 'confirmation':
      return { ...people, status: 'bevestigd', events: [...base.events, confirmed] };
    case 'extension':
      return {
        ...people,
        status: 'verdaagd',
        events: [
          ...base.events,
          confirmed,
          { at: '2026-11-20T09:00:00+01:00', status: 'verdaagd', reason: 'We wachten op het rapport van de aannemer.' },
        ],
      };
    case 'answer':
    case 'satisfaction':
      return {
        ...people,
        status: 'beantwoord',
        events: [...base.events, confirmed, { at: '2026-12-01T09:00:00+01:00', status: 'beantwoord' }],
        answers: [
          {
            at: '2026-12-01T09:00:00+01:00',
            text:
              'U schreef ons dat de lift al drie weken kapot is.\n\nWij hebben de aannemer gesproken. ' +
              'Het onderdeel was niet leverbaar.\n\n**Ons oordeel:** uw klacht is gegrond.',
            report: 'Gesprek met de aannemer op 20 november 2026.',
          },
        ],
      };
    case 'question':
    case 'question-reminder':
      return {
        ...people,
        status: 'bevestigd',
        events: [...base.events, confirmed],
        questions: [
          {
            id: 'v1',
            at: '2026-11-02T09:00:00+01:00',
            text: 'Op welke verdieping woont u?',
            mailedAt: '2026-11-02T09:00:00+01:00',
          },
        ],
      };
    case 'withdrawn':
      return {
        ...people,
        status: 'afgesloten',
        outcome: 'ingetrokken',
        events: [
          ...base.events,
          confirmed,
          { at: '2026-11-02T09:00:00+01:00', status: 'afgesloten', outcome: 'ingetrokken' },
        ],
      };
    case 'addition':
      return {
        ...people,
        status: 'bevestigd',
        events: [...base.events, confirmed],
        additions: [{ at: '2026-11-02T09:00:00+01:00', text: "De lift is nu ook 's nachts kapot." }],
      };
    case 'link':
      return { ...people, status: 'bevestigd', events: [...base.events, confirmed] };
    case 'dissatisfied':
      return {
        ...people,
        status: 'beantwoord',
        events: [...base.events, confirmed, { at: '2026-12-01T09:00:00+01:00', status: 'beantwoord' }],
        satisfaction: { answer: 'nee', remark: 'Er is niets veranderd.', at: '2026-12-03T09:00:00+01:00' },
      };
    case 'reopened':
    case 'reopened-handler':
    case 'reopened-answer': {
      const reopened = {
        at: '2026-12-03T09:05:00+01:00',
        status: 'heropend' as const,
        by: 'klager',
        reason: 'De klager is niet tevreden (antwoord op de tevredenheidsvraag).',
        answerBy: '2026-12-31',
      };
      const events = [...base.events, confirmed, { at: '2026-12-01T09:00:00+01:00', status: 'beantwoord' as const }];
      if (kind !== 'reopened-answer') return { ...people, status: 'heropend', events: [...events, reopened] };
      const again = { at: '2026-12-20T09:00:00+01:00', status: 'beantwoord' as const };
      const answers = [
        { at: '2026-12-01T09:00:00+01:00', text: 'Wij hebben de aannemer gevraagd de lift te maken.' },
        {
          at: again.at,
          text:
            'U schreef ons dat de lift na ons eerste antwoord nog steeds kapot was.\n\n' +
            'Wij hebben een andere aannemer gevraagd. De lift werkt sinds 18 december weer.\n\n' +
            '**Ons oordeel:** uw klacht is gegrond.',
        },
      ];
      return { ...people, status: 'beantwoord', events: [...events, reopened, again], answers };
    }
  }
}
