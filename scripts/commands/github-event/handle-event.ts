import { askCommand, previewAnswerCommand, sendAnswerCommand, type AnswerCommandDeps } from './answer-commands.ts';
import { receivedAtIso } from '../../../cases/intake.ts';
import type { Move, MoveContext } from '../../../cases/lifecycle.ts';
import { makeMoveContext } from '../../../cases/move-context.ts';
import { findPerson } from '../../../cases/people.ts';
import { caseLabel } from '../../../cases/stores/github/labels.ts';
import { readPageHeader } from '../../../cases/stores/github/machine-block.ts';
import { moveCase } from '../case-moves.ts';
import type { IssueActions } from './issue-actions.ts';
import { commentEventSchema, issuesEventSchema, labelNames } from './payload.ts';
import { movedComment, noReferenceComment, refusedComment } from './replies.ts';
import { confirmsAnswer, parseSlashCommands, readCommand, type SlashCommand } from './slash-commands.ts';

/** What handling an event needs. */
export interface EventDeps extends AnswerCommandDeps {
  actions: IssueActions;
}

/** What became of an event, for the Action log: codes and references, never text or names. */
export type EventResult =
  | { handled: false; why: string }
  | { handled: true; reference: string; moves: Array<{ command: string; result: CommandResult }> };

/** What one command did: a move, an answer previewed, a question asked, or refused. */
type CommandResult = 'moved' | 'refused' | 'previewed' | 'asked';

const ignored = (why: string): EventResult => ({ handled: false, why });

/** Runs the commands of one comment (or one assignment) on one case, stopping at the first refusal. */
async function runCommands(
  issue: number,
  reference: string,
  commands: readonly SlashCommand[],
  by: string,
  deps: EventDeps,
  assignHandler = true,
): Promise<EventResult> {
  const { config, store, actions } = deps;
  const moves: Array<{ command: string; result: CommandResult }> = [];
  const context: MoveContext = makeMoveContext(config, receivedAtIso(deps.now(), config.terms.timeZone), by);
  for (const [index, command] of commands.entries()) {
    const more = index < commands.length - 1;
    const refuse = async (reason: string): Promise<EventResult> => {
      await actions.comment(issue, refusedComment(command.command, reason, more));
      moves.push({ command: command.command, result: 'refused' });
      return { handled: true, reference, moves };
    };
    if (command.type === 'ask' || command.type === 'send' || command.type === 'answer') {
      const done =
        command.type === 'ask'
          ? await askCommand(reference, command, context, deps)
          : command.type === 'send' || confirmsAnswer(command)
            ? await sendAnswerCommand(reference, context, deps)
            : await previewAnswerCommand(reference, command, context, deps);
      if (!done.ok) return refuse(done.reason);
      moves.push({ command: command.command, result: done.result });
      continue;
    }
    const read = readCommand({ ...command, type: command.type });
    if (!read.ok) return refuse(read.problem);
    let move: Move;
    if ('earlier' in read) {
      const target = read.earlier;
      const earlier = 'issue' in target ? await actions.referenceOf(target.issue) : target.reference;
      if (earlier === undefined)
        return refuse(`Issue #${'issue' in target ? target.issue : '?'} is geen klacht met kenmerk.`);
      if ('reference' in target && (await store.getCase(earlier)) === undefined) {
        return refuse(`Er is geen klacht met kenmerk ${earlier}.`);
      }
      move = { type: 'not-taken-up', earlierReference: earlier };
    } else {
      move = read.move;
    }
    // Reopening a second time is a coordinator's deliberate decision, not a handler's.
    if (move.type === 'reopen' && move.override === true && !config.coordinators.logins.includes(by)) {
      return refuse('Nog eens heropenen (`--nogmaals`) mag alleen een coördinator (coordinators.logins).');
    }
    const outcome = await moveCase(store, reference, move, context, {
      comment: (made) => movedComment(made, by, config),
    });
    if (outcome.kind === 'unknown-case') return refuse(`De klacht ${reference} is niet gevonden.`);
    if (outcome.kind === 'refused') return refuse(outcome.reason);
    moves.push({ command: command.command, result: 'moved' });
    if (move.type === 'confirm' && assignHandler) {
      const login = findPerson(config.people, outcome.result.case.handler ?? '')?.login;
      if (login !== undefined) await actions.assign(issue, login);
    }
  }
  return { handled: true, reference, moves };
}

/**
 * Handles one GitHub event for the case issues: slash commands in a new comment, or the
 * assignment of a configured person to a case not yet confirmed (the same as `/bevestig`).
 * Ignored, without a word: pull requests, issues without the `klacht` label, comments without a
 * command, bots, and anyone without write access to the repository.
 *
 * @example
 * await handleEvent('issue_comment', payload, deps) // { handled: true, reference: 'K-2026-…', moves: [{ command: '/bevestig', result: 'moved' }] }
 */
export async function handleEvent(name: string, payload: unknown, deps: EventDeps): Promise<EventResult> {
  if (name === 'issue_comment') {
    const parsed = commentEventSchema.safeParse(payload);
    if (!parsed.success) return ignored('onbekende vorm van de gebeurtenis');
    const { action, issue, comment } = parsed.data;
    if (action !== 'created') return ignored(`reactie ${action}`);
    if (issue.pull_request !== undefined || !labelNames(issue).includes(caseLabel)) return ignored('geen klacht-issue');
    const commands = parseSlashCommands(comment.body ?? '');
    if (commands.length === 0) return ignored('geen opdracht');
    if (comment.user.type === 'Bot') return ignored('van een bot');
    if (!(await deps.actions.canWrite(comment.user.login))) return ignored('geen schrijfrechten');
    const reference = readPageHeader(issue.body ?? '')?.reference;
    if (reference === undefined) {
      await deps.actions.comment(issue.number, noReferenceComment);
      return ignored('nog geen kenmerk');
    }
    return runCommands(issue.number, reference, commands, comment.user.login, deps);
  }
  if (name === 'issues') {
    const parsed = issuesEventSchema.safeParse(payload);
    if (!parsed.success) return ignored('onbekende vorm van de gebeurtenis');
    const { action, issue, assignee, sender } = parsed.data;
    if (action !== 'assigned' || assignee === undefined || assignee === null) return ignored(`issue ${action}`);
    if (issue.pull_request !== undefined || !labelNames(issue).includes(caseLabel)) return ignored('geen klacht-issue');
    if (sender.type === 'Bot') return ignored('van een bot');
    // Only a person who can handle cases: assigning anyone else is the coordinators' own business.
    if (findPerson(deps.config.people, assignee.login) === undefined)
      return ignored('toegewezen aan iemand buiten people');
    const reference = readPageHeader(issue.body ?? '')?.reference;
    if (reference === undefined) return ignored('nog geen kenmerk');
    if (!(await deps.actions.canWrite(sender.login))) return ignored('geen schrijfrechten');
    // Confirmed already (our own assignment after `/bevestig` lands here too): nothing to do.
    if ((await deps.store.getCase(reference))?.status !== 'ontvangen') return ignored('al bevestigd');
    const command: SlashCommand = { command: '/bevestig', type: 'confirm', argument: assignee.login };
    return runCommands(issue.number, reference, [command], sender.login, deps, false);
  }
  return ignored(`gebeurtenis ${name}`);
}
