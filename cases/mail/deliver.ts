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
 * If a process dies between 2 and 3 the claim stays behind. Once it is older than
 * `inFlightTimeoutMs` the next run sends again (the mail server may or may not have taken the
 * first one): at most once per run, with the attempts visible on the case, and with the same
 * Message-ID so a receiving server can drop the copy. We prefer that to a message that silently
 * never goes out. See docs/mail.md.
 */
import type { Case } from '../case.ts';
import type { Config } from '../config.ts';
import { errorTag } from '../errors.ts';
import { receivedAtIso } from '../intake.ts';
import type { Log } from '../log.ts';
import type { CaseStore } from '../store.ts';
import { composeMessage, type TemplateSet } from './compose-message.ts';
import { dueMessages } from './due-messages.ts';
import { messageNames, type MessageKind } from './message-kinds.ts';
import { makeKeyedQueue } from '../keyed-queue.ts';
import { addressHash, type MessageRecord } from './message-record.ts';
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
}

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
}

/** Which cases to look at: all, or only these (the one just filed or moved). */
export interface DeliveryOptions {
  references?: readonly string[];
}

/**
 * The case with the unsent record of `kind` changed by `change` (made when there is none yet).
 *
 * @example
 * withMessage(record, 'receipt', (m) => ({ ...m, attempts: m.attempts + 1 }))
 */
export function withMessage(record: Case, kind: MessageKind, change: (message: MessageRecord) => MessageRecord): Case {
  const index = record.messages.findIndex((message) => message.kind === kind && message.sentAt === undefined);
  const messages = [...record.messages];
  if (index === -1) messages.push(change({ kind, attempts: 0 }));
  else messages[index] = change(messages[index] as MessageRecord);
  return { ...record, messages };
}

function withoutAttempt(message: MessageRecord): MessageRecord {
  const { attemptStartedAt: _started, lastError: _error, ...rest } = message;
  return rest;
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
  for (const record of cases) {
    for (const due of dueMessages(record, context.now())) {
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
  }
  return {
    outcomes,
    sent: outcomes.filter((outcome) => outcome.result === 'sent').length,
    failed: outcomes.filter((outcome) => outcome.result === 'failed').length,
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
    const code = `store: ${mailErrorCode(error)}`;
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
  const { config, log } = context;
  const iso = (moment: Date) => receivedAtIso(moment, config.terms.timeZone);
  const name = messageNames[kind];
  const notDue = new Error('not due');
  let ambiguous = false;
  let claimed: Case;
  try {
    const at = context.now();
    claimed = await store.updateCase(
      reference,
      (current) => {
        const still = dueMessages(current, at).find((message) => message.kind === kind);
        if (still === undefined) throw notDue;
        ambiguous = still.ambiguous;
        return withMessage(current, kind, (message) => ({
          ...message,
          attempts: message.attempts + 1,
          attemptStartedAt: iso(at),
        }));
      },
      `bericht "${name}" wordt verstuurd`,
      // Only the outcome ("verstuurd" or "niet verstuurd") is worth a comment on the issue.
      { quiet: true },
    );
  } catch (error) {
    if (error === notDue) return { reference, kind, result: 'skipped' };
    const code = `store: ${mailErrorCode(error)}`;
    log('mail.claim-failed', { reference, kind, error: code });
    return { reference, kind, result: 'failed', error: code };
  }
  if (ambiguous) log('mail.resending-unfinished', { reference, kind });

  let failure: string | undefined;
  let to = '';
  try {
    const mail = composeMessage(kind, claimed, {
      config,
      templates: context.templates,
      now: context.now(),
      tokenSecret: context.tokenSecret,
    });
    to = mail.to;
    await mailer.send(mail);
  } catch (error) {
    // A message that could not be composed says why in its tag; a failed send in the mailer's code.
    failure = errorTag(error) ?? mailErrorCode(error);
  }

  try {
    if (failure === undefined) {
      const sentAt = iso(context.now());
      await store.updateCase(
        reference,
        (current) =>
          withMessage(current, kind, (message) => ({ ...withoutAttempt(message), sentAt, toHash: addressHash(to) })),
        `bericht "${name}" verstuurd`,
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
      `bericht "${name}" niet verstuurd (${lastError}); volgende poging bij de dagelijkse run`,
    );
  } catch (error) {
    // The send is done but not recorded: the claim stays and times out; see the top of this file.
    log('mail.record-failed', { reference, kind, sent: failure === undefined, error: mailErrorCode(error) });
    if (failure === undefined) return { reference, kind, result: 'sent', ...(ambiguous ? { ambiguous } : {}) };
  }
  log('mail.failed', { reference, kind, error: failure ?? 'unknown' });
  return { reference, kind, result: 'failed', error: failure ?? 'unknown' };
}
