/**
 * Which messages a case should have had, and what each says.
 *
 * State-based, so no hook can be missed: {@link dueMessages} derives from the case's status and
 * events which messages belong to it, minus those recorded as sent (`messages[]`). Whoever calls
 * it — the intake, a move command, the satisfaction page, the daily run — gets the same answer,
 * and a message that failed stays due until it went out.
 *
 * {@link composeMessage} fills a template with the case: Dutch, or English when the complainant
 * used the English form; the handler by name from the configuration (never a GitHub login).
 *
 * Pure: the moment, the configuration, the templates and the token secret are parameters.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { referencePattern, type Case, type CaseEvent } from '../case.ts';
import type { Locale } from '../complaint.ts';
import { complaintMessages } from '../complaint.ts';
import type { Config } from '../config.ts';
import { makeAnswerDateIcs } from '../ics.ts';
import { findPerson } from '../people.ts';
import { makeSatisfactionToken, satisfactionExpiry } from '../satisfaction-token.ts';
import { formatDate, receiptDate } from '../terms.ts';
import { headerText } from './safe-text.ts';
import { renderTemplate, type MailTemplate, type TemplateValue } from './templates.ts';

/**
 * The messages of the procedure, in the order of a case's life. `not-taken-up` follows the receipt
 * in place of everything after it: a repeat complaint is not confirmed, extended or answered.
 */
export const messageKinds = [
  'receipt',
  'not-taken-up',
  'confirmation',
  'extension',
  'answer',
  'satisfaction',
  'dissatisfied',
] as const;
export type MessageKind = (typeof messageKinds)[number];

/** Who a message goes to. Only `dissatisfied` goes to the coordinators. */
export const audienceOf = (kind: MessageKind): 'complainant' | 'coordinators' =>
  kind === 'dissatisfied' ? 'coordinators' : 'complainant';

/** Dutch names, for the case history and the command line. */
export const messageNames: Readonly<Record<MessageKind, string>> = {
  receipt: 'ontvangstbevestiging',
  'not-taken-up': 'niet in behandeling genomen',
  confirmation: 'bevestiging met behandelaar en antwoorddatum',
  extension: 'verdaging',
  answer: 'antwoord gegeven',
  satisfaction: 'vraag naar tevredenheid',
  dissatisfied: 'melding aan coördinator: klager niet tevreden',
};

/**
 * An unsent message is due for this many days after what triggered it. After that it is no longer
 * sent (a receipt a month late helps nobody, and a store that predates mail does not get a flood),
 * but it stays visible on the case and in `klachten mail status`.
 */
export const retryWindowDays = 30;

/**
 * An attempt that started longer ago than this and never finished is taken to have died with its
 * process. Sending takes at most about two minutes (the SMTP time-outs in `transport.ts`).
 */
export const inFlightTimeoutMs = 15 * 60 * 1000;

/** A message that should go out now. */
export interface DueMessage {
  kind: MessageKind;
  audience: 'complainant' | 'coordinators';
  /** When what triggered it happened (the receipt, the move, the answer). */
  since: string;
  /** An earlier attempt failed. */
  retry: boolean;
  /**
   * An earlier attempt started and never recorded its end: the process died, perhaps after the
   * mail server had accepted the message. Sending again may send it twice; not sending may never
   * send it. We send again, at most once per run, and the case shows the attempts.
   */
  ambiguous: boolean;
}

/** The recorded state of one message on a case, if any. */
export type MessageRecord = Case['messages'][number];

/**
 * The record of this kind on the case, if there is one.
 *
 * @example
 * messageRecord(record, 'receipt')?.sentAt // '2026-10-26T00:31:02+01:00'
 */
export function messageRecord(record: Pick<Case, 'messages'>, kind: MessageKind): MessageRecord | undefined {
  const all = record.messages.filter((message) => message.kind === kind);
  return all.find((message) => message.sentAt !== undefined) ?? all[0];
}

function lastEvent(record: Case, status: CaseEvent['status']): CaseEvent | undefined {
  return record.events.findLast((event) => event.status === status);
}

const answered = (record: Case) =>
  record.status === 'beantwoord' || (record.status === 'afgesloten' && record.outcome !== 'ingetrokken');

/** When each kind became due for this case, or undefined when it does not belong to it (now). */
function triggerOf(record: Case, kind: MessageKind): string | undefined {
  switch (kind) {
    case 'receipt':
      // Not once the case is not taken up: the receipt promises a confirmation that will not come.
      return ['ontvangen', 'bevestigd', 'verdaagd'].includes(record.status) ? record.receivedAt : undefined;
    case 'not-taken-up':
      return record.status === 'niet-in-behandeling' ? lastEvent(record, 'niet-in-behandeling')?.at : undefined;
    case 'confirmation':
      return record.status === 'bevestigd' || record.status === 'verdaagd'
        ? lastEvent(record, 'bevestigd')?.at
        : undefined;
    case 'extension':
      return record.status === 'verdaagd' ? lastEvent(record, 'verdaagd')?.at : undefined;
    case 'answer':
      return answered(record) ? lastEvent(record, 'beantwoord')?.at : undefined;
    case 'satisfaction':
      return answered(record) && record.satisfaction === undefined ? lastEvent(record, 'beantwoord')?.at : undefined;
    case 'dissatisfied':
      return record.satisfaction?.answer === 'nee' ? record.satisfaction.at : undefined;
  }
}

/**
 * The messages this case should get now, in the order they must go: the ones its state calls
 * for, minus those sent, minus those another process is sending right now. A message waits for
 * the ones before it, so the satisfaction question never overtakes the answer.
 *
 * @example
 * dueMessages(confirmedCase, new Date()) // [{ kind: 'confirmation', audience: 'complainant', retry: false, … }]
 */
export function dueMessages(record: Case, now: Date): DueMessage[] {
  const due: DueMessage[] = [];
  for (const kind of messageKinds) {
    const since = triggerOf(record, kind);
    if (since === undefined) continue;
    const audience = audienceOf(kind);
    if (audience === 'complainant' && record.email.trim() === '') continue;
    const sent = messageRecord(record, kind);
    if (sent?.sentAt !== undefined) continue;
    if (now.getTime() - Date.parse(since) > retryWindowDays * 24 * 60 * 60 * 1000) continue;
    const started = sent?.attemptStartedAt === undefined ? undefined : Date.parse(sent.attemptStartedAt);
    if (started !== undefined && now.getTime() - started < inFlightTimeoutMs) continue;
    due.push({ kind, audience, since, retry: sent?.lastError !== undefined, ambiguous: started !== undefined });
  }
  return due;
}

/**
 * The address a message goes to as it is recorded: `sha256:` and the hash of the address in lower
 * case, so a case shows where a message went without the address being in the message list.
 *
 * @example
 * addressHash(' Zoe@Example.nl ') // 'sha256:…'
 */
export function addressHash(address: string): string {
  return `sha256:${createHash('sha256').update(address.trim().toLowerCase()).digest('hex')}`;
}

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

/** What composing a message needs besides the case. */
export interface ComposeContext {
  config: Config;
  templates: TemplateSet;
  /** The moment of sending: the Date header, the .ics time stamp, the start of a link's validity. */
  now: Date;
  /** Signs the satisfaction link; without it that message cannot be made. */
  tokenSecret?: string | undefined;
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

/** An error whose `code` is what the case records as `lastError` (no personal data in it). */
function composeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * The message of this kind for this case, rendered from its template in the case's language.
 * Throws (with a `code`) when it cannot be made: no valid address, a handler not in the
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
  const locale: Locale = audience === 'coordinators' ? 'nl' : record.locale;
  const to = (audience === 'coordinators' ? config.coordinators.email : record.email).trim();
  if (!singleAddress.safeParse(to).success) throw composeError('invalid-address', 'Geen geldig e-mailadres.');
  const template = context.templates[locale][kind];
  if (!template) throw composeError('no-template', `Geen mailsjabloon ${locale}/${kind}.md.`);
  const values = valuesFor(kind, record, context, locale);
  let rendered;
  try {
    rendered = renderTemplate(template, values, locale);
  } catch (error) {
    throw composeError('template', error instanceof Error ? error.message : String(error));
  }
  const settings = mailSettings(config);
  const site = new URL(config.site.url);
  return {
    reference: record.reference,
    kind,
    to,
    from: settings.from,
    replyTo: settings.replyTo,
    ...rendered,
    messageId: `<${record.reference}.${kind}@${site.hostname}>`,
    date: context.now,
    language: locale,
    attachments: attachmentsFor(kind, record, context, locale),
  };
}

/** The answer term that applies now: the extended one once the term was extended. */
function currentAnswerBy(record: Case): string {
  return record.extended ? record.terms.extendedAnswerBy : record.terms.answerBy;
}

function attachmentsFor(kind: MessageKind, record: Case, context: ComposeContext, locale: Locale) {
  if (kind !== 'confirmation' && kind !== 'extension') return [];
  const ics = makeAnswerDateIcs({
    reference: record.reference,
    date: currentAnswerBy(record),
    locale,
    organisationName: context.config.organisation.name,
    dtstamp: context.now.toISOString(),
    siteUrl: context.config.site.url,
    // The extension replaces the event of the confirmation in the complainant's calendar.
    sequence: kind === 'extension' ? 1 : 0,
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

const labels = {
  nl: { category: 'Onderwerp', notFilled: '(niet ingevuld)', yes: 'Ja', no: 'Nee' },
  en: { category: 'Subject', notFilled: '(not filled in)', yes: 'Yes', no: 'No' },
} as const;

const roleNames = {
  nl: { bewoner: 'Bewoner', 'pand-eigenaar': 'Pand eigenaar', opdrachtgever: 'Opdrachtgever' },
  en: { bewoner: 'Resident', 'pand-eigenaar': 'Property owner', opdrachtgever: 'Client' },
} as const;

const satisfactionNames = { ja: 'ja', deels: 'gedeeltelijk', nee: 'nee' } as const;

/** The complaint as submitted, field by field, in the form's words. */
function complaintCopy(record: Case, config: Config, locale: Locale): TemplateValue {
  const names = complaintMessages[locale].names;
  const l = labels[locale];
  const category = config.categories.find((c) => c.id === record.category)?.label[locale] ?? record.category;
  const fields = [
    { label: names.role, value: roleNames[locale][record.role] },
    { label: names.name, value: record.name },
    { label: names.email, value: record.email },
    { label: names.phone, value: record.phone ?? l.notFilled },
    { label: names.address, value: record.address },
    { label: l.category, value: category },
    { label: names.complaint, value: record.complaint },
    { label: names.expectation, value: record.expectation },
    { label: names.concerns, value: record.concerns ?? l.notFilled },
    { label: names.earlier, value: record.earlier === 'ja' ? l.yes : l.no },
    ...(record.whatIsNew === undefined ? [] : [{ label: names.whatIsNew, value: record.whatIsNew }]),
  ];
  return { kind: 'fields', fields };
}

function text(value: string): TemplateValue {
  return { kind: 'text', text: value };
}

/**
 * The earlier case a repeat complaint names, as the move recorded it. Only a well-formed reference
 * goes out: the complainant is told to quote it, and nothing else of the earlier case is read.
 */
function earlierReferenceOf(record: Case): string {
  const earlier = (record.earlierReference ?? lastEvent(record, 'niet-in-behandeling')?.earlierReference)
    ?.trim()
    .toUpperCase();
  if (earlier === undefined || !referencePattern.test(earlier)) {
    throw composeError(
      'no-earlier-reference',
      'De klacht staat op niet-in-behandeling zonder geldig kenmerk van de eerdere klacht.',
    );
  }
  return earlier;
}

/** The values every template of this kind may use. */
function valuesFor(
  kind: MessageKind,
  record: Case,
  context: ComposeContext,
  locale: Locale,
): Record<string, TemplateValue> {
  const { config } = context;
  const date = (iso: string) => formatDate(iso, locale);
  const values: Record<string, TemplateValue> = {
    reference: text(record.reference),
    name: { kind: 'user', text: record.name },
    organisation: text(config.organisation.name),
    coordinatorName: text(config.coordinators.name),
    coordinatorEmail: text(config.coordinators.email),
    siteUrl: { kind: 'url', url: config.site.url },
    receivedDate: text(date(record.terms.received)),
    confirmBy: text(date(record.terms.confirmBy)),
    answerBy: text(date(currentAnswerBy(record))),
    complaintCopy: complaintCopy(record, config, locale),
    externalBodies: {
      kind: 'links',
      items: config.externalBodies.map((body) => ({
        name: body.name,
        url: body.url,
        description: body.description[locale],
      })),
    },
  };
  if (record.handler !== undefined) {
    const person = findPerson(config.people, record.handler);
    // Only a configured person's name: an unknown id might be a login, which never goes out.
    if (person !== undefined && person.id === record.handler) values['handler'] = text(person.name);
  }
  if (kind === 'confirmation' && values['handler'] === undefined) {
    throw composeError('unknown-handler', 'De behandelaar staat niet (meer) in people in klachten.config.ts.');
  }
  if (kind === 'not-taken-up') values['earlierReference'] = text(earlierReferenceOf(record));
  if (kind === 'extension') {
    values['reason'] = { kind: 'quote', text: lastEvent(record, 'verdaagd')?.reason ?? '', user: false };
    values['previousAnswerBy'] = text(date(record.terms.answerBy));
  }
  if (kind === 'satisfaction') {
    if (context.tokenSecret === undefined) {
      throw composeError(
        'no-token-secret',
        'KLACHTEN_TOKEN_SECRET ontbreekt: de link naar de tevredenheidsvraag kan niet worden gemaakt.',
      );
    }
    const expiresAt = satisfactionExpiry(context.now, config.satisfaction.validDays);
    const token = makeSatisfactionToken({ reference: record.reference, expiresAt }, context.tokenSecret);
    const page = locale === 'nl' ? 'tevredenheid/' : 'en/satisfaction/';
    const url = new URL(page, config.site.url);
    url.searchParams.set('t', token);
    values['satisfactionUrl'] = { kind: 'url', url: url.href };
    // The last day on which the link still works, in the organisation's time zone.
    const lastMoment = new Date(expiresAt.getTime() - 1000).toISOString();
    values['validUntil'] = text(date(receiptDate(lastMoment, config.terms.timeZone)));
  }
  if (kind === 'dissatisfied' && record.satisfaction !== undefined) {
    values['satisfactionAnswer'] = text(satisfactionNames[record.satisfaction.answer]);
    values['satisfactionDate'] = text(date(receiptDate(record.satisfaction.at, config.terms.timeZone)));
    values['remark'] =
      record.satisfaction.remark === undefined
        ? { kind: 'quote', text: '(geen toelichting)', user: false }
        : { kind: 'quote', text: record.satisfaction.remark, user: true };
  }
  return values;
}
