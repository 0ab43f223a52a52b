// `npm start`: the built site on HOST:PORT, telling the person where complaints are kept.
// The site is served through site/server/node-server.ts, which adds the security headers to the
// prerendered pages and files too: run this, not dist/server/entry.mjs, in production.
import { resolve } from 'node:path';
import { parseSettings } from '../cases/settings.ts';
import { makeStoreFromEnv } from '../cases/stores/from-env.ts';
import { serveBuiltSite } from '../site/server/node-server.ts';

try {
  const { default: config } = await import('../klachten.config.ts');
  const store = makeStoreFromEnv(process.env, config, process.cwd());
  const host = process.env['HOST'] ?? 'localhost';
  const port = process.env['PORT'] ?? '4321';
  process.env['HOST'] = host;
  process.env['PORT'] = port;
  console.log(`Klachtenloket voor ${config.organisation.name}`);
  console.log(`  Site:     http://${host}:${port}/`);
  console.log(`  Klachten: ${store.description}`);
  console.log(
    `  E-mail:   ${(await import('../cases/mail/transport.ts')).describeMailFromEnv(process.env, process.cwd())}`,
  );
  console.log(`  Bekijken: npm run --silent klachten -- cases list`);
  const { clientAddressHeader } = parseSettings(process.env, process.cwd());
  await serveBuiltSite({
    distDir: resolve(process.cwd(), process.env['KLACHTEN_OUT_DIR'] ?? 'dist'),
    host,
    port: Number(port),
    clientAddressHeader,
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
