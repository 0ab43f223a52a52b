/**
 * Nobody is left unaware: when any entry has waited for GitHub longer than 30 minutes, or an entry
 * was set aside, the coordinators get one mail — at most one an hour — with references and counts
 * only (no name, no complaint: the mail may be read on any phone). The moment of the last alert
 * is kept in the queue (`meta:alert`), so two drainers do not both send it.
 */
import type { Config } from '../config.ts';
import type { Log } from '../log.ts';
import { mailSettings, type OutgoingMail } from '../mail/compose-message.ts';
import type { Mailer } from '../mail/transport.ts';
import type { IntakeQueue } from './port.ts';

/** After this long unfiled an entry is stale: the alert, and `klachten sync` exits non-zero. */
export const staleAfterMs = 30 * 60_000;
/** The least time between two alerts. */
export const alertEveryMs = 60 * 60_000;

/** What is overdue in the queue. */
export interface Overdue {
  /** Queued longer than {@link staleAfterMs}, oldest first. */
  stale: string[];
  aside: string[];
}

/**
 * What in the queue a person should know about.
 *
 * @example
 * await overdue(queue, new Date()) // { stale: ['K-2026-7QF3M9'], aside: [] }
 */
export async function overdue(queue: IntakeQueue, now: Date): Promise<Overdue> {
  const { entries, corrupt } = await queue.list();
  const stale = entries
    .filter((entry) => entry.state === 'queued' && now.getTime() - Date.parse(entry.queuedAt) > staleAfterMs)
    .map((entry) => entry.reference);
  return { stale, aside: [...new Set([...(await queue.listAside()), ...corrupt])].sort() };
}

/**
 * The alert mail, Dutch first then English: references and counts only.
 *
 * @example
 * alertMail({ stale: ['K-2026-7QF3M9'], aside: [] }, config, new Date()).subject // 'Klachtenloket: 1 klacht(en) wachten op GitHub'
 */
export function alertMail(found: Overdue, config: Pick<Config, 'mail' | 'coordinators'>, now: Date): OutgoingMail {
  const { from, replyTo } = mailSettings(config);
  const list = (references: string[]) => references.map((reference) => `  - ${reference}`).join('\n');
  const text = [
    `${found.stale.length} klacht(en) staan langer dan 30 minuten in de wachtrij en zijn nog niet in GitHub gezet.`,
    found.aside.length > 0 ? `${found.aside.length} item(s) in de wachtrij zijn beschadigd en apart gezet.` : '',
    '',
    found.stale.length > 0 ? `Wachtend:\n${list(found.stale)}` : '',
    found.aside.length > 0 ? `Apart gezet (herstel met de hand, zie docs/github.md):\n${list(found.aside)}` : '',
    '',
    'Draai "klachten sync --status" om te zien hoe het ervoor staat, en "klachten sync" om de wachtrij te verwerken.',
    '',
    '---',
    `${found.stale.length} complaint(s) have waited in the queue for more than 30 minutes; ${found.aside.length} entr(y/ies) set aside as corrupt. Run "klachten sync --status".`,
  ]
    .filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
    .join('\n');
  return {
    reference: 'wachtrij',
    // Not a message of the procedure: the outbox names the file after it, nothing else reads it.
    kind: 'queue-alert' as OutgoingMail['kind'],
    to: config.coordinators.email,
    from,
    replyTo,
    subject: `Klachtenloket: ${found.stale.length} klacht(en) wachten op GitHub${found.aside.length > 0 ? `, ${found.aside.length} apart gezet` : ''}`,
    text,
    html: `<pre>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>`,
    messageId: `<wachtrij-${now.getTime()}@klachtenloket>`,
    date: now,
    language: 'nl',
    attachments: [],
  };
}

/** What `alertIfOverdue` needs. */
export interface AlertContext {
  queue: IntakeQueue;
  mailer: Mailer;
  config: Pick<Config, 'mail' | 'coordinators'>;
  now: Date;
  log: Log;
}

/**
 * Mails the coordinators when something is overdue and the last alert is an hour old.
 *
 * @example
 * const { sent } = await alertIfOverdue({ queue, mailer, config, now: new Date(), log });
 */
export async function alertIfOverdue(context: AlertContext): Promise<Overdue & { sent: boolean }> {
  const { queue, mailer, config, now, log } = context;
  const found = await overdue(queue, now);
  if (found.stale.length === 0 && found.aside.length === 0) return { ...found, sent: false };
  const last = (await queue.getMeta('alert')) as { sentAt?: string } | undefined;
  if (last?.sentAt !== undefined && now.getTime() - Date.parse(last.sentAt) < alertEveryMs) {
    return { ...found, sent: false };
  }
  // Noted before sending: a crash then costs one alert, never a mail every minute.
  await queue.setMeta('alert', { sentAt: now.toISOString() });
  await mailer.send(alertMail(found, config, now));
  log('queue.alert-sent', { stale: found.stale.length, aside: found.aside.length });
  return { ...found, sent: true };
}
