import { describe, expect, it } from 'vitest';
import { errorMessage, limits, makeComplaintSchema, validateComplaint } from './complaint.ts';

const schema = makeComplaintSchema(['onderhoud', 'overlast']);
const valid = {
  locale: 'nl',
  role: 'bewoner',
  name: 'Anna de Vries',
  email: 'anna@example.nl',
  phone: '',
  address: 'Lindenlaan 12',
  category: 'onderhoud',
  complaint: 'De lift is kapot.',
  expectation: 'Repareren.',
  concerns: '',
  earlier: 'nee',
  whatIsNew: '',
  consent: 'ja',
};

describe('the complaint form schema', () => {
  it('accepts a complete complaint and drops empty optional fields', () => {
    const result = validateComplaint(schema, valid);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.complaint.phone).toBeUndefined();
      expect(result.complaint.concerns).toBeUndefined();
    }
  });

  it('treats null from an empty form field as missing, with the field named', () => {
    const result = validateComplaint(schema, { ...valid, name: null, phone: null });
    expect(result).toEqual({ ok: false, errors: { name: 'required' } });
  });

  it('reports every wrong field once, in the terms of the person', () => {
    const result = validateComplaint(schema, { locale: 'nl', email: 'geen-adres', category: 'onbekend' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toMatchObject({
        role: 'choice',
        name: 'required',
        email: 'email',
        category: 'choice',
        consent: 'consent',
      });
    }
  });

  it('refuses text longer than the limit shown beside the field', () => {
    const result = validateComplaint(schema, { ...valid, name: 'a'.repeat(limits.name + 1) });
    expect(result).toEqual({ ok: false, errors: { name: 'tooLong' } });
    expect(validateComplaint(schema, { ...valid, name: 'a'.repeat(limits.name) }).ok).toBe(true);
  });

  it.each([
    ['name', 'Zoë\nde Vries'],
    ['name', 'Zoë de Vries\r\n'],
    ['name', 'Zoë\u001b[2J'],
    ['name', 'Zoë\u0085'],
    ['email', 'zoe@example.nl\r\nBcc: x@example.org'],
    ['phone', '06\t12345678'],
    ['address', 'Lindenlaan 12\u0000'],
    ['concerns', 'de\u0007 huismeester'],
    // The forged line: U+2028 makes a terminal and a mail's HTML start a new line.
    ['name', 'Zoë\u2028E-mail: nep@example.org'],
    ['address', 'Lindenlaan 12\u2029Telefoon: 0900-1234'],
    ['email', 'zoe@example.nl\u000b'],
    ['phone', '06 1234\u000c5678'],
    ['name', 'Zoë \u202egnp.exe'],
    ['concerns', 'de huis\u200bmeester'],
    ['name', 'Zo\u2066ë\u2069'],
    ['address', '\ufeffLindenlaan 12'],
  ])('refuses a line break, control or format character in the one-line field %s', (field, value) => {
    expect(validateComplaint(schema, { ...valid, [field]: value })).toEqual({
      ok: false,
      errors: { [field]: 'control' },
    });
  });

  it('takes a name whose script needs the zero-width joiner or non-joiner', () => {
    expect(validateComplaint(schema, { ...valid, name: 'मिश्र क्\u200dष' }).ok).toBe(true);
    expect(validateComplaint(schema, { ...valid, name: 'می\u200cخواهم' }).ok).toBe(true);
  });

  it('keeps line breaks and tabs in the texts that may span lines', () => {
    const result = validateComplaint(schema, { ...valid, complaint: 'Eerst dit.\r\n\tDan dat.', expectation: 'a\nb' });
    expect(result.ok && result.complaint.complaint).toBe('Eerst dit.\n\tDan dat.');
  });

  it('says in both languages which field may hold one line only', () => {
    expect(errorMessage('nl', 'name', 'control')).toBe(
      'Uw naam mag maar één regel zijn, zonder regeleinden, tabs of onzichtbare stuurtekens. Haal die weg en probeer het opnieuw.',
    );
    expect(errorMessage('en', 'address', 'control')).toBe(
      'The address or complex must be a single line, without line breaks, tabs or invisible control characters. Remove them and try again.',
    );
  });

  it('asks what is new when the person complained about this before', () => {
    expect(validateComplaint(schema, { ...valid, earlier: 'ja' })).toEqual({
      ok: false,
      errors: { whatIsNew: 'required' },
    });
    expect(validateComplaint(schema, { ...valid, earlier: 'ja', whatIsNew: 'Nieuwe lekkage.' }).ok).toBe(true);
    const everythingWrong = validateComplaint(schema, { earlier: 'ja' });
    expect(!everythingWrong.ok && everythingWrong.errors.whatIsNew).toBe('required');
  });

  it('refuses a value of the wrong type instead of coercing it', () => {
    const result = validateComplaint(schema, { ...valid, complaint: ['a', 'b'], consent: 'yes' });
    expect(result).toEqual({ ok: false, errors: { complaint: 'required', consent: 'consent' } });
  });

  it('stores line breaks as the person typed them, not as the CRLF browsers send', () => {
    const result = validateComplaint(schema, { ...valid, complaint: 'Eerste regel\r\n\r\nDerde regel' });
    expect(result.ok && result.complaint.complaint).toBe('Eerste regel\n\nDerde regel');
  });

  it('keeps the text exactly as typed apart from surrounding spaces', () => {
    const complaint = 'Één lift 🛗 kapot\n\nsinds   maandag';
    const result = validateComplaint(schema, { ...valid, complaint: `  ${complaint}\n` });
    expect(result.ok && result.complaint.complaint).toBe(complaint);
  });
});

describe('error messages', () => {
  it('speaks Dutch on the Dutch form and English on the English one', () => {
    expect(errorMessage('nl', 'name', 'required')).toBe('Vul uw naam in.');
    expect(errorMessage('en', 'name', 'required')).toBe('Enter your name.');
  });

  it('names the limit when a text is too long', () => {
    expect(errorMessage('nl', 'complaint', 'tooLong')).toBe('Uw klacht is te lang: gebruik hoogstens 20.000 tekens.');
    expect(errorMessage('en', 'complaint', 'tooLong')).toBe(
      'Your complaint is too long: use at most 20,000 characters.',
    );
  });
});
