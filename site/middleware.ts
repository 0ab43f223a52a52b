// The security headers of the on-demand pages, on every platform the site runs on. Prerendered
// pages and files never pass here at run time: the Node server adds the same headers to them
// (server/node-server.ts). Every on-demand page shows personal data (the receipt, the intake's
// answers) or carries a token (satisfaction), so none may be cached; a future public on-demand
// page sets its own Cache-Control, which is kept.
import { defineMiddleware } from 'astro:middleware';
import { fallbackContentSecurityPolicy, privatePageHeaders, securityHeaders } from './server/security-headers.ts';

const onDemandHeaders: Readonly<Record<string, string>> = {
  ...securityHeaders,
  ...privatePageHeaders,
  // Astro writes its own policy, with the hashes, on every page it renders; this is for the rest.
  'Content-Security-Policy': fallbackContentSecurityPolicy,
};

/**
 * Adds the security headers a response does not have yet.
 *
 * @example
 * secured(await next()) // the same response, with the headers it lacked
 */
function secured(response: Response): Response {
  const missing = Object.entries(onDemandHeaders).filter(([name]) => !response.headers.has(name));
  try {
    for (const [name, value] of missing) response.headers.set(name, value);
    return response;
  } catch {
    // A response with immutable headers (Response.redirect): copy it, then set.
    const copy = new Response(response.body, response);
    for (const [name, value] of missing) copy.headers.set(name, value);
    return copy;
  }
}

/**
 * Astro's middleware: the headers go on every on-demand response; prerendered pages get theirs
 * from the server that serves the files.
 *
 * @example
 * // Astro calls it for every request; nothing imports it.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  return context.isPrerendered ? response : secured(response);
});
