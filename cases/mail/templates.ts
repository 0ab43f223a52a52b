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
 * The template is parsed as Markdown *before* any value goes in, and values only ever become text
 * (escaped in HTML; complainant text also defanged, see `safe-text.ts`). So nothing a complainant
 * types can become markup, a link or a header. Raw HTML and images in a template are refused.
 *
 * Pure: the template source and the values are parameters (files are read by `template-files.ts`).
 */
import type { Blockquote, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { remark } from 'remark';
import { defang, escapeHtml, headerText } from './safe-text.ts';

/** A value for a placeholder, typed by where it came from and what it may become. */
export type TemplateValue =
  /** Text from the configuration or the system (a date, a name of staff): escaped, otherwise as is. */
  | { kind: 'text'; text: string }
  /** Text the complainant typed: escaped and defanged, never a link. */
  | { kind: 'user'; text: string }
  /** An address of ours: may be a link target (`[text]({{link}})`) and shows as a link. */
  | { kind: 'url'; url: string }
  /** A block: the complainant's fields, each quoted under its label. */
  | { kind: 'fields'; fields: readonly { label: string; value: string }[] }
  /** A block: a list of named links with a description (external bodies). */
  | { kind: 'links'; items: readonly { name: string; url: string; description: string }[] }
  /** A block: one quoted text, the complainant's (`user`) or staff's. */
  | { kind: 'quote'; text: string; user: boolean };

/** The values for one rendering, by placeholder name. */
export type TemplateValues = Readonly<Record<string, TemplateValue>>;

/** A parsed template: its subject line and its body, both still with placeholders. */
export interface MailTemplate {
  /** Where it came from, for error messages: "nl/receipt.md". */
  name: string;
  subject: string;
  body: Root;
}

/** A rendered mail. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const placeholder = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
const lonePlaceholder = /^\s*\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}\s*$/;
const isBlock = (value: TemplateValue) => value.kind === 'fields' || value.kind === 'links' || value.kind === 'quote';

/**
 * Parses a template file: the first line `# …` is the subject, the rest the body in Markdown.
 * Refuses what a mail must not contain (raw HTML, images) with a message naming the file.
 *
 * @example
 * parseTemplate('# Uw klacht {{reference}}\n\nBeste {{name}},\n', 'nl/receipt.md')
 * // { name: 'nl/receipt.md', subject: 'Uw klacht {{reference}}', body: { type: 'root', … } }
 */
export function parseTemplate(source: string, name: string): MailTemplate {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const tree = remark().parse(text);
  const [first, ...rest] = tree.children;
  if (first?.type !== 'heading' || first.depth !== 1) {
    throw new Error(`Mailsjabloon ${name}: de eerste regel moet het onderwerp zijn, met "# " ervoor.`);
  }
  const body: Root = { type: 'root', children: rest };
  checkNodes(body.children, name);
  return { name, subject: plainText(first.children), body };
}

/** Throws for node types a mail template may not use. */
function checkNodes(nodes: readonly (RootContent | PhrasingContent)[], name: string): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'html':
        throw new Error(`Mailsjabloon ${name}: HTML is niet toegestaan; gebruik Markdown (zie docs/mail.md).`);
      case 'image':
      case 'imageReference':
        throw new Error(
          `Mailsjabloon ${name}: afbeeldingen zijn niet toegestaan (ze laden van buiten en volgen de lezer).`,
        );
      case 'link':
        if (!lonePlaceholder.test(node.url) && !/^(https:\/\/|mailto:)/i.test(node.url)) {
          throw new Error(
            `Mailsjabloon ${name}: link "${node.url}" moet beginnen met https:// of mailto:, of een {{…}} zijn.`,
          );
        }
        break;
    }
    if ('children' in node) checkNodes(node.children as (RootContent | PhrasingContent)[], name);
  }
}

/** The text of inline nodes, placeholders left as they are. */
function plainText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text' || node.type === 'inlineCode') return node.value;
      if (node.type === 'break') return ' ';
      return 'children' in node ? plainText(node.children as PhrasingContent[]) : '';
    })
    .join('');
}

/**
 * The names of the placeholders a template uses, in order of first use.
 *
 * @example
 * templatePlaceholders(parseTemplate('# {{reference}}\n\n{{name}} {{reference}}\n', 'x')) // ['reference', 'name']
 */
export function templatePlaceholders(template: MailTemplate): string[] {
  const found = new Set<string>();
  const collect = (text: string) => {
    for (const match of text.matchAll(placeholder)) found.add(match[1] ?? '');
  };
  collect(template.subject);
  const walk = (nodes: readonly (RootContent | PhrasingContent)[]) => {
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'inlineCode') collect(node.value);
      if (node.type === 'link') collect(node.url);
      if ('children' in node) walk(node.children as (RootContent | PhrasingContent)[]);
    }
  };
  walk(template.body.children);
  return [...found];
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
    text: `${underline(subject, '=')}\n\n${blocksText(body, renderer)}`.replace(/\n{3,}/g, '\n\n').trimEnd() + '\n',
    html: htmlDocument(subject, blocksHtml(body, renderer), lang),
  };
}

interface Renderer {
  template: MailTemplate;
  values: TemplateValues;
}

function valueOf(name: string, r: Renderer): TemplateValue {
  const value = r.values[name];
  if (value === undefined) throw new Error(`Mailsjabloon ${r.template.name}: onbekende plaatshouder {{${name}}}.`);
  return value;
}

function inlineValueText(value: TemplateValue, name: string, r: Renderer): string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'user':
      return defang(value.text);
    case 'url':
      return value.url;
    default:
      throw new Error(
        `Mailsjabloon ${r.template.name}: {{${name}}} is een blok; zet het alleen op een eigen regel, met een lege regel erboven en eronder.`,
      );
  }
}

/** Text with its placeholders filled in, as plain text. */
function inlineText(text: string, r: Renderer): string {
  return text.replace(placeholder, (_match, name: string) => inlineValueText(valueOf(name, r), name, r));
}

/** Text with its placeholders filled in, as HTML: everything escaped, our URLs as links. */
function inlineHtml(text: string, r: Renderer): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(placeholder)) {
    html += escapeWithBreaks(text.slice(last, match.index));
    const name = match[1] ?? '';
    const value = valueOf(name, r);
    html +=
      value.kind === 'url'
        ? anchor(value.url, escapeHtml(value.url))
        : escapeWithBreaks(inlineValueText(value, name, r));
    last = match.index + match[0].length;
  }
  return html + escapeWithBreaks(text.slice(last));
}

function escapeWithBreaks(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>\n');
}

/** The block value a paragraph stands for, when it holds nothing but one block placeholder. */
function blockOf(node: RootContent, r: Renderer): TemplateValue | undefined {
  if (node.type !== 'paragraph' || node.children.length !== 1) return undefined;
  const only = node.children[0];
  if (only?.type !== 'text') return undefined;
  const name = lonePlaceholder.exec(only.value)?.[1];
  if (name === undefined) return undefined;
  const value = valueOf(name, r);
  return isBlock(value) ? value : undefined;
}

function linkUrl(url: string, r: Renderer): string {
  const name = lonePlaceholder.exec(url)?.[1];
  if (name === undefined) return url;
  const value = valueOf(name, r);
  if (value.kind !== 'url') {
    throw new Error(`Mailsjabloon ${r.template.name}: {{${name}}} is geen adres en kan geen link zijn.`);
  }
  return value.url;
}

// ---- plain text ----

function underline(text: string, character: string): string {
  return `${text}\n${character.repeat(Math.min(72, Math.max(3, [...text].length)))}`;
}

function phrasingText(nodes: readonly PhrasingContent[], r: Renderer): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
          return inlineText(node.value, r);
        case 'inlineCode':
          return inlineText(node.value, r);
        case 'break':
          return '\n';
        case 'link': {
          const url = linkUrl(node.url, r);
          const label = phrasingText(node.children, r);
          const bare = url.replace(/^mailto:/i, '');
          return label === url || label === bare ? bare : `${label} <${bare}>`;
        }
        default:
          return 'children' in node ? phrasingText(node.children as PhrasingContent[], r) : '';
      }
    })
    .join('');
}

function blocksText(nodes: readonly RootContent[], r: Renderer): string {
  return nodes
    .map((node) => blockText(node, r))
    .filter((text) => text !== '')
    .join('\n\n');
}

function blockText(node: RootContent, r: Renderer): string {
  const block = blockOf(node, r);
  if (block) return blockValueText(block);
  switch (node.type) {
    case 'paragraph':
      return phrasingText(node.children, r);
    case 'heading':
      return underline(phrasingText(node.children, r), node.depth <= 2 ? '-' : '·');
    case 'thematicBreak':
      return '----';
    case 'blockquote':
      return quoteLines(blocksText(node.children, r));
    case 'list':
      return listText(node, r);
    case 'code':
      return node.value;
    default:
      return '';
  }
}

function listText(list: List, r: Renderer): string {
  return list.children
    .map((item: ListItem, index) => {
      const marker = list.ordered ? `${(list.start ?? 1) + index}. ` : '- ';
      const text = blocksText(item.children, r);
      return marker + text.replace(/\n/g, `\n${' '.repeat(marker.length)}`);
    })
    .join(list.spread ? '\n\n' : '\n');
}

function quoteLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

function blockValueText(value: TemplateValue): string {
  switch (value.kind) {
    case 'fields':
      return value.fields.map((field) => `${field.label}:\n${quoteLines(defang(field.value))}`).join('\n\n');
    case 'links':
      return value.items.map((item) => `- ${item.name}: ${item.description}\n  ${item.url}`).join('\n');
    case 'quote':
      return quoteLines(value.user ? defang(value.text) : value.text);
    default:
      return '';
  }
}

// ---- HTML ----

const style = {
  body: 'margin:0;padding:0;background-color:#ffffff;',
  article:
    'max-width:40em;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;background-color:#ffffff;',
  h1: 'font-size:24px;line-height:1.25;margin:0 0 16px;',
  h2: 'font-size:20px;line-height:1.3;margin:24px 0 8px;',
  h3: 'font-size:18px;line-height:1.3;margin:20px 0 8px;',
  p: 'margin:0 0 16px;',
  list: 'margin:0 0 16px;padding-left:24px;',
  quote: 'margin:0 0 16px;padding:4px 0 4px 12px;border-left:4px solid #6b6b6b;',
  dt: 'font-weight:bold;margin:0;',
  dd: 'margin:0 0 12px;padding:4px 0 4px 12px;border-left:4px solid #6b6b6b;',
  a: 'color:#0b57a4;text-decoration:underline;',
  code: 'font-family:Consolas,Menlo,monospace;font-size:15px;',
  hr: 'border:0;border-top:1px solid #6b6b6b;margin:24px 0;',
} as const;

function anchor(url: string, labelHtml: string): string {
  return `<a href="${escapeHtml(url)}" style="${style.a}">${labelHtml}</a>`;
}

function phrasingHtml(nodes: readonly PhrasingContent[], r: Renderer): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
          return inlineHtml(node.value, r);
        case 'inlineCode':
          return `<code style="${style.code}">${escapeHtml(inlineText(node.value, r))}</code>`;
        case 'break':
          return '<br>\n';
        case 'strong':
          return `<strong>${phrasingHtml(node.children, r)}</strong>`;
        case 'emphasis':
          return `<em>${phrasingHtml(node.children, r)}</em>`;
        case 'link':
          return anchor(linkUrl(node.url, r), phrasingHtml(node.children, r));
        default:
          return 'children' in node ? phrasingHtml(node.children as PhrasingContent[], r) : '';
      }
    })
    .join('');
}

function blocksHtml(nodes: readonly RootContent[], r: Renderer): string {
  return nodes
    .map((node) => blockHtml(node, r))
    .filter((html) => html !== '')
    .join('\n');
}

function blockHtml(node: RootContent, r: Renderer): string {
  const block = blockOf(node, r);
  if (block) return blockValueHtml(block);
  switch (node.type) {
    case 'paragraph':
      return paragraphHtml(node, r);
    case 'heading':
      return headingHtml(node, r);
    case 'thematicBreak':
      return `<hr style="${style.hr}">`;
    case 'blockquote':
      return blockquoteHtml(node, r);
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start =
        node.ordered && node.start !== null && node.start !== undefined && node.start !== 1
          ? ` start="${node.start}"`
          : '';
      const items = node.children.map((item) => `<li>${listItemHtml(item, r)}</li>`).join('\n');
      return `<${tag}${start} style="${style.list}">\n${items}\n</${tag}>`;
    }
    case 'code':
      return `<pre style="${style.p}${style.code}">${escapeHtml(node.value)}</pre>`;
    default:
      return '';
  }
}

function paragraphHtml(node: Paragraph, r: Renderer): string {
  return `<p style="${style.p}">${phrasingHtml(node.children, r)}</p>`;
}

function headingHtml(node: Heading, r: Renderer): string {
  // The subject is the one h1; headings in the body start at h2.
  const depth = Math.min(6, Math.max(2, node.depth));
  const css = depth === 2 ? style.h2 : style.h3;
  return `<h${depth} style="${css}">${phrasingHtml(node.children, r)}</h${depth}>`;
}

function blockquoteHtml(node: Blockquote, r: Renderer): string {
  return `<blockquote style="${style.quote}">\n${blocksHtml(node.children, r)}\n</blockquote>`;
}

function listItemHtml(item: ListItem, r: Renderer): string {
  // A tight list item's paragraph is its text; a loose one keeps its paragraphs.
  if (!item.spread && item.children.length === 1 && item.children[0]?.type === 'paragraph') {
    return phrasingHtml(item.children[0].children, r);
  }
  return blocksHtml(item.children, r);
}

function blockValueHtml(value: TemplateValue): string {
  switch (value.kind) {
    case 'fields': {
      const rows = value.fields
        .map(
          (field) =>
            `<div><dt style="${style.dt}">${escapeHtml(field.label)}</dt>` +
            `<dd style="${style.dd}">${escapeWithBreaks(defang(field.value))}</dd></div>`,
        )
        .join('\n');
      return `<dl style="${style.p}">\n${rows}\n</dl>`;
    }
    case 'links': {
      if (value.items.length === 0) return '';
      const items = value.items
        .map((item) => `<li>${anchor(item.url, escapeHtml(item.name))}: ${escapeHtml(item.description)}</li>`)
        .join('\n');
      return `<ul style="${style.list}">\n${items}\n</ul>`;
    }
    case 'quote':
      return `<blockquote style="${style.quote}"><p style="margin:0;">${escapeWithBreaks(value.user ? defang(value.text) : value.text)}</p></blockquote>`;
    default:
      return '';
  }
}

function htmlDocument(subject: string, bodyHtml: string, lang: string): string {
  const title = escapeHtml(subject);
  const language = escapeHtml(lang);
  return `<!doctype html>
<html lang="${language}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${title}</title>
</head>
<body style="${style.body}">
<div role="article" aria-roledescription="e-mail" aria-label="${title}" lang="${language}" dir="ltr" style="${style.article}">
<h1 style="${style.h1}">${title}</h1>
${bodyHtml}
</div>
</body>
</html>
`;
}
