/**
 * What a message says about its case: the values its template is filled with, in the case's
 * language. The handler goes out by the name in the configuration, never as a GitHub login; the
 * complainant's own text is marked as theirs, so the template defangs it. An error carries a tag,
 * which the case records as `lastError`: no personal data in it.
 *
 * Pure: the configuration, the moment and the token secret are parameters.
 */
import { formatSize } from '../attachments/limits.ts';
import { referencePattern, type Case } from '../case.ts';
import { complaintMessages } from '../complaint.ts';
import type { Config } from '../config.ts';
import { taggedError } from '../errors.ts';
import { formatDate } from '../format-date.ts';
import type { Locale } from '../locale.ts';
import { findPerson } from '../people.ts';
import { linkGenerationOf, makeComplainantToken } from '../complainant-token.ts';
import { makeSatisfactionToken, satisfactionExpiry } from '../satisfaction-token.ts';
import { receiptDate } from '../terms.ts';
import { currentAnswerBy, lastEvent } from './case-history.ts';
import type { MessageKind } from './message-kinds.ts';
import type { TemplateValue } from './template-values.ts';
import { renderAnswer } from '../answer/answer-markdown.ts';
import { style as mailStyle } from './template-html.ts';

const reportHeading = { nl: 'Verslag', en: 'Report' } as const;

/**
 * The answer as sent (the last one recorded) and its verslag, rendered for the mail. A case
 * answered before answers were written on the case has none: the mail then says so in general words.
 */
function answerValues(record: Case, locale: Locale): Record<string, TemplateValue> {
  const answer = record.answers?.at(-1);
  if (answer === undefined) {
    throw taggedError('no-answer-text', 'Het antwoord staat niet op de klacht; het kan niet worden verstuurd.');
  }
  const report = answer.report === undefined ? undefined : renderAnswer(answer.report, mailStyle);
  const heading = reportHeading[locale];
  return {
    answerText: { kind: 'rendered', ...renderAnswer(answer.text, mailStyle) },
    reportSection:
      report === undefined
        ? { kind: 'rendered', text: '', html: '' }
        : {
            kind: 'rendered',
            text: `${heading}\n${'-'.repeat(heading.length)}\n\n${report.text}`,
            html: `<h2 style="${mailStyle.h2}">${heading}</h2>\n${report.html}`,
          },
  };
}

/** The question a mail is about: the one named, or the last asked. */
function questionOf(record: Case, id: string | undefined) {
  const question = id === undefined ? record.questions?.at(-1) : record.questions?.find((q) => q.id === id);
  if (question === undefined) throw taggedError('no-question', 'De vraag staat niet op de klacht.');
  return question;
}

/** What the values need besides the case. */
export interface ValuesContext {
  config: Config;
  /** The moment of sending: the Date header, the .ics time stamp, the start of a link's validity. */
  now: Date;
  /** Signs the satisfaction link; without it that message cannot be made. */
  tokenSecret?: string | undefined;
  /** Which question a `question` or `question-reminder` mail is about (its id); default the last. */
  question?: string | undefined;
}

const labels = {
  nl: { category: 'Onderwerp', notFilled: '(niet ingevuld)', yes: 'Ja', no: 'Nee', files: 'Bijlagen' },
  en: { category: 'Subject', notFilled: '(not filled in)', yes: 'Yes', no: 'No', files: 'Attachments' },
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
    { label: names.name, value: record.name, oneLine: true },
    { label: names.email, value: record.email, oneLine: true },
    { label: names.phone, value: record.phone ?? l.notFilled, oneLine: true },
    { label: names.address, value: record.address, oneLine: true },
    { label: l.category, value: category },
    { label: names.complaint, value: record.complaint },
    { label: names.expectation, value: record.expectation },
    { label: names.concerns, value: record.concerns ?? l.notFilled, oneLine: true },
    { label: names.earlier, value: record.earlier === 'ja' ? l.yes : l.no },
    ...(record.whatIsNew === undefined ? [] : [{ label: names.whatIsNew, value: record.whatIsNew }]),
    // The files by our names and sizes: never attached to the mail, never linked.
    ...(record.attachments?.length
      ? [
          {
            label: l.files,
            value: record.attachments.map((file) => `${file.name} (${formatSize(file.size, locale)})`).join('\n'),
            // Our names (bijlage-1.jpg), not the sender's: shown as they are, never a link.
            ours: true,
          },
        ]
      : []),
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
    throw taggedError(
      'no-earlier-reference',
      'De klacht staat op niet-in-behandeling zonder geldig kenmerk van de eerdere klacht.',
    );
  }
  return earlier;
}

/**
 * The complainant's personal link to their page (`/mijn-klacht/?t=…`), in the case's current link
 * generation and valid for `myComplaint.linkValidDays` from this mail. Without a token secret
 * (the GitHub store before `KLACHTEN_TOKEN_SECRET` is set) the plain page, where a new link can
 * be asked for: a message never fails for want of the link.
 */
function myComplaintUrl(record: Case, context: ValuesContext, locale: Locale): string {
  const url = new URL(locale === 'nl' ? 'mijn-klacht/' : 'en/my-complaint/', context.config.site.url);
  if (context.tokenSecret !== undefined) {
    const link = { reference: record.reference, generation: linkGenerationOf(record) };
    const days = context.config.myComplaint.linkValidDays;
    url.searchParams.set('t', makeComplainantToken(link, context.tokenSecret, context.now, days));
  }
  return url.href;
}

/**
 * The values every template of this kind may use, for this case in this language. Throws (with a
 * tag) when one cannot be made: a confirmation without a configured handler, a repeat complaint
 * without the earlier case's reference, a satisfaction question without a token secret.
 *
 * @example
 * valuesFor('confirmation', record, { config, now: new Date(), tokenSecret }, 'nl').handler // { kind: 'text', text: 'Jan de Vries' }
 */
export function valuesFor(
  kind: MessageKind,
  record: Case,
  context: ValuesContext,
  locale: Locale,
): Record<string, TemplateValue> {
  const { config } = context;
  const date = (iso: string) => formatDate(iso, locale);
  const values: Record<string, TemplateValue> = {
    reference: text(record.reference),
    // Anyone who knows a reference and its address can have the link mail sent: it must not carry
    // what was typed into the case (a name such as "Uw rekening is geblokkeerd, bel 0900-…").
    ...(kind === 'link' ? {} : { name: { kind: 'user', text: record.name } }),
    organisation: text(config.organisation.name),
    coordinatorName: text(config.coordinators.name),
    coordinatorEmail: text(config.coordinators.email),
    siteUrl: { kind: 'url', url: config.site.url },
    receivedDate: text(date(record.terms.received)),
    confirmBy: text(date(record.terms.confirmBy)),
    answerBy: text(date(currentAnswerBy(record))),
    ...(kind === 'link' ? {} : { complaintCopy: complaintCopy(record, config, locale) }),
    externalBodies: {
      kind: 'links',
      items: config.externalBodies.map((body) => ({
        name: body.name,
        url: body.url,
        description: body.description[locale],
      })),
    },
  };
  values['myComplaintUrl'] = { kind: 'url', url: myComplaintUrl(record, context, locale) };
  if (kind === 'addition') {
    values['additionText'] = { kind: 'quote', text: record.additions?.at(-1)?.text ?? '', user: true };
  }
  if (record.handler !== undefined) {
    const person = findPerson(config.people, record.handler);
    // Only a configured person's name: an unknown id might be a login, which never goes out.
    if (person !== undefined && person.id === record.handler) values['handler'] = text(person.name);
  }
  if (kind === 'confirmation' && values['handler'] === undefined) {
    throw taggedError('unknown-handler', 'De behandelaar staat niet (meer) in people in klachten.config.ts.');
  }
  // Only the confirmation must name its handler (the reglement: it says who takes the complaint
  // on). A later mail for a case whose handler has left the configuration (a reopening, months on)
  // names the coordinators, who take the case up, rather than never going out.
  if (values['handler'] === undefined) values['handler'] = text(config.coordinators.name);
  if (kind === 'not-taken-up') values['earlierReference'] = text(earlierReferenceOf(record));
  if (kind === 'extension') {
    values['reason'] = { kind: 'quote', text: lastEvent(record, 'verdaagd')?.reason ?? '', user: false };
    values['previousAnswerBy'] = text(date(record.terms.answerBy));
  }
  if (kind === 'satisfaction') {
    if (context.tokenSecret === undefined) {
      throw taggedError(
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
  if (kind === 'reopened-handler') {
    const reopened = lastEvent(record, 'heropend');
    // The coordinator's reason, or the complainant's "nee": staff read it, the complainant never.
    values['reason'] = { kind: 'quote', text: reopened?.reason ?? '', user: false };
    values['reopenedDate'] = text(date(receiptDate(reopened?.at ?? record.receivedAt, config.terms.timeZone)));
  }
  if (kind === 'answer' || kind === 'reopened-answer') Object.assign(values, answerValues(record, locale));
  if (kind === 'question' || kind === 'question-reminder') {
    const question = questionOf(record, context.question);
    values['questionText'] = { kind: 'rendered', ...renderAnswer(question.text, mailStyle) };
    values['questionDate'] = text(date(receiptDate(question.at, config.terms.timeZone)));
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
