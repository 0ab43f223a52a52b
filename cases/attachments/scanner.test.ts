import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eicar, jpegWithGps } from '../../tests/support/attachment-files.ts';
import { startClamdStandIn, type ClamdStandIn } from '../../tests/support/clamd-standin.ts';
import { freePort } from '../../tests/support/free-port.ts';
import { parseReply, scannerFromEnv } from './scanner.ts';

let clamd: ClamdStandIn;
beforeAll(async () => {
  clamd = await startClamdStandIn();
});
afterAll(() => clamd.close());

describe('scanning with clamd (INSTREAM)', () => {
  it('passes a clean photo and flags the EICAR test string with its signature', async () => {
    const scanner = scannerFromEnv({ KLACHTEN_CLAMAV: clamd.url });
    expect(await scanner?.scan(await jpegWithGps())).toEqual({ clean: true });
    // Over several chunks: the signature may straddle two of them.
    const padded = Buffer.concat([Buffer.alloc(65_530, 0x20), Buffer.from(eicar), Buffer.alloc(100_000, 0x20)]);
    expect(await scanner?.scan(padded)).toEqual({ clean: false, signature: 'Eicar-Test-Signature' });
  });

  it('fails as unavailable when the scanner takes the file and never answers', async () => {
    clamd.setSilent(true);
    try {
      const scanner = scannerFromEnv({ KLACHTEN_CLAMAV: clamd.url, KLACHTEN_CLAMAV_TIMEOUT_MS: '300' });
      await expect(scanner?.scan(Buffer.from('hallo'))).rejects.toMatchObject({
        tag: 'scanner-unavailable',
        why: 'timeout',
      });
    } finally {
      clamd.setSilent(false);
    }
  });

  it('fails as unavailable when nothing listens', async () => {
    const scanner = scannerFromEnv({ KLACHTEN_CLAMAV: `tcp://127.0.0.1:${await freePort()}` });
    await expect(scanner?.scan(Buffer.from('hallo'))).rejects.toMatchObject({ tag: 'scanner-unavailable' });
  });

  it('takes only "stream: OK" as clean', () => {
    expect(parseReply('stream: OK')).toEqual({ clean: true });
    expect(parseReply('INSTREAM size limit exceeded. ERROR')).toBeUndefined();
    expect(parseReply('stream: lstat() failed ERROR')).toBeUndefined();
    expect(parseReply('')).toBeUndefined();
  });

  it('is off without KLACHTEN_CLAMAV and refuses a value it cannot use, naming the variable', () => {
    expect(scannerFromEnv({})).toBeUndefined();
    expect(() => scannerFromEnv({ KLACHTEN_CLAMAV: 'clamd.local' })).toThrow(/KLACHTEN_CLAMAV/);
  });
});
