/**
 * Reads a mail template file: the first line `# …` is the subject, the rest the body in Markdown,
 * parsed *before* any value goes in so that no value can ever become markup. Refuses what a mail
 * must not contain (raw HTML, images, links elsewhere than https or mailto).
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { remark } from 'remark';

/** A parsed template: its subject line and its body, both still with placeholders. */
export interface MailTemplate {
  /** Where it came from, for error messages: "nl/receipt.md". */
  name: string;
  subject: string;
  body: Root;
}

/**
 * A placeholder anywhere in a text: `{{name}}`, spaces inside the braces allowed.
 *
 * @example
 * [...'{{a}} en {{ b }}'.matchAll(placeholder)].map((m) => m[1]); // ['a', 'b']
 */
export const placeholder = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/**
 * A text that is one placeholder and nothing else: a block on its own line, or a link target.
 *
 * @example
 * lonePlaceholder.exec(' {{copy}} ')?.[1]; // 'copy'
 */
export const lonePlaceholder = /^\s*\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}\s*$/;

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
