import { isUnsupportedYearError, makeCalendar } from '../../cases/calendar.ts';
import { formatDate } from '../../cases/format-date.ts';
import { explainTerms } from '../../cases/terms-explanation.ts';
import { computeTerms, receiptDate } from '../../cases/terms.ts';
import { parseValueCommand, usageExit, type CliContext } from '../cli-context.ts';

const usage = `Gebruik:
  klachten terms --received <tijdstip> [--json]

  --received  het moment van ontvangst, ISO 8601 met tijdzone,
              bijvoorbeeld 2028-03-03T14:30:00+01:00 of 2028-03-03T13:30:00Z
  --json      één JSON-object in plaats van tekst
`;

/**
 * `klachten terms --received <moment> [--json]`: the terms of a complaint received at that moment,
 * with explanations, after the organisation's `ctx.config.terms`. Bad arguments: a Dutch message
 * on stderr and exit code 2.
 *
 * @example
 * await run({ argv: ['--received', '2028-03-03T10:00:00+01:00', '--json'], … });
 * // prints {"received":"2028-03-03","confirmBy":"2028-03-14","answerBy":"2028-04-18",…}, returns 0
 */
export async function run(ctx: CliContext): Promise<number> {
  const missing = 'Geef het moment van ontvangst op met --received.';
  const parsed = parseValueCommand(ctx, usage, 'received', missing, (value) => (value === '' ? missing : undefined));
  if (typeof parsed === 'number') return parsed;
  const receivedAt = parsed.value;
  const settings = ctx.config.terms;
  try {
    receiptDate(receivedAt, settings.timeZone);
  } catch (error) {
    ctx.stderr(`${(error as Error).message}\n`);
    return usageExit;
  }
  const calendar = makeCalendar(settings);
  let result;
  try {
    const computed = computeTerms(receivedAt, calendar, settings);
    result = {
      ...computed,
      explanation: {
        nl: explainTerms(computed, calendar, settings, 'nl'),
        en: explainTerms(computed, calendar, settings, 'en'),
      },
    };
  } catch (error) {
    if (!isUnsupportedYearError(error)) throw error;
    ctx.stderr(`${(error as Error).message}\n`);
    return usageExit;
  }
  if (parsed.json) {
    ctx.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const nl = result.explanation.nl;
  ctx.stdout(
    [
      `Klacht ontvangen op ${formatDate(result.received, 'nl')} (${result.received}).`,
      '',
      'Bevestiging met behandelaar en antwoorddatum:',
      `  ${nl.confirmBy}`,
      'Gemotiveerd antwoord:',
      `  ${nl.answerBy}`,
      'Na eenmalige verlenging:',
      `  ${nl.extendedAnswerBy}`,
      '',
    ].join('\n'),
  );
  return 0;
}
