import { describe, expect, it } from 'vitest';
import { displayText, fence, splitForDisplay } from './inert-text.ts';

describe('text made inert for the readable copy', () => {
  it('shows a text in a fence longer than any run of backticks in it', () => {
    expect(fence('a')).toBe('```text\na\n```');
    expect(fence('a ``` b ````` c')).toBe('``````text\na ``` b ````` c\n``````');
  });

  it('drops controls, bidi overrides and invisible characters from the displayed copy only, keeping emoji sequences', () => {
    expect(displayText('a\u0000b\u0007c\u202ed\u2066e\u200bf\ufeffg\r\nh\ri\u2028j')).toBe('abcdefg\nh\ni\nj');
    expect(displayText('👩‍👩‍👧 נ\u200cم')).toBe('👩‍👩‍👧 נ\u200cم');
    expect(displayText('\ud800x')).toBe('\ufffdx');
  });
});

describe('splitting a long text for display', () => {
  it('cuts at a line break when there is one in the second half, and never inside a surrogate pair', () => {
    expect(splitForDisplay('ab\ncd', 3)).toEqual(['ab', 'cd']);
    expect(splitForDisplay('abcdef', 4)).toEqual(['abcd', 'ef']);
    expect(splitForDisplay('abc😀d', 4)).toEqual(['abc', '😀d']);
    expect(splitForDisplay('short', 10)).toEqual(['short']);
  });
});
