// @ts-check
// Adding the security headers a response lacks, in plain JavaScript with no imports: the site's
// middleware uses it for the on-demand pages, and the Netlify build copies this file next to the
// function (site/build/function-headers.ts), whose own answers — the 404 of an address it does
// not know, Astro's 403 for a cross-site form — never pass through the middleware, and which
// Netlify's header rules do not reach (they cover the files its CDN serves, not a function).

/**
 * The same response with every header of `headers` it does not have yet; a header the response
 * set itself (a page's own Content-Security-Policy, a public page's Cache-Control) is kept.
 *
 * @param {Response} response
 * @param {Readonly<Record<string, string>>} headers
 * @returns {Response}
 * @example
 * withMissingHeaders(new Response('x'), { 'X-Frame-Options': 'DENY' }).headers.get('x-frame-options') // 'DENY'
 */
export function withMissingHeaders(response, headers) {
  const missing = Object.entries(headers).filter(([name]) => !response.headers.has(name));
  if (missing.length === 0) return response;
  try {
    for (const [name, value] of missing) response.headers.set(name, value);
    return response;
  } catch {
    // A response with immutable headers (Response.redirect, a fetched one): copy it, then set.
    const copy = new Response(response.body, response);
    for (const [name, value] of missing) copy.headers.set(name, value);
    return copy;
  }
}

/**
 * A platform's function handler whose every answer carries `headers` (those it lacks).
 *
 * @template {unknown[]} Args
 * @param {(...args: Args) => Promise<Response>} handler
 * @param {Readonly<Record<string, string>>} headers
 * @returns {(...args: Args) => Promise<Response>}
 * @example
 * export default securedHandler(createHandler({ notFoundContent }), headers);
 */
export function securedHandler(handler, headers) {
  return async (...args) => withMissingHeaders(await handler(...args), headers);
}
