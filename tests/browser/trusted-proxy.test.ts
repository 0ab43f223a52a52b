// The limit per client behind a reverse proxy (KLACHTEN_CLIENT_ADDRESS_HEADER=x-forwarded-for,
// one trusted hop by default). The proxy appends the address it was reached from to whatever
// X-Forwarded-For the client sent, so a client that writes its own `6.6.7.N` in front arrives as
// "6.6.7.N, <its address>". It must count as its own address whatever N is, whether that address
// is private (a LAN, a VPN, carrier NAT: the old "right-most public hop" rule let such a client
// pick any address it liked) or public. The built site, its real server, a limit of 3 an hour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../site/i18n/ui.ts';
import { startSite, type Site } from './site-server.ts';
import { typed } from './support.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite('klachten-trusted-proxy-', {
    KLACHTEN_RATE_LIMIT_PER_HOUR: '3',
    KLACHTEN_CLIENT_ADDRESS_HEADER: 'x-forwarded-for',
  });
});
afterAll(() => site?.stop());

/** The complaint form as the proxy passes it on: the client's own X-Forwarded-For, then its address. */
function postThroughProxy(client: string, claimed: string, serial: number) {
  return fetch(`${site.baseUrl}${paths.nl.submit}`, {
    method: 'POST',
    body: new URLSearchParams({
      locale: 'nl',
      ...typed.nl,
      complaint: `Klacht ${serial} van ${client} ${Date.now()}`,
      earlier: 'nee',
      whatIsNew: '',
      consent: 'ja',
    }),
    headers: { origin: site.baseUrl, 'x-forwarded-for': `${claimed}, ${client}` },
    redirect: 'manual',
  });
}

describe.each([
  ['a client at a private address (10.0.0.5)', '10.0.0.5'],
  ['a client at a public address (203.0.113.50)', '203.0.113.50'],
])('behind one trusted proxy, %s that writes its own X-Forwarded-For', (_who, client) => {
  it('is counted as its own address whatever it writes, and stops at the limit', async () => {
    const statuses: number[] = [];
    for (let n = 1; n <= 5; n += 1) statuses.push((await postThroughProxy(client, `6.6.7.${n}`, n)).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    // The limit is this client's alone: the next address still gets through.
    const neighbour = client.replace(/\d+$/, (last) => String(Number(last) + 1));
    expect((await postThroughProxy(neighbour, '6.6.7.99', 6)).status).toBe(201);
  });
});
