/**
 * A filled template as simple accessible HTML: one small document with its language, a title, the
 * subject as the one h1, inline styles only (mail clients drop style sheets), and every value
 * escaped; only our own addresses become links.
 */
import type { Blockquote, Heading, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { defang, escapeHtml } from './safe-text.ts';
import { blockOf, fieldText, inlineText, inlineValueText, linkUrl, valueOf, type Renderer } from './template-fill.ts';
import { placeholder } from './template-parse.ts';
import type { TemplateValue } from './template-values.ts';

/**
 * The HTML mail: a whole document in the mail's language, the subject as its title and h1.
 *
 * @example
 * mailHtml('Uw klacht K-2026-7QF3M9', template.body.children, r, 'nl') // '<!doctype html>\n<html lang="nl" dir="ltr">…'
 */
export function mailHtml(subject: string, body: readonly RootContent[], r: Renderer, lang: string): string {
  return htmlDocument(subject, blocksHtml(body, r), lang);
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

/** The inline styles of the HTML mail (mail clients drop style sheets). */
export const style = {
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
            `<dd style="${style.dd}">${escapeWithBreaks(fieldText(field))}</dd></div>`,
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
    case 'rendered':
      return value.text === '' ? '' : value.html;
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
