import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { privateFileMode } from '../../cases/private-files.ts';
import { exportCsv, exportJson } from '../../cases/register/export-csv.ts';
import { exportRows } from '../../cases/register/export-rows.ts';
import { makeLocalDate } from '../../cases/report/dates.ts';
import { dateRange, type Period } from '../../cases/report/period.ts';
import { parseCommandArgs, usageExit, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { readRegister } from './register-source.ts';

const usage = `Gebruik:
  klachten register export --from JJJJ-MM-DD --to JJJJ-MM-DD [--format csv|json] [--out <bestand>]

  Eén regel per klacht die in de periode is ontvangen (beide dagen inbegrepen), uit het anonieme
  register: kenmerk, datums, categorie, status, afloop, of de termijnen zijn gehaald, verdaging,
  heropening en tevredenheid. Geen namen, adressen of tekst van klagers. De kolommen staan in
  docs/reports.md.

  --format   csv (standaard; UTF-8 met BOM, komma's, RFC 4180, geschikt voor Excel en LibreOffice) of json
  --out      schrijf naar dit bestand (alleen de dienst mag het lezen); zonder --out op het scherm
             (dan zonder BOM)
`;

/**
 * `klachten register export --from … --to … [--format csv|json] [--out file]`: the register of a
 * period for management, as CSV or JSON. Bad arguments: a Dutch message and exit code 2.
 *
 * @example
 * await run({ argv: ['export', '--from', '2026-01-01', '--to', '2026-12-31', '--out', 'register-2026.csv'], … }) // 0
 */
export async function run(ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, usage, {
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { positionals, values } = parsed;
  const fail = (problem: string) => {
    ctx.stderr(`${problem}\n\n${usage}`);
    return usageExit;
  };
  if (positionals.length !== 1 || positionals[0] !== 'export')
    return fail('Geef de opdracht: klachten register export.');
  if (values.from === undefined || values.to === undefined) return fail('Geef de periode op met --from en --to.');
  if (values.format !== 'csv' && values.format !== 'json')
    return fail(`--format is csv of json, niet "${values.format}".`);
  let period: Period;
  try {
    period = dateRange(values.from, values.to);
  } catch (error) {
    return fail((error as Error).message);
  }
  const { config } = ctx;
  const store = servicesOf(ctx).makeStore(ctx);
  // The register, not the cases: erased cases still count, and no personal data is read.
  const records = await readRegister(ctx, store);
  const today = makeLocalDate(config.terms.timeZone)(ctx.now().toISOString());
  const rows = exportRows(records, period, config, today);
  const text = values.format === 'csv' ? exportCsv(rows) : exportJson(rows);
  if (values.out === undefined) {
    ctx.stdout(text.replace(/^\uFEFF/, ''));
    return 0;
  }
  const out = resolve(ctx.cwd, values.out);
  await writeFile(out, text, { encoding: 'utf8', mode: privateFileMode });
  ctx.stdout(
    `${rows.length} klacht(en) van ${period.from} tot en met ${period.to} geschreven naar ${values.out} (${store.description}).\n`,
  );
  return 0;
}
