import { describe, expect, it } from 'vitest';
import { addressHash, messageRecord } from './message-record.ts';

describe('the record of a message', () => {
  it('hash an address the same whatever its case or spacing', () => {
    expect(addressHash(' Anna@Example.NL ')).toBe(addressHash('anna@example.nl'));
    expect(addressHash('anna@example.nl')).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('is the one that went out, when an earlier attempt of the same kind failed', () => {
    const failed = { kind: 'receipt', attempts: 2, lastError: 'ECONNECTION' };
    const done = { kind: 'receipt', attempts: 1, sentAt: '2026-10-26T00:31:00+01:00', toHash: 'sha256:x' };
    expect(messageRecord({ messages: [failed, done] }, 'receipt')).toBe(done);
    expect(messageRecord({ messages: [failed] }, 'receipt')).toBe(failed);
    expect(messageRecord({ messages: [failed] }, 'answer')).toBeUndefined();
  });
});
