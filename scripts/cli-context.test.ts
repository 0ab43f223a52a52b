import { describe, expect, it } from 'vitest';
import { testContext } from '../tests/support/run-command.ts';
import { flagError, parseCommandArgs } from './cli-context.ts';

const usage = 'Gebruik:\n  klachten voorbeeld --year <jaar> [--json]\n';

const config = {
  allowPositionals: false,
  options: {
    year: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
} as const;

function fakeContext(argv: string[]) {
  const { ctx, output } = testContext({ argv, cwd: '/nowhere' });
  return { ctx, stdout: () => output().stdout, stderr: () => output().stderr };
}

describe('parseCommandArgs', () => {
  it('says in Dutch that a flag is unknown, then shows the usage on stderr, and returns exit code 2', () => {
    const { ctx, stdout, stderr } = fakeContext(['--year', '2027', '--jaar']);
    expect(parseCommandArgs(ctx, usage, config)).toBe(2);
    expect(stderr()).toBe(`Onbekende optie. (Unknown option '--jaar')\n\n${usage}`);
    expect(stdout()).toBe('');
  });

  it.each([
    ['a string flag without its value', ['--year'], 'Een optie mist haar waarde'],
    ['a value given to a boolean flag', ['--json=ja'], 'Een optie mist haar waarde'],
    ['an argument without a flag', ['2027'], 'Onverwacht argument zonder optie ervoor.'],
  ])('explains %s in Dutch and returns 2', (_, argv, dutch) => {
    const { ctx, stderr } = fakeContext(argv);
    expect(parseCommandArgs(ctx, usage, config)).toBe(2);
    expect(stderr().startsWith(dutch)).toBe(true);
    expect(stderr().endsWith(`\n\n${usage}`)).toBe(true);
  });

  it('prints the usage on stdout and returns 0 for --help, even with other flags', () => {
    const { ctx, stdout, stderr } = fakeContext(['--json', '--help']);
    expect(parseCommandArgs(ctx, usage, config)).toBe(0);
    expect(stdout()).toBe(usage);
    expect(stderr()).toBe('');
  });

  it('treats --help as an unknown flag when the command has no help option', () => {
    const { ctx, stdout, stderr } = fakeContext(['--help']);
    expect(parseCommandArgs(ctx, usage, { options: { json: { type: 'boolean' } } })).toBe(2);
    expect(stderr()).toMatch(/^Onbekende optie\./);
    expect(stdout()).toBe('');
  });

  it('passes good arguments through as values and positionals, printing nothing', () => {
    const { ctx, stdout, stderr } = fakeContext(['show', 'K-2026-7QF3M9', '--json']);
    const parsed = parseCommandArgs(ctx, usage, { allowPositionals: true, options: { json: { type: 'boolean' } } });
    expect(parsed).toEqual({ values: { json: true }, positionals: ['show', 'K-2026-7QF3M9'] });
    expect(stdout() + stderr()).toBe('');
  });

  it('fills in defaults and leaves flags that were not given out', () => {
    const { ctx } = fakeContext(['--year', '2027']);
    expect(parseCommandArgs(ctx, usage, config)).toEqual({
      values: { year: '2027', json: false, help: false },
      positionals: [],
    });
  });

  it('throws an error that is not about the arguments: a broken configuration is a bug', () => {
    const { ctx, stderr } = fakeContext([]);
    const broken = { options: { year: { type: 'number' } } } as unknown as typeof config;
    expect(() => parseCommandArgs(ctx, usage, broken)).toThrow();
    expect(stderr()).toBe('');
  });
});

describe('flagError', () => {
  it('falls back to a general Dutch sentence for an error it does not know', () => {
    expect(flagError(new Error('iets anders'))).toBe('De opties kloppen niet. (iets anders)');
  });
});
