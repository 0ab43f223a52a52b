import { afterAll, beforeAll } from 'vitest';

/**
 * Starts a server once for the test file (a Redis server, Netlify Blobs' local server, …) and
 * stops it after the last test; gives a function that returns it once it runs.
 *
 * @example
 * const redis = useServer(startRedis);
 * it('…', async () => { const url = redis().url; });
 */
export function useServer<T extends { stop(): Promise<void> }>(start: () => Promise<T>): () => T {
  let server: T | undefined;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (server === undefined) throw new Error('the server is not started yet (use it inside a test)');
    return server;
  };
}
