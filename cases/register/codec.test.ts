import { describe, expect, it } from 'vitest';
import { aCase } from '../../tests/support/case-fixture.ts';
import { changedLines, decodeRegister, encodeRegisterLine, registerPath, registerYearOf } from './codec.ts';
import { erasedRecord, registerRecordOf, withRequest } from './record.ts';

const record = aCase({
  reference: 'K-2026-7QF3M9',
  name: 'Anna de Vries',
  handler: 'jan',
  status: 'afgesloten',
  outcome: 'gegrond',
  earlierReference: 'K-2025-AAAAAA',
  events: [
    { at: '2026-10-26T00:30:00+01:00', status: 'ontvangen', by: 'website' },
    { at: '2026-10-28T10:00:00+01:00', status: 'bevestigd', by: 'coordinator', handler: 'jan' },
    { at: '2026-11-20T10:00:00+01:00', status: 'afgesloten', outcome: 'gegrond', report: 'Verslag: Anna zei …' },
  ],
  satisfaction: { answer: 'ja', remark: 'Dank, Anna', at: '2026-11-25T10:00:00+01:00' },
});

describe('the register record', () => {
  it('holds the countable facts and nothing that identifies a person', () => {
    const line = encodeRegisterLine(registerRecordOf(record));
    for (const value of ['Anna', 'jan', 'coordinator', 'website', 'Lindenlaan', 'anna@', 'lift', 'sha256', 'Verslag']) {
      expect(line).not.toContain(value);
    }
  });

  it('has these exact bytes on disk', () => {
    const erased = erasedRecord(
      withRequest(registerRecordOf(record), 'inzage', '2027-02-01T09:00:00.000Z'),
      '2028-12-15T03:00:00.000Z',
      'verzoek',
    );
    expect(encodeRegisterLine(erased)).toBe(
      '{"reference":"K-2026-7QF3M9","status":"afgesloten","source":"web","locale":"nl","role":"bewoner",' +
        '"category":"onderhoud","terms":{"received":"2026-10-26","confirmBy":"2026-11-04","answerBy":"2026-12-07",' +
        '"extendedAnswerBy":"2027-01-04"},"moves":[{"at":"2026-10-26T00:30:00+01:00","status":"ontvangen"},' +
        '{"at":"2026-10-28T10:00:00+01:00","status":"bevestigd"},' +
        '{"at":"2026-11-20T10:00:00+01:00","status":"afgesloten","outcome":"gegrond"}],"extended":false,' +
        '"outcome":"gegrond","satisfaction":{"answer":"ja","at":"2026-11-25T10:00:00+01:00"},' +
        '"earlierReference":"K-2025-AAAAAA","requests":[{"kind":"inzage","at":"2027-02-01T09:00:00.000Z"}],' +
        '"erasedAt":"2028-12-15T03:00:00.000Z","erasedBecause":"verzoek"}\n',
    );
    expect(registerPath(registerYearOf(erased))).toBe('register/2026.jsonl');
  });

  it('keeps requests and erasure when the case changes later', () => {
    const held = withRequest(registerRecordOf(record), 'inzage', '2027-02-01T09:00:00.000Z');
    expect(registerRecordOf({ ...record, status: 'afgesloten' }, held).requests).toEqual(held.requests);
  });
});

describe('the register file', () => {
  it('reads back what it wrote, the last line of a reference winning', () => {
    const first = registerRecordOf({ ...record, status: 'bevestigd' });
    const last = registerRecordOf(record);
    const text = encodeRegisterLine(first) + encodeRegisterLine(last);
    expect([...decodeRegister(text).values()]).toEqual([last]);
  });

  it('appends only what changed', () => {
    const held = decodeRegister(encodeRegisterLine(registerRecordOf(record)));
    expect(changedLines(held, [registerRecordOf(record)])).toBe('');
    const other = registerRecordOf(aCase());
    expect(changedLines(held, [registerRecordOf(record), other])).toBe(encodeRegisterLine(other));
  });

  it('refuses a line that is not a register record, naming the file and the line, also one with a name in it', () => {
    const good = encodeRegisterLine(registerRecordOf(record));
    expect(() => decodeRegister(`${good}{kapot\n`, 'register/2026.jsonl')).toThrow(/register\/2026.jsonl regel 2/);
    const withName = `${good.slice(0, -2)},"name":"Anna"}\n`;
    expect(() => decodeRegister(withName)).toThrow(/regel 1/);
  });
});
