/**
 * What the complainant will receive for an answer not yet sent: the answer mail exactly as it
 * would go out now (subject, plain text, HTML), composed from the draft on the case. The link in
 * it is the plain page address (no personal token is made for a preview); the sent mail carries
 * the personal link in its place. Pure.
 */
import type { Answer, Case } from '../case.ts';
import type { Config } from '../config.ts';
import { composeMessage, type TemplateSet } from '../mail/compose-message.ts';

/** The answer mail a draft would make. */
export interface AnswerPreview {
  subject: string;
  text: string;
  html: string;
}

/**
 * The mail the complainant would get for `draft`.
 *
 * @example
 * previewAnswer(record, { at, by: 'jdevries', text: 'Wij hebben …' }, { config, templates, now }).text
 */
export function previewAnswer(
  record: Case,
  draft: Answer,
  context: { config: Config; templates: TemplateSet; now: Date },
): AnswerPreview {
  const answered: Case = { ...record, status: 'beantwoord', answers: [...(record.answers ?? []), draft] };
  const mail = composeMessage('answer', answered, { ...context, tokenSecret: undefined });
  return { subject: mail.subject, text: mail.text, html: mail.html };
}
