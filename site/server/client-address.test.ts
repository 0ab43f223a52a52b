import { describe, expect, it } from 'vitest';
import type { ClientAddressHeader } from '../../cases/settings.ts';
import { clientAddress, clientOf } from './client-address.ts';

const request = (headers: Record<string, string>) => new Request('http://127.0.0.1/', { headers });

describe('the client address of a request', () => {
  const xff = (trustedHops: number) => ({ name: 'x-forwarded-for', trustedHops }) as const;
  const cases: [
    what: string,
    headers: Record<string, string>,
    connection: string,
    header: ClientAddressHeader | undefined,
    address: string,
  ][] = [
    [
      'is the connection’s address when no header is configured, whatever the client writes',
      { 'x-forwarded-for': '198.51.100.1', 'x-real-ip': '198.51.100.2' },
      '203.0.113.7',
      undefined,
      '203.0.113.7',
    ],
    [
      'is the right-most hop of X-Forwarded-For behind one proxy, so hops the client invented do not count',
      { 'x-forwarded-for': '198.51.100.1, 198.51.100.2, 203.0.113.7' },
      '10.0.0.2',
      xff(1),
      '203.0.113.7',
    ],
    [
      'is the address the proxy saw, also a private one: a client on the LAN, a VPN or carrier NAT cannot pick its own',
      { 'x-forwarded-for': '6.6.7.8, 10.0.0.5' },
      '127.0.0.1',
      xff(1),
      '10.0.0.5',
    ],
    ['is in carrier NAT too', { 'x-forwarded-for': '6.6.7.8, 100.64.3.4' }, '127.0.0.1', xff(1), '100.64.3.4'],
    [
      'counts as many hops from the right as there are trusted proxies',
      { 'x-forwarded-for': '6.6.7.8, 203.0.113.7, 10.1.2.3' },
      '127.0.0.1',
      xff(2),
      '203.0.113.7',
    ],
    [
      'is the left-most hop of a chain shorter than the trusted proxies, all of which they wrote',
      { 'x-forwarded-for': '203.0.113.7' },
      '127.0.0.1',
      xff(2),
      '203.0.113.7',
    ],
    [
      'reads a platform’s own header, such as Netlify’s, whole',
      { 'x-nf-client-connection-ip': '203.0.113.9' },
      '10.0.0.2',
      { name: 'x-nf-client-connection-ip', trustedHops: 3 },
      '203.0.113.9',
    ],
    [
      'falls back to the connection when the configured header is missing',
      {},
      '203.0.113.7',
      { name: 'x-real-ip', trustedHops: 1 },
      '203.0.113.7',
    ],
  ];

  it.each(cases)('%s', (_what, headers, connection, header, address) => {
    expect(clientAddress(request(headers), connection, header)).toBe(address);
  });

  it('is the same client behind one proxy whatever the client puts in front', () => {
    const seen = new Set(
      Array.from({ length: 20 }, (_, n) =>
        clientAddress(request({ 'x-forwarded-for': `6.6.7.${n}, 10.0.0.5` }), '127.0.0.1', xff(1)),
      ),
    );
    expect([...seen]).toEqual(['10.0.0.5']);
  });

  it('reads addresses with a port, in brackets, or IPv4 written as IPv6', () => {
    const realIp = { name: 'x-real-ip', trustedHops: 1 } as const;
    expect(clientAddress(request({ 'x-real-ip': '203.0.113.7:51234' }), undefined, realIp)).toBe('203.0.113.7');
    expect(clientAddress(request({ 'x-real-ip': '[2001:db8::1]:443' }), undefined, realIp)).toBe('2001:db8:0:0::/64');
    expect(clientAddress(request({}), '::ffff:203.0.113.7', undefined)).toBe('203.0.113.7');
  });
});

describe('one client', () => {
  it('is one IPv4 address', () => {
    expect(clientOf('203.0.113.7')).toBe('203.0.113.7');
  });

  it('is a whole IPv6 /64, however the address is written', () => {
    expect(clientOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(clientOf('2001:0DB8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(clientOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });
});
