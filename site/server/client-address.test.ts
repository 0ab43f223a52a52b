import { describe, expect, it } from 'vitest';
import { clientAddress, clientOf } from './client-address.ts';

const request = (headers: Record<string, string>) => new Request('http://127.0.0.1/', { headers });

describe('the client address of a request', () => {
  const cases: [
    what: string,
    headers: Record<string, string>,
    connection: string,
    header: string | undefined,
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
      'is the right-most hop of X-Forwarded-For behind a proxy, so hops the client invented do not count',
      { 'x-forwarded-for': '198.51.100.1, 198.51.100.2, 203.0.113.7' },
      '10.0.0.2',
      'x-forwarded-for',
      '203.0.113.7',
    ],
    [
      'skips the proxies inside the operator’s own network',
      { 'x-forwarded-for': '198.51.100.1, 203.0.113.7, 10.1.2.3, 192.168.0.4' },
      '127.0.0.1',
      'x-forwarded-for',
      '203.0.113.7',
    ],
    [
      'is the nearest hop when every hop is inside the network',
      { 'x-forwarded-for': '10.9.9.9, 192.168.1.20' },
      '127.0.0.1',
      'x-forwarded-for',
      '192.168.1.20',
    ],
    [
      'reads a platform’s own header, such as Netlify’s',
      { 'x-nf-client-connection-ip': '203.0.113.9' },
      '10.0.0.2',
      'x-nf-client-connection-ip',
      '203.0.113.9',
    ],
    [
      'falls back to the connection when the configured header is missing',
      {},
      '203.0.113.7',
      'x-real-ip',
      '203.0.113.7',
    ],
  ];

  it.each(cases)('%s', (_what, headers, connection, header, address) => {
    expect(clientAddress(request(headers), connection, header)).toBe(address);
  });

  it('reads addresses with a port, in brackets, or IPv4 written as IPv6', () => {
    expect(clientAddress(request({ 'x-real-ip': '203.0.113.7:51234' }), undefined, 'x-real-ip')).toBe('203.0.113.7');
    expect(clientAddress(request({ 'x-real-ip': '[2001:db8::1]:443' }), undefined, 'x-real-ip')).toBe(
      '2001:db8:0:0::/64',
    );
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
