/**
 * One round over the inbox of the reply address: every message the round may look at is either
 * put on its case and moved to `Verwerkt`, or left in the inbox untouched (unread, unmoved) and
 * counted by why: written by a machine, matching no case, a wrong signature, another sender, a
 * case that is closed or gone, too large, empty. Nothing is ever sent from here, so no mail is
 * answered, by a person or a machine.
 *
 * Budgeted: the round reads the headers of at most `scanLimit` messages, looks up at most
 * `maxLookups` cases (each once a round) and reads at most `maxMessages` whole messages, each at
 * most `maxMessageBytes` (the fetch itself stops there). A failure leaves the message where it is for the next round,
 * which completes it exactly once (post-reply.ts); it is logged by its cause code, never with
 * anything the mail says. May touch: the inbox, the store, the log.
 */
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { prepareFiles, type PipelineContext } from '../attachments/pipeline.ts';
import { referencePattern, type Case } from '../case.ts';
import type { Config } from '../config.ts';
import { errorCode } from '../errors.ts';
import { isOpen } from '../lifecycle.ts';
import type { Log } from '../log.ts';
import type { CaseStore } from '../store.ts';
import { automaticCause } from './automatic.ts';
import type { Inbox, InboxHead } from './port.ts';
import { hasReply, mailIdOf, postReply } from './post-reply.ts';
import { cutQuotedHistory } from './quote-cut.ts';
import { readReplyAddress } from './reply-address.ts';

/** Why a message stays in the inbox. */
export type LeftCause =
  'automatic' | 'unmatched' | 'signature' | 'sender' | 'closed' | 'unknown-case' | 'too-large' | 'empty' | 'failed';

/** What the round may spend. */
export interface InboxBudget {
  /** Whole messages read and put on a case per round (20). */
  maxMessages: number;
  /**
   * Cases looked up per round (100), each once: a message that stays (a closed case) is looked
   * at again every round, so these are more than the messages read, and replies to stuck cases
   * cannot use up what new replies need.
   */
  maxLookups: number;
  /** Bytes per message: a larger one stays (25 MB). */
  maxMessageBytes: number;
  /** Messages whose headers one round reads (500). */
  scanLimit: number;
}

/** The budget when nothing else is set. */
export const defaultInboxBudget: InboxBudget = {
  maxMessages: 20,
  maxLookups: 100,
  maxMessageBytes: 25 * 1024 * 1024,
  scanLimit: 500,
};

const maxHeaderBytes = 64 * 1024;

/** What one round did. */
export interface InboxReport {
  /** Replies put on their case (or completed there) and moved to `Verwerkt`. */
  posted: number;
  /** Messages left in the inbox, by cause. */
  left: Partial<Record<LeftCause, number>>;
  /** Messages the round had no budget for; the next round sees them. */
  deferred: number;
}

/** What a round needs. */
export interface InboxRoundContext {
  inbox: Inbox;
  store: CaseStore;
  config: Config;
  /** The token secret: it signs the reply addresses. */
  secret: string;
  /** The reply address without sub-address (`mail.replyTo`, else the coordinators'). */
  replyMailbox: string;
  now: Date;
  log: Log;
  /** The attachment pipeline's limits and scanner. */
  files: Omit<PipelineContext, 'log' | 'reference'>;
  budget?: InboxBudget;
  /** Only count: post nothing, move nothing (`klachten inbox --status`). */
  dryRun?: boolean;
}

function addressesOf(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((object) => object.value.flatMap((entry) => (entry.address ? [entry.address] : [])));
}

/** The addresses a message was sent to, by every header a server may write them in. */
function recipientsOf(parsed: ParsedMail): string[] {
  const extra = parsed.headerLines
    .filter(({ key }) => ['delivered-to', 'x-original-to', 'envelope-to', 'x-delivered-to'].includes(key))
    .map(({ line }) =>
      line
        .slice(line.indexOf(':') + 1)
        .trim()
        .replace(/^<|>$/g, ''),
    );
  return [...addressesOf(parsed.to), ...addressesOf(parsed.cc), ...extra];
}

const subjectReference = new RegExp(referencePattern.source.slice(1, -1), 'i');

type Match = { ok: true; reference: string; signed: boolean } | { ok: false; cause: LeftCause };

function match(parsed: ParsedMail, context: InboxRoundContext): Match {
  const automatic = automaticCause(parsed.headerLines);
  if (automatic !== undefined) return { ok: false, cause: 'automatic' };
  const signed = readReplyAddress(recipientsOf(parsed), context.replyMailbox, context.secret);
  if (signed.kind === 'bad-signature') return { ok: false, cause: 'signature' };
  if (signed.kind === 'signed') return { ok: true, reference: signed.reference, signed: true };
  const found = subjectReference.exec(parsed.subject ?? '');
  if (!found) return { ok: false, cause: 'unmatched' };
  return { ok: true, reference: found[0].toUpperCase(), signed: false };
}

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Reads the inbox once.
 *
 * @example
 * const report = await runInboxRound({ inbox, store, config, secret, replyMailbox, now: new Date(), log, files });
 * report.posted // 1
 */
export async function runInboxRound(context: InboxRoundContext): Promise<InboxReport> {
  const budget = context.budget ?? defaultInboxBudget;
  const report: InboxReport = { posted: 0, left: {}, deferred: 0 };
  const leave = (cause: LeftCause) => {
    report.left[cause] = (report.left[cause] ?? 0) + 1;
  };
  const heads = await context.inbox.heads(budget.scanLimit, maxHeaderBytes);
  // Each case once a round: several messages for one case cost one lookup.
  const cases = new Map<string, Case | undefined>();
  let lookups = 0;
  let read = 0;
  for (const head of heads) {
    const parsedHead = await simpleParser(Buffer.concat([Buffer.from(head.header), Buffer.from('\r\n')]));
    const matched = match(parsedHead, context);
    if (!matched.ok) {
      leave(matched.cause);
      continue;
    }
    const { reference } = matched;
    try {
      if (!cases.has(reference)) {
        if (lookups >= budget.maxLookups) {
          report.deferred += 1;
          continue;
        }
        lookups += 1;
        cases.set(reference, await context.store.getCase(reference));
      }
      const verdict = check(head, parsedHead, matched, cases.get(reference), budget);
      if (verdict.kind === 'left') {
        leave(verdict.cause);
        continue;
      }
      if (verdict.kind === 'reconcile') {
        // Already on the case (a round stopped between posting and moving): only the move is left.
        if (!context.dryRun) await context.inbox.markProcessed(head.uid);
        context.log('inbox.reconciled', { reference });
        report.posted += 1;
        continue;
      }
      if (read >= budget.maxMessages) {
        report.deferred += 1;
        continue;
      }
      read += 1;
      const outcome = context.dryRun ? 'posted' : await handle(head, verdict.record, reference, context, budget);
      if (outcome === 'posted') {
        report.posted += 1;
        cases.delete(reference);
      } else leave(outcome);
    } catch (error) {
      context.log('inbox.reply-failed', { error: errorCode(error), reference });
      cases.delete(reference);
      leave('failed');
    }
  }
  context.log('inbox.round', {
    posted: report.posted,
    deferred: report.deferred,
    left: Object.values(report.left).reduce((a, b) => a + b, 0),
  });
  return report;
}

type Verdict = { kind: 'left'; cause: LeftCause } | { kind: 'reconcile' } | { kind: 'post'; record: Case };

/** What to do with a message, from its headers and its case alone. */
function check(
  head: InboxHead,
  parsedHead: ParsedMail,
  matched: { reference: string; signed: boolean },
  record: Case | undefined,
  budget: InboxBudget,
): Verdict {
  if (record === undefined) return { kind: 'left', cause: 'unknown-case' };
  // By subject alone, only the complainant's own address puts a reply on the case.
  const from = addressesOf(parsedHead.from)[0] ?? '';
  if (!matched.signed && !sameAddress(from, record.email)) return { kind: 'left', cause: 'sender' };
  if (head.size > budget.maxMessageBytes) return { kind: 'left', cause: 'too-large' };
  const messageId = parsedHead.messageId;
  if (messageId !== undefined && hasReply(record, mailIdOf(messageId, new Uint8Array()))) return { kind: 'reconcile' };
  if (!isOpen(record)) return { kind: 'left', cause: 'closed' };
  return { kind: 'post', record };
}

/** Reads the whole message and puts it on its case; then moves it to `Verwerkt`. */
async function handle(
  head: InboxHead,
  record: Case,
  reference: string,
  context: InboxRoundContext,
  budget: InboxBudget,
): Promise<'posted' | LeftCause> {
  const source = await context.inbox.source(head.uid, budget.maxMessageBytes);
  if (source === undefined) return 'too-large';
  const parsed = await simpleParser(Buffer.from(source), { skipImageLinks: true, skipTextToHtml: true });
  const mailId = mailIdOf(parsed.messageId, source);
  const text = cutQuotedHistory(parsed.text ?? '');
  const incoming = parsed.attachments
    .filter((attachment) => !attachment.related)
    .map((attachment) => ({
      originalName: attachment.filename ?? 'bijlage',
      bytes: new Uint8Array(attachment.content),
    }));
  const results = await prepareFiles(
    incoming,
    { ...context.files, log: context.log, reference },
    context.config.attachments.maxFilesPerPost,
  );
  const files = results.flatMap((result) => (result.ok ? [result.file] : []));
  const refused = results.flatMap((result) => (result.ok ? [] : [result.refusal.code]));
  if (text === '' && files.length === 0) return 'empty';
  const posted = await postReply(
    context.store,
    context.config,
    { reference, mailId, text, files, refused },
    context.now,
    record,
  );
  await context.inbox.markProcessed(head.uid);
  context.log('inbox.posted', { reference, files: posted.files, refused: refused.length });
  return 'posted';
}
