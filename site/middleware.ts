// The security headers of the on-demand pages, on every platform the site runs on. Prerendered
// pages and files never pass here at run time: the Node server adds the same headers to them
// (server/node-server.ts). Every on-demand page shows personal data (the receipt, the intake's
// answers) or carries a token (satisfaction), so none may be cached; a future public on-demand
// page sets its own Cache-Control, which is kept.
import { defineMiddleware } from 'astro:middleware';
import { withMissingHeaders } from './server/missing-headers.mjs';
import { onDemandHeaders } from './server/security-headers.ts';

/**
 * Astro's middleware: the headers go on every on-demand response; prerendered pages get theirs
 * from the server that serves the files.
 *
 * @example
 * // Astro calls it for every request; nothing imports it.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  return context.isPrerendered ? response : withMissingHeaders(response, onDemandHeaders);
});
