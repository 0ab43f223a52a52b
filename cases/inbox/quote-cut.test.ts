import { describe, expect, it } from 'vitest';
import { cutQuotedHistory, maxReplyScanCharacters } from './quote-cut.ts';

describe('cutQuotedHistory', () => {
  it('cuts at a Dutch "Op … schreef …:" header, also one wrapped over two lines', () => {
    expect(
      cutQuotedHistory(
        'Hierbij de foto.\n\nOp di 10 nov. 2026 om 09:00 schreef De klachtencoördinator <klachten@livable.nl>:\n> Geachte mevrouw,\n> …',
      ),
    ).toBe('Hierbij de foto.');
    expect(
      cutQuotedHistory(
        'Akkoord.\n\nOp 10 november 2026 09:00 schreef De klachtencoördinator\n<klachten@livable.nl>:\n\n> Geachte …',
      ),
    ).toBe('Akkoord.');
  });

  it('cuts at an English "On … wrote:" header', () => {
    expect(
      cutQuotedHistory('Thank you.\n\nOn Tue, 10 Nov 2026 at 09:00, Complaints <klachten@livable.nl> wrote:\n> Dear …'),
    ).toBe('Thank you.');
  });

  it('cuts at Outlook’s "-----Oorspronkelijk bericht-----" and "----- Original Message -----"', () => {
    expect(
      cutQuotedHistory(
        'Zie bijlage.\n\n-----Oorspronkelijk bericht-----\nVan: Klachten\nVerzonden: dinsdag\n\nGeachte …',
      ),
    ).toBe('Zie bijlage.');
    expect(cutQuotedHistory('See attached.\n----- Original Message -----\nFrom: Complaints\n\nDear …')).toBe(
      'See attached.',
    );
  });

  it('cuts at an Outlook "Van:/Verzonden:" block and a "From:/Sent:" block without angle brackets', () => {
    expect(
      cutQuotedHistory(
        'Ik ben het er niet mee eens.\n\nVan: De klachtencoördinator\nVerzonden: dinsdag 10 november 2026 09:00\nAan: Anna\nOnderwerp: Uw klacht\n\nGeachte …',
      ),
    ).toBe('Ik ben het er niet mee eens.');
    expect(
      cutQuotedHistory('No.\n\n*From:* Complaints\n*Sent:* Tuesday, 10 November 2026 09:00\n*To:* Anna\n\nDear …'),
    ).toBe('No.');
  });

  it('drops quoted ">" lines and the phone’s signature line', () => {
    expect(cutQuotedHistory('Eerste regel\n> geciteerd\nDerde regel\n\nVerstuurd vanaf mijn iPhone')).toBe(
      'Eerste regel\nDerde regel',
    );
  });

  it('keeps a sentence that begins with "Van:" when no mail header follows it', () => {
    expect(cutQuotedHistory('Van: de buren hoorde ik dat de lift weer kapot is.\nGraag snel.')).toBe(
      'Van: de buren hoorde ik dat de lift weer kapot is.\nGraag snel.',
    );
  });

  it('gives nothing for a reply that only quotes', () => {
    expect(cutQuotedHistory('\n\nOp 10 nov. 2026 om 09:00 schreef Klachten <klachten@livable.nl>:\n> Geachte …')).toBe(
      '',
    );
  });

  it('looks at a bounded part of a very long text only', () => {
    const long = `${'a'.repeat(maxReplyScanCharacters + 10)}\nslot`;
    expect(cutQuotedHistory(long)).toHaveLength(maxReplyScanCharacters);
  });
});
