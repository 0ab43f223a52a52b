/**
 * The mail budget: how many mails the public can make us send, whatever it does. The complaint
 * form, the lost-link form and the complainant's page are open to anyone, and each of them sends
 * mail: without a budget, anyone who knows an address can have the organisation mail it, again and
 * again, with text of their choosing. So:
 *
 * - at most {@link mailBudget.perAddress} such mails a day to one mailbox, the address folded as
 *   the providers deliver it (`normalise-address.ts`: case, `+tag`, Gmail's dots), over every kind
 *   the public can trigger ({@link publicMailKinds}: the receipt, a new link, the receipt of an
 *   addition, the confirmation of a withdrawal);
 * - at most {@link mailBudget.linksPerCase} link mails a day for one case, whichever addresses
 *   asked.
 *
 * A mail over the budget is not sent, and no one can tell: the page answers exactly as it does for
 * a mail that goes out (the form's page never depends on the mail), and the log names only the
 * reference. A refused receipt or withdrawal is recorded on the case (`withheld: mail-budget`), so
 * the coordinators see it; a refused link or addition receipt only in the log.
 *
 * The counts are a {@link RateLimiter} each (cases/rate-limit.ts): in memory per process where
 * the site runs on one server, in the queue's storage where there is one (`cases/queue/
 * mail-budget-ledger.ts`), shared by every instance like the limit per client address. A place is
 * taken before sending and given back only when the mail could not be sent and will not be tried
 * again (a link, an addition's receipt); a receipt that failed keeps its place for its retry.
 */
import { randomBytes } from 'node:crypto';
import { makeMemoryRateLimiter, type RateLimiter } from '../rate-limit.ts';
import type { MessageKind } from './message-kinds.ts';
import { normaliseAddress } from './normalise-address.ts';

/** The mails the public can make us send: in answer to a form, not to a coordinator's move. */
export const publicMailKinds = ['receipt', 'link', 'addition', 'withdrawn'] as const satisfies readonly MessageKind[];

/** One of {@link publicMailKinds}. */
export type PublicMailKind = (typeof publicMailKinds)[number];

/**
 * Whether a message is one the public can trigger, and so counts against the budget.
 *
 * @example
 * isPublicMailKind('receipt') // true
 * isPublicMailKind('confirmation') // false: a coordinator's move sends it
 */
export const isPublicMailKind = (kind: MessageKind): kind is PublicMailKind =>
  (publicMailKinds as readonly MessageKind[]).includes(kind);

/** The budget: per mailbox, and link mails per case, within a sliding day. */
export const mailBudget = { perAddress: 3, linksPerCase: 3, windowMs: 24 * 60 * 60 * 1000 } as const;

/** A mail that is about to be sent. */
export interface BudgetedMail {
  /** The address as it will be used; folded here for counting only. */
  to: string;
  reference: string;
  kind: PublicMailKind;
}

/** A place in the budget (give it back if the mail is not sent after all), or why there is none. */
export type BudgetAnswer = { ok: true; giveBack(): Promise<void> } | { ok: false; reason: 'address' | 'case' };

/** The port: takes a place for one mail, or refuses. */
export interface MailBudget {
  take(mail: BudgetedMail, now: Date): Promise<BudgetAnswer>;
}

/**
 * The budget on two counts: one per folded address, one of link mails per case.
 *
 * @example
 * const budget = makeMailBudget({ addresses: limiterA, linksPerCase: limiterB });
 * const place = await budget.take({ to: 'zoe+3@example.nl', reference, kind: 'receipt' }, new Date());
 * if (!place.ok) log('mail.withheld', { reference, kind: 'receipt', reason: place.reason });
 */
export function makeMailBudget(counts: { addresses: RateLimiter; linksPerCase: RateLimiter }): MailBudget {
  return {
    async take(mail, now) {
      const forCase = mail.kind === 'link' ? await counts.linksPerCase.take(mail.reference, now) : undefined;
      if (forCase !== undefined && !forCase.ok) return { ok: false, reason: 'case' };
      const forAddress = await counts.addresses.take(normaliseAddress(mail.to), now);
      if (!forAddress.ok) {
        await forCase?.giveBack();
        return { ok: false, reason: 'address' };
      }
      return {
        ok: true,
        async giveBack() {
          await forAddress.giveBack();
          await forCase?.giveBack();
        },
      };
    },
  };
}

/**
 * The budget of one process, counted in memory under keys made at random (like the memory limit
 * per client address): for the site on one server with the Git folder.
 *
 * @example
 * const budget = makeMemoryMailBudget();
 */
export function makeMemoryMailBudget(): MailBudget {
  const count = (limit: number) =>
    makeMemoryRateLimiter({ limit, windowMs: mailBudget.windowMs, secret: randomBytes(32) });
  return makeMailBudget({ addresses: count(mailBudget.perAddress), linksPerCase: count(mailBudget.linksPerCase) });
}
