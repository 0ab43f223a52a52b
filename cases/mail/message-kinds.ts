/**
 * The messages of the procedure: which there are, in the order of a case's life, who each goes
 * to, and their Dutch names.
 */

/**
 * The messages of the procedure, in the order of a case's life. `not-taken-up` follows the receipt
 * in place of everything after it: a repeat complaint is not confirmed, extended or answered.
 * `withdrawn` confirms a withdrawal made on the complainant's page. `addition` (the receipt of
 * added information) and `link` (a fresh personal link) answer a request on that page and go out
 * at once, not from the case's state (site/server/my-complaint-mail.ts). `reopened` tells the
 * complainant that a reopened case is looked at again (with the new answer date),
 * `reopened-handler` tells its handler, and `reopened-answer` carries the new answer. `question`
 * and `question-reminder` go out per question, from the question's own record
 * (cases/answer/questions.ts).
 *
 * @example
 * messageKinds.indexOf('answer') < messageKinds.indexOf('satisfaction') // true: the question waits for the answer
 */
export const messageKinds = [
  'receipt',
  'not-taken-up',
  'confirmation',
  'extension',
  'answer',
  'satisfaction',
  'dissatisfied',
  'withdrawn',
  'addition',
  'link',
  'reopened',
  'reopened-handler',
  'reopened-answer',
  'question',
  'question-reminder',
] as const;

export type MessageKind = (typeof messageKinds)[number];

/** Who a message goes to: the complainant, the coordinators, or the handler of the case. */
export type Audience = 'complainant' | 'coordinators' | 'handler';

/**
 * Who a message goes to. Only `dissatisfied` goes to the coordinators, only `reopened-handler`
 * to the handler (to the coordinators when the handler has no address in the configuration).
 *
 * @example
 * audienceOf('dissatisfied') // 'coordinators'
 */
export const audienceOf = (kind: MessageKind): Audience =>
  kind === 'dissatisfied' ? 'coordinators' : kind === 'reopened-handler' ? 'handler' : 'complainant';

/**
 * Dutch names, for the case history and the command line.
 *
 * @example
 * messageNames.extension // 'verdaging'
 */
export const messageNames: Readonly<Record<MessageKind, string>> = {
  receipt: 'ontvangstbevestiging',
  'not-taken-up': 'niet in behandeling genomen',
  confirmation: 'bevestiging met behandelaar en antwoorddatum',
  extension: 'verdaging',
  answer: 'antwoord gegeven',
  satisfaction: 'vraag naar tevredenheid',
  dissatisfied: 'melding aan coördinator: klager niet tevreden',
  withdrawn: 'bevestiging van de intrekking',
  addition: 'ontvangst van een aanvulling',
  link: 'nieuwe persoonlijke link',
  reopened: 'klacht heropend, met de nieuwe antwoorddatum',
  'reopened-handler': 'melding aan behandelaar: klacht heropend',
  'reopened-answer': 'nieuw antwoord gegeven na heropenen',
  question: 'vraag van de behandelaar',
  'question-reminder': 'herinnering aan een open vraag',
};
