/**
 * Reads the mail templates from their folder: `templates/mail/<nl|en>/<kind>.md`.
 * Read at every delivery run, so a coordinator's edit counts from the next mail on.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { locales, type Locale } from '../locale.ts';
import type { TemplateSet } from './compose-message.ts';
import { messageKinds, type MessageKind } from './message-kinds.ts';
import { parseTemplate, type MailTemplate } from './template-parse.ts';

/**
 * The templates folder of a checkout: `templates/mail` under the working directory.
 *
 * @example
 * defaultTemplatesDir('/srv/klachten') // '/srv/klachten/templates/mail'
 */
export const defaultTemplatesDir = (cwd: string) => resolve(cwd, 'templates', 'mail');

/**
 * Loads every template there is; a kind without a file in a language is left out (composing that
 * message then fails visibly). A template that does not parse stops the load, naming the file.
 *
 * @example
 * const templates = await loadTemplates(defaultTemplatesDir(process.cwd()));
 * templates.nl.receipt?.subject // 'Uw klacht is ontvangen – kenmerk {{reference}}'
 */
export async function loadTemplates(dir: string): Promise<TemplateSet> {
  const set: Record<Locale, Partial<Record<MessageKind, MailTemplate>>> = { nl: {}, en: {} };
  await Promise.all(
    locales.flatMap((locale) =>
      messageKinds.map(async (kind) => {
        const name = `${locale}/${kind}.md`;
        const source = await readFile(join(dir, locale, `${kind}.md`), 'utf8').catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw error;
        });
        if (source !== undefined) set[locale][kind] = parseTemplate(source, name);
      }),
    ),
  );
  return set;
}
