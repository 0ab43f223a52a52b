import { describe, expect, it } from 'vitest';
import { parseSatisfactionInput, remarkMaxLength } from './satisfaction.ts';

describe('the satisfaction form', () => {
  it('takes one of the three answers, with the remark trimmed and its line breaks made plain', () => {
    expect(parseSatisfactionInput({ answer: 'deels', remark: '  Snel geholpen.\r\nMaar laat.  ' })).toEqual({
      ok: true,
      input: { answer: 'deels', remark: 'Snel geholpen.\nMaar laat.' },
    });
  });

  it('leaves out an empty remark', () => {
    expect(parseSatisfactionInput({ answer: 'ja', remark: '   ' })).toEqual({ ok: true, input: { answer: 'ja' } });
    expect(parseSatisfactionInput({ answer: 'ja', remark: null })).toEqual({ ok: true, input: { answer: 'ja' } });
  });

  it('asks for an answer when none, or an unknown one, was sent', () => {
    expect(parseSatisfactionInput({})).toEqual({ ok: false, errors: { answer: 'required' } });
    expect(parseSatisfactionInput({ answer: 'misschien' })).toEqual({ ok: false, errors: { answer: 'required' } });
  });

  it(`refuses a remark longer than ${remarkMaxLength} characters`, () => {
    expect(parseSatisfactionInput({ answer: 'nee', remark: 'x'.repeat(remarkMaxLength) }).ok).toBe(true);
    expect(parseSatisfactionInput({ answer: 'nee', remark: 'x'.repeat(remarkMaxLength + 1) })).toEqual({
      ok: false,
      errors: { remark: 'tooLong' },
    });
  });
});
