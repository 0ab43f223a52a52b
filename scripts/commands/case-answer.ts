// The reasoned answer on the command line: `klachten cases answer <kenmerk> --text-file … [--report-file …]`
// reads the answer (and the verslag) from files as written, and `--preview` prints the mail the
// complainant would get without changing anything.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { previewAnswer } from '../../cases/answer/answer-preview.ts';
import { receivedAtIso } from '../../cases/intake.ts';
import { answerTextMissing, type Move } from '../../cases/lifecycle.ts';
import { usageExit, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';

/** The longest answer or verslag file read: far above any letter, far below a mistake. */
const maxFileBytes = 200_000;

async function readText(ctx: CliContext, path: string, what: string): Promise<string | { problem: string }> {
  try {
    const bytes = await readFile(resolve(ctx.cwd, path));
    if (bytes.byteLength > maxFileBytes) return { problem: `${what} ${path} is te groot (hoogstens 200 kB).` };
    return new TextDecoder('utf-8', { fatal: true })
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: `${what} ${path} bestaat niet.` };
    if (error instanceof TypeError) return { problem: `${what} ${path} is geen UTF-8-tekst.` };
    return { problem: `${what} ${path} kan niet worden gelezen (${code ?? 'onbekend'}).` };
  }
}

/**
 * The answer's text and verslag from their files; a Dutch problem when a file cannot be read or
 * the answer is empty.
 *
 * @example
 * await readAnswerFiles(ctx, { text: 'antwoord.md' }) // { text: 'Wij hebben …' }
 */
export async function readAnswerFiles(
  ctx: CliContext,
  files: { text: string; report?: string },
): Promise<{ text: string; report?: string } | { problem: string }> {
  const text = await readText(ctx, files.text, 'Het antwoordbestand');
  if (typeof text !== 'string') return text;
  if (text.trim() === '') return { problem: `${files.text}: ${answerTextMissing}` };
  if (files.report === undefined) return { text };
  const report = await readText(ctx, files.report, 'Het verslagbestand');
  if (typeof report !== 'string') return report;
  if (report.trim() === '') return { problem: `${files.report}: het verslag is leeg.` };
  return { text, report };
}

/**
 * Prints the answer mail as the complainant would get it (subject, plain text; the HTML part has
 * the same text) and changes nothing. Exit 0, or 2 for an unknown reference.
 *
 * @example
 * await previewAnswerMove(ctx, 'K-2026-7QF3M9', { type: 'answer', text: 'Wij hebben …' }) // 0
 */
export async function previewAnswerMove(
  ctx: CliContext,
  reference: string,
  move: Extract<Move, { type: 'answer' }>,
): Promise<number> {
  const services = servicesOf(ctx);
  const store = services.makeStore(ctx);
  const record = await store.getCase(reference);
  if (record === undefined) {
    ctx.stderr(`Geen klacht met kenmerk ${reference} in ${store.description}.\n`);
    return usageExit;
  }
  const at = receivedAtIso(ctx.now(), ctx.config.terms.timeZone);
  const draft = {
    at,
    by: 'klachten-cli',
    text: move.text.trim(),
    ...(move.report ? { report: move.report.trim() } : {}),
  };
  const preview = previewAnswer(record, draft, {
    config: ctx.config,
    templates: await services.loadTemplates(ctx),
    now: ctx.now(),
  });
  ctx.stdout(
    `Voorbeeld: niets verstuurd, niets veranderd. Zonder --preview gaat dit naar de klager.\n\n` +
      `Onderwerp: ${preview.subject}\n\n${preview.text}`,
  );
  return 0;
}
