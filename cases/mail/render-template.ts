/**
 * Mail templates a coordinator can edit without code: Markdown files with named placeholders,
 * rendered to a subject, plain text and simple accessible HTML.
 *
 *     # Uw klacht {{reference}} is ontvangen        <- the first line, with "# ", is the subject
 *
 *     Beste {{name}},                              <- a new line in the file is a new line in the mail
 *
 *     {{complaintCopy}}                            <- a placeholder alone on its line may be a block
 *
 * The template is parsed as Markdown *before* any value goes in (`template-parse.ts`), and values
 * only ever become text (escaped in HTML; complainant text also defanged, see `safe-text.ts`). So
 * nothing a complainant types can become markup, a link or a header. Raw HTML and images in a
 * template are refused.
 *
 * Pure: the template source and the values are parameters (files are read by `template-files.ts`).
 */
import { headerText } from './safe-text.ts';
import { inlineText } from './template-fill.ts';
import { mailHtml } from './template-html.ts';
import { templatePlaceholders, type MailTemplate } from './template-parse.ts';
import { mailText } from './template-text.ts';
import type { TemplateValues } from './template-values.ts';

/** A rendered mail. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Renders a template with values to a subject, plain text and HTML in one language.
 * Every placeholder must have a value; a missing one is an error naming the ones there are.
 *
 * @example
 * renderTemplate(template, { reference: { kind: 'text', text: 'K-2026-7QF3M9' }, name: { kind: 'user', text: 'Zoë' } }, 'nl')
 * // { subject: 'Uw klacht K-2026-7QF3M9', text: 'Uw klacht K-2026-7QF3M9\n…', html: '<!doctype html>…' }
 */
export function renderTemplate(template: MailTemplate, values: TemplateValues, lang: string): RenderedMail {
  const missing = templatePlaceholders(template).filter((name) => values[name] === undefined);
  if (missing.length > 0) {
    throw new Error(
      `Mailsjabloon ${template.name}: onbekende plaatshouder ${missing.map((n) => `{{${n}}}`).join(', ')}. ` +
        `Beschikbaar: ${Object.keys(values)
          .map((n) => `{{${n}}}`)
          .join(', ')}.`,
    );
  }
  const renderer = { template, values };
  const subject = headerText(inlineText(template.subject, renderer));
  const body = template.body.children;
  return {
    subject,
    text: mailText(subject, body, renderer),
    html: mailHtml(subject, body, renderer, lang),
  };
}
