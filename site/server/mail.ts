// The site's side of the mail: one mailer per server process, and delivery in the background, so
// a slow or unreachable mail server never holds up (or fails) the page the complainant waits for.
import { errorCode } from '../../cases/errors.ts';
import type { AttemptOwners } from '../../cases/mail/attempts.ts';
import { deliverDueMessages, type DeliveryReport } from '../../cases/mail/deliver.ts';
import type { ReceiptLedger } from '../../cases/mail/receipt-cap.ts';
import { loadTokenSecret } from '../../cases/mail/secret.ts';
import { defaultTemplatesDir, loadTemplates } from '../../cases/mail/template-files.ts';
import { makeMailerFromEnv, type Mailer } from '../../cases/mail/transport.ts';
import type { DrainMail } from '../../cases/queue/drain-mail.ts';
import config from '../../klachten.config.ts';
import { getMailBudget, getQueueSetup, getStore, log } from './context.ts';

let mailer: Mailer | undefined;
let secret: Promise<string | undefined> | undefined;

/**
 * The secret that signs satisfaction links (`KLACHTEN_TOKEN_SECRET`, or the Git folder's own),
 * read once per process; a failure is retried on the next call.
 *
 * @example
 * const secret = await tokenSecret(); // undefined when none is configured
 */
export function tokenSecret(): Promise<string | undefined> {
  secret ??= loadTokenSecret(process.env, process.cwd()).catch((error: unknown) => {
    secret = undefined;
    throw error;
  });
  return secret;
}

/**
 * Sends what is due for one case (the receipt after intake, the coordinators' notice after a
 * "no"), without waiting and without ever throwing: a failure is recorded on the case and logged
 * by code; the next drain (with the queue) or the daily run sends it later.
 *
 * @example
 * deliverInBackground(filed.case.reference);
 */
export function deliverInBackground(reference: string): Promise<void> {
  // The promise never rejects; the intake chains the drainer's kick to it (site/server/drain.ts).
  return deliver(reference).then(
    () => undefined,
    (error: unknown) => {
      log('mail.unavailable', { reference, error: errorCode(error) });
    },
  );
}

/**
 * With the queue: the receipt cap counts from the queue, not from a GitHub listing per receipt,
 * and every attempt is made under this process's lease (`cases/queue/owner-leases.ts`).
 */
function queueParts(): { receiptLedger?: ReceiptLedger; owners?: AttemptOwners } {
  const setup = getQueueSetup();
  return setup ? { receiptLedger: setup.receiptLedger, owners: setup.owners } : {};
}

/**
 * How the drainer of this process sends what is due for the entries it touches (the receipt a
 * killed predecessor left unsent above all); rejects when there is no mail server to send with.
 *
 * @example
 * await getQueueSetup()?.drain({ mail: drainMail });
 */
export const drainMail: DrainMail = { deliver: (reference) => deliver(reference) };

/**
 * Sends what is due for one case and waits: for the intake's receipt (through
 * {@link deliverInBackground}), a withdrawal's confirmation and the drainer, within the mail budget.
 */
async function deliver(reference: string): Promise<DeliveryReport> {
  mailer ??= makeMailerFromEnv(process.env, process.cwd());
  return deliverDueMessages(
    getStore(),
    mailer,
    {
      config,
      templates: await loadTemplates(defaultTemplatesDir(process.cwd())),
      tokenSecret: await tokenSecret().catch(() => undefined),
      now: () => new Date(),
      log,
      ...queueParts(),
      // The receipt and the withdrawal's confirmation are the public's to trigger: budgeted.
      mailBudget: getMailBudget(),
    },
    { references: [reference] },
  );
}
