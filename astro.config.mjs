// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import config from './klachten.config.ts';

const site = new URL(config.site.url);

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  site: site.href,
  // Every page is prerendered; only the intake (and later the satisfaction answer) runs on demand.
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  trailingSlash: 'always',
  security: {
    // Form posts from another origin are refused with 403 (CSRF). Behind a proxy the deployed host
    // is trusted for X-Forwarded-Host, so the origin check compares against the public address.
    checkOrigin: true,
    allowedDomains: [{ hostname: site.hostname, protocol: site.protocol.replace(':', '') }],
  },
  devToolbar: { enabled: false },
  build: { inlineStylesheets: 'never' },
});
