// A free loopback port, found by letting the system pick one and closing it again, so that a
// test server (the site, Redis) can be started on it, or a client shown a port nothing answers on.
import { createServer } from 'node:net';

/**
 * A loopback port nothing listens on right now.
 *
 * @example
 * const port = await freePort();
 * spawn('redis-server', ['--port', String(port)]);
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
