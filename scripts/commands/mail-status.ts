import type { Case } from '../../cases/case.ts';
import { dueMessages } from '../../cases/mail/due-messages.ts';
import { messageKinds, messageNames, type MessageKind } from '../../cases/mail/message-kinds.ts';

/** One message that has not gone out (yet). */
export interface StatusRow {
  reference: string;
  kind: MessageKind;
  state: 'klaar' | 'mislukt' | 'bezig' | 'opgegeven';
  attempts: number;
  lastError?: string;
  since?: string;
}

/**
 * The messages that have not gone out: due now (never tried, or failed before), in progress, or
 * given up after the retry window with a recorded failure.
 *
 * @example
 * statusRows(cases, new Date()) // [{ reference: 'K-2026-7QF3M9', kind: 'receipt', state: 'mislukt', attempts: 2, lastError: 'EMESSAGE 451' }]
 */
export function statusRows(cases: readonly Case[], now: Date): StatusRow[] {
  const rows: StatusRow[] = [];
  for (const record of cases) {
    const due = new Map(dueMessages(record, now).map((message) => [message.kind, message]));
    for (const kind of messageKinds) {
      const recorded = record.messages.find((message) => message.kind === kind && message.sentAt === undefined);
      const sent = record.messages.some((message) => message.kind === kind && message.sentAt !== undefined);
      if (sent) continue;
      const attempts = recorded?.attempts ?? 0;
      const error = recorded?.lastError === undefined ? {} : { lastError: recorded.lastError };
      if (due.has(kind)) {
        rows.push({ reference: record.reference, kind, state: attempts > 0 ? 'mislukt' : 'klaar', attempts, ...error });
      } else if (recorded?.attemptStartedAt !== undefined) {
        rows.push({
          reference: record.reference,
          kind,
          state: 'bezig',
          attempts,
          since: recorded.attemptStartedAt,
          ...error,
        });
      } else if (recorded !== undefined) {
        rows.push({ reference: record.reference, kind, state: 'opgegeven', attempts, ...error });
      }
    }
  }
  return rows;
}

const stateText: Readonly<Record<StatusRow['state'], string>> = {
  klaar: 'klaar om te versturen',
  mislukt: 'mislukt, gaat mee met de volgende run',
  bezig: 'wordt nu verstuurd (of de poging is onderbroken)',
  opgegeven: 'niet meer verstuurd: te lang geleden of niet meer van toepassing',
};

/**
 * The rows of `statusRows` as lines for a person: reference, message, state and the last error.
 *
 * @example
 * statusText([]) // 'Alle berichten zijn verstuurd.\n'
 */
export function statusText(rows: readonly StatusRow[]): string {
  if (rows.length === 0) return 'Alle berichten zijn verstuurd.\n';
  const lines = rows.map((row) => {
    const extra = [
      row.attempts > 0 ? `${row.attempts} ${row.attempts === 1 ? 'poging' : 'pogingen'}` : '',
      row.lastError === undefined ? '' : `laatste fout: ${row.lastError}`,
      row.since === undefined ? '' : `sinds ${row.since}`,
    ].filter(Boolean);
    return `${row.reference}  ${messageNames[row.kind].padEnd(46)}${stateText[row.state]}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
  });
  return `${lines.join('\n')}\n`;
}
