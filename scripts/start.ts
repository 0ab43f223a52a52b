// `npm start`: the built site on HOST:PORT, telling the person where complaints are kept.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { makeStoreFromEnv } from '../cases/stores/from-env.ts';

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
  await import(pathToFileURL(join(process.cwd(), 'dist/server/entry.mjs')).href);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
