// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import config from './klachten.config.ts';
import { contentSecurityPolicyDirectives } from './site/server/security-headers.ts';

const site = new URL(config.site.url);

export default defineConfig({
  srcDir: './site',
  // KLACHTEN_OUT_DIR lets two builds (a test run beside a deploy build) live side by side.
  outDir: process.env.KLACHTEN_OUT_DIR ?? './dist',
  publicDir: './site/public',
  site: site.href,
  // Every page is prerendered; only the intake and the satisfaction answer run on demand.
  output: 'static',
  adapter: node({
    mode: 'standalone',
    // The Content-Security-Policy of a prerendered page goes out as a header (a <meta> policy
    // cannot say frame-ancestors): Astro writes each page's policy to _headers.json in outDir, which
    // site/server/node-server.ts applies, with the other security headers, to every file it serves.
    staticHeaders: true,
    // A last fence behind the pages' own byte-counted readers (256 KB at most).
    bodySizeLimit: 1024 * 1024,
  }),
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
