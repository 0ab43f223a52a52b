/**
 * The outbox folder (`$KLACHTEN_DATA_DIR/outbox`, see cases/mail/transport.ts) quotes the case in
 * every message: its files go after the configured days, and at once with an erased case.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The name of an outbox file: `<yyyymmddThhmmssZ>-<reference>-<kind>.eml`. */
const outboxName = /^(\d{4})(\d{2})(\d{2})T\d{6}Z-(K-\d{4}-[0-9A-Z-]+?)-[a-z-]+\.eml$/;

/**
 * The outbox files that are due: older than `days` before `today` (no `days`: none by age), or of
 * one of `references`.
 *
 * @example
 * await dueOutboxFiles('.data/outbox', '2027-03-01', 30, new Set(['K-2024-7QF3M9'])) // ['20240101T…-K-2024-7QF3M9-receipt.eml']
 */
export async function dueOutboxFiles(
  dir: string,
  today: string,
  days: number | undefined,
  references: ReadonlySet<string>,
): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const limit =
    days === undefined ? '' : new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return names.filter((name) => {
    const match = outboxName.exec(name);
    if (!match) return false;
    const [, year, month, day, reference = ''] = match;
    return `${year}-${month}-${day}` < limit || references.has(reference);
  });
}

/**
 * Deletes these outbox files.
 *
 * @example
 * await removeOutboxFiles('.data/outbox', names);
 */
export async function removeOutboxFiles(dir: string, names: readonly string[]): Promise<void> {
  for (const name of names) await rm(join(dir, name), { force: true });
}
