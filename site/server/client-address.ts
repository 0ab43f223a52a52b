// Which client sent a request, for the limit per client: the connection's address, or, behind a
// reverse proxy or on a platform, the address a configured header names. Never logged, never
// stored: the rate limiter keeps only a keyed hash of what this returns.
import { BlockList, isIP } from 'node:net';

// Addresses of the hops inside the operator's own network (proxies, load balancers): a client
// seen from outside never has one of these, so walking a forwarded chain skips them.
const internal = new BlockList();
for (const [network, prefix] of [
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  internal.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  internal.addSubnet(network, prefix, 'ipv6');
}

/** An address as a proxy may write it: `[2001:db8::1]:443`, `203.0.113.7:5123`, `::ffff:203.0.113.7`. */
function bare(hop: string): string {
  const value = hop.trim().replace(/^"|"$/g, '');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1] ?? value;
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  if (withPort) return withPort[1] ?? value;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  return mapped?.[1] ?? value;
}

function isInternal(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * One client: an IPv4 address, or the /64 network of an IPv6 address (one household or machine
 * is given a whole /64, so counting single IPv6 addresses would be no limit at all).
 *
 * @example
 * clientOf('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 * clientOf('203.0.113.7') // '203.0.113.7'
 */
export function clientOf(address: string): string {
  const plain = bare(address);
  if (isIP(plain) !== 6) return plain;
  const [head = '', tail = ''] = plain.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = plain.includes('::')
    ? [...left, ...Array.from({ length: 8 - left.length - right.length }, () => '0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The client address of a request. Without a configured header it is the connection's own
 * address: a header any client can write proves nothing. With one (the proxy or platform writes
 * it), the right-most hop outside the operator's network: each proxy appends the address it was
 * reached from, so hops further left were written by the client and may be invented.
 *
 * @example
 * clientAddress(request, '10.0.0.2', 'x-forwarded-for') // '203.0.113.7' for "x-forwarded-for: 198.51.100.1, 203.0.113.7"
 * clientAddress(request, '203.0.113.7', undefined) // '203.0.113.7'
 */
export function clientAddress(request: Request, connection: string | undefined, header: string | undefined): string {
  const hops = header === undefined ? [] : (request.headers.get(header) ?? '').split(',').map(bare).filter(Boolean);
  const chosen = hops.findLast((hop) => !isInternal(hop)) ?? hops.at(-1) ?? connection ?? 'unknown';
  return clientOf(chosen);
}
