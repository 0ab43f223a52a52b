// The commands around the reasoned answer and the handler's questions, on GitHub:
//   /beantwoord + the answer below it (Markdown; a line /verslag starts the verslag)
//       -> the answer is kept on the case as a draft and a preview comment shows the mail as the
//          complainant will get it; nothing is sent yet;
//   /verstuur (or /beantwoord bevestig)
//       -> the draft on the case, exactly as previewed, becomes the answer (the move `answer`);
//          the mail goes with the case-events job's `klachten mail --event`. What is sent is what
//          the case holds: editing the comment afterwards changes nothing;
//   /vraag <question> -> the question on the case; its mail goes the same way.
import type { Case } from '../../../cases/case.ts';
import { previewAnswer } from '../../../cases/answer/answer-preview.ts';
import { askQuestion } from '../../../cases/answer/questions.ts';
import { applyMove, answerTextMissing, type MoveContext } from '../../../cases/lifecycle.ts';
import { fence } from '../../../cases/stores/github/inert-text.ts';
import { moveCase } from '../case-moves.ts';
import type { Config } from '../../../cases/config.ts';
import type { Locale } from '../../../cases/locale.ts';
import type { TemplateSet } from '../../../cases/mail/compose-message.ts';
import type { CaseStore } from '../../../cases/store.ts';
import { movedComment } from './replies.ts';
import { answerParts, type SlashCommand } from './slash-commands.ts';

/** What these commands need (a part of the event handler's dependencies, `handle-event.ts`). */
export interface AnswerCommandDeps {
  config: Config;
  /** The GitHub store (the draft, the answer and the questions are written to the case's issue). */
  store: CaseStore;
  now: () => Date;
  /** The mail templates (templates/mail/), for the preview of an answer. */
  templates: TemplateSet;
  /** The answer template in a language (templates/answer/), offered when `/beantwoord` has no text. */
  answerTemplate?: (locale: Locale) => Promise<string | undefined>;
}

/** What one of these commands did: done (with its result word), or refused with a reason. */
export type AnswerCommandResult = { ok: true; result: 'previewed' | 'moved' | 'asked' } | { ok: false; reason: string };

/**
 * The preview comment: the answer mail as plain text, fenced (it holds the complainant's name:
 * inert), and how to send or change it.
 *
 * @example
 * previewComment('K-2026-7QF3-M9XA', preview, true)
 */
export function previewComment(reference: string, preview: { subject: string; text: string }, report: boolean): string {
  return [
    `**Voorbeeld van het antwoord op klacht ${reference}: nog niet verstuurd.**`,
    '',
    `Zo krijgt de klager het antwoord per e-mail, met als onderwerp "${preview.subject}". De HTML-versie van de ` +
      'mail heeft dezelfde tekst, met opmaak. Op de eigen pagina van de klager staat hetzelfde antwoord' +
      `${report ? ', met het verslag' : ''}. In de echte mail staat de persoonlijke link van de klager.`,
    '',
    fence(preview.text),
    '',
    'Klopt alles? Verstuur het antwoord met `/verstuur`. Iets veranderen? Plaats een nieuwe reactie met ' +
      '`/beantwoord` en de nieuwe tekst: dat voorbeeld vervangt dit. Deze reactie of de uwe bewerken verandert ' +
      'niets: alleen wat in het laatste voorbeeld staat, wordt verstuurd.',
    '',
    '_Preview of the answer as the complainant will receive it; nothing was sent. Send it with `/verstuur`._',
  ].join('\n');
}

/** The refusal of a `/beantwoord` without text, with the answer template to copy. */
function noTextReason(template: string | undefined): string {
  if (template === undefined) return answerTextMissing;
  return `${answerTextMissing}\n\nZet de tekst onder \`/beantwoord\`, bijvoorbeeld met deze opzet:\n\n${fence(`/beantwoord\n\n${template.trim()}`)}`;
}

/**
 * `/beantwoord` with text: checks the answer could be given now, keeps it as the case's draft and
 * posts the preview with the same write.
 *
 * @example
 * await previewAnswerCommand(reference, command, context, deps)
 */
export async function previewAnswerCommand(
  reference: string,
  command: SlashCommand,
  context: MoveContext,
  deps: AnswerCommandDeps,
): Promise<AnswerCommandResult> {
  const parts = answerParts(command);
  if (parts.text === '') {
    const record = await deps.store.getCase(reference);
    return { ok: false, reason: noTextReason(await deps.answerTemplate?.(record?.locale ?? 'nl')) };
  }
  const record = await deps.store.getCase(reference);
  if (record === undefined) return { ok: false, reason: `De klacht ${reference} is niet gevonden.` };
  const check = applyMove(record, { type: 'answer', ...parts }, context);
  if (!check.ok) return { ok: false, reason: check.reason };
  const draft = { at: context.at, by: context.by, ...parts };
  const preview = previewAnswer(record, draft, { config: deps.config, templates: deps.templates, now: deps.now() });
  await deps.store.updateCase(
    reference,
    (current: Case) => ({ ...current, answerDraft: draft }),
    'antwoord klaargezet',
    {
      current: record,
      comment: previewComment(reference, preview, parts.report !== undefined),
    },
  );
  return { ok: true, result: 'previewed' };
}

/**
 * `/verstuur`: the draft on the case becomes the answer, as it was previewed.
 *
 * @example
 * await sendAnswerCommand(reference, context, deps)
 */
export async function sendAnswerCommand(
  reference: string,
  context: MoveContext,
  deps: AnswerCommandDeps,
): Promise<AnswerCommandResult> {
  const record = await deps.store.getCase(reference);
  if (record === undefined) return { ok: false, reason: `De klacht ${reference} is niet gevonden.` };
  const draft = record.answerDraft;
  if (draft === undefined) {
    return {
      ok: false,
      reason:
        'Er is geen antwoord om te versturen. Schrijf eerst `/beantwoord` met het antwoord eronder; ' +
        'u krijgt dan een voorbeeld, en daarna verstuurt `/verstuur` het.',
    };
  }
  const move = {
    type: 'answer' as const,
    text: draft.text,
    ...(draft.report === undefined ? {} : { report: draft.report }),
  };
  const outcome = await moveCase(deps.store, reference, move, context, {
    read: record,
    comment: (made) => movedComment(made, context.by, deps.config),
  });
  if (outcome.kind === 'unknown-case') return { ok: false, reason: `De klacht ${reference} is niet gevonden.` };
  if (outcome.kind === 'refused') return { ok: false, reason: outcome.reason };
  return { ok: true, result: 'moved' };
}

/**
 * `/vraag <question>`: the question on the case, with a comment that it will be mailed.
 *
 * @example
 * await askCommand(reference, command, context, deps)
 */
export async function askCommand(
  reference: string,
  command: SlashCommand,
  context: MoveContext,
  deps: AnswerCommandDeps,
): Promise<AnswerCommandResult> {
  const text = [command.argument, command.body ?? ''].filter((part) => part !== '').join('\n');
  const record = await deps.store.getCase(reference);
  if (record === undefined) return { ok: false, reason: `De klacht ${reference} is niet gevonden.` };
  const first = askQuestion(record, text, context.at, context.by);
  if (!first.ok) return { ok: false, reason: first.reason };
  let refused: string | undefined;
  await deps.store.updateCase(
    reference,
    (current) => {
      const asked = askQuestion(current, text, context.at, context.by);
      if (!asked.ok) refused = asked.reason;
      return asked.ok ? asked.case : current;
    },
    'vraag aan de klager',
    { current: record, comment: askedComment(reference, first.question.id, context.by) },
  );
  return refused === undefined ? { ok: true, result: 'asked' } : { ok: false, reason: refused };
}

function askedComment(reference: string, id: string, by: string): string {
  return (
    `**Vraag ${id} aan de klager van ${reference}** wordt per e-mail verstuurd, met de persoonlijke link. ` +
    'Het antwoord komt hier als reactie. Komt er na 5 werkdagen geen antwoord, dan krijgt de klager één herinnering. ' +
    `De antwoordtermijn loopt gewoon door. _Door ${by}._\n\n` +
    '_The question is mailed to the complainant; the answer will appear here. The answer term does not stop._'
  );
}
