import type { Log } from '../cases/log.ts';
import type { CliContext } from './cli-context.ts';

/**
 * A log that writes each event as one JSON line on the command's stderr, except the events in
 * `skip` (those the command reports in its own words). Events carry codes and references only.
 *
 * @example
 * const log = stderrLog(ctx, ['mail.sent']);
 * log('github.retry', { status: 502 }); // stderr: {"event":"github.retry","status":502}
 */
export function stderrLog(ctx: Pick<CliContext, 'stderr'>, skip: readonly string[] = []): Log {
  return (event, fields) => {
    if (skip.includes(event)) return;
    ctx.stderr(`${JSON.stringify({ event, ...fields })}\n`);
  };
}
