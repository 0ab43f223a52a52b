// The organisation's answer templates (templates/answer/nl.md, en.md): read from disk, for the
// refusal of an empty `/beantwoord` and for `klachten cases answer --template`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale } from '../locale.ts';

/** Where the organisation's answer templates live (`templates/answer/<taal>.md`). */
export const answerTemplatesDir = (cwd: string) => join(cwd, 'templates', 'answer');

/**
 * The answer template with the headings an Awb answer needs (art. 9:12), in the case's language;
 * undefined when the organisation removed it.
 *
 * @example
 * await readAnswerTemplate(process.cwd(), 'nl') // '## Wat u ons schreef\n\n…'
 */
export async function readAnswerTemplate(cwd: string, locale: Locale): Promise<string | undefined> {
  return readFile(join(answerTemplatesDir(cwd), `${locale}.md`), 'utf8').catch(() => undefined);
}
