import { describe, expect, it } from 'vitest';
import { parseSettings } from './settings.ts';

describe('the run-time settings', () => {
  it('limit each address to 10 accepted complaints an hour and read it from the connection, by default', () => {
    const settings = parseSettings({}, '/app');
    expect(settings.rateLimitPerHour).toBe(10);
    expect(settings.clientAddressHeader).toBeUndefined();
  });

  it('take another limit, or 0 to turn it off', () => {
    expect(parseSettings({ KLACHTEN_RATE_LIMIT_PER_HOUR: '5' }, '/app').rateLimitPerHour).toBe(5);
    expect(parseSettings({ KLACHTEN_RATE_LIMIT_PER_HOUR: '0' }, '/app').rateLimitPerHour).toBe(0);
  });

  it.each(['-1', '2.5', 'tien'])('refuse the limit %s in Dutch, naming the variable', (value) => {
    expect(() => parseSettings({ KLACHTEN_RATE_LIMIT_PER_HOUR: value }, '/app')).toThrow(
      'KLACHTEN_RATE_LIMIT_PER_HOUR: gebruik een heel getal van 0 of meer (0 zet de grens uit)',
    );
  });

  it('read the client address from a proxy header only when one is named, in any case', () => {
    expect(parseSettings({ KLACHTEN_CLIENT_ADDRESS_HEADER: 'X-Forwarded-For' }, '/app').clientAddressHeader).toEqual({
      name: 'x-forwarded-for',
      trustedHops: 1,
    });
    expect(
      parseSettings({ KLACHTEN_CLIENT_ADDRESS_HEADER: 'x-nf-client-connection-ip' }, '/app').clientAddressHeader?.name,
    ).toBe('x-nf-client-connection-ip');
  });

  it('count one trusted proxy by default, or as many as KLACHTEN_TRUSTED_PROXY_HOPS says', () => {
    const env = { KLACHTEN_CLIENT_ADDRESS_HEADER: 'x-forwarded-for', KLACHTEN_TRUSTED_PROXY_HOPS: '2' };
    expect(parseSettings(env, '/app').clientAddressHeader).toEqual({ name: 'x-forwarded-for', trustedHops: 2 });
  });

  it.each(['0', '1.5', 'twee'])('refuse the hop count %s in Dutch, naming the variable', (value) => {
    const env = { KLACHTEN_CLIENT_ADDRESS_HEADER: 'x-forwarded-for', KLACHTEN_TRUSTED_PROXY_HOPS: value };
    expect(() => parseSettings(env, '/app')).toThrow(
      'KLACHTEN_TRUSTED_PROXY_HOPS: gebruik een heel getal van 1 of meer',
    );
  });

  it('refuse a hop count without a client header, which it would not count in', () => {
    expect(() => parseSettings({ KLACHTEN_TRUSTED_PROXY_HOPS: '1' }, '/app')).toThrow(
      'KLACHTEN_TRUSTED_PROXY_HOPS: telt alleen met KLACHTEN_CLIENT_ADDRESS_HEADER=x-forwarded-for',
    );
  });

  it('refuse a header that names no client, listing the ones that do', () => {
    expect(() => parseSettings({ KLACHTEN_CLIENT_ADDRESS_HEADER: 'cookie' }, '/app')).toThrow(
      'KLACHTEN_CLIENT_ADDRESS_HEADER: kies een van: x-forwarded-for, x-real-ip, x-nf-client-connection-ip',
    );
  });
});
