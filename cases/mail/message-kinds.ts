/**
 * The messages of the procedure: which there are, in the order of a case's life, who each goes
 * to, and their Dutch names.
 */

/**
 * The messages of the procedure, in the order of a case's life. `not-taken-up` follows the receipt
 * in place of everything after it: a repeat complaint is not confirmed, extended or answered.
 * `withdrawn` confirms a withdrawal made on the complainant's page. `addition` (the receipt of
 * added information) and `link` (a fresh personal link) answer a request on that page and go out
 * at once, not from the case's state (site/server/my-complaint-mail.ts). `question` and
 * `question-reminder` go out per question, from the question's own record (cases/answer/questions.ts).
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
  'question',
  'question-reminder',
] as const;

export type MessageKind = (typeof messageKinds)[number];

/**
 * Who a message goes to. Only `dissatisfied` goes to the coordinators.
 *
 * @example
 * audienceOf('dissatisfied') // 'coordinators'
 */
export const audienceOf = (kind: MessageKind): 'complainant' | 'coordinators' =>
  kind === 'dissatisfied' ? 'coordinators' : 'complainant';

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
  question: 'vraag van de behandelaar',
  'question-reminder': 'herinnering aan een open vraag',
};
