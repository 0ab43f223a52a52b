// Which client sent a request, for the limit per client: the connection's address, or, behind a
// reverse proxy or on a platform, the address a configured header names. Never logged, never
// stored: the rate limiter keeps only a keyed hash of what this returns.
import { isIP } from 'node:net';
import type { ClientAddressHeader } from '../../cases/settings.ts';

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
 * it), the address it names. Of `X-Forwarded-For` that is the hop `trustedHops` from the right:
 * each proxy appends the address it was reached from, so the last `trustedHops` entries were
 * written by the operator's own proxies and the one they name first is the client, whatever its
 * range (a client on the LAN, a VPN or carrier NAT is a client too); everything further left the
 * client wrote and may have invented. A chain shorter than that holds only trusted entries, and
 * its left-most is the client.
 *
 * @example
 * const behindNginx = { name: 'x-forwarded-for', trustedHops: 1 } as const;
 * clientAddress(request, '127.0.0.1', behindNginx) // '10.0.0.5' for "x-forwarded-for: 6.6.7.8, 10.0.0.5"
 * clientAddress(request, '203.0.113.7', undefined) // '203.0.113.7'
 */
export function clientAddress(
  request: Request,
  connection: string | undefined,
  header: ClientAddressHeader | undefined,
): string {
  const value = header === undefined ? null : request.headers.get(header.name);
  const hops = (value ?? '').split(',').map(bare).filter(Boolean);
  const trusted = header?.name === 'x-forwarded-for' ? header.trustedHops : 1;
  const chosen = hops.length === 0 ? connection : hops[Math.max(0, hops.length - trusted)];
  return clientOf(chosen ?? 'unknown');
}
