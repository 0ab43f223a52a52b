import { formatSize } from '../../cases/attachments/limits.ts';
import type { Case } from '../../cases/case.ts';
import { errorTag } from '../../cases/errors.ts';
import { oneLineVisible } from '../../cases/format-characters.ts';
import { unreadableCaseTag } from '../../cases/store.ts';
import { parseCommandArgs, usageExit, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { answerTerm } from '../../cases/deadlines.ts';
import { findPerson, type Person } from '../../cases/people.ts';
import { isMoveCommand, moveUsage } from './case-moves.ts';
import { runMoveWithMail } from './case-mail.ts';
import { askUsage, runAsk } from './case-questions.ts';
import { erasedNotice } from '../../cases/register/erased-notice.ts';
import { isGitFolderStore } from '../../cases/retention/folder-eraser.ts';

const usage = `Gebruik:
  klachten cases list [--json]            alle klachten, oudste eerst
  klachten cases show <kenmerk> [--json]  één klacht
  klachten cases hold <kenmerk> --reason "…"  bewaren: niets van de klacht wordt gewist (geschil, procedure)
  klachten cases unhold <kenmerk>          bewaren opheffen

${moveUsage}
${askUsage}`;

/**
 * `klachten cases list|show`: read the configured store; the move subcommands are in `case-moves.ts`.
 *
 * @example
 * await run({ argv: ['show', 'K-2026-7QF3M9', '--json'], … }) // prints the case as JSON, returns 0
 */
export async function run(ctx: CliContext): Promise<number> {
  if (isMoveCommand(ctx.argv[0])) return runMoveWithMail(ctx);
  if (ctx.argv[0] === 'ask' || ctx.argv[0] === 'vraag') return runAsk(ctx);
  const parsed = parseCommandArgs(ctx, usage, {
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      reason: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const [action, reference, ...rest] = parsed.positionals;
  const json = parsed.values.json;
  if (action === 'list' && reference === undefined) {
    const store = servicesOf(ctx).makeStore(ctx);
    const cases = await store.listCases();
    ctx.stdout(json ? `${JSON.stringify(cases, null, 2)}\n` : listText(cases, store.description));
    return 0;
  }
  if (action === 'show' && reference !== undefined && rest.length === 0) {
    const store = servicesOf(ctx).makeStore(ctx);
    let record: Case | undefined;
    try {
      record = await store.getCase(reference.toUpperCase());
    } catch (error) {
      // The one case asked for cannot be read: say which file and why, and fail.
      if (errorTag(error) !== unreadableCaseTag) throw error;
      ctx.stderr(`${(error as Error).message}\n`);
      return 1;
    }
    if (!record) {
      // Erased: the register still knows the case, and says when and why its details went.
      const erased = isGitFolderStore(store)
        ? (await store.register.read()).find((entry) => entry.reference === reference.toUpperCase())
        : undefined;
      const notice = erased && erasedNotice(erased, 'nl', ctx.config.terms.timeZone);
      if (erased && notice) {
        ctx.stdout(json ? `${JSON.stringify(erased, null, 2)}\n` : `Kenmerk:       ${erased.reference}\n${notice}\n`);
        return 0;
      }
      ctx.stderr(`Geen klacht met kenmerk ${reference} in ${store.description}.\n`);
      return usageExit;
    }
    ctx.stdout(json ? `${JSON.stringify(record, null, 2)}\n` : showText(record, ctx.config.people));
    return 0;
  }
  if ((action === 'hold' || action === 'unhold') && reference !== undefined && rest.length === 0) {
    return hold(ctx, action, reference.toUpperCase(), parsed.values.reason);
  }
  ctx.stderr(usage);
  return usageExit;
}

/** `cases hold` / `unhold`: while a case is on hold, retention and `erase` leave it alone. */
async function hold(
  ctx: CliContext,
  action: 'hold' | 'unhold',
  reference: string,
  reason: string | undefined,
): Promise<number> {
  if (action === 'hold' && (reason === undefined || reason.trim() === '')) {
    ctx.stderr(`Geef de reden van bewaren op: --reason "bezwaar loopt".\n\n${usage}`);
    return usageExit;
  }
  const store = servicesOf(ctx).makeStore(ctx);
  if (!(await store.getCase(reference))) {
    ctx.stderr(`Geen klacht met kenmerk ${reference} in ${store.description}.\n`);
    return usageExit;
  }
  const at = ctx.now().toISOString();
  await store.updateCase(
    reference,
    (current) => {
      const { hold: _earlier, ...rest } = current;
      return action === 'hold' ? { ...rest, hold: { reason: (reason ?? '').trim(), at, by: 'klachten-cli' } } : rest;
    },
    action === 'hold' ? 'bewaren' : 'bewaren opgeheven',
  );
  ctx.stdout(
    action === 'hold'
      ? `${reference} wordt bewaard: niets ervan wordt gewist tot "klachten cases unhold ${reference}".\n`
      : `${reference} wordt niet langer bewaard; de bewaartermijn geldt weer.\n`,
  );
  return 0;
}

function listText(cases: Case[], where: string): string {
  if (cases.length === 0) return `Nog geen klachten in ${where}.\n`;
  const rows = cases.map((c) =>
    [c.reference, c.status.padEnd(19), c.terms.received, `antwoord uiterlijk ${answerTerm(c)}`, line(c.category)].join(
      '  ',
    ),
  );
  return `${rows.join('\n')}\n\n${cases.length} klacht(en) in ${where}.\n`;
}

// One line per value: a line break in a one-line field (data from before the form refused them)
// shows as a visible escape, never as a line of its own under the real one.
const line = (value: string) => oneLineVisible(value);

function showText(c: Case, people: readonly Person[]): string {
  const lines = [
    `Kenmerk:       ${c.reference}`,
    `Status:        ${c.status}`,
    `Ontvangen:     ${c.receivedAt}`,
    `Bevestigen:    uiterlijk ${c.terms.confirmBy}`,
    `Antwoord:      uiterlijk ${c.extended ? c.terms.extendedAnswerBy : c.terms.answerBy}${c.extended ? ' (verdaagd)' : ''}`,
    `Behandelaar:   ${c.handler === undefined ? '-' : line(findPerson(people, c.handler)?.name ?? c.handler)}`,
    ...(c.outcome === undefined ? [] : [`Uitkomst:      ${c.outcome}`]),
    ...(c.earlierReference === undefined ? [] : [`Eerdere klacht: ${line(c.earlierReference)}`]),
    ...(c.hold === undefined ? [] : [`Bewaren:       sinds ${c.hold.at} (${line(c.hold.reason)})`]),
    `Rol:           ${c.role}`,
    `Categorie:     ${line(c.category)}`,
    `Naam:          ${line(c.name)}`,
    `E-mail:        ${line(c.email)}`,
    `Telefoon:      ${c.phone === undefined ? '-' : line(c.phone)}`,
    `Adres:         ${line(c.address)}`,
    `Betreft:       ${c.concerns === undefined ? '-' : line(c.concerns)}`,
    `Eerder geklaagd: ${c.earlier}${c.whatIsNew ? ` — nieuw: ${line(c.whatIsNew)}` : ''}`,
    '',
    'Klacht:',
    c.complaint,
    '',
    'Verwachting:',
    c.expectation,
    ...(c.additions === undefined || c.additions.length === 0
      ? []
      : [
          '',
          'Aanvullingen van de klager:',
          ...c.additions.flatMap((addition) => [
            `  ${addition.at}${addition.via === 'e-mail' ? ' (per e-mail)' : ''}`,
            addition.text,
          ]),
        ]),
    ...(c.questions?.length
      ? [
          '',
          'Vragen aan de klager:',
          ...c.questions.flatMap((q) => [
            `  ${q.id}  ${q.at}  ${line(q.by ?? '')}${q.remindedAt ? '  (herinnerd)' : ''}`,
            q.text,
            ...(q.answer === undefined ? ['  (nog geen antwoord)'] : [`  antwoord ${q.answer.at}:`, q.answer.text]),
          ]),
        ]
      : []),
    ...(c.answers?.length
      ? [
          '',
          'Antwoord (zoals verstuurd):',
          ...c.answers.flatMap((a) => [
            `  ${a.at}  ${line(a.by ?? '')}`,
            a.text,
            ...(a.report ? ['  Verslag:', a.report] : []),
          ]),
        ]
      : []),
    ...(c.answerDraft ? ['', `Antwoord klaargezet (nog niet verstuurd, ${c.answerDraft.at}).`] : []),
    '',
    // The files by our names (in the Git folder under bijlagen/<reference>/), the sender's name as text.
    ...(c.attachments?.length
      ? [
          'Bijlagen:',
          ...c.attachments.map(
            (file) => `  ${file.name}  ${formatSize(file.size, 'nl')}  ${file.addedAt}  (${file.originalName})`,
          ),
          '',
        ]
      : []),
    'Verloop:',
    ...c.events.map((event) => `  ${event.at}  ${event.status.padEnd(19)} ${line(event.by ?? '')}`.trimEnd()),
    ...c.notices.map((notice) => `  ${notice.at}  melding ${notice.key}`),
  ];
  return `${lines.join('\n')}\n`;
}
