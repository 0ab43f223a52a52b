import { dueMessages } from '../../cases/mail/due-messages.ts';
import { dueQuestionMails } from '../../cases/answer/questions.ts';
import { makeCalendar } from '../../cases/calendar.ts';
import { receiptDate } from '../../cases/terms.ts';
import { messageNames, type MessageKind } from '../../cases/mail/message-kinds.ts';
import type { CaseStore } from '../../cases/store.ts';
import type { CliContext } from '../cli-context.ts';
import { servicesOf, withServices } from '../services.ts';
import { runMove } from './case-moves.ts';
import { deliverMail } from './mail-delivery.ts';
import { parseSettings } from '../../cases/settings.ts';

/**
 * After a move on one case: sends what the move made due (a confirmation, an extension notice,
 * the answer and the satisfaction question, or the notice that a repeat complaint is not taken
 * up). Never fails the move: a failure is printed, stays on the case and goes with the next run.
 *
 * @example
 * await deliverCaseMail(ctx, store, 'K-2026-7QF3M9') // prints "K-2026-7QF3M9: bericht … verstuurd."
 */
export async function deliverCaseMail(ctx: CliContext, store: CaseStore, reference: string): Promise<void> {
  try {
    const record = await store.getCase(reference);
    // Nothing due: touch nothing (no mailer, no secret file).
    if (record === undefined) return;
    const today = receiptDate(ctx.now().toISOString(), ctx.config.terms.timeZone);
    const questions = dueQuestionMails(record, today, makeCalendar(ctx.config.terms), ctx.config.terms.timeZone);
    if (dueMessages(record, ctx.now()).length === 0 && questions.length === 0) return;
    const { report } = await deliverMail(ctx, store, { references: [reference] });
    for (const outcome of report.outcomes) {
      if (outcome.result === 'sent') ctx.stdout(`${reference}: bericht "${messageNames[outcome.kind]}" verstuurd.\n`);
      if (outcome.result === 'failed') ctx.stderr(failedLine(reference, outcome.kind, outcome.error ?? '?'));
    }
  } catch (error) {
    ctx.stderr(
      `${reference}: de berichten zijn niet verstuurd (${error instanceof Error ? error.message : String(error)}); ` +
        'de dagelijkse run probeert het opnieuw.\n',
    );
  }
}

/**
 * A move command (`klachten cases confirm …`) followed by the mail it makes due, so the
 * confirmation leaves the moment the coordinator confirms, and on GitHub by the workload.
 *
 * @example
 * await runMoveWithMail(ctx) // ctx.argv: ['confirm', 'K-2026-7QF3M9', '--handler', 'jan'] → 0
 */
export async function runMoveWithMail(ctx: CliContext): Promise<number> {
  // One store for the move and its mail, as one command run has always had.
  const store = servicesOf(ctx).makeStore(ctx);
  const code = await runMove(withServices(ctx, { makeStore: () => store }));
  const reference = ctx.argv[1]?.toUpperCase();
  if (code === 0 && reference !== undefined) {
    await deliverCaseMail(ctx, store, reference);
    // On GitHub the pinned workload follows every move (its GitHub code loaded only there).
    if (parseSettings(ctx.env, ctx.cwd).store === 'github') {
      const { refreshAndTell } = await import('./workload-refresh.ts');
      await refreshAndTell(ctx, store);
    }
  }
  return code;
}

function failedLine(reference: string, kind: MessageKind, error: string): string {
  return `${reference}: bericht "${messageNames[kind]}" niet verstuurd (${error}); de volgende run probeert het opnieuw.\n`;
}
