import { outcomes, referencePattern, type Outcome } from '../../../cases/case.ts';
import type { Move } from '../../../cases/lifecycle.ts';

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
  heropen: 'reopen',
  reopen: 'reopen',
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

/**
 * The outcomes as a coordinator types them, for the messages that name them.
 *
 * @example
 * `Geef een uitkomst, een van: ${outcomeList}.`
 */
export const outcomeList = outcomes.join(', ');

/**
 * Reads a slash command's argument into a move; a Dutch problem when it is missing or wrong.
 *
 * @example
 * readCommand({ command: '/sluit', type: 'close', argument: 'deels gegrond' }) // { ok: true, move: { type: 'close', outcome: 'deels-gegrond' } }
 */
export function readCommand(command: SlashCommand): ReadCommand {
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
    case 'reopen': {
      // `--nogmaals` (or `--again`) first: a second reopening, which only a coordinator may ask.
      const again = /^--(?:nogmaals|again)(?:\s+|$)/i.exec(argument);
      const reason = again === null ? argument : argument.slice(again[0].length).trim();
      if (reason === '') return { ok: false, problem: `Geef een reden: \`${command.command} <reden>\`.` };
      return { ok: true, move: { type: 'reopen', reason, ...(again === null ? {} : { override: true }) } };
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
