/**
 * A message ready for the mailer: its template filled with the case, in Dutch, or in English when
 * the complainant used the English form; from the coordinators, to one validated address, with a
 * Message-ID fixed per case and kind, and the answer date as a calendar file where it changes.
 *
 * Pure: the moment, the configuration, the templates and the token secret are parameters.
 */
import { z } from 'zod';
import type { Case } from '../case.ts';
import type { Config } from '../config.ts';
import { taggedError } from '../errors.ts';
import { makeAnswerDateIcs } from '../ics.ts';
import type { Locale } from '../locale.ts';
import { currentAnswerBy } from './case-history.ts';
import { findPerson } from '../people.ts';
import { audienceOf, type Audience, type MessageKind } from './message-kinds.ts';
import { valuesFor, type ValuesContext } from './message-values.ts';
import { renderTemplate } from './render-template.ts';
import { headerText } from './safe-text.ts';
import { signedReplyAddress } from '../inbox/reply-address.ts';
import type { MailTemplate } from './template-parse.ts';

/** A message ready for a mailer. Addresses are single, validated addresses. */
export interface OutgoingMail {
  reference: string;
  kind: MessageKind;
  to: string;
  from: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** Fixed per case and kind, so a receiving server can drop a copy sent twice after a crash. */
  messageId: string;
  date: Date;
  language: Locale;
  attachments: { filename: string; content: string; contentType: string }[];
}

/** The templates by language and kind, as `template-files.ts` loads them. */
export type TemplateSet = Readonly<Record<Locale, Partial<Readonly<Record<MessageKind, MailTemplate>>>>>;

/** What composing a message needs besides the case: the values' needs and the templates. */
export interface ComposeContext extends ValuesContext {
  templates: TemplateSet;
}

/** Sender and reply address: from `config.mail`, else the coordinators. */
export interface MailSettings {
  from: string;
  replyTo: string;
}

/**
 * The sender and reply address: `config.mail` where set, else the coordinators' name and address.
 *
 * @example
 * mailSettings(config) // { from: '"De klachtencoördinator" <klachten@livable.nl>', replyTo: 'klachten@livable.nl' }
 */
export function mailSettings(config: Pick<Config, 'mail' | 'coordinators'>): MailSettings {
  const name = headerText(config.coordinators.name).replace(/["\\]/g, '');
  return {
    from: config.mail?.from ?? `"${name}" <${config.coordinators.email}>`,
    replyTo: config.mail?.replyTo ?? config.coordinators.email,
  };
}

const singleAddress = z.email();

/**
 * The message of this kind for this case, rendered from its template in the case's language.
 * Throws (with a tag, `errorTag`) when it cannot be made: no valid address, a handler not in the
 * configuration, no token secret, a repeat complaint without the earlier case's reference, a
 * template that does not render.
 *
 * @example
 * const mail = composeMessage('confirmation', record, { config, templates, now: new Date(), tokenSecret });
 * mail.subject // 'Uw klacht K-2026-7QF3M9 is in behandeling'
 */
export function composeMessage(kind: MessageKind, record: Case, context: ComposeContext): OutgoingMail {
  const { config } = context;
  const audience = audienceOf(kind);
  // Staff read Dutch; the complainant gets the language they wrote in.
  const locale: Locale = audience === 'complainant' ? record.locale : 'nl';
  const to = recipient(audience, record, config).trim();
  if (!singleAddress.safeParse(to).success) throw taggedError('invalid-address', 'Geen geldig e-mailadres.');
  const template = context.templates[locale][kind];
  if (!template) throw taggedError('no-template', `Geen mailsjabloon ${locale}/${kind}.md.`);
  const values = valuesFor(kind, record, context, locale);
  let rendered;
  try {
    rendered = renderTemplate(template, values, locale);
  } catch (error) {
    throw taggedError('template', error instanceof Error ? error.message : String(error));
  }
  const settings = mailSettings(config);
  const site = new URL(config.site.url);
  return {
    reference: record.reference,
    kind,
    to,
    from: settings.from,
    replyTo: replyAddress(settings.replyTo, audience, record, context),
    ...rendered,
    messageId: `<${record.reference}.${kind}@${site.hostname}>`,
    date: context.now,
    language: locale,
    attachments: attachmentsFor(kind, record, context, locale),
  };
}

/** The address of an audience: the complainant's, the coordinators', or the handler's (else the coordinators'). */
function recipient(audience: Audience, record: Case, config: Config): string {
  if (audience === 'complainant') return record.email;
  if (audience === 'handler') {
    const handler = record.handler === undefined ? undefined : findPerson(config.people, record.handler);
    if (handler?.email !== undefined) return handler.email;
  }
  return config.coordinators.email;
}

/** The calendar event's version: each new answer date replaces the one before in the complainant's calendar. */
const icsSequence: Partial<Record<MessageKind, number>> = { confirmation: 0, extension: 1, reopened: 2 };

/**
 * With `inbox.plusAddressing`, a mail to the complainant carries the signed reply address of its
 * case (cases/inbox/reply-address.ts), so a reply lands on the case; otherwise, and for the
 * coordinators' mail, the reply address itself.
 */
function replyAddress(replyTo: string, audience: Audience, record: Case, context: ComposeContext): string {
  if (audience !== 'complainant' || !context.config.inbox.plusAddressing || context.tokenSecret === undefined)
    return replyTo;
  return signedReplyAddress(replyTo, record.reference, context.tokenSecret);
}

function attachmentsFor(kind: MessageKind, record: Case, context: ComposeContext, locale: Locale) {
  const sequence = icsSequence[kind];
  if (sequence === undefined) return [];
  const ics = makeAnswerDateIcs({
    reference: record.reference,
    date: currentAnswerBy(record),
    locale,
    organisationName: context.config.organisation.name,
    dtstamp: context.now.toISOString(),
    siteUrl: context.config.site.url,
    // The extension replaces the event of the confirmation in the complainant's calendar.
    sequence,
  });
  const name = locale === 'nl' ? 'antwoorddatum' : 'answer-date';
  return [
    {
      filename: `${record.reference}-${name}.ics`,
      content: ics,
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    },
  ];
}
