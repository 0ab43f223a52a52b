import { Temporal } from 'temporal-polyfill';
import { horizonWarning, makeCalendar } from '../../cases/calendar.ts';
import type { Config } from '../../cases/config.ts';
import { formatDate } from '../../cases/format-date.ts';
import { parseValueCommand, usageExit, type CliContext } from '../cli-context.ts';

const usage = `Gebruik:
  klachten calendar --year <jaar> [--json]

  Toont de dagen van maandag tot en met vrijdag waarop geen werkdagen worden geteld:
  de feestdagen van de Algemene termijnenwet en de eigen sluitingsdagen uit klachten.config.ts.
  --json  één JSON-object in plaats van tekst
`;

/**
 * `klachten calendar --year <year> [--json]`: the year's non-working weekdays with their names,
 * so a coordinator can check the calendar before the year starts. Warns on stderr when the
 * calendar's horizon runs out within a year of today (`ctx.now()`), with the organisation's
 * `ctx.config.terms`.
 *
 * @example
 * await run({ argv: ['--year', '2027', '--json'], … });
 * // prints {"year":2027,"closingDays":[{"date":"2027-01-01","name":{"nl":"Nieuwjaarsdag",…}},…]}, returns 0
 */
export async function run(ctx: CliContext): Promise<number> {
  const parsed = parseValueCommand(ctx, usage, 'year', 'Geef het jaar op met --year.', (yearText) =>
    /^\d{4}$/.test(yearText) ? undefined : `"${yearText}" is geen jaartal van vier cijfers.`,
  );
  if (typeof parsed === 'number') return parsed;
  const year = Number(parsed.value);
  const settings = ctx.config.terms;
  const calendar = makeCalendar(settings);
  const { from, to } = calendar.supportedYears;
  if (year < from || year > to) {
    ctx.stderr(
      `De werkdagenkalender kent het jaar ${year} niet (ondersteund: ${from} tot en met ${to}). ` +
        'Controleer eerst de feestdagen van de Algemene termijnenwet voor dat jaar.\n',
    );
    return usageExit;
  }
  const closingDays = calendar.closingDays(year);
  if (parsed.json) {
    ctx.stdout(`${JSON.stringify({ year, closingDays }, null, 2)}\n`);
  } else {
    ctx.stdout(closingDaysText(year, closingDays, settings));
  }
  const today = Temporal.Instant.fromEpochMilliseconds(ctx.now().getTime())
    .toZonedDateTimeISO(settings.timeZone)
    .toPlainDate()
    .toString();
  const warning = horizonWarning(calendar, today, {
    aheadYears: 1,
    termDays: (settings.answerWeeks + settings.extensionWeeks) * 7 + 14,
  });
  if (warning !== undefined) ctx.stderr(`Let op: ${warning}\n`);
  return 0;
}

function closingDaysText(
  year: number,
  closingDays: { date: string; name: { nl: string } }[],
  settings: Config['terms'],
): string {
  const lines = [`Niet-werkdagen van maandag tot en met vrijdag in ${year}:`, ''];
  const width = Math.max(0, ...closingDays.map((day) => formatDate(day.date, 'nl').length));
  for (const day of closingDays) lines.push(`  ${formatDate(day.date, 'nl').padEnd(width)}  ${day.name.nl}`);
  if (closingDays.length === 0) lines.push('  (geen)');
  const removed = settings.removedClosingDays.filter((date) => date.startsWith(`${year}-`));
  if (removed.length > 0) {
    const legal = makeCalendar({ extraClosingDays: [], removedClosingDays: [] });
    lines.push('', 'Feestdagen waarop toch gewerkt wordt (removedClosingDays):');
    for (const date of removed) lines.push(`  ${formatDate(date, 'nl')}  ${legal.whyNotWorking(date)?.nl ?? ''}`);
  }
  lines.push(
    '',
    `${closingDays.length} ${closingDays.length === 1 ? 'dag' : 'dagen'}. Zaterdag en zondag zijn nooit werkdagen.`,
    '',
  );
  return lines.join('\n');
}
