import { describe, expect, it } from 'vitest';
import { parseTemplate } from './template-parse.ts';

describe('a broken template', () => {
  it('must start with its subject', () => {
    expect(() => parseTemplate('Beste {{name}},\n', 'nl/receipt.md')).toThrow(
      /nl\/receipt\.md: de eerste regel moet het onderwerp zijn/,
    );
  });

  it('may not hold HTML or images', () => {
    expect(() => parseTemplate('# S\n\n<b>vet</b>\n', 'x.md')).toThrow(/HTML is niet toegestaan/);
    expect(() => parseTemplate('# S\n\n![logo](https://example.com/l.png)\n', 'x.md')).toThrow(/afbeeldingen/);
  });

  it('may link only to https, mailto or a placeholder', () => {
    expect(() => parseTemplate('# S\n\n[x](http://example.com)\n', 'x.md')).toThrow(/https:\/\/ of mailto:/);
    expect(() => parseTemplate('# S\n\n[x](javascript:alert(1))\n', 'x.md')).toThrow(/https:\/\/ of mailto:/);
  });
});
