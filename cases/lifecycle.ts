/**
 * The life of a case as a pure state machine:
 *
 *   ontvangen ─bevestig─▶ bevestigd ─(verdaag, once)─▶ verdaagd
 *        │                    │                           │
 *        │                    └────────beantwoord─────────┴─▶ beantwoord ─sluit─▶ afgesloten
 *        │                                                      ▲    │              │
 *        │                                          beantwoord  │    └──heropen──┐  │
 *        │                                                  heropend ◀──heropen──┴──┘
 *        └─niet in behandeling (herhaalde klacht)─▶ niet-in-behandeling
 *
 * plus one shortcut: a complaint the complainant withdraws is closed as `ingetrokken` from any open
 * status, since no answer is owed on a complaint that is no longer made. Reopening (not resolved:
 * a "nee" to the satisfaction question, or a coordinator's judgement) happens once per case,
 * again only as a coordinator's deliberate override, and starts a new answer term (cases/reopen.ts).
 *
 * A move is data in (the case, the move, who and when) and data out (the new case and the event,
 * or a Dutch reason for refusing), so the stores, the command line, the GitHub event handler and
 * the mail that goes with a move can all build on the same function. No clock, no I/O.
 */
import { outcomes, referencePattern } from './case.ts';
import type { Case, CaseEvent, Outcome, Status } from './case.ts';
import type { WorkingDayCalendar } from './calendar.ts';
import type { Config } from './config.ts';
import { findPerson, handlerConflict } from './people.ts';
import { reopenAnswerBy, reopenings } from './reopen.ts';
import { receiptDate } from './terms.ts';

/** One move a coordinator makes. `type` names the move; the rest is what the move needs. */
export type Move =
  | { type: 'confirm'; /** Person id or GitHub login of the handler (config `people`). */ handler: string }
  | { type: 'extend'; /** Why the answer takes longer: told to the complainant. */ reason: string }
  | {
      type: 'answer';
      /** The reasoned answer itself (Markdown), as the complainant receives it. */
      text: string;
      /** Text of (or link to) the mediation report (verslag), when there is one. */
      report?: string;
    }
  | { type: 'close'; outcome: Outcome }
  | { type: 'not-taken-up'; /** Reference of the earlier case about the same thing. */ earlierReference: string }
  | {
      type: 'reopen';
      /** Why the complaint is not resolved: for the handler and the coordinators. */
      reason: string;
      /** A reopening beyond the first, made on purpose: only a coordinator may ask it. */
      override?: boolean;
    };

/** The kinds of move. */
export type MoveType = Move['type'];

/**
 * Whether a case is still being worked on: not closed (afgesloten) and not refused as a repeat
 * (niet-in-behandeling). A withdrawal closes a case, so it ends here too.
 *
 * @example
 * isOpen({ status: 'beantwoord' }); // true: it still has to be closed
 * isOpen({ status: 'afgesloten' }); // false
 */
export function isOpen(record: Pick<Case, 'status'>): boolean {
  return record.status !== 'afgesloten' && record.status !== 'niet-in-behandeling';
}

/** The statuses in which the complainant is still owed the reasoned answer. */
const awaitingAnswer: readonly Status[] = ['ontvangen', 'bevestigd', 'verdaagd', 'heropend'];

/**
 * Whether the complainant still awaits the reasoned answer: received, confirmed or extended, and
 * not yet answered or ended; the answer term runs (and is reminded and escalated) only then.
 *
 * @example
 * awaitsAnswer({ status: 'verdaagd' }); // true
 * awaitsAnswer({ status: 'beantwoord' }); // false
 */
export function awaitsAnswer(record: Pick<Case, 'status'>): boolean {
  return awaitingAnswer.includes(record.status);
}

/** Every kind of move, in the order of a case's life. */
export const moveTypes: readonly MoveType[] = ['confirm', 'extend', 'answer', 'close', 'not-taken-up', 'reopen'];

/** What a move needs besides the case: who, when, and the configuration it checks against. */
export interface MoveContext {
  /** When the move happens: ISO 8601 with offset or Z. Recorded in the event. */
  at: string;
  /** Who makes it: a GitHub login, or `klachten-cli`. Never the complainant's data. */
  by: string;
  /** The organisation's time zone (config `terms.timeZone`): which calendar day `at` falls on. */
  timeZone: string;
  /** The configured people (config `people`): a handler must be one of them. */
  people: Config['people'];
  /** The working-day calendar, for the new answer term of a reopening. */
  calendar?: WorkingDayCalendar;
  /** Weeks from reopening to the new answer term (config `terms.reopenWeeks`). */
  reopenWeeks?: number;
}

/** A move that was made: the new case, the event appended to it and the status it came from. */
export interface MoveMade {
  ok: true;
  case: Case;
  event: CaseEvent;
  move: Move;
  from: Status;
}

/** A move that was refused, with the reason in Dutch for the person who tried it. */
export interface MoveRefused {
  ok: false;
  reason: string;
  move: Move;
}

/** What `applyMove` gives back. */
export type MoveResult = MoveMade | MoveRefused;

/** The status each move leads to. */
export const moveTarget: Readonly<Record<MoveType, Status>> = {
  confirm: 'bevestigd',
  extend: 'verdaagd',
  answer: 'beantwoord',
  close: 'afgesloten',
  'not-taken-up': 'niet-in-behandeling',
  reopen: 'heropend',
};

/** The statuses each move may start from (a withdrawal may also close earlier: see `applyMove`). */
const allowedFrom: Readonly<Record<MoveType, readonly Status[]>> = {
  confirm: ['ontvangen'],
  extend: ['bevestigd'],
  answer: ['bevestigd', 'verdaagd', 'heropend'],
  close: ['beantwoord'],
  'not-taken-up': ['ontvangen'],
  reopen: ['beantwoord', 'afgesloten'],
};

/** Statuses in which a withdrawal (`close` with `ingetrokken`) may close the case. */
const withdrawableFrom: readonly Status[] = ['ontvangen', 'bevestigd', 'verdaagd', 'beantwoord', 'heropend'];

/** Dutch names of the moves, as coordinators know them from the slash commands. */
const moveNames: Readonly<Record<MoveType, string>> = {
  confirm: 'bevestigen',
  extend: 'verdagen',
  answer: 'beantwoorden',
  close: 'sluiten',
  'not-taken-up': 'niet in behandeling nemen',
  reopen: 'heropenen',
};

/**
 * Why an answer without text is refused: the reglement promises a reasoned answer in writing, and
 * the tool sends what is recorded, so there must be something to send.
 */
export const answerTextMissing =
  'Het antwoord is leeg. De klager krijgt het antwoord zoals u het hier schrijft: schrijf het gemotiveerde ' +
  'antwoord (wat de klager schreef, wat u onderzocht, uw oordeel, wat u gaat doen, en wat de klager kan doen ' +
  'als die het er niet mee eens is). Een opzet staat in templates/answer/.';

/** The longest answer with its verslag: a letter of many pages, within what one GitHub comment holds with its preview. */
export const answerMaxLength = 30_000;

/** Why a move cannot start from a status, in Dutch. */
function wrongStatus(move: Move, record: Case): string {
  const name = moveNames[move.type];
  const status = record.status;
  if (move.type === 'reopen') {
    if (status === 'heropend') return 'Deze klacht is al heropend; eerst volgt het nieuwe antwoord.';
    if (status === 'niet-in-behandeling')
      return 'Een klacht die niet in behandeling is genomen, kan niet worden heropend.';
    return `Heropenen kan pas als de klacht is beantwoord (status nu: ${status}).`;
  }
  if (status === 'afgesloten' || status === 'niet-in-behandeling') {
    return `Deze klacht is al ${status === 'afgesloten' ? 'afgesloten' : 'niet in behandeling genomen'}; ${name} kan niet meer.`;
  }
  switch (move.type) {
    case 'confirm':
      return `Deze klacht is al bevestigd (status: ${status}). Een andere behandelaar kiezen is geen nieuwe bevestiging.`;
    case 'extend':
      if (status === 'ontvangen') return 'Bevestig de klacht eerst; daarna kan de termijn worden verdaagd.';
      if (status === 'verdaagd') return 'De termijn is al eens verdaagd; dat kan maar één keer.';
      return `Verdagen kan alleen voordat de klacht is beantwoord (status: ${status}).`;
    case 'answer':
      if (status === 'ontvangen') return 'Bevestig de klacht eerst (met een behandelaar); daarna volgt het antwoord.';
      return `Deze klacht is al beantwoord (status: ${status}).`;
    case 'close':
      return (
        `Sluiten kan pas als de klacht is beantwoord (status nu: ${status}). ` +
        'Alleen een ingetrokken klacht kan eerder worden gesloten.'
      );
    case 'not-taken-up':
      return `Niet in behandeling nemen kan alleen bij een nieuwe klacht die nog niet is bevestigd (status nu: ${status}).`;
  }
}

/** Checks the move's own arguments against the case and configuration; a Dutch reason if wrong. */
function argumentProblem(record: Case, move: Move, context: MoveContext): string | undefined {
  switch (move.type) {
    case 'confirm': {
      const person = findPerson(context.people, move.handler);
      if (person === undefined) {
        return (
          `"${move.handler}" is geen bekende behandelaar. Gebruik het id of de GitHub-naam van iemand ` +
          'uit people in klachten.config.ts.'
        );
      }
      return handlerConflict(record, person);
    }
    case 'extend': {
      if (move.reason.trim() === '') return 'Geef een reden voor de verdaging: de klager krijgt die te lezen.';
      if (record.extended) return 'De termijn is al eens verdaagd; dat kan maar één keer.';
      const today = receiptDate(context.at, context.timeZone);
      if (today > record.terms.answerBy) {
        return (
          `De antwoordtermijn liep af op ${record.terms.answerBy}. Verdagen kan alleen voordat de termijn ` +
          'afloopt; beantwoord de klacht nu zo snel mogelijk.'
        );
      }
      return undefined;
    }
    case 'answer':
      if (move.text.trim() === '') return answerTextMissing;
      if (move.text.length + (move.report?.length ?? 0) > answerMaxLength) {
        return `Het antwoord met het verslag is te lang: hoogstens ${answerMaxLength} tekens. Maak het korter of vat het verslag samen.`;
      }
      return move.report !== undefined && move.report.trim() === '' ? 'Het verslag is leeg.' : undefined;
    case 'close':
      return outcomes.includes(move.outcome)
        ? undefined
        : `"${String(move.outcome)}" is geen uitkomst. Kies uit: ${outcomes.join(', ')}.`;
    case 'not-taken-up': {
      const earlier = move.earlierReference.trim().toUpperCase();
      if (!referencePattern.test(earlier)) {
        return `"${move.earlierReference}" is geen kenmerk van een eerdere klacht (zoals K-2026-7QF3M9).`;
      }
      if (earlier === record.reference) return 'Een klacht kan niet naar zichzelf verwijzen als eerdere klacht.';
      return undefined;
    }
    case 'reopen':
      return reopenProblem(record, move);
  }
}

/** Why a case cannot be reopened now, in Dutch; undefined when it can. */
function reopenProblem(record: Case, move: Extract<Move, { type: 'reopen' }>): string | undefined {
  if (move.reason.trim() === '') return 'Geef een reden voor het heropenen: de behandelaar krijgt die te lezen.';
  if (record.status === 'afgesloten' && record.outcome === 'ingetrokken') {
    return 'De klager heeft deze klacht ingetrokken; heropenen kan niet. Een nieuwe klacht kan via het formulier.';
  }
  const earlier = reopenings(record).at(-1);
  if (earlier !== undefined && move.override !== true) {
    return (
      `Deze klacht is al eens heropend (${earlier.at.slice(0, 10)}). Nog eens heropenen kan alleen als een ` +
      'coördinator dat bewust doet: `/heropen --nogmaals <reden>` of `klachten cases reopen … --again`.'
    );
  }
  return undefined;
}

/** The new case and its event for a move that is allowed. */
function made(record: Case, move: Move, context: MoveContext): MoveMade {
  const status = moveTarget[move.type];
  const base = { at: context.at, status, by: context.by };
  let event: CaseEvent;
  let next: Case;
  switch (move.type) {
    case 'confirm': {
      // argumentProblem has found the person; the case stores the id, never the login.
      const handler = findPerson(context.people, move.handler)?.id ?? move.handler;
      event = { ...base, handler };
      next = { ...record, handler };
      break;
    }
    case 'extend':
      event = { ...base, reason: move.reason.trim() };
      next = { ...record, extended: true };
      break;
    case 'answer': {
      const report = move.report?.trim();
      // The text as sent goes on the case, once; the event only says that there is a verslag.
      const answer = { at: context.at, by: context.by, text: move.text.trim(), ...(report ? { report } : {}) };
      event = base;
      const { answerDraft: _sent, ...rest } = record;
      next = { ...rest, answers: [...(record.answers ?? []), answer] };
      break;
    }
    case 'close':
      event = { ...base, outcome: move.outcome };
      next = { ...record, outcome: move.outcome };
      break;
    case 'not-taken-up': {
      const earlierReference = move.earlierReference.trim().toUpperCase();
      event = { ...base, earlierReference };
      next = { ...record, earlierReference };
      break;
    }
    case 'reopen': {
      if (context.calendar === undefined || context.reopenWeeks === undefined) {
        throw new Error('Heropenen heeft de kalender en config terms.reopenWeeks nodig (MoveContext).');
      }
      const answerBy = reopenAnswerBy(context.at, context.timeZone, context.calendar, context.reopenWeeks);
      event = { ...base, reason: move.reason.trim(), answerBy, ...(move.override === true ? { override: true } : {}) };
      // Open again: the outcome of the earlier close stays in the history, not on the case.
      const { outcome: _outcome, ...rest } = record;
      next = rest;
      break;
    }
  }
  return { ok: true, case: { ...next, status, events: [...record.events, event] }, event, move, from: record.status };
}

/**
 * Makes a move on a case, or refuses it with a Dutch reason. Pure: the case given is not changed.
 *
 * @example
 * const result = applyMove(record, { type: 'confirm', handler: 'jan-de-vries' }, { at, by: 'coordinator', timeZone, people });
 * if (result.ok) await store.updateCase(record.reference, () => result.case, 'bevestigd');
 * else console.error(result.reason); // "Deze klacht is al bevestigd …"
 */
export function applyMove(record: Case, move: Move, context: MoveContext): MoveResult {
  const withdrawal = move.type === 'close' && move.outcome === 'ingetrokken';
  const from = withdrawal ? withdrawableFrom : allowedFrom[move.type];
  if (!from.includes(record.status)) return { ok: false, reason: wrongStatus(move, record), move };
  const problem = argumentProblem(record, move, context);
  if (problem !== undefined) return { ok: false, reason: problem, move };
  return made(record, move, context);
}

/**
 * The moves that can start from a case's status now (their arguments aside), for help texts.
 *
 * @example
 * possibleMoves({ status: 'bevestigd', extended: false }) // ['extend', 'answer', 'close']
 */
export function possibleMoves(record: Pick<Case, 'status' | 'extended'>): MoveType[] {
  return moveTypes.filter((type) => {
    if (type === 'extend' && record.extended) return false;
    if (type === 'close') return withdrawableFrom.includes(record.status);
    return allowedFrom[type].includes(record.status);
  });
}

/**
 * A short Dutch line for the history of a move (a commit message, a comment heading), without
 * personal data: the reason of an extension and the report stay out, the handler's id is staff data.
 *
 * @example
 * moveNote(result) // 'bevestigd, behandelaar jan-de-vries'
 */
export function moveNote(result: MoveMade): string {
  const { event } = result;
  switch (result.move.type) {
    case 'confirm':
      return `bevestigd, behandelaar ${event.handler ?? '?'}`;
    case 'extend':
      return 'termijn verdaagd';
    case 'answer':
      return result.case.answers?.at(-1)?.report === undefined ? 'beantwoord' : 'beantwoord, met verslag';
    case 'close':
      return `afgesloten: ${event.outcome ?? '?'}`;
    case 'not-taken-up':
      return `niet in behandeling genomen (eerder: ${event.earlierReference ?? '?'})`;
    case 'reopen':
      return `heropend, nieuw antwoord uiterlijk ${event.answerBy ?? '?'}`;
  }
}
