import { describe, expect, it } from 'vitest';
import { parseSlashCommands } from './slash-commands.ts';

describe('parseSlashCommands', () => {
  it('reads commands from the comment’s own lines that start with a slash', () => {
    expect(parseSlashCommands('Dank voor het bellen.\n/bevestig @jdevries\n')).toEqual([
      { command: '/bevestig', type: 'confirm', argument: '@jdevries' },
    ]);
  });

  it('reads several commands in order, with the rest of each line as its argument', () => {
    expect(parseSlashCommands('/beantwoord https://example.nl/verslag.pdf\r\n  /sluit deels gegrond')).toEqual([
      { command: '/beantwoord', type: 'answer', argument: 'https://example.nl/verslag.pdf' },
      { command: '/sluit', type: 'close', argument: 'deels gegrond' },
    ]);
  });

  it('knows the English names and ignores case', () => {
    expect(parseSlashCommands('/Extend waiting for the contractor').map((command) => command.type)).toEqual(['extend']);
  });

  it('ignores slashes inside a line, quoted lines, code blocks, indented code and unknown words', () => {
    const body = [
      'Zie /sluit gegrond in de tekst',
      '> /sluit gegrond',
      '```',
      '/sluit gegrond',
      '```',
      '    /sluit gegrond',
      '/sluiten gegrond',
      '/usr/bin/sluit',
    ].join('\n');
    expect(parseSlashCommands(body)).toEqual([]);
  });
});
