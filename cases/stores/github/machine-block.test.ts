import { describe, expect, it } from 'vitest';
import { machineJson, machinePage, readPage, readPageHeader, startsWithMachineBlock } from './machine-block.ts';

describe('the machine block', () => {
  it('writes JSON as pure ASCII that cannot end an HTML comment, and means the same', () => {
    const value = { text: 'Zoë <b> & --> 😀' };
    const json = machineJson(value);
    expect(json).toBe('{"text":"Zo\\u00eb \\u003cb\\u003e \\u0026 -\\u002d\\u003e \\ud83d\\ude00"}');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('reads back the header and chunk of a page it wrote, and nothing from a page that does not start with one', () => {
    const header = { reference: 'K-2026-7QF3M9', part: 2, parts: 3, digest: '0123456789abcdef' };
    const page = `${machinePage(header, '{"a":1')}Leesbare tekst`;
    expect(startsWithMachineBlock(page)).toBe(true);
    expect(readPage(page)).toEqual({ header, chunk: '{"a":1' });
    expect(readPageHeader(`\n${page}`)).toBeUndefined();
    expect(startsWithMachineBlock(`\n${page}`)).toBe(false);
    expect(readPageHeader(page.replace('K-2026-7QF3M9', 'iets anders'))).toBeUndefined();
  });
});
