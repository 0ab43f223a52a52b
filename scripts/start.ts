// `npm start`: the built site on HOST:PORT, telling the person where complaints are kept.
// The site is served through site/server/node-server.ts, which adds the security headers to the
// prerendered pages and files too: run this, not dist/server/entry.mjs, in production.
import { resolve } from 'node:path';
import { parseSettings } from '../cases/settings.ts';
import { makeStoreFromEnv } from '../cases/stores/from-env.ts';
import { readBuildInfo } from '../site/build/build-info.ts';
import { serveBuiltSite } from '../site/server/node-server.ts';

try {
  const distDir = resolve(process.cwd(), process.env['KLACHTEN_OUT_DIR'] ?? 'dist');
  // The pages were built for one address (site.url at build time): mail links and the origin
  // check must use the same one, so the build's address holds unless another is asked for.
  const built = await readBuildInfo(distDir);
  const asked = process.env['KLACHTEN_SITE_URL'];
  if (built.siteUrl !== undefined && (asked === undefined || asked === ''))
    process.env['KLACHTEN_SITE_URL'] = built.siteUrl;
  const { default: config } = await import('../klachten.config.ts');
  if (built.siteUrl !== undefined && config.site.url !== built.siteUrl) {
    throw new Error(
      `De site is gebouwd voor ${built.siteUrl}, maar KLACHTEN_SITE_URL zegt ${config.site.url}: bouw opnieuw (npm run build) met dat adres.\n` +
        `The site was built for ${built.siteUrl}, but KLACHTEN_SITE_URL says ${config.site.url}: build again with that address.`,
    );
  }
  const store = makeStoreFromEnv(process.env, config, process.cwd());
  const host = process.env['HOST'] ?? 'localhost';
  const port = process.env['PORT'] ?? '4321';
  process.env['HOST'] = host;
  process.env['PORT'] = port;
  console.log(`Klachtenloket voor ${config.organisation.name}`);
  console.log(`  Site:     http://${host}:${port}${built.base} (${config.site.url})`);
  console.log(`  Klachten: ${store.description}`);
  console.log(
    `  E-mail:   ${(await import('../cases/mail/transport.ts')).describeMailFromEnv(process.env, process.cwd())}`,
  );
  // A wrong KLACHTEN_IMAP_URL stops the start here, naming the variable, like a wrong configuration.
  const inbox = (await import('../cases/inbox/from-env.ts')).inboxSettingsFromEnv(process.env);
  if (inbox !== undefined) {
    const { describeImapTarget } = await import('../cases/inbox/imap.ts');
    console.log(`  Reacties: ${describeImapTarget(inbox.target)}, elke ${Math.round(inbox.intervalMs / 1000)} s`);
  }
  console.log(`  Bekijken: npm run --silent klachten -- cases list`);
  const { clientAddressHeader } = parseSettings(process.env, process.cwd());
  // The intake queue's drainer on a timer (KLACHTEN_STORE=github only): the server files what the
  // queue holds at GitHub's pace; the intake kicks it too (site/server/drain.ts).
  (await import('../site/server/drain.ts')).startDrainTimer();
  // Beside it the reply inbox (KLACHTEN_IMAP_URL only): replies by mail onto their cases.
  (await import('../site/server/inbox.ts')).startInboxTimer();
  await serveBuiltSite({
    distDir,
    host,
    port: Number(port),
    clientAddressHeader: clientAddressHeader?.name,
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
