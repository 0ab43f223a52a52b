import { outcomes, referencePattern, type Case, type Outcome } from '../../cases/case.ts';
import { applyMove, moveNote, type Move, type MoveContext, type MoveMade } from '../../cases/lifecycle.ts';
import { errorTag, taggedError } from '../../cases/errors.ts';
import type { CaseStore } from '../../cases/store.ts';
import { receivedAtIso } from '../../cases/intake.ts';
import { makeMoveContext } from '../../cases/move-context.ts';
import { parseCommandArgs, usageExit, type CliContext } from '../cli-context.ts';
import type { CommandArgs, CommandArgsConfig } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { answerTextMissing } from '../../cases/lifecycle.ts';
import { previewAnswerMove, readAnswerFiles } from './case-answer.ts';

/** Exit code for a move the lifecycle refuses (the case is in the wrong state, the handler is not allowed). */
export const refusedExit = 1;

/** The move subcommands, with their Dutch aliases. */
const subcommands: Readonly<Record<string, Move['type']>> = {
  confirm: 'confirm',
  bevestig: 'confirm',
  extend: 'extend',
  verdaag: 'extend',
  answer: 'answer',
  beantwoord: 'answer',
  close: 'close',
  sluit: 'close',
  'not-taken-up': 'not-taken-up',
  'niet-in-behandeling': 'not-taken-up',
  reopen: 'reopen',
  heropen: 'reopen',
};

export const moveUsage = `Een klacht verplaatsen (Nederlandse namen mogen ook):
  klachten cases confirm <kenmerk> --handler <id>       (bevestig)  behandelaar uit people in klachten.config.ts
  klachten cases extend <kenmerk> --reason "<reden>"    (verdaag)   eenmaal, vóór het einde van de termijn
  klachten cases answer <kenmerk> --text-file antwoord.md [--report-file verslag.md] [--preview]
                                                        (beantwoord) het gemotiveerde antwoord (Markdown),
                                                        zoals de klager het krijgt; --preview toont de mail
                                                        en verstuurt niets; een opzet: templates/answer/
  klachten cases close <kenmerk> --outcome <uitkomst>   (sluit)     ${outcomes.join(', ')}
  klachten cases not-taken-up <kenmerk> --earlier <kenmerk>  (niet-in-behandeling) herhaalde klacht
  klachten cases reopen <kenmerk> --reason "<reden>" [--again]  (heropen) niet naar tevredenheid: nieuw antwoord
                                                        binnen de termijn voor heropenen; eenmaal, --again alleen
                                                        als coördinator bewust een tweede keer
  Bij elke verplaatsing: [--by <naam>] wie het doet (standaard klachten-cli).

  Afsluitcode 0: gelukt; 1: de stap kan nu niet (de reden staat erbij);
  2: verkeerde opdracht of onbekend kenmerk.
`;

/**
 * Whether a word is one of the move subcommands (`confirm`, `bevestig`, …).
 *
 * @example
 * isMoveCommand('verdaag') // true
 */
export function isMoveCommand(word: string | undefined): boolean {
  return word !== undefined && Object.hasOwn(subcommands, word);
}

/** An error thrown out of a store's `change` when the case moved on under our feet. */
function refusedError(reason: string): Error {
  return taggedError('refused', reason);
}

/** The result of trying a move through a store. */
export type MoveOutcome =
  { kind: 'moved'; result: MoveMade } | { kind: 'refused'; reason: string } | { kind: 'unknown-case' };

/** Extras of `moveCase`. */
export interface MoveCaseOptions {
  /** The case as just read from this store; else `moveCase` reads it. */
  read?: Case;
  /** The comment to record with the move (see `UpdateOptions.comment`), made from the move. */
  comment?: (made: MoveMade) => string;
}

/**
 * Makes a move on a stored case: checks it on the case as read, then re-applies it inside the
 * store's update to the case as it is at that moment, so a move made meanwhile by someone else is
 * never overwritten (the second of two `/bevestig`s is refused, not applied twice).
 *
 * @example
 * await moveCase(store, 'K-2026-7QF3M9', { type: 'confirm', handler: 'jan' }, context) // { kind: 'moved', result }
 */
export async function moveCase(
  store: CaseStore,
  reference: string,
  move: Move,
  context: MoveContext,
  options: MoveCaseOptions = {},
): Promise<MoveOutcome> {
  const record = options.read ?? (await store.getCase(reference));
  if (record === undefined) return { kind: 'unknown-case' };
  const first = applyMove(record, move, context);
  if (!first.ok) return { kind: 'refused', reason: first.reason };
  let made: MoveMade = first;
  try {
    await store.updateCase(
      record.reference,
      (current) => {
        const again = applyMove(current, move, context);
        if (!again.ok) throw refusedError(again.reason);
        made = again;
        return again.case;
      },
      moveNote(first),
      options.comment === undefined ? {} : { comment: options.comment(first) },
    );
  } catch (error) {
    if (error instanceof Error && errorTag(error) === 'refused') return { kind: 'refused', reason: error.message };
    throw error;
  }
  return { kind: 'moved', result: made };
}

/** The flags of the move commands; which ones a move needs is checked in `parseMove`. */
const moveArgs = {
  allowPositionals: true,
  options: {
    handler: { type: 'string' },
    reason: { type: 'string' },
    report: { type: 'string' },
    'text-file': { type: 'string' },
    'report-file': { type: 'string' },
    preview: { type: 'boolean' },
    outcome: { type: 'string' },
    earlier: { type: 'string' },
    again: { type: 'boolean' },
    by: { type: 'string' },
    help: { type: 'boolean' },
  },
} as const satisfies CommandArgsConfig;

/** Reads the move and its arguments from the parsed command line; a Dutch message when they are wrong. */
/** A move read from the command line; the answer's text still to be read from its files. */
interface ParsedMove {
  reference: string;
  move: Move;
  by: string;
  files?: { text: string; report?: string };
  preview?: boolean;
}

function parseMove(parsed: CommandArgs<typeof moveArgs>): ParsedMove | { problem: string } {
  const [word, rawReference, ...rest] = parsed.positionals;
  const type = word === undefined ? undefined : subcommands[word];
  if (type === undefined) return { problem: `Onbekende stap: ${word ?? '(geen)'}.` };
  if (rawReference === undefined) return { problem: 'Geef het kenmerk van de klacht, zoals K-2026-7QF3M9.' };
  if (rest.length > 0)
    return { problem: `Onverwacht: ${rest.join(' ')}. Zet een tekst met spaties tussen aanhalingstekens.` };
  const reference = rawReference.toUpperCase();
  if (!referencePattern.test(reference)) return { problem: `"${rawReference}" is geen kenmerk (zoals K-2026-7QF3M9).` };
  const values = parsed.values;
  const allowed: Record<Move['type'], string[]> = {
    confirm: ['handler'],
    extend: ['reason'],
    answer: ['report', 'text-file', 'report-file', 'preview'],
    close: ['outcome'],
    'not-taken-up': ['earlier'],
    reopen: ['reason', 'again'],
  };
  const stray = (
    ['handler', 'reason', 'report', 'text-file', 'report-file', 'preview', 'outcome', 'earlier', 'again'] as const
  ).filter((name) => values[name] !== undefined && !allowed[type].includes(name));
  if (stray.length > 0) return { problem: `--${stray.join(', --')} hoort niet bij ${word}.` };
  const by = values.by?.trim() || 'klachten-cli';
  const missing = (flag: string, example: string) => ({
    problem: `${word} heeft ${flag} nodig, bijvoorbeeld ${example}.`,
  });
  switch (type) {
    case 'confirm':
      if (!values.handler?.trim()) return missing('--handler', '--handler jan-de-vries');
      return { reference, by, move: { type, handler: values.handler } };
    case 'extend':
      if (!values.reason?.trim()) return missing('--reason', '--reason "We wachten op een rapport van de monteur."');
      return { reference, by, move: { type, reason: values.reason } };
    case 'answer': {
      const textFile = values['text-file']?.trim();
      if (!textFile)
        return {
          problem: answerTextMissing.replace('hier', 'in het bestand') + ' Geef het met --text-file antwoord.md.',
        };
      if (values.report !== undefined && values['report-file'] !== undefined)
        return { problem: 'Geef het verslag met --report of met --report-file, niet allebei.' };
      const report = values.report === undefined ? {} : { report: values.report };
      const files = { text: textFile, ...(values['report-file'] ? { report: values['report-file'] } : {}) };
      return { reference, by, move: { type, text: '', ...report }, files, preview: values.preview === true };
    }
    case 'close': {
      const outcome = values.outcome?.trim().toLowerCase().replace(/\s+/g, '-');
      if (outcome === undefined || outcome === '')
        return missing('--outcome', `--outcome gegrond (${outcomes.join(', ')})`);
      if (!(outcomes as readonly string[]).includes(outcome)) {
        return { problem: `"${values.outcome}" is geen uitkomst. Kies uit: ${outcomes.join(', ')}.` };
      }
      return { reference, by, move: { type, outcome: outcome as Outcome } };
    }
    case 'not-taken-up': {
      const earlier = values.earlier?.trim().toUpperCase();
      if (earlier === undefined || earlier === '') return missing('--earlier', '--earlier K-2025-7QF3M9');
      if (!referencePattern.test(earlier))
        return { problem: `"${values.earlier}" is geen kenmerk (zoals K-2025-7QF3M9).` };
      return { reference, by, move: { type, earlierReference: earlier } };
    }
    case 'reopen':
      if (!values.reason?.trim()) return missing('--reason', '--reason "De lekkage is nog niet verholpen."');
      return {
        reference,
        by,
        move: { type, reason: values.reason, ...(values.again === true ? { override: true } : {}) },
      };
  }
}

/**
 * `klachten cases confirm|extend|answer|close|not-taken-up <kenmerk> …` (or the Dutch names):
 * one move on a case in the configured store. Exit 0 when made, 1 when the lifecycle refuses it
 * (with its reason), 2 for bad arguments or an unknown reference.
 *
 * @example
 * await runMove(ctx) // ctx.argv: ['confirm', 'K-2026-7QF3M9', '--handler', 'jan'] → 0
 */
export async function runMove(ctx: CliContext): Promise<number> {
  const args = parseCommandArgs(ctx, moveUsage, moveArgs);
  if (typeof args === 'number') return args;
  const parsed = parseMove(args);
  if ('problem' in parsed) {
    ctx.stderr(`${parsed.problem}\n\n${moveUsage}`);
    return usageExit;
  }
  const { reference, by } = parsed;
  let move = parsed.move;
  const { config } = ctx;
  if (parsed.files !== undefined && move.type === 'answer') {
    const read = await readAnswerFiles(ctx, parsed.files);
    if ('problem' in read) {
      ctx.stderr(`${read.problem}\n`);
      return usageExit;
    }
    move = { ...move, ...read };
    if (parsed.preview === true) return previewAnswerMove(ctx, reference, move);
  }
  const store = servicesOf(ctx).makeStore(ctx);
  if (move.type === 'not-taken-up' && (await store.getCase(move.earlierReference)) === undefined) {
    ctx.stderr(`Geen eerdere klacht met kenmerk ${move.earlierReference} in ${store.description}.\n`);
    return usageExit;
  }
  const context: MoveContext = makeMoveContext(config, receivedAtIso(ctx.now(), config.terms.timeZone), by);
  const outcome = await moveCase(store, reference, move, context);
  if (outcome.kind === 'unknown-case') {
    ctx.stderr(`Geen klacht met kenmerk ${reference} in ${store.description}.\n`);
    return usageExit;
  }
  if (outcome.kind === 'refused') {
    ctx.stderr(`${reference}: ${outcome.reason}\n`);
    return refusedExit;
  }
  ctx.stdout(`${reference}: ${moveNote(outcome.result)}.\n`);
  return 0;
}
