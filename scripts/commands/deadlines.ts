import { appendFile } from 'node:fs/promises';
import type { Case, Status } from '../../cases/case.ts';
import { isUnsupportedYearError, makeCalendar, toPlainDate } from '../../cases/calendar.ts';
import {
  dueNotices,
  noticeKindNames,
  noticeKinds,
  noticesComment,
  noticeText,
  recordNotices,
  type Notice,
} from '../../cases/deadlines.ts';
import { receivedAtIso } from '../../cases/intake.ts';
import { receiptDate } from '../../cases/terms.ts';
import { parseCommandArgs, usageExit, type CliContext } from '../cli-context.ts';
import type { CommandArgs, CommandArgsConfig } from '../cli-context.ts';
import { servicesOf } from '../services.ts';

/** Writes per run unless `--max-writes` says otherwise: well inside GitHub's secondary rate limits. */
export const defaultMaxWrites = 100;

/**
 * What one case's notices cost in writes: the comment and the update of the case (on GitHub one
 * comment and one issue update; the Git folder makes one commit but is counted the same way).
 */
export const writesPerCase = 2;

const usage = `Gebruik:
  klachten deadlines [--dry-run] [--max-writes N] [--today JJJJ-MM-DD]

  Stuurt de herinneringen en escalaties die vandaag nodig zijn, elk precies één keer:
  - nog niet bevestigd, 2 werkdagen of minder voor de bevestigingstermijn: herinnering aan de coördinatoren;
  - bevestigingstermijn voorbij: label "termijn: bevestiging verlopen" en een escalatie;
  - nog niet beantwoord, 5 werkdagen of minder voor de antwoordtermijn: herinnering aan de behandelaar;
  - antwoordtermijn voorbij: label "termijn: antwoord verlopen" en een escalatie aan de coördinatoren.

  --dry-run        niets schrijven, alleen tonen wat er zou gebeuren
  --max-writes N   hoogstens N schrijfacties (standaard ${defaultMaxWrites}; per klacht ${writesPerCase}: reactie en bijwerken);
                   wat niet past, volgt bij de volgende run
  --today DATUM    doen alsof het vandaag DATUM is (standaard: vandaag in de tijdzone van de organisatie)

  Afsluitcode 0: klaar; 1: de opslag gaf een fout (wat al gedaan was, blijft gedaan); 2: verkeerde opties.
`;

/** How one case's notices ended in this run. */
type Outcome = 'sent' | 'would-send' | 'postponed' | 'failed';

interface CaseResult {
  reference: string;
  notices: Notice[];
  outcome: Outcome;
}

/** The notices grouped per case, in the order they came. */
function byCase(notices: readonly Notice[]): Map<string, Notice[]> {
  const groups = new Map<string, Notice[]>();
  for (const notice of notices) groups.set(notice.reference, [...(groups.get(notice.reference) ?? []), notice]);
  return groups;
}

const deadlinesArgs = {
  allowPositionals: false,
  options: {
    'dry-run': { type: 'boolean', default: false },
    'max-writes': { type: 'string' },
    today: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
} as const satisfies CommandArgsConfig;

/** The checks parseArgs cannot make: a whole number for `--max-writes`, a real date for `--today`. */
function readOptions(
  values: CommandArgs<typeof deadlinesArgs>['values'],
): { dryRun: boolean; maxWrites: number; today: string | undefined } | { problem: string } {
  let maxWrites = defaultMaxWrites;
  if (values['max-writes'] !== undefined) {
    if (!/^\d+$/.test(values['max-writes'])) {
      return { problem: `--max-writes verwacht een geheel getal van 0 of meer, niet "${values['max-writes']}".` };
    }
    maxWrites = Number(values['max-writes']);
  }
  if (values.today !== undefined) {
    try {
      toPlainDate(values.today);
    } catch (error) {
      return { problem: `--today: ${(error as Error).message}` };
    }
  }
  return { dryRun: values['dry-run'], maxWrites, today: values.today };
}

/**
 * `klachten deadlines [--dry-run] [--max-writes N] [--today YYYY-MM-DD]`: sends the term notices
 * due today on the configured store, each once; prints a summary (references and counts, no
 * personal data) and appends it to `$GITHUB_STEP_SUMMARY` when that is set.
 * Reads: one listing of the open cases. Writes: per case with notices one comment and one update.
 *
 * @example
 * await run({ argv: ['--dry-run', '--today', '2026-11-05'], … }) // prints what it would send, returns 0
 */
export async function run(ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, usage, deadlinesArgs);
  if (typeof parsed === 'number') return parsed;
  const options = readOptions(parsed.values);
  if ('problem' in options) {
    ctx.stderr(`${options.problem}\n\n${usage}`);
    return usageExit;
  }
  const { config } = ctx;
  const calendar = makeCalendar(config.terms);
  const today = options.today ?? receiptDate(ctx.now().toISOString(), config.terms.timeZone);
  try {
    calendar.isWorkingDay(today);
  } catch (error) {
    if (!isUnsupportedYearError(error)) throw error;
    ctx.stderr(`${(error as Error).message}\n`);
    return usageExit;
  }
  const store = servicesOf(ctx).makeStore(ctx);

  const open = await store.listCases({ openOnly: true });
  const notices = dueNotices(open, today, calendar, config);
  const listed = new Map(open.map((record) => [record.reference, record]));
  const at = receivedAtIso(ctx.now(), config.terms.timeZone);

  const results: CaseResult[] = [];
  let writes = 0;
  let failure: string | undefined;
  for (const [reference, group] of byCase(notices)) {
    if (options.dryRun) {
      results.push({ reference, notices: group, outcome: 'would-send' });
      continue;
    }
    if (failure !== undefined || writes + writesPerCase > options.maxWrites) {
      results.push({ reference, notices: group, outcome: 'postponed' });
      continue;
    }
    const current = listed.get(reference) as Case;
    writes += writesPerCase;
    try {
      await store.updateCase(
        reference,
        (latest) => recordNotices(latest, group, at),
        `termijnbericht: ${group.map((notice) => notice.key).join(', ')}`,
        { current, comment: noticesComment(group) },
      );
      results.push({ reference, notices: group, outcome: 'sent' });
    } catch (error) {
      // Stop writing: whatever broke this call (GitHub down, a rate limit) would break the next.
      failure = error instanceof Error ? error.message : String(error);
      results.push({ reference, notices: group, outcome: 'failed' });
    }
  }

  const done = new Map(results.map((result) => [result.reference, result.outcome]));
  for (const notice of notices) {
    const prefix = options.dryRun ? '[proefrun] ' : done.get(notice.reference) === 'sent' ? '' : '[niet verstuurd] ';
    // The first line holds the reference, the kind and the date; the staff mentions come later.
    ctx.stdout(`${prefix}${firstLine(noticeText(notice))}\n`);
  }
  const summary = summaryMarkdown({
    today,
    open,
    results,
    dryRun: options.dryRun,
    writes,
    maxWrites: options.maxWrites,
  });
  ctx.stdout(summary);
  const summaryFile = ctx.env['GITHUB_STEP_SUMMARY'];
  if (summaryFile) await appendFile(summaryFile, summary, 'utf8');
  if (failure !== undefined) {
    ctx.stderr(`De opslag gaf een fout; de rest volgt bij de volgende run: ${failure}\n`);
    return 1;
  }
  return 0;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

/** At most this many references per table cell; the count says how many there are. */
const maxReferencesShown = 50;

function references(items: readonly string[]): string {
  const shown = items.slice(0, maxReferencesShown).join(', ');
  return items.length > maxReferencesShown ? `${shown}, … (+${items.length - maxReferencesShown})` : shown;
}

const outcomeNames: Record<Outcome, string> = {
  sent: 'verstuurd',
  'would-send': 'zou versturen (proefrun)',
  postponed: 'uitgesteld naar de volgende run',
  failed: 'mislukt',
};

const openStatuses: readonly Status[] = ['ontvangen', 'bevestigd', 'verdaagd', 'beantwoord', 'heropend'];

/**
 * The run's summary as Markdown: the notices per kind and what became of them, and the open cases
 * per status. References and counts only: no names, no complaint text.
 */
function summaryMarkdown(run: {
  today: string;
  open: readonly Case[];
  results: readonly CaseResult[];
  dryRun: boolean;
  writes: number;
  maxWrites: number;
}): string {
  const lines = [
    `## Termijnen op ${run.today}${run.dryRun ? ' (proefrun: niets geschreven)' : ''}`,
    '',
    '| Melding | Aantal | Kenmerken |',
    '| --- | ---: | --- |',
  ];
  for (const outcome of ['sent', 'would-send', 'postponed', 'failed'] as const) {
    for (const kind of noticeKinds) {
      const refs = run.results
        .filter((result) => result.outcome === outcome && result.notices.some((notice) => notice.kind === kind))
        .map((result) => result.reference);
      // Every kind is listed for what the run did; postponed and failed only when they happened.
      if (refs.length === 0 && outcome !== (run.dryRun ? 'would-send' : 'sent')) continue;
      lines.push(`| ${noticeKindNames[kind]}: ${outcomeNames[outcome]} | ${refs.length} | ${references(refs)} |`);
    }
  }
  lines.push('', '| Open klachten per status | Aantal | Kenmerken |', '| --- | ---: | --- |');
  for (const status of openStatuses) {
    const refs = run.open.filter((record) => record.status === status).map((record) => record.reference);
    lines.push(`| ${status} | ${refs.length} | ${references(refs)} |`);
  }
  lines.push('', `Schrijfacties: ${run.writes} van hoogstens ${run.maxWrites}. Open klachten: ${run.open.length}.`, '');
  return `${lines.join('\n')}\n`;
}
