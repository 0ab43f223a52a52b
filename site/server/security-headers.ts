// The security headers of every response, defined once. Astro's `security.csp` (astro.config.mjs)
// adds script-src and style-src with the hashes of its own inline scripts to these directives;
// the Node server (node-server.ts) and the on-demand pages (site/middleware.ts) send the rest, and
// other targets (Netlify `_headers`, Vercel's config) can be generated from the same values.
// HSTS is the TLS proxy's to send (README, "Deploying"): the app may be reached over plain HTTP
// on loopback, where the header means nothing.

/**
 * The Content-Security-Policy directives besides script-src and style-src: only this site's own
 * files, no plugins, no <base>, forms post only here, and no other site may frame a page (which
 * a <meta> policy cannot say, so every policy goes out as a header).
 *
 * @example
 * security: { csp: { directives: [...contentSecurityPolicyDirectives] } }
 */
export const contentSecurityPolicyDirectives = [
  "default-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
] as const;

/**
 * The policy for a response Astro made none for (a stylesheet, an image, a redirect): the same
 * directives, with scripts and styles from this site only.
 *
 * @example
 * res.setHeader('Content-Security-Policy', fallbackContentSecurityPolicy);
 */
export const fallbackContentSecurityPolicy = [
  ...contentSecurityPolicyDirectives,
  "script-src 'self'",
  "style-src 'self'",
].join('; ');

/**
 * Headers of every response, pages and files alike. `same-origin`, not `no-referrer`: with that,
 * browsers send "Origin: null" with a form and the CSRF check refuses it. The Permissions-Policy
 * turns off every powerful feature: the site uses none.
 *
 * @example
 * for (const [name, value] of Object.entries(securityHeaders)) headers.set(name, value);
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Permissions-Policy':
    'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), ' +
    'magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), ' +
    'browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Headers of every page that shows personal data or holds a token in its address (the receipt,
 * the intake's answers, the satisfaction page): no cache keeps it, no search engine lists it.
 *
 * @example
 * for (const [name, value] of Object.entries(privatePageHeaders)) headers.set(name, value);
 */
export const privatePageHeaders: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
};

/**
 * Everything an on-demand response carries: the security headers, no cache and no index (each
 * shows personal data or holds a token), and the fallback policy where Astro wrote none (it
 * writes its own, with the hashes, on every page it renders).
 *
 * @example
 * withMissingHeaders(response, onDemandHeaders)
 */
export const onDemandHeaders: Readonly<Record<string, string>> = {
  ...securityHeaders,
  ...privatePageHeaders,
  'Content-Security-Policy': fallbackContentSecurityPolicy,
};
