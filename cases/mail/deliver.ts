/**
 * Sends the messages that are due and records each on its case, so that every message goes out
 * once: at intake, after a move, after a satisfaction answer and in the daily run, all through
 * this one function.
 *
 * Per message:
 *   1. claim it: `updateCase` checks, on the case as the store holds it now, that the message is
 *      still due and no one else is sending it, and records the attempt (`attempts + 1`,
 *      `attemptStartedAt`). A second process racing for the same message finds the claim and
 *      leaves it alone;
 *   2. compose and send it;
 *   3. record the end: `sentAt` and the address hash, or `lastError` (a code, no personal data).
 *
 * If a process dies between 2 and 3 the claim stays behind. The claim names its owner (`owners`,
 * `attempts.ts`): once the owner's lease ran out — by default 2 minutes after the attempt began,
 * unless the owner renews it because the send is still going — the next run sends again at once
 * (the mail server may or may not have taken the first one): at most once per run, with the
 * attempts visible on the case, and with the same Message-ID so a receiving server can drop the
 * copy. We prefer a rare duplicate to a message that silently never goes out. Without `owners`
 * (the Git folder) a claim is given up after `inFlightTimeoutMs`. See docs/mail.md.
 */
import type { Case } from '../case.ts';
import type { Config } from '../config.ts';
import { errorCode, errorTag } from '../errors.ts';
import { receivedAtIso } from '../intake.ts';
import { attemptsToAsk, attemptsUnderWay, type AttemptOwners } from './attempts.ts';
import { claimMessage, recordSent, stillRunning, withMessage, withoutAttempt } from './claim.ts';
import type { Log } from '../log.ts';
import type { CaseStore } from '../store.ts';
import { composeMessage, type OutgoingMail, type TemplateSet } from './compose-message.ts';
import { dueMessages } from './due-messages.ts';
import { deliverQuestionMails } from '../answer/question-mail.ts';
import { messageNames, type MessageKind } from './message-kinds.ts';
import { makeKeyedQueue } from '../keyed-queue.ts';
import { addressHash } from './message-record.ts';
import { isPublicMailKind, mailBudget, type MailBudget } from './mail-budget.ts';
import { makeCaseReceiptLedger, receiptCap, type ReceiptLedger } from './receipt-cap.ts';
import { mailErrorCode, type Mailer } from './transport.ts';

/** What delivery needs besides the store and the mailer. */
export interface DeliveryContext {
  config: Config;
  templates: TemplateSet;
  /** Signs satisfaction links; without it those messages fail (visibly) until it is set. */
  tokenSecret?: string | undefined;
  now: () => Date;
  /** Records what happened, without personal data. */
  log: Log;
  /**
   * Where receipts sent lately are counted, to send at most `receiptCap.max` to one address a day;
   * default: the store's own cases.
   */
  receiptLedger?: ReceiptLedger;
  /**
   * The budget of mails the public can trigger (receipt, withdrawal; `mail-budget.ts`), asked once
   * per message, before its first attempt: a retry keeps the place its first attempt took. Without
   * it only the receipt cap applies (the commands' runs, which send what an earlier run began).
   */
  mailBudget?: MailBudget;
  /**
   * The leases under which this process sends, and which tell whether another's attempt still
   * runs (`cases/queue/owner-leases.ts`); without them, an attempt waits the old time-out.
   */
  owners?: AttemptOwners;
}

export { withMessage } from './claim.ts';

/** What happened to one message in one run. */
export interface DeliveryOutcome {
  reference: string;
  kind: MessageKind;
  /** `withheld`: not sent on purpose (receipt cap, mail budget), recorded on the case. */
  result: 'sent' | 'failed' | 'skipped' | 'withheld';
  /** The code recorded on the case, when it failed. */
  error?: string;
  /** It was sent again after an attempt that never finished. */
  ambiguous?: boolean;
}

/** What a run did. */
export interface DeliveryReport {
  outcomes: DeliveryOutcome[];
  sent: number;
  failed: number;
  /** Messages left alone because another process's attempt on them is under way. */
  underWay: number;
}

/** Which cases to look at: all, or only these (the one just filed or moved). */
export interface DeliveryOptions {
  references?: readonly string[];
}

/**
 * Sends every due message of the chosen cases and records each; never throws for a failed send
 * (the failure is recorded and retried by the next run). Cases are done one after another, and a
 * case's messages in order; the first failure on a case ends that case for this run.
 *
 * @example
 * const report = await deliverDueMessages(store, mailer, { config, templates, tokenSecret, now: () => new Date(), log });
 * report.sent // 2
 */
export async function deliverDueMessages(
  store: CaseStore,
  mailer: Mailer,
  context: DeliveryContext,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const outcomes: DeliveryOutcome[] = [];
  const cases = await casesToLookAt(store, options);
  const ledger = context.receiptLedger ?? makeCaseReceiptLedger(store);
  let underWay = 0;
  for (const record of cases) {
    const now = context.now();
    const running = await stillRunning(context, attemptsToAsk(record));
    underWay += attemptsUnderWay(record, now, running).length;
    for (const due of dueMessages(record, now, running)) {
      const send = async () => {
        const refused = await refusedByMailBudget(context, record, due.kind);
        return refused === undefined
          ? deliverOne(store, mailer, context, record.reference, due.kind)
          : withhold(store, context, record.reference, due.kind, 'mail-budget', refused);
      };
      const outcome =
        due.kind === 'receipt'
          ? // Counting and sending one after the other per address: two receipts to one address
            // delivered at once would otherwise both count the same two and send a fourth.
            await receiptsInTurn([addressHash(record.email)], async () =>
              (await overReceiptCap(ledger, record, context.now()))
                ? withhold(store, context, record.reference, 'receipt', 'receipt-cap', 'receipt-cap')
                : send(),
            )
          : await send();
      outcomes.push(outcome);
      if (outcome.result === 'failed') break;
    }
    // The handler's questions and their one reminder go per question (cases/answer/question-mail.ts).
    outcomes.push(...(await deliverQuestionMails(store, mailer, context, record)));
  }
  return {
    outcomes,
    sent: outcomes.filter((outcome) => outcome.result === 'sent').length,
    failed: outcomes.filter((outcome) => outcome.result === 'failed').length,
    underWay,
  };
}

// Per process, like the Git folder's write queue: the site delivers each intake's receipt in the
// background, so receipts to one address can be under way together.
const receiptsInTurn = makeKeyedQueue();

async function overReceiptCap(ledger: ReceiptLedger, record: Case, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - receiptCap.windowMs);
  return (await ledger.countSentSince(addressHash(record.email), since, record.reference)) >= receiptCap.max;
}

/**
 * Why the mail budget refuses this message, if it does: only a message the public can trigger,
 * only before its first attempt (a retry keeps the place the first one took), only with a budget.
 */
async function refusedByMailBudget(
  context: DeliveryContext,
  record: Case,
  kind: MessageKind,
): Promise<'address' | 'case' | undefined> {
  if (context.mailBudget === undefined || !isPublicMailKind(kind)) return undefined;
  const unsent = record.messages.find((message) => message.kind === kind && message.sentAt === undefined);
  if ((unsent?.attempts ?? 0) > 0) return undefined;
  const place = await context.mailBudget.take({ to: record.email, reference: record.reference, kind }, context.now());
  return place.ok ? undefined : place.reason;
}

/** Why a message is withheld, as the coordinators read it on the case (Dutch, then English). */
const withheldComments: Record<'receipt-cap' | 'mail-budget', (name: string) => string> = {
  'receipt-cap': () =>
    `Ontvangstbevestiging **niet verstuurd**: dit e-mailadres kreeg al ${receiptCap.max} ontvangstbevestigingen ` +
    'in 24 uur (bescherming tegen misbruik van het formulier). De klacht is gewoon ontvangen; de bevestiging ' +
    'met de behandelaar gaat wel naar de klager. / Receipt withheld: this address already had ' +
    `${receiptCap.max} receipts within 24 hours.`,
  'mail-budget': (name) =>
    `Bericht "${name}" **niet verstuurd**: dit e-mailadres (ook in een andere schrijfwijze, zoals met +) kreeg ` +
    `al ${mailBudget.perAddress} berichten in 24 uur die iemand via de website kan laten versturen (bescherming ` +
    'tegen misbruik). De klacht zelf loopt gewoon door; berichten van de behandeling gaan wel naar de klager. / ' +
    `Message withheld: this mailbox already had ${mailBudget.perAddress} mails the public can trigger within 24 hours.`,
};

/** Records on the case that a message is not sent, and why, in a comment the coordinators see. */
async function withhold(
  store: CaseStore,
  context: DeliveryContext,
  reference: string,
  kind: MessageKind,
  reason: 'receipt-cap' | 'mail-budget',
  /** What the log says: the cap, or which count of the budget was full. */
  logged: 'receipt-cap' | 'address' | 'case',
): Promise<DeliveryOutcome> {
  const withheldAt = receivedAtIso(context.now(), context.config.terms.timeZone);
  try {
    await store.updateCase(
      reference,
      (current) => withMessage(current, kind, (message) => ({ ...message, withheld: reason, withheldAt })),
      `bericht "${messageNames[kind]}" niet verstuurd`,
      { comment: withheldComments[reason](messageNames[kind]) },
    );
  } catch (error) {
    const code = `store: ${errorCode(error)}`;
    context.log('mail.withhold-failed', { reference, error: code });
    return { reference, kind, result: 'failed', error: code };
  }
  // Logged by reference only: nothing of the address, nor which spelling of it.
  context.log('mail.withheld', { reference, kind, reason: logged });
  return { reference, kind, result: 'withheld' };
}

async function casesToLookAt(store: CaseStore, options: DeliveryOptions): Promise<Case[]> {
  if (options.references === undefined) return store.listCases();
  const found = await Promise.all(options.references.map((reference) => store.getCase(reference)));
  return found.filter((record): record is Case => record !== undefined);
}

async function deliverOne(
  store: CaseStore,
  mailer: Mailer,
  context: DeliveryContext,
  reference: string,
  kind: MessageKind,
): Promise<DeliveryOutcome> {
  const { log } = context;
  // This process's lease covers the attempt from the claim until its end is recorded.
  const lease = context.owners?.begin(reference, kind);
  try {
    const claim = await claimMessage(store, context, reference, kind, lease);
    if (claim.kind === 'skipped') return { reference, kind, result: 'skipped' };
    if (claim.kind === 'failed') {
      log('mail.claim-failed', { reference, kind, error: claim.error });
      return { reference, kind, result: 'failed', error: claim.error };
    }
    return await sendClaimed(store, mailer, context, claim.record, kind, claim.ambiguous, lease);
  } finally {
    lease?.end();
  }
}

/** Steps 2 and 3: compose and send the claimed message, then record how it ended. */
async function sendClaimed(
  store: CaseStore,
  mailer: Mailer,
  context: DeliveryContext,
  claimed: Case,
  kind: MessageKind,
  ambiguous: boolean,
  lease: { remainingMs(): number } | undefined,
): Promise<DeliveryOutcome> {
  const { config, log } = context;
  const reference = claimed.reference;
  const iso = (moment: Date) => receivedAtIso(moment, config.terms.timeZone);
  const name = messageNames[kind];
  if (ambiguous) log('mail.resending-unfinished', { reference, kind });

  let failure: string | undefined;
  let detail: string | undefined;
  let to = '';
  let composed: OutgoingMail | undefined;
  try {
    composed = composeMessage(kind, claimed, {
      config,
      templates: context.templates,
      now: context.now(),
      tokenSecret: context.tokenSecret,
    });
  } catch (error) {
    // A message that could not be made says why in its tag (`unknown-handler` …); a template
    // mistake says `compose-failed`.
    failure = errorTag(error) ?? 'compose-failed';
  }
  if (composed !== undefined) {
    try {
      to = composed.to;
      await mailer.send(composed);
    } catch (error) {
      // A failed send names its cause (`smtp-refused` …), with the mail server's own code as the detail.
      failure = errorTag(error) ?? mailErrorCode(error);
      const given = (error as { detail?: unknown }).detail;
      if (typeof given === 'string') detail = given;
    }
  }

  try {
    if (failure === undefined) {
      const sentAt = iso(context.now());
      await recordSent(lease, () =>
        store.updateCase(
          reference,
          (current) =>
            withMessage(current, kind, (message) => ({ ...withoutAttempt(message), sentAt, toHash: addressHash(to) })),
          `bericht "${name}" verstuurd`,
        ),
      );
      log('mail.sent', {
        reference,
        kind,
        attempts: claimed.messages.find((m) => m.kind === kind && !m.sentAt)?.attempts ?? 1,
      });
      return { reference, kind, result: 'sent', ...(ambiguous ? { ambiguous } : {}) };
    }
    const lastError = failure;
    await store.updateCase(
      reference,
      (current) => withMessage(current, kind, (message) => ({ ...withoutAttempt(message), lastError })),
      `bericht "${name}" niet verstuurd (${lastError}); het wordt later opnieuw geprobeerd`,
    );
  } catch (error) {
    // The send is done but not recorded: the claim stays until its owner's lease runs out; see the
    // top of this file.
    log('mail.record-failed', { reference, kind, sent: failure === undefined, error: errorCode(error) });
    if (failure === undefined) return { reference, kind, result: 'sent', ...(ambiguous ? { ambiguous } : {}) };
  }
  log('mail.failed', { reference, kind, error: failure ?? 'unknown', ...(detail === undefined ? {} : { detail }) });
  return { reference, kind, result: 'failed', error: failure ?? 'unknown' };
}
