import { deliverDueMessages, type DeliveryOptions, type DeliveryReport } from '../../cases/mail/deliver.ts';
import type { CaseStore } from '../../cases/store.ts';
import type { CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { stderrLog } from '../stderr-log.ts';

/**
 * Sends the messages that are due on `store` (all cases, or those `options.references` names)
 * through a mailer made for this run and closed after it. Sent and failed messages are in the
 * report, for the caller to tell in its own words; other events go to stderr as JSON lines.
 *
 * @example
 * const { report, where } = await deliverMail(ctx, store, { references: ['K-2026-7QF3M9'] });
 */
export async function deliverMail(
  ctx: CliContext,
  store: CaseStore,
  options: DeliveryOptions = {},
): Promise<{ report: DeliveryReport; where: string }> {
  const services = servicesOf(ctx);
  const mailer = services.makeMailer(ctx);
  try {
    const report = await deliverDueMessages(
      store,
      mailer,
      {
        config: ctx.config,
        templates: await services.loadTemplates(ctx),
        tokenSecret: await services.loadTokenSecret(ctx),
        now: ctx.now,
        log: stderrLog(ctx, ['mail.sent', 'mail.failed']),
      },
      options,
    );
    return { report, where: mailer.description };
  } finally {
    mailer.close();
  }
}
