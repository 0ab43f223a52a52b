import matter from 'gray-matter';
import { taggedError } from './errors.ts';

// gray-matter picks a parser from the opening fence: `---js` or `---javascript` runs the front
// matter through `eval`, so anyone who can drop one file into the data or report folder would run
// code in the server and the command-line tool. We keep gray-matter (its YAML reading and
// `stringify` are what the rest of the code relies on) but accept YAML alone: a fence that names
// another language is refused before parsing, and every other engine is replaced by one that
// refuses, so no option passed later can bring `eval` back.

const refuse = (): never => {
  throw taggedError('not-yaml', 'Alleen YAML-voorwerk is toegestaan. (Only YAML front matter is allowed.)');
};

const refusing = { parse: refuse, stringify: refuse };
const yamlOnly = {
  language: 'yaml',
  engines: {
    js: refusing,
    javascript: refusing,
    coffee: refusing,
    coffeescript: refusing,
    cson: refusing,
    json: refusing,
    toml: refusing,
  },
};

/** Front matter and body of a Markdown text. */
export interface FrontMatter {
  data: Record<string, unknown>;
  content: string;
}

/**
 * Splits a Markdown text into YAML front matter and body, refusing every front matter that is not
 * YAML (`---js`, `---coffee`, `---toml`, …) with an error instead of evaluating it. Each call gets
 * fresh objects (gray-matter's cache is off whenever options are passed).
 *
 * @example
 * readFrontMatter('---\ntitle: Rapportage\n---\nTekst\n') // { data: { title: 'Rapportage' }, content: 'Tekst\n' }
 * readFrontMatter('---js\n{ title: process.exit() }\n---\n') // throws
 */
export function readFrontMatter(text: string): FrontMatter {
  // Only a text that opens with a fence has front matter; gray-matter's language() reads the
  // first line whatever it is.
  const fenceLanguage = text.startsWith('---') ? matter.language(text).name.trim() : '';
  if (fenceLanguage !== '' && fenceLanguage !== 'yaml' && fenceLanguage !== 'yml') refuse();
  const parsed = matter(text, yamlOnly);
  return { data: parsed.data as Record<string, unknown>, content: parsed.content };
}

/**
 * Writes `data` as YAML front matter followed by `content`.
 *
 * @example
 * writeFrontMatter('', { title: 'Rapportage' }) // '---\ntitle: Rapportage\n---\n'
 */
export function writeFrontMatter(content: string, data: Record<string, unknown>): string {
  return matter.stringify(content, data, yamlOnly);
}
