import { loadTokenSecret } from '../cases/mail/secret.ts';
import { defaultTemplatesDir, loadTemplates } from '../cases/mail/template-files.ts';
import { makeMailerFromEnv } from '../cases/mail/transport.ts';
import { makeStoreFromEnv } from '../cases/stores/from-env.ts';
import { makeGitHubStoresFromEnv } from '../cases/stores/github/from-env.ts';
import { silentLog } from '../cases/log.ts';
import type { UnreadableCase } from '../cases/store.ts';
import type { CliContext, Services } from './cli-context.ts';

/**
 * The warning a command prints for a case it leaves out because its file (or issue) cannot be
 * read: one line on stderr, naming the place and the reason; the command goes on with the rest.
 *
 * @example
 * unreadableWarning(ctx)({ where: 'K-2026-7QF3-M9XA.md', code: 'not-yaml', reason: 'voorwerk is geen YAML' })
 * // stderr: "Let op: K-2026-7QF3-M9XA.md overgeslagen (voorwerk is geen YAML); herstel of verwijder het.\n"
 */
export function unreadableWarning(ctx: CliContext): (unreadable: UnreadableCase) => void {
  return (unreadable) =>
    ctx.stderr(`Let op: ${unreadable.where} overgeslagen (${unreadable.reason}); herstel of verwijder het.\n`);
}

/**
 * The services as production builds them: from the context's environment, folder and configuration.
 *
 * @example
 * const store = defaultServices.makeStore(ctx); // KLACHTEN_STORE=git: the Git folder $KLACHTEN_DATA_DIR/cases
 */
export const defaultServices: Services = {
  makeStore: (ctx) =>
    makeStoreFromEnv(ctx.env, ctx.config, ctx.cwd, silentLog, { onUnreadable: unreadableWarning(ctx) }),
  makeGitHub: (ctx, log) =>
    makeGitHubStoresFromEnv(ctx.env, ctx.config, ctx.cwd, log, { onUnreadable: unreadableWarning(ctx) }),
  makeMailer: (ctx) => makeMailerFromEnv(ctx.env, ctx.cwd),
  loadTemplates: (ctx) => loadTemplates(defaultTemplatesDir(ctx.cwd)),
  loadTokenSecret: (ctx) => loadTokenSecret(ctx.env, ctx.cwd),
};

/**
 * The services a command uses: those on the context (a test's), the default for the rest.
 *
 * @example
 * const store = servicesOf(ctx).makeStore(ctx);
 */
export function servicesOf(ctx: CliContext): Services {
  return { ...defaultServices, ...ctx.services };
}

/**
 * The same context with some services replaced, so that steps run one after another share what
 * the first one made (the move and its mail write through one store).
 *
 * @example
 * const shared = withServices(ctx, { makeStore: () => store });
 */
export function withServices(ctx: CliContext, services: Partial<Services>): CliContext {
  return { ...ctx, services: { ...ctx.services, ...services } };
}
