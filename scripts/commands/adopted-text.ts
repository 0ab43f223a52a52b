import type { AdoptionResult } from '../../cases/stores/github/adopt.ts';

/**
 * One line per issue-form issue that `setup` or `sync` looked at: the reference it was given, or
 * the fields a coordinator still has to fill in. Issue numbers and references only.
 *
 * @example
 * adoptedText([{ issue: 4, reference: 'K-2026-7QF3M9' }]) // '  issue #4: kenmerk K-2026-7QF3M9 gegeven\n'
 */
export function adoptedText(adopted: readonly AdoptionResult[]): string {
  return adopted
    .map((result) =>
      result.reference
        ? `  issue #${result.issue}: kenmerk ${result.reference} gegeven\n`
        : `  issue #${result.issue}: niet verwerkt, vul aan: ${(result.problems ?? []).join(', ')}\n`,
    )
    .join('');
}
