/**
 * Filling a parsed template's placeholders with values, the part shared by the plain-text and the
 * HTML rendering: which value a name stands for, what a value becomes inside a sentence, when a
 * paragraph is a block and when a link target is one of our addresses. Complainant text is
 * defanged here, once, for both renderings.
 */
import type { RootContent } from 'mdast';
import { oneLineVisible } from '../format-characters.ts';
import { defang } from './safe-text.ts';
import { lonePlaceholder, placeholder, type MailTemplate } from './template-parse.ts';
import type { TemplateValue, TemplateValues } from './template-values.ts';

/** One rendering in progress: the template (for error messages) and its values. */
export interface Renderer {
  template: MailTemplate;
  values: TemplateValues;
}

const isBlock = (value: TemplateValue) =>
  value.kind === 'fields' || value.kind === 'links' || value.kind === 'quote' || value.kind === 'rendered';

/**
 * The value of a placeholder; a name without one is an error naming the template.
 *
 * @example
 * valueOf('reference', { template, values: { reference: { kind: 'text', text: 'K-2026-7QF3M9' } } }) // { kind: 'text', … }
 */
export function valueOf(name: string, r: Renderer): TemplateValue {
  const value = r.values[name];
  if (value === undefined) throw new Error(`Mailsjabloon ${r.template.name}: onbekende plaatshouder {{${name}}}.`);
  return value;
}

/**
 * What a value becomes inside a sentence: its text (the complainant's defanged), or an address as
 * written. A block inside a sentence is an error.
 *
 * @example
 * inlineValueText({ kind: 'user', text: 'zie www.evil.com' }, 'name', r) // 'zie www[.]evil[.]com'
 */
export function inlineValueText(value: TemplateValue, name: string, r: Renderer): string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'user':
      // A sentence is one line: a line separator in a name (older data) must not break it.
      return defang(oneLineVisible(value.text));
    case 'url':
      return value.url;
    default:
      throw new Error(
        `Mailsjabloon ${r.template.name}: {{${name}}} is een blok; zet het alleen op een eigen regel, met een lege regel erboven en eronder.`,
      );
  }
}

/**
 * A field of the complainant's as a block shows it: defanged; a one-line field on one line, its
 * line breaks and format characters (older data) as visible escapes.
 *
 * @example
 * fieldText({ label: 'Naam', value: 'Zoë\u2028E-mail: x', oneLine: true }) // 'Zoë\\u2028E-mail: x'
 */
export function fieldText(field: { value: string; oneLine?: boolean; ours?: boolean }): string {
  if (field.ours) return field.value;
  return defang(field.oneLine ? oneLineVisible(field.value) : field.value);
}

/**
 * Text with its placeholders filled in, as plain text.
 *
 * @example
 * inlineText('Uw klacht {{reference}}', r) // 'Uw klacht K-2026-7QF3M9'
 */
export function inlineText(text: string, r: Renderer): string {
  return text.replace(placeholder, (_match, name: string) => inlineValueText(valueOf(name, r), name, r));
}

/**
 * The block value a paragraph stands for, when it holds nothing but one block placeholder.
 *
 * @example
 * blockOf(paragraphWithText('{{complaintCopy}}'), r) // { kind: 'fields', fields: […] }
 */
export function blockOf(node: RootContent, r: Renderer): TemplateValue | undefined {
  if (node.type !== 'paragraph' || node.children.length !== 1) return undefined;
  const only = node.children[0];
  if (only?.type !== 'text') return undefined;
  const name = lonePlaceholder.exec(only.value)?.[1];
  if (name === undefined) return undefined;
  const value = valueOf(name, r);
  return isBlock(value) ? value : undefined;
}

/**
 * A link's target: as written, or the address a `{{…}}` target stands for (only an address may).
 *
 * @example
 * linkUrl('{{satisfactionUrl}}', r) // 'https://klachten.livable.nl/tevredenheid/?t=…'
 */
export function linkUrl(url: string, r: Renderer): string {
  const name = lonePlaceholder.exec(url)?.[1];
  if (name === undefined) return url;
  const value = valueOf(name, r);
  if (value.kind !== 'url') {
    throw new Error(`Mailsjabloon ${r.template.name}: {{${name}}} is geen adres en kan geen link zijn.`);
  }
  return value.url;
}
