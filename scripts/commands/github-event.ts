import { readFile } from 'node:fs/promises';
import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import { outcomes, referencePattern, type Outcome } from '../../cases/case.ts';
import type { Config } from '../../cases/config.ts';
import { answerTerm } from '../../cases/deadlines.ts';
import { receivedAtIso } from '../../cases/intake.ts';
import { caseLabel, readPageHeader } from '../../cases/stores/github/issue-format.ts';
import type { Move, MoveContext, MoveMade } from '../../cases/lifecycle.ts';
import { findPerson } from '../../cases/people.ts';
import type { CaseStore } from '../../cases/store.ts';
import type { GitHubRepository } from '../../cases/stores/github/client.ts';
import { makeGitHubStoresFromEnv } from '../../cases/stores/github/from-env.ts';
import { formatDate } from '../../cases/terms.ts';
import { usageExit, type CliContext } from '../cli-context.ts';
import { moveCase } from './case-moves.ts';

// ---------------------------------------------------------------------------------------------
// Slash commands

/** The slash commands and the move each makes; English names work too. */
const commandWords: Readonly<Record<string, Move['type']>> = {
  bevestig: 'confirm',
  confirm: 'confirm',
  verdaag: 'extend',
  extend: 'extend',
  beantwoord: 'answer',
  answer: 'answer',
  sluit: 'close',
  close: 'close',
  'niet-in-behandeling': 'not-taken-up',
  'not-taken-up': 'not-taken-up',
};

/** One slash command found in a comment: the word as typed and the rest of its line. */
export interface SlashCommand {
  /** The command as typed, with its slash: `/bevestig`. */
  command: string;
  type: Move['type'];
  /** The rest of the line, trimmed. */
  argument: string;
}

/**
 * The slash commands in a comment: only lines of the comment itself that start with `/` (up to
 * three spaces before it, as Markdown allows), outside fenced code blocks; quoted lines (`> /sluit`)
 * and unknown words are not commands. Never called on an issue body: that holds the complainant's text.
 *
 * @example
 * parseSlashCommands('Dank!\n/bevestig @jdevries') // [{ command: '/bevestig', type: 'confirm', argument: '@jdevries' }]
 */
export function parseSlashCommands(body: string): SlashCommand[] {
  const found: SlashCommand[] = [];
  let fence: string | undefined;
  for (const line of body.split(/\r\n?|\n/)) {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (opening?.[1] !== undefined) {
      const marker = opening[1];
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const match = /^ {0,3}\/([a-z-]+)(?:\s+(.*))?$/i.exec(line.trimEnd());
    const word = match?.[1]?.toLowerCase();
    const type = word === undefined ? undefined : commandWords[word];
    if (type === undefined || word === undefined) continue;
    found.push({ command: `/${word}`, type, argument: (match?.[2] ?? '').trim() });
  }
  return found;
}

/** Where a `/niet-in-behandeling` points: a reference, or an issue number to look up. */
type EarlierTarget = { reference: string } | { issue: number };

/** A command read into a move (the earlier case of `/niet-in-behandeling` still to be resolved). */
type ReadCommand = { ok: true; move: Move } | { ok: true; earlier: EarlierTarget } | { ok: false; problem: string };

const outcomeList = outcomes.join(', ');

/** Reads a slash command's argument; a Dutch problem when it is missing or wrong. */
function readCommand(command: SlashCommand): ReadCommand {
  const { argument } = command;
  switch (command.type) {
    case 'confirm': {
      const handler = argument.split(/\s+/)[0] ?? '';
      if (handler === '') {
        return { ok: false, problem: `Noem de behandelaar: \`${command.command} @github-naam\` of het id uit people.` };
      }
      return { ok: true, move: { type: 'confirm', handler } };
    }
    case 'extend':
      if (argument === '') return { ok: false, problem: `Geef een reden: \`${command.command} <reden>\`.` };
      return { ok: true, move: { type: 'extend', reason: argument } };
    case 'answer':
      return { ok: true, move: argument === '' ? { type: 'answer' } : { type: 'answer', report: argument } };
    case 'close': {
      const outcome = argument.toLowerCase().replace(/\s+/g, '-');
      if (!(outcomes as readonly string[]).includes(outcome)) {
        return { ok: false, problem: `Geef een uitkomst: \`${command.command} <uitkomst>\`, een van: ${outcomeList}.` };
      }
      return { ok: true, move: { type: 'close', outcome: outcome as Outcome } };
    }
    case 'not-taken-up': {
      const target = argument.split(/\s+/)[0] ?? '';
      const issue = /^#(\d+)$/.exec(target)?.[1];
      if (issue !== undefined) return { ok: true, earlier: { issue: Number(issue) } };
      if (referencePattern.test(target.toUpperCase()))
        return { ok: true, earlier: { reference: target.toUpperCase() } };
      return {
        ok: false,
        problem: `Noem de eerdere klacht: \`${command.command} #<issuenummer>\` of \`${command.command} K-2026-XXXXXX\`.`,
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The events

const userSchema = z.object({ login: z.string(), type: z.string().optional() });
const issueSchema = z.object({
  number: z.number().int().positive(),
  body: z.string().nullish(),
  labels: z.array(z.union([z.string(), z.object({ name: z.string() })])).default([]),
  pull_request: z.unknown().optional(),
});
const commentEventSchema = z.object({
  action: z.string(),
  issue: issueSchema,
  comment: z.object({ body: z.string().nullish(), user: userSchema }),
});
const issuesEventSchema = z.object({
  action: z.string(),
  issue: issueSchema,
  assignee: userSchema.nullish(),
  sender: userSchema,
});

/** What the handler does on GitHub besides the store: small, so tests can count and fake it. */
export interface IssueActions {
  /** Whether this user may write to the repository (admin, maintain or write). */
  canWrite(login: string): Promise<boolean>;
  /** Posts a comment on an issue. */
  comment(issue: number, body: string): Promise<void>;
  /** Adds an assignee to an issue (keeps the ones there). */
  assign(issue: number, login: string): Promise<void>;
  /** The reference of the case in issue `issue`, or undefined when it holds none. */
  referenceOf(issue: number): Promise<string | undefined>;
}

/**
 * The GitHub side of the event handler, through the one Octokit of `github-client.ts`.
 * Write access is asked of GitHub (`GET …/collaborators/{username}/permission`), not taken from
 * the payload's `author_association`, which says nothing about a collaborator's role.
 *
 * @example
 * const actions = makeIssueActions(octokit, { owner: 'livable', repo: 'klachten' });
 * await actions.canWrite('coord') // true for admin, maintain and write
 */
export function makeIssueActions(octokit: Octokit, repository: GitHubRepository): IssueActions {
  const { owner, repo } = repository;
  return {
    async canWrite(login) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
          owner,
          repo,
          username: login,
        });
        // `permission` is the base role: maintain shows as write, triage as read.
        return data.permission === 'admin' || data.permission === 'write';
      } catch (error) {
        if (typeof error === 'object' && error !== null && 'status' in error && error.status === 404) return false;
        throw error;
      }
    },
    async comment(issue, body) {
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner,
        repo,
        issue_number: issue,
        body,
      });
    },
    async assign(issue, login) {
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', {
        owner,
        repo,
        issue_number: issue,
        assignees: [login],
      });
    },
    async referenceOf(issue) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
          owner,
          repo,
          issue_number: issue,
        });
        if (data.pull_request !== undefined) return undefined;
        return readPageHeader(data.body ?? '')?.reference;
      } catch (error) {
        if (typeof error === 'object' && error !== null && 'status' in error && error.status === 404) return undefined;
        throw error;
      }
    },
  };
}

/** What handling an event needs. */
export interface EventDeps {
  config: Config;
  /** The GitHub store (moves are written to the case's issue). */
  store: CaseStore;
  actions: IssueActions;
  now: () => Date;
}

/** What became of an event, for the Action log: codes and references, never text or names. */
export type EventResult =
  | { handled: false; why: string }
  | { handled: true; reference: string; moves: Array<{ command: string; result: 'moved' | 'refused' }> };

const ignored = (why: string): EventResult => ({ handled: false, why });

/** "Klacht K-… is bevestigd." and the rest: the comment recorded with a move. */
function movedComment(made: MoveMade, by: string, config: Config): string {
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
  }
}

function refusedComment(command: string, reason: string, more: boolean): string {
  const rest = more ? ' De opdrachten daarna zijn ook niet uitgevoerd.' : '';
  return `**\`${command}\` is niet uitgevoerd.** ${reason}${rest}\n\n_The command was not carried out; the reason is given above._`;
}

function labelNames(issue: z.output<typeof issueSchema>): string[] {
  return issue.labels.map((label) => (typeof label === 'string' ? label : label.name));
}

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
  const moves: Array<{ command: string; result: 'moved' | 'refused' }> = [];
  const context: MoveContext = {
    at: receivedAtIso(deps.now(), config.terms.timeZone),
    by,
    timeZone: config.terms.timeZone,
    people: config.people,
  };
  for (const [index, command] of commands.entries()) {
    const more = index < commands.length - 1;
    const refuse = async (reason: string): Promise<EventResult> => {
      await actions.comment(issue, refusedComment(command.command, reason, more));
      moves.push({ command: command.command, result: 'refused' });
      return { handled: true, reference, moves };
    };
    const read = readCommand(command);
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
      await deps.actions.comment(
        issue.number,
        '**Deze klacht heeft nog geen kenmerk.** De klachtentool verwerkt het formulier bij de volgende run; ' +
          'geef de opdracht daarna opnieuw.\n\n_This complaint has no reference yet; repeat the command after the next run._',
      );
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

// ---------------------------------------------------------------------------------------------
// The command

/**
 * `klachten github-event`: handles the event of the running GitHub Actions job
 * (`GITHUB_EVENT_NAME`, `GITHUB_EVENT_PATH`) on the GitHub store. Prints one line with what it
 * did: codes and references only. Exit 0 when handled or ignored, 1 on a GitHub failure,
 * 2 when not run inside an Action.
 *
 * @example
 * // in .github/workflows/case-events.yml
 * await run({ argv: [], env: process.env, … }) // "github-event: issue_comment K-2026-…: /bevestig moved"
 */
export async function run(ctx: CliContext, deps?: Partial<EventDeps>): Promise<number> {
  const name = ctx.env['GITHUB_EVENT_NAME'];
  const path = ctx.env['GITHUB_EVENT_PATH'];
  if (ctx.argv.length > 0 || !name || !path) {
    ctx.stderr(
      'Gebruik: klachten github-event (in een GitHub Actions-job: leest GITHUB_EVENT_NAME en GITHUB_EVENT_PATH).\n',
    );
    return usageExit;
  }
  const payload: unknown = JSON.parse(await readFile(path, 'utf8'));
  const config = deps?.config ?? (await import('../../klachten.config.ts')).default;
  let store = deps?.store;
  let actions = deps?.actions;
  if (store === undefined || actions === undefined) {
    const github = makeGitHubStoresFromEnv(ctx.env, config, ctx.cwd, () => {});
    store ??= github.github;
    actions ??= makeIssueActions(github.octokit, github.repository);
  }
  const result = await handleEvent(name, payload, { config, store, actions, now: deps?.now ?? ctx.now });
  ctx.stdout(
    result.handled
      ? `github-event: ${name} ${result.reference}: ${result.moves.map((move) => `${move.command} ${move.result}`).join(', ')}\n`
      : `github-event: ${name} genegeerd (${result.why})\n`,
  );
  return 0;
}
