// The two messages the complainant's page sends at once, in answer to a request made there: the
// receipt of added information and a fresh personal link. They are not part of the case's state
// (cases/mail/due-messages.ts never makes them due): sent once, in the background, and a failure
// is logged by code; the page has already said what it did, and a lost link can be asked again.
import type { Case } from '../../cases/case.ts';
import { errorTag } from '../../cases/errors.ts';
import { composeMessage } from '../../cases/mail/compose-message.ts';
import { defaultTemplatesDir, loadTemplates } from '../../cases/mail/template-files.ts';
import { mailErrorCode, makeMailerFromEnv, type Mailer } from '../../cases/mail/transport.ts';
import config from '../../klachten.config.ts';
import { log } from './context.ts';

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
  mailer ??= makeMailerFromEnv(process.env, process.cwd());
  const templates = await loadTemplates(defaultTemplatesDir(process.cwd()));
  const mail = composeMessage(kind, record, { config, templates, now, tokenSecret: secret });
  const serial = kind === 'addition' ? String(record.additions?.length ?? 0) : String(now.getTime());
  await mailer.send({ ...mail, messageId: mail.messageId.replace(`.${kind}@`, `.${kind}.${serial}@`) });
  log('my-complaint.mail-sent', { reference: record.reference, kind });
}
