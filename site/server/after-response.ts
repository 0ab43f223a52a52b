// Work that finishes after the answer (the receipt, the drainer's first run). A long-lived Node
// server simply lets it run. A serverless function may be frozen or stopped once its response is
// sent, so there the platform is asked to wait for it: Netlify hands its context to Astro as
// `locals.netlify.context` (with `waitUntil`); Vercel exposes its request context on a global
// symbol, the one its own `@vercel/functions` `waitUntil` reads. Where neither is there, the
// drain workflow (every 10 minutes) picks up whatever did not finish.

type WaitUntil = (promise: Promise<unknown>) => void;

const vercelContext = Symbol.for('@vercel/request-context');

function platformWaitUntil(locals: unknown): WaitUntil | undefined {
  const netlify = (locals as { netlify?: { context?: { waitUntil?: unknown } } } | undefined)?.netlify?.context;
  if (typeof netlify?.waitUntil === 'function') return netlify.waitUntil.bind(netlify) as WaitUntil;
  const vercel = (globalThis as Record<symbol, { get?: () => { waitUntil?: unknown } | undefined }>)[vercelContext];
  const waitUntil = vercel?.get?.()?.waitUntil;
  return typeof waitUntil === 'function' ? (waitUntil as WaitUntil) : undefined;
}

/**
 * Lets `work` finish after the response: handed to the platform's `waitUntil` where there is one,
 * left running otherwise. `work` must not reject (callers log their own failures).
 *
 * @example
 * afterResponse(Astro.locals, deliverInBackground(reference).then(kickDrain));
 */
export function afterResponse(locals: unknown, work: Promise<unknown>): void {
  platformWaitUntil(locals)?.(work);
}
