/**
 * The mail budget (`cases/mail/mail-budget.ts`) counted in the queue's storage, so every instance
 * of the site — ten serverless functions, several Node processes, `klachten sync` — shares one
 * budget, as they share the limit per client address: the counts are that limiter's notes
 * (`meta:rate:<hmac>`, `rate-limiter.ts`), kept apart from its counts by their own purpose labels
 * (`mail-address`, `mail-links`) and pruned by the queue like them. The folded address is held only
 * as an HMAC under a key derived from `KLACHTEN_TOKEN_SECRET` for that purpose alone.
 */
import type { Log } from '../log.ts';
import { makeMailBudget, mailBudget, type MailBudget } from '../mail/mail-budget.ts';
import type { IntakeQueue } from './port.ts';
import { makeQueueRateLimiter } from './rate-limiter.ts';

/**
 * The budget on the queue's storage.
 *
 * @example
 * const budget = makeQueueMailBudget(queue, { secret: process.env.KLACHTEN_TOKEN_SECRET!, log });
 */
export function makeQueueMailBudget(queue: IntakeQueue, options: { secret: string; log: Log }): MailBudget {
  const count = (limit: number, counts: string) =>
    makeQueueRateLimiter(queue, {
      limit,
      windowMs: mailBudget.windowMs,
      secret: options.secret,
      log: options.log,
      counts,
    });
  return makeMailBudget({
    addresses: count(mailBudget.perAddress, 'mail-address'),
    linksPerCase: count(mailBudget.linksPerCase, 'mail-links'),
  });
}
