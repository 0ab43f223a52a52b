/**
 * A filled template as plain text, the part of the mail every client can show: headings
 * underlined, lists with dashes, quotes with `>`, links spelled out.
 */
import type { List, ListItem, PhrasingContent, RootContent } from 'mdast';
import { defang } from './safe-text.ts';
import { blockOf, fieldText, inlineText, linkUrl, type Renderer } from './template-fill.ts';
import type { TemplateValue } from './template-values.ts';

/**
 * The plain-text mail: the subject underlined, then the body, never more than one empty line.
 *
 * @example
 * mailText('Uw klacht K-2026-7QF3M9', template.body.children, r) // 'Uw klacht K-2026-7QF3M9\n=======================\n\nBeste …\n'
 */
export function mailText(subject: string, body: readonly RootContent[], r: Renderer): string {
  return `${underline(subject, '=')}\n\n${blocksText(body, r)}`.replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

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
      return value.fields.map((field) => `${field.label}:\n${quoteLines(fieldText(field))}`).join('\n\n');
    case 'links':
      return value.items.map((item) => `- ${item.name}: ${item.description}\n  ${item.url}`).join('\n');
    case 'quote':
      return quoteLines(value.user ? defang(value.text) : value.text);
    case 'rendered':
      return value.text;
    default:
      return '';
  }
}
