import { describe, expect, it } from 'vitest';
import { answerParts, confirmsAnswer, parseSlashCommands } from './slash-commands.ts';

describe('parseSlashCommands', () => {
  it('reads commands from the comment’s own lines that start with a slash', () => {
    expect(parseSlashCommands('Dank voor het bellen.\n/bevestig @jdevries\n')).toEqual([
      { command: '/bevestig', type: 'confirm', argument: '@jdevries' },
    ]);
  });

  it('reads several commands in order, with the rest of each line as its argument', () => {
    expect(parseSlashCommands('/verdaag Het rapport volgt.\r\n  /sluit deels gegrond')).toEqual([
      { command: '/verdaag', type: 'extend', argument: 'Het rapport volgt.' },
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

  it('takes the rest of the comment as the answer of /beantwoord, so no line in it is a command', () => {
    const body = '/beantwoord\nWij hebben gekeken.\n/sluit gegrond\n\n/verslag\nGesprek op 3 november.';
    const [command, ...more] = parseSlashCommands(body);
    expect(more).toEqual([]);
    expect(command && answerParts(command)).toEqual({
      text: 'Wij hebben gekeken.\n/sluit gegrond',
      report: 'Gesprek op 3 november.',
    });
  });

  it('reads /verstuur and /beantwoord bevestig as sending the previewed answer, and /vraag with its text', () => {
    expect(parseSlashCommands('/verstuur').map((command) => command.type)).toEqual(['send']);
    const [confirm] = parseSlashCommands('/beantwoord bevestig');
    expect(confirm && confirmsAnswer(confirm)).toBe(true);
    expect(parseSlashCommands('/vraag Op welke verdieping\nwoont u?')).toEqual([
      { command: '/vraag', type: 'ask', argument: 'Op welke verdieping', body: 'woont u?' },
    ]);
  });
});
