// The site's side of the mail: one mailer per server process, and delivery in the background, so
// a slow or unreachable mail server never holds up (or fails) the page the complainant waits for.
import { errorCode } from '../../cases/errors.ts';
import { deliverDueMessages } from '../../cases/mail/deliver.ts';
import type { ReceiptLedger } from '../../cases/mail/receipt-cap.ts';
import { loadTokenSecret } from '../../cases/mail/secret.ts';
import { defaultTemplatesDir, loadTemplates } from '../../cases/mail/template-files.ts';
import { makeMailerFromEnv, type Mailer } from '../../cases/mail/transport.ts';
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
 * by code, and the daily run sends it later.
 *
 * @example
 * deliverInBackground(filed.case.reference);
 */
export function deliverInBackground(reference: string): Promise<void> {
  // The promise never rejects; the intake chains the drainer's kick to it (site/server/drain.ts).
  return deliver(reference).catch((error: unknown) => {
    const code = errorCode(error);
    log('mail.unavailable', { reference, error: code });
  });
}

function queueLedger(): { receiptLedger?: ReceiptLedger } {
  const setup = getQueueSetup();
  return setup ? { receiptLedger: setup.receiptLedger } : {};
}

/**
 * Sends what is due for one case and waits: for the intake's receipt (through
 * {@link deliverInBackground}) and a withdrawal's confirmation, both within the mail budget.
 */

async function deliver(reference: string): Promise<void> {
  mailer ??= makeMailerFromEnv(process.env, process.cwd());
  await deliverDueMessages(
    getStore(),
    mailer,
    {
      config,
      templates: await loadTemplates(defaultTemplatesDir(process.cwd())),
      tokenSecret: await tokenSecret().catch(() => undefined),
      now: () => new Date(),
      log,
      // Queued cases: the receipt cap counts from the queue, not from a GitHub listing per receipt.
      ...queueLedger(),
      // The receipt and the withdrawal's confirmation are the public's to trigger: budgeted.
      mailBudget: getMailBudget(),
    },
    { references: [reference] },
  );
}
