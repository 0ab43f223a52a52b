// `klachten cases ask <kenmerk> --text "…" | --text-file vraag.md [--by <naam>]` (or `vraag`): a
// question of the handler's to the complainant, put on the case and mailed at once with the
// personal link; the answer comes back on the complainant's page, one reminder after 5 working days.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { askQuestion } from '../../cases/answer/questions.ts';
import { referencePattern } from '../../cases/case.ts';
import { receivedAtIso } from '../../cases/intake.ts';
import { parseCommandArgs, usageExit, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { refusedExit } from './case-moves.ts';
import { deliverCaseMail } from './case-mail.ts';

export const askUsage = `Een vraag aan de klager (per e-mail, met de persoonlijke link; het antwoord komt op de klacht):
  klachten cases ask <kenmerk> --text "<vraag>" | --text-file vraag.md [--by <naam>]   (vraag)
  De antwoordtermijn loopt door. Geen antwoord na 5 werkdagen: één herinnering (met klachten mail).
`;

/**
 * Runs `klachten cases ask`. Exit 0 when asked, 1 when the case takes no question (closed),
 * 2 for bad arguments or an unknown reference.
 *
 * @example
 * await runAsk(ctx) // ctx.argv: ['ask', 'K-2026-7QF3M9', '--text', 'Op welke verdieping woont u?'] → 0
 */
export async function runAsk(ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, askUsage, {
    allowPositionals: true,
    options: {
      text: { type: 'string' },
      'text-file': { type: 'string' },
      by: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const [, rawReference, ...rest] = parsed.positionals;
  const reference = rawReference?.toUpperCase() ?? '';
  const problem = (text: string) => {
    ctx.stderr(`${text}\n\n${askUsage}`);
    return usageExit;
  };
  if (!referencePattern.test(reference) || rest.length > 0)
    return problem('Geef het kenmerk van de klacht, zoals K-2026-7QF3M9.');
  const { text: inline, 'text-file': file } = parsed.values;
  if ((inline === undefined) === (file === undefined)) return problem('Geef de vraag met --text of met --text-file.');
  let text = inline ?? '';
  if (file !== undefined) {
    try {
      text = await readFile(resolve(ctx.cwd, file), 'utf8');
    } catch {
      return problem(`Het bestand ${file} kan niet worden gelezen.`);
    }
  }
  const store = servicesOf(ctx).makeStore(ctx);
  const record = await store.getCase(reference);
  if (record === undefined) {
    ctx.stderr(`Geen klacht met kenmerk ${reference} in ${store.description}.\n`);
    return usageExit;
  }
  const at = receivedAtIso(ctx.now(), ctx.config.terms.timeZone);
  const by = parsed.values.by?.trim() || 'klachten-cli';
  const first = askQuestion(record, text, at, by);
  if (!first.ok) {
    ctx.stderr(`${reference}: ${first.reason}\n`);
    return first.reason.includes('leeg') || first.reason.includes('lang') ? usageExit : refusedExit;
  }
  await store.updateCase(
    reference,
    (current) => {
      const asked = askQuestion(current, text, at, by);
      return asked.ok ? asked.case : current;
    },
    'vraag aan de klager',
    { current: record },
  );
  ctx.stdout(`${reference}: vraag ${first.question.id} gesteld.\n`);
  await deliverCaseMail(ctx, store, reference);
  return 0;
}
