// @ts-check
import { readdirSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { attachmentLimits } from './cases/attachments/limits.ts';
import config from './klachten.config.ts';
import { buildTarget } from './site/build/build-target.ts';
import { klachtenBuild } from './site/build/integration.ts';
import { contentSecurityPolicyDirectives } from './site/server/security-headers.ts';

// site.url (klachten.config.ts, or KLACHTEN_SITE_URL at build time) says where the site lives;
// its path, if any, is where every page, asset and form action goes (Astro's `base`).
const site = new URL(config.site.url);
// Astro takes import.meta.env.BASE_URL (site/i18n/ui.ts builds every link with it) from an
// inherited BASE_URL variable before `base` (a test runner sets one to "/"): only `base` counts.
delete process.env.BASE_URL;
// KLACHTEN_ADAPTER: one build for a Node server (default), Netlify or Vercel.
const target = buildTarget(process.env);

// The Content-Security-Policy of a prerendered page goes out as a header (a <meta> policy cannot
// say frame-ancestors): with staticHeaders each adapter writes each page's policy where its
// platform reads it (for Node: _headers.json in outDir, applied by site/server/node-server.ts);
// the other security headers are added for every file by klachtenBuild (site/build/).
// A function reads the mail templates from its own folder (site/server/mail.ts): they go with it.
const mailTemplates = ['nl', 'en'].flatMap((locale) =>
  readdirSync(`./templates/mail/${locale}`).map((name) => `./templates/mail/${locale}/${name}`),
);

// Each adapter is loaded only when chosen.
const adapters = {
  node: async () =>
    (await import('@astrojs/node')).default({
      mode: 'standalone',
      staticHeaders: true,
      // A last fence behind the pages' own byte-counted readers: a form with its files, and room
      // to read past a file that is too large (site/server/intake.ts).
      bodySizeLimit: 2 * attachmentLimits(config.attachments, false).maxPostBytes + 1024 * 1024,
    }),
  // The on-demand routes become one function; every page stays a static file on the CDN.
  netlify: async () =>
    (await import('@astrojs/netlify')).default({ staticHeaders: true, imageCDN: false, includeFiles: mailTemplates }),
  vercel: async () =>
    (await import('@astrojs/vercel')).default({
      staticHeaders: true,
      imageService: false,
      includeFiles: mailTemplates,
    }),
};

export default defineConfig({
  srcDir: './site',
  // KLACHTEN_OUT_DIR lets two builds (a test run beside a deploy build) live side by side.
  outDir: process.env.KLACHTEN_OUT_DIR ?? './dist',
  publicDir: './site/public',
  site: site.href,
  base: site.pathname,
  // Every page is prerendered; only the intake, the satisfaction answer and the complainant's page
  // run on demand.
  output: 'static',
  adapter: await adapters[target](),
  integrations: [klachtenBuild({ target, siteUrl: site.href, base: site.pathname })],
  trailingSlash: 'always',
  security: {
    // Form posts from another origin are refused with 403 (CSRF). Behind a proxy the deployed host
    // is trusted for X-Forwarded-Host, so the origin check compares against the public address.
    checkOrigin: true,
    allowedDomains: [{ hostname: site.hostname, protocol: site.protocol.replace(':', '') }],
    // Astro adds script-src and style-src with the hashes of the scripts it inlines: no
    // 'unsafe-inline' anywhere.
    csp: { directives: [...contentSecurityPolicyDirectives] },
  },
  // Shiki colours code with inline styles, which the policy refuses; the content has no code.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  build: { inlineStylesheets: 'never' },
});
