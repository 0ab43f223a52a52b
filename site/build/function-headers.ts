// The Netlify function's own answers carry the security headers too. Netlify applies the header
// rules of its config (static-headers.ts) to the files its CDN serves, not to what a function
// returns; and the adapter's handler answers an unknown address with its 404 page itself, and
// Astro answers a cross-site form with 403, both before the site's middleware runs. So the
// function's entry is wrapped: its default export becomes the adapter's handler behind
// `securedHandler` (site/server/missing-headers.mjs, copied next to it), which adds every header
// a response lacks. The entry's `config` export stays as the adapter wrote it: Netlify reads it
// from the file's text.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const helper = 'klachten-missing-headers.mjs';
const adapterExport = 'export default createHandler(';
const wrapped = 'const astroHandler = createHandler(';

/**
 * Wraps the function in `functionDir` (`.netlify/v1/functions/ssr`, entry `ssr.mjs`) so every
 * response carries `headers` (those it lacks); `helperFile` is site/server/missing-headers.mjs. Running it twice changes nothing more. Throws,
 * failing the build, when the adapter wrote an entry of another shape: a function without the
 * headers must not be deployed unnoticed.
 *
 * @example
 * await secureNetlifyFunction('.netlify/v1/functions/ssr', 'site/server/missing-headers.mjs', onDemandHeaders);
 */
export async function secureNetlifyFunction(
  functionDir: string,
  helperFile: string,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const entry = join(functionDir, 'ssr.mjs');
  const source = await readFile(entry, 'utf8');
  if (source.includes(wrapped)) return;
  if (source.split(adapterExport).length !== 2) {
    throw new Error(
      `${entry}: de Netlify-adapter schreef een functie van een andere vorm; de beveiligingsheaders ` +
        'kunnen er niet aan worden toegevoegd (site/build/function-headers.ts).',
    );
  }
  await copyFile(helperFile, join(functionDir, helper));
  await writeFile(
    entry,
    `${source.replace(adapterExport, wrapped)}\n` +
      `import { securedHandler } from './${helper}';\n` +
      `export default securedHandler(astroHandler, ${JSON.stringify(headers)});\n`,
  );
}
