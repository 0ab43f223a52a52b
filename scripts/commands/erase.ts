import { join } from 'node:path';
import { errorCode, errorTag } from '../../cases/errors.ts';
import { inboxSettingsFromEnv, removeProcessedFromEnv } from '../../cases/inbox/from-env.ts';
import { dueOutboxFiles, removeOutboxFiles } from '../../cases/retention/outbox.ts';
import { parseSettings } from '../../cases/settings.ts';
import { usageExit, type CliContext } from '../cli-context.ts';
import { erasureSetup } from './erasure-setup.ts';
import { parseRequestArgs } from './request-args.ts';

const usage = `Gebruik:
  klachten erase <kenmerk> --reason "…"

  Wist nu de persoonsgegevens van één klacht, op verzoek van de betrokkene (AVG art. 17): het
  dossier, zijn hele Git-geschiedenis en de berichten in de outbox; op GitHub het issue met zijn
  reacties (de GitHub App heeft daarvoor "Administration: read and write" nodig; zonder die
  permissie stopt het commando en is er niets gewist). Het anonieme registerrecord
  blijft, met de datum van wissen en het verzoek. Een klacht met "bewaren" (cases hold) wordt niet
  gewist. De reden komt niet in het register (zij kan personen noemen); bewaar haar in uw eigen
  verwerkingsadministratie.
`;

/**
 * `klachten erase <ref> --reason …`: an erasure request, carried out now. Exit 2 for an unknown
 * reference or a case on hold, saying why.
 *
 * @example
 * await run({ argv: ['K-2026-7QF3M9', '--reason', 'verzoek van 3 maart'], … }) // 0
 */
export async function run(ctx: CliContext): Promise<number> {
  const parsed = parseRequestArgs(ctx, usage, 'reason');
  if (typeof parsed === 'number') return parsed;
  const { reference } = parsed;
  const reason = parsed.value?.trim();
  if (reason === undefined || reason === '') {
    ctx.stderr(usage);
    return usageExit;
  }
  const setup = erasureSetup(ctx);
  if (typeof setup === 'string') {
    ctx.stderr(`${setup} Er is niets gewist.\n`);
    return 1;
  }
  const { target } = setup;
  const current = await target.getCase(reference);
  if (!current) {
    const known = (await target.register.read()).find((record) => record.reference === reference);
    ctx.stderr(
      known?.erasedAt !== undefined
        ? `De persoonsgegevens van ${reference} zijn al gewist (${known.erasedAt}).\n`
        : `Geen klacht met kenmerk ${reference} in ${target.description}.\n`,
    );
    return usageExit;
  }
  if (current.hold !== undefined) {
    ctx.stderr(
      `${reference} wordt bewaard sinds ${current.hold.at} (${current.hold.reason}); er is niets gewist. ` +
        `Hef dat eerst op met "klachten cases unhold ${reference}" als wissen toch mag.\n`,
    );
    return usageExit;
  }
  // The replies by mail in the inbox's Verwerkt go first: once the case is gone, nothing would
  // tell a later run which they were.
  const inbox = inboxSettingsFromEnv(ctx.env);
  let replies = 0;
  if (inbox !== undefined) {
    try {
      replies = await removeProcessedFromEnv(inbox, { references: [reference] });
    } catch (error) {
      ctx.stderr(`De antwoordbox is niet bereikbaar (${errorCode(error)}). Er is niets gewist.\n`);
      return 1;
    }
  }
  const at = ctx.now().toISOString();
  let results;
  try {
    results = await target.erase([reference], at, 'verzoek', 'wissen');
  } catch (error) {
    if (errorTag(error) !== 'forbidden') throw error;
    ctx.stderr(`${(error as Error).message}\n`);
    return 1;
  }
  if (results[reference] !== 'erased') {
    ctx.stderr(`${reference} is niet gewist (${results[reference] ?? 'onbekend'}).\n`);
    return usageExit;
  }
  // A copy the intake queue still holds (waiting, or set aside as unreadable) goes too.
  const queue = setup.openQueue();
  if (queue !== undefined) {
    try {
      await queue.remove(reference);
    } finally {
      await queue.close();
    }
  }
  const outbox = join(parseSettings(ctx.env, ctx.cwd).dataDir, 'outbox');
  const mails = await dueOutboxFiles(outbox, at.slice(0, 10), undefined, new Set([reference]));
  await removeOutboxFiles(outbox, mails);
  ctx.stdout(
    `${reference}: persoonsgegevens gewist op verzoek, ${mails.length} bericht(en) uit de outbox gewist` +
      (inbox === undefined ? '.\n' : `, ${replies} reactie(s) uit de map Verwerkt gewist.\n`),
  );
  return 0;
}
