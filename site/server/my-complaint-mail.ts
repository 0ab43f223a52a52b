// The two messages the complainant's page sends at once, in answer to a request made there: the
// receipt of added information and a fresh personal link. They are not part of the case's state
// (cases/mail/due-messages.ts never makes them due): sent once, in the background, and a failure
// is logged by code; the page has already said what it did, and a lost link can be asked again.
//
// Both count against the mail budget (cases/mail/mail-budget.ts): over it, nothing is sent and
// only the log says so, by reference. A link mail first revokes every earlier link of the case
// (a higher link generation on the case, cases/complainant-token.ts), then carries the new one.
import type { Case } from '../../cases/case.ts';
import { revokeLinks } from '../../cases/complainant-token.ts';
import { errorTag } from '../../cases/errors.ts';
import { composeMessage } from '../../cases/mail/compose-message.ts';
import { defaultTemplatesDir, loadTemplates } from '../../cases/mail/template-files.ts';
import { mailErrorCode, makeMailerFromEnv, type Mailer } from '../../cases/mail/transport.ts';
import config from '../../klachten.config.ts';
import { getMailBudget, getStore, log } from './context.ts';

let mailer: Mailer | undefined;

/**
 * Sends the `addition` or `link` message for a case without waiting and without ever throwing.
 * The Message-ID gets a serial of its own, so a second addition is not taken for a copy of the first.
 *
 * @example
 * sendPageMessage('addition', updated, secret, new Date());
 */
export function sendPageMessage(kind: 'addition' | 'link', record: Case, secret: string, now: Date): void {
  void send(kind, record, secret, now).catch((error: unknown) => {
    log('my-complaint.mail-failed', {
      reference: record.reference,
      kind,
      error: errorTag(error) ?? mailErrorCode(error),
    });
  });
}

async function send(kind: 'addition' | 'link', record: Case, secret: string, now: Date): Promise<void> {
  const { reference } = record;
  const place = await getMailBudget().take({ to: record.email, reference, kind }, now);
  if (!place.ok) {
    log('mail.withheld', { reference, kind, reason: place.reason });
    return;
  }
  try {
    // The case as the store just handed it out: the write needs no second read (one call on GitHub).
    const target =
      kind === 'link'
        ? await getStore().updateCase(reference, (current) => revokeLinks(current), 'nieuwe persoonlijke link', {
            current: record,
            quiet: true,
          })
        : record;
    mailer ??= makeMailerFromEnv(process.env, process.cwd());
    const templates = await loadTemplates(defaultTemplatesDir(process.cwd()));
    const mail = composeMessage(kind, target, { config, templates, now, tokenSecret: secret });
    const serial = kind === 'addition' ? String(target.additions?.length ?? 0) : String(now.getTime());
    await mailer.send({ ...mail, messageId: mail.messageId.replace(`.${kind}@`, `.${kind}.${serial}@`) });
  } catch (error) {
    // Never tried again by itself: the place goes back, so asking again is not held against the box.
    await place.giveBack();
    throw error;
  }
  log('my-complaint.mail-sent', { reference, kind });
}
