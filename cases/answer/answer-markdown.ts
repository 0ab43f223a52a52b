/**
 * The handler's answer (and verslag) as the complainant receives it: the Markdown written on the
 * case, rendered once for the plain-text mail and once as HTML (the HTML mail and the page), with
 * the same safety as every mail: text escaped, no raw HTML (shown as the characters typed), no
 * image (its description in brackets instead, nothing loads from elsewhere), and every link
 * spelled out as text — "label (https://…)" — never a live anchor whose target hides behind words.
 *
 * Pure; parsed with remark like the mail templates.
 */
import type { List, ListItem, PhrasingContent, RootContent } from 'mdast';
import { remark } from 'remark';
import { escapeHtml, stripInvisible } from '../mail/safe-text.ts';

/** Inline styles for the HTML, by element; the page passes none (its style sheet applies). */
export type AnswerStyles = Partial<Record<'p' | 'h2' | 'h3' | 'list' | 'quote' | 'code' | 'hr', string>>;

/** A rendered answer: the plain text and the HTML fragment of the same Markdown. */
export interface RenderedAnswer {
  text: string;
  html: string;
}

/**
 * Renders the handler's Markdown for the complainant.
 *
 * @example
 * renderAnswer('Wij hebben **alles** bekeken.\n\nZie [de regels](https://example.nl/regels).')
 * // { text: 'Wij hebben alles bekeken.\n\nZie de regels (https://example.nl/regels).',
 * //   html: '<p>Wij hebben <strong>alles</strong> bekeken.</p>\n<p>Zie de regels (https://example.nl/regels).</p>' }
 */
export function renderAnswer(markdown: string, styles: AnswerStyles = {}): RenderedAnswer {
  const tree = remark().parse(stripInvisible(markdown).trim());
  return {
    text: blocksText(tree.children),
    html: blocksHtml(tree.children, styles),
  };
}

// A hint in the answer template (`<!-- … -->`) is for the handler: it never reaches the complainant.
const isComment = (html: string) => /^\s*<!--[\s\S]*?-->\s*$/.test(html);

const attr = (styles: AnswerStyles, key: keyof AnswerStyles) =>
  styles[key] === undefined ? '' : ` style="${escapeHtml(styles[key])}"`;

/** A link as text: its words and, when they differ, its address in brackets. */
function linkText(label: string, url: string): string {
  const bare = url.replace(/^mailto:/i, '');
  return label === '' || label === url || label === bare ? bare : `${label} (${bare})`;
}

function phrasingText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          return node.value;
        case 'html':
          return isComment(node.value) ? '' : node.value;
        case 'break':
          return '\n';
        case 'link':
          return linkText(phrasingText(node.children), node.url);
        case 'image':
        case 'imageReference':
          return node.alt ? `[${node.alt}]` : '';
        default:
          return 'children' in node ? phrasingText(node.children as PhrasingContent[]) : '';
      }
    })
    .join('');
}

function blocksText(nodes: readonly RootContent[]): string {
  return nodes
    .map(blockText)
    .filter((text) => text !== '')
    .join('\n\n');
}

function blockText(node: RootContent): string {
  switch (node.type) {
    case 'paragraph':
      return phrasingText(node.children);
    case 'heading':
      return phrasingText(node.children);
    case 'thematicBreak':
      return '----';
    case 'blockquote':
      return blocksText(node.children)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'list':
      return listText(node);
    case 'code':
      return node.value;
    case 'html':
      return isComment(node.value) ? '' : node.value;
    default:
      return '';
  }
}

function listText(list: List): string {
  return list.children
    .map((item: ListItem, index) => {
      const marker = list.ordered ? `${(list.start ?? 1) + index}. ` : '- ';
      return marker + blocksText(item.children).replace(/\n/g, `\n${' '.repeat(marker.length)}`);
    })
    .join(list.spread ? '\n\n' : '\n');
}

const withBreaks = (text: string) => escapeHtml(text).replace(/\n/g, '<br>\n');

function phrasingHtml(nodes: readonly PhrasingContent[], styles: AnswerStyles): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
          return withBreaks(node.value);
        case 'html':
          return isComment(node.value) ? '' : withBreaks(node.value);
        case 'inlineCode':
          return `<code${attr(styles, 'code')}>${escapeHtml(node.value)}</code>`;
        case 'break':
          return '<br>\n';
        case 'strong':
          return `<strong>${phrasingHtml(node.children, styles)}</strong>`;
        case 'emphasis':
          return `<em>${phrasingHtml(node.children, styles)}</em>`;
        case 'link':
          return escapeHtml(linkText(phrasingText(node.children), node.url));
        case 'image':
        case 'imageReference':
          return node.alt ? escapeHtml(`[${node.alt}]`) : '';
        default:
          return 'children' in node ? phrasingHtml(node.children as PhrasingContent[], styles) : '';
      }
    })
    .join('');
}

function blocksHtml(nodes: readonly RootContent[], styles: AnswerStyles): string {
  return nodes
    .map((node) => blockHtml(node, styles))
    .filter((html) => html !== '')
    .join('\n');
}

function blockHtml(node: RootContent, styles: AnswerStyles): string {
  switch (node.type) {
    case 'paragraph':
      return `<p${attr(styles, 'p')}>${phrasingHtml(node.children, styles)}</p>`;
    case 'heading': {
      // Inside a mail or a page section the answer's headings sit below the h1 (and the section's h2).
      const tag = node.depth <= 2 ? 'h3' : 'h4';
      return `<${tag}${attr(styles, node.depth <= 2 ? 'h2' : 'h3')}>${phrasingHtml(node.children, styles)}</${tag}>`;
    }
    case 'thematicBreak':
      return `<hr${attr(styles, 'hr')}>`;
    case 'blockquote':
      return `<blockquote${attr(styles, 'quote')}>\n${blocksHtml(node.children, styles)}\n</blockquote>`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && typeof node.start === 'number' && node.start !== 1 ? ` start="${node.start}"` : '';
      const items = node.children.map((item) => `<li>${listItemHtml(item, styles)}</li>`).join('\n');
      return `<${tag}${start}${attr(styles, 'list')}>\n${items}\n</${tag}>`;
    }
    case 'code':
      return `<pre${attr(styles, 'code')}>${escapeHtml(node.value)}</pre>`;
    case 'html':
      return isComment(node.value) ? '' : `<p${attr(styles, 'p')}>${withBreaks(node.value)}</p>`;
    default:
      return '';
  }
}

function listItemHtml(item: ListItem, styles: AnswerStyles): string {
  if (!item.spread && item.children.length === 1 && item.children[0]?.type === 'paragraph') {
    return phrasingHtml(item.children[0].children, styles);
  }
  return blocksHtml(item.children, styles);
}
