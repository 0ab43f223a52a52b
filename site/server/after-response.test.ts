import { afterEach, describe, expect, it } from 'vitest';
import { afterResponse } from './after-response.ts';

const vercelContext = Symbol.for('@vercel/request-context');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[vercelContext];
});

describe('work after the response', () => {
  it('is handed to Netlify’s waitUntil when the function runs on Netlify', () => {
    const waited: Array<Promise<unknown>> = [];
    const work = Promise.resolve('klaar');
    afterResponse({ netlify: { context: { waitUntil: (p: Promise<unknown>) => void waited.push(p) } } }, work);
    expect(waited).toEqual([work]);
  });

  it('is handed to Vercel’s waitUntil from its request context', () => {
    const waited: Array<Promise<unknown>> = [];
    (globalThis as Record<symbol, unknown>)[vercelContext] = {
      get: () => ({ waitUntil: (p: Promise<unknown>) => void waited.push(p) }),
    };
    const work = Promise.resolve('klaar');
    afterResponse({}, work);
    expect(waited).toEqual([work]);
  });

  it('is left running on the Node server, where the process outlives the response', () => {
    expect(() => afterResponse({}, Promise.resolve())).not.toThrow();
    expect(() => afterResponse(undefined, Promise.resolve())).not.toThrow();
  });
});
