/**
 * Sends the question mails a case has due (`questions.ts`): the handler's question with the
 * personal link, and the one reminder. Each is marked on the question *before* it is sent and the
 * mark taken off again when sending fails, so a run that dies half-way sends it at most once: the
 * reminder is promised once, and a second copy of a question confuses more than a missing one
 * (the question stays on the page either way). Called by the mail delivery for every case it
 * looks at (cases/mail/deliver.ts), so `klachten mail`, its `--event` run and a move's mail all send them.
 */
import type { Case } from '../case.ts';
import type { Config } from '../config.ts';
import { makeCalendar } from '../calendar.ts';
import { errorCode, errorTag } from '../errors.ts';
import { receivedAtIso } from '../intake.ts';
import type { Log } from '../log.ts';
import { composeMessage, type TemplateSet } from '../mail/compose-message.ts';
import { mailErrorCode, type Mailer } from '../mail/transport.ts';
import type { CaseStore } from '../store.ts';
import { receiptDate } from '../terms.ts';
import { dueQuestionMails, type DueQuestionMail } from './questions.ts';

/** What sending needs besides the store and the mailer (a part of the mail delivery's context). */
export interface QuestionMailContext {
  config: Config;
  templates: TemplateSet;
  tokenSecret?: string | undefined;
  now: () => Date;
  log: Log;
}

/** What became of one question mail. */
export interface QuestionMailOutcome {
  reference: string;
  kind: DueQuestionMail['kind'];
  result: 'sent' | 'failed' | 'skipped';
  error?: string;
}

const field = (kind: DueQuestionMail['kind']) => (kind === 'question' ? 'mailedAt' : 'remindedAt');

function marked(record: Case, due: DueQuestionMail, at: string | undefined): Case {
  const questions = (record.questions ?? []).map((question) => {
    if (question.id !== due.id) return question;
    const { [field(due.kind)]: _old, ...rest } = question;
    return at === undefined ? rest : { ...rest, [field(due.kind)]: at };
  });
  return { ...record, questions };
}

/**
 * Sends every question mail due on this case now, one after another; never throws for a failed
 * send (the mark goes off, the next run tries again).
 *
 * @example
 * await deliverQuestionMails(store, mailer, context, record) // [{ reference, kind: 'question-reminder', result: 'sent' }]
 */
export async function deliverQuestionMails(
  store: CaseStore,
  mailer: Mailer,
  context: QuestionMailContext,
  record: Case,
): Promise<QuestionMailOutcome[]> {
  const { config, log } = context;
  const calendar = makeCalendar(config.terms);
  const now = context.now();
  const today = receiptDate(now.toISOString(), config.terms.timeZone);
  const outcomes: QuestionMailOutcome[] = [];
  for (const due of dueQuestionMails(record, today, calendar, config.terms.timeZone)) {
    const { reference } = record;
    const at = receivedAtIso(now, config.terms.timeZone);
    let claimed = false;
    let current: Case;
    try {
      current = await store.updateCase(
        reference,
        (latest) => {
          const still = dueQuestionMails(latest, today, calendar, config.terms.timeZone);
          claimed = still.some((other) => other.id === due.id && other.kind === due.kind);
          return claimed ? marked(latest, due, at) : latest;
        },
        due.kind === 'question' ? 'vraag aan de klager verstuurd' : 'herinnering aan een open vraag verstuurd',
        { quiet: true },
      );
    } catch (error) {
      log('mail.claim-failed', { reference, kind: due.kind, error: errorCode(error) });
      outcomes.push({ reference, kind: due.kind, result: 'failed', error: errorCode(error) });
      break;
    }
    if (!claimed) {
      outcomes.push({ reference, kind: due.kind, result: 'skipped' });
      continue;
    }
    try {
      const mail = composeMessage(due.kind, current, {
        config,
        templates: context.templates,
        now,
        tokenSecret: context.tokenSecret,
        question: due.id,
      });
      await mailer.send({ ...mail, messageId: mail.messageId.replace(`.${due.kind}@`, `.${due.kind}.${due.id}@`) });
      log('mail.sent', { reference, kind: due.kind });
      outcomes.push({ reference, kind: due.kind, result: 'sent' });
    } catch (error) {
      const code = errorTag(error) ?? mailErrorCode(error);
      log('mail.failed', { reference, kind: due.kind, error: code });
      outcomes.push({ reference, kind: due.kind, result: 'failed', error: code });
      await store
        .updateCase(reference, (latest) => marked(latest, due, undefined), 'vraag niet verstuurd; later opnieuw', {
          quiet: true,
        })
        .catch((undo: unknown) => log('mail.record-failed', { reference, kind: due.kind, error: errorCode(undo) }));
      break;
    }
  }
  return outcomes;
}
