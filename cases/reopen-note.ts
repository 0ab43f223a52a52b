/**
 * The note recorded with a reopening, in Dutch with an English line: that the complaint was not
 * resolved, the new answer date, the handler by name, and the handler's and coordinators' GitHub
 * logins, so GitHub tells them the case is back (a comment on the issue; in the Git folder the
 * body of the commit). Staff data only: the reason a coordinator typed stays in the case's history.
 *
 * Pure: the case, the configuration and who did it are parameters.
 */
import type { Case } from './case.ts';
import type { Config } from './config.ts';
import { formatDate } from './format-date.ts';
import { findPerson } from './people.ts';
import { answerTermOf } from './reopen.ts';

/**
 * The note of the reopening the case just went through.
 *
 * @example
 * reopenedNote(reopened, config, '_Door coord._') // '**Klacht K-… is heropend:** … @jdevries @coord'
 */
export function reopenedNote(record: Case, config: Pick<Config, 'people' | 'coordinators'>, who: string): string {
  const due = answerTermOf(record);
  const handler = findPerson(config.people, record.handler ?? '');
  const logins = [
    ...new Set([...(handler?.login === undefined ? [] : [handler.login]), ...config.coordinators.logins]),
  ];
  const mentions = logins.length === 0 ? '' : `\n\n${logins.map((login) => `@${login}`).join(' ')}`;
  return (
    `**Klacht ${record.reference} is heropend:** de klacht is niet naar tevredenheid opgelost. Het nieuwe antwoord volgt ` +
    `uiterlijk ${formatDate(due, 'nl')}${handler === undefined ? '' : `; behandelaar: ${handler.name}`}. ${who}\n\n` +
    `_Reopened: the complaint was not resolved. New answer due by ${formatDate(due, 'en')}._${mentions}`
  );
}
