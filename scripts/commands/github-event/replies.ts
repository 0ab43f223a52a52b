import type { Config } from '../../../cases/config.ts';
import { answerTerm } from '../../../cases/deadlines.ts';
import { formatDate } from '../../../cases/format-date.ts';
import type { MoveMade } from '../../../cases/lifecycle.ts';
import { findPerson } from '../../../cases/people.ts';
import { reopenedNote } from '../../../cases/reopen-note.ts';
import { outcomeList } from './slash-commands.ts';

/**
 * The comment recorded with a move, in Dutch with an English line: what was done and by whom.
 *
 * @example
 * movedComment(made, 'coord', config) // '**Klacht K-2026-… is bevestigd.** Behandelaar: Jan de Vries (@jdevries). …'
 */
export function movedComment(made: MoveMade, by: string, config: Config): string {
  const ref = made.case.reference;
  const who = `_Door ${by}._`;
  switch (made.move.type) {
    case 'confirm': {
      const person = findPerson(config.people, made.case.handler ?? '');
      const name = person === undefined ? (made.case.handler ?? '?') : person.name;
      const mention = person?.login === undefined ? '' : ` (@${person.login})`;
      const due = answerTerm(made.case);
      return (
        `**Klacht ${ref} is bevestigd.** Behandelaar: ${name}${mention}. Het antwoord volgt uiterlijk ` +
        `${formatDate(due, 'nl')}. ${who}\n\n_Confirmed. Handler: ${name}. Answer due by ${formatDate(due, 'en')}._`
      );
    }
    case 'extend': {
      const due = made.case.terms.extendedAnswerBy;
      return (
        `**De antwoordtermijn van klacht ${ref} is verdaagd** tot ${formatDate(due, 'nl')}. ${who}\n\n` +
        `_Term extended to ${formatDate(due, 'en')}._`
      );
    }
    case 'answer':
      return (
        `**Klacht ${ref} is beantwoord.**${made.event.report === undefined ? '' : ' Het verslag is vastgelegd.'} ` +
        `Sluit de klacht daarna met \`/sluit <uitkomst>\` (${outcomeList}). ${who}\n\n_Answered._`
      );
    case 'close':
      return `**Klacht ${ref} is afgesloten** met uitkomst: ${made.case.outcome ?? '?'}. ${who}\n\n_Closed._`;
    case 'not-taken-up':
      return (
        `**Klacht ${ref} is niet in behandeling genomen:** herhaling van ${made.case.earlierReference ?? '?'}, ` +
        `zonder nieuwe feiten. ${who}\n\n_Not taken up: repeats an earlier complaint._`
      );
    case 'reopen':
      return reopenedNote(made.case, config, who);
  }
}

/**
 * The comment that says a command was not carried out, and why; `more` when later commands of the
 * same comment were skipped with it.
 *
 * @example
 * refusedComment('/sluit', 'Sluiten kan pas als de klacht is beantwoord.', false)
 */
export function refusedComment(command: string, reason: string, more: boolean): string {
  const rest = more ? ' De opdrachten daarna zijn ook niet uitgevoerd.' : '';
  return `**\`${command}\` is niet uitgevoerd.** ${reason}${rest}\n\n_The command was not carried out; the reason is given above._`;
}

/**
 * The comment on a complaint whose issue has no reference yet (registered with the form and not
 * yet taken in): the command has to wait for the next run.
 *
 * @example
 * await actions.comment(issue.number, noReferenceComment);
 */
export const noReferenceComment =
  '**Deze klacht heeft nog geen kenmerk.** De klachtentool verwerkt het formulier bij de volgende run; ' +
  'geef de opdracht daarna opnieuw.\n\n_This complaint has no reference yet; repeat the command after the next run._';
