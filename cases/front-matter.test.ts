import { describe, expect, it } from 'vitest';
import { readFrontMatter, writeFrontMatter } from './front-matter.ts';

describe('readFrontMatter', () => {
  it('reads YAML front matter and the body after it', () => {
    expect(readFrontMatter('---\ntitle: Rapportage\n---\nTekst\n')).toEqual({
      data: { title: 'Rapportage' },
      content: 'Tekst\n',
    });
  });

  it('reads a text without front matter as body alone', () => {
    expect(readFrontMatter('# Geen rapportage\n')).toEqual({ data: {}, content: '# Geen rapportage\n' });
  });

  it('accepts a fence that names YAML explicitly', () => {
    expect(readFrontMatter('---yaml\na: 1\n---\n').data).toEqual({ a: 1 });
  });

  it('refuses JavaScript front matter instead of running it', () => {
    const marker = '__klachten_front_matter_ran__';
    const text = `---js\n{ a: (globalThis.${marker} = true) }\n---\nTekst\n`;
    expect(() => readFrontMatter(text)).toThrow(/Alleen YAML/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it.each(['javascript', 'coffee', 'toml', 'json'])('refuses front matter in %s', (language) => {
    expect(() => readFrontMatter(`---${language}\n{}\n---\n`)).toThrow(/Alleen YAML/);
  });

  it('reads YAML tags as plain data, never as functions', () => {
    expect(() => readFrontMatter('---\na: !!js/function "function () { return 1 }"\n---\n')).toThrow();
  });

  it('gives fresh objects on each call, so one reader cannot change what the next one sees', () => {
    const text = '---\nlist: [1]\n---\n';
    (readFrontMatter(text).data['list'] as number[]).push(2);
    expect(readFrontMatter(text).data['list']).toEqual([1]);
  });
});

describe('writeFrontMatter', () => {
  it('writes data as YAML front matter before the content', () => {
    expect(writeFrontMatter('Tekst\n', { title: 'Rapportage' })).toBe('---\ntitle: Rapportage\n---\nTekst\n');
  });

  it('round-trips through readFrontMatter', () => {
    const data = { title: 'Ü — "quoted"', count: 3, nested: { a: ['x'] } };
    expect(readFrontMatter(writeFrontMatter('body\n', data))).toEqual({ data, content: 'body\n' });
  });
});
