// Plain words (B1) on the public side, measured: the summaries "In het kort" / "In short" and the
// accessibility statement score at least 65 (Flesch-Douma for Dutch, Flesch reading ease for
// English) with no sentence over 20 words, and so does the first paragraph of every mail.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../cases/locale.ts';
import { plainText, readability, syllables } from './support/readability.ts';

const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('the readability measure', () => {
  it('counts Dutch and English syllables as the words are spoken', () => {
    const nl: Array<[string, number]> = [
      ['klacht', 1],
      ['klachtenreglement', 5],
      ['werkdagen', 3],
      ['bevestiging', 4],
      ['tevredenheid', 4],
      ['ideeën', 3],
      ['uiterlijk', 3],
      ['opgelost', 3],
    ];
    const en: Array<[string, number]> = [
      ['complaint', 2],
      ['make', 1],
      ['table', 2],
      ['handles', 2],
      ['answered', 2],
      ['confirmation', 4],
    ];
    expect(nl.map(([word]) => [word, syllables(word, 'nl')])).toEqual(nl);
    expect(en.map(([word]) => [word, syllables(word, 'en')])).toEqual(en);
  });

  it('scores a legal sentence low and a plain one high', () => {
    const legal =
      'Nadat de klacht digitaal is ingediend en daarover een bevestigingsmail is gestuurd, wordt de klacht in behandeling genomen en beoordeeld door een onafhankelijke derde.';
    const plain = 'U stuurt uw klacht. We lezen hem. Binnen zes weken krijgt u antwoord.';
    expect(readability(legal, 'nl').score).toBeLessThan(40);
    expect(readability(plain, 'nl').score).toBeGreaterThan(80);
    expect(readability(legal, 'nl').longest).toBe(24);
  });

  it('finds the full reglement hard to read, which is why it has a summary', () => {
    expect(readability(plainText(read('site/content/reglement/nl.md')), 'nl').score).toBeLessThan(65);
  });
});

describe.each(locales)('the public text in %s', (locale) => {
  it.each([`site/content/summary/${locale}.md`, `site/content/accessibility/${locale}.md`])(
    '%s scores at least 65 with no sentence over 20 words',
    (path) => {
      const result = readability(plainText(read(path)), locale);
      expect(result.sentences.length).toBeGreaterThan(10);
      expect(result.score, path).toBeGreaterThanOrEqual(65);
      expect(result.sentences.filter((sentence) => sentence.split(/\s+/).length > 20)).toEqual([]);
    },
  );

  it('the summary says what a complaint is, how to file one, the 7 working days and 6 weeks, what follows and where else to go', () => {
    const text = plainText(read(`site/content/summary/${locale}.md`));
    const expected =
      locale === 'nl'
        ? [/Wat is een klacht\?/, /klachtenformulier/, /7 werkdagen/, /6 weken/, /Daarna/, /andere instantie/]
        : [/What is a complaint\?/, /complaint form/, /7 working days/, /6 weeks/, /After that/, /another body/];
    for (const pattern of expected) expect(text).toMatch(pattern);
  });

  // The salutation ("Beste {{name}},", or "Beste meneer, mevrouw," where no name may be used) is not the first paragraph.
  const templates = readdirSync(join(root, 'templates', 'mail', locale)).filter((name) => name.endsWith('.md'));
  it.each(templates)('the first paragraph of the mail %s scores at least 65, no sentence over 20 words', (name) => {
    const blocks = read(join('templates', 'mail', locale, name))
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .filter((block) => block !== '' && !block.startsWith('#') && !/^(Beste|Dear|Hello)\b[^\n]*,$/.test(block));
    const result = readability(plainText(blocks[0] ?? ''), locale);
    expect(result.words, name).toBeGreaterThan(4);
    expect(result.score, name).toBeGreaterThanOrEqual(65);
    expect(result.longest, name).toBeLessThanOrEqual(20);
  });
});
