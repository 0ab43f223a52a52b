// Klachtenloket's own build steps (astro.config.mjs): the platform is told to the server code,
// the build's address is written next to it (build-info.ts), on Netlify and Vercel the
// security headers join the header rules the adapter wrote (static-headers.ts), and on Netlify
// the function itself adds them to its own answers (function-headers.ts).
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeBuildInfo } from './build-info.ts';
import type { BuildTarget } from './build-target.ts';
import { onDemandHeaders } from '../server/security-headers.ts';
import { secureNetlifyFunction } from './function-headers.ts';
import { addNetlifyHeaders, addVercelHeaders } from './static-headers.ts';

/** What the build is for. */
export interface BuildOptions {
  target: BuildTarget;
  /** site.url, ending in "/". */
  siteUrl: string;
  /** Its path: Astro's `base`. */
  base: string;
}

/**
 * The integration; list it after the adapter, so its header rules exist when this adds to them.
 *
 * @example
 * integrations: [klachtenBuild({ target: 'node', siteUrl: 'https://klachten.livable.nl/', base: '/' })]
 */
export function klachtenBuild(options: BuildOptions): AstroIntegration {
  const { target, siteUrl, base } = options;
  let outDir: URL | undefined;
  let root: URL | undefined;
  let srcDir: URL | undefined;
  return {
    name: 'klachtenloket-build',
    hooks: {
      // site/server/context.ts refuses the Git-folder store where a function's disk does not last.
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.KLACHTEN_ADAPTER': JSON.stringify(target) } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
        root = config.root;
        srcDir = config.srcDir;
      },
      'astro:build:done': async () => {
        if (outDir === undefined || root === undefined || srcDir === undefined) return;
        await writeBuildInfo(fileURLToPath(outDir), { siteUrl, base, adapter: target });
        if (target === 'netlify') {
          await addNetlifyHeaders(fileURLToPath(new URL('.netlify/v1/config.json', root)), base);
          await secureNetlifyFunction(
            fileURLToPath(new URL('.netlify/v1/functions/ssr', root)),
            fileURLToPath(new URL('server/missing-headers.mjs', srcDir)),
            onDemandHeaders,
          );
        }
        if (target === 'vercel')
          await addVercelHeaders(fileURLToPath(new URL('.vercel/output/config.json', root)), base);
      },
    },
  };
}
