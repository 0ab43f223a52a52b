import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Case } from '../../cases/case.ts';
import { findPerson } from '../../cases/people.ts';
import type { Config } from '../../cases/config.ts';
import { usageExit, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { erasureSetup } from './erasure-setup.ts';
import { parseRequestArgs } from './request-args.ts';

const usage = `Gebruik:
  klachten export <kenmerk> [--out <map>]

  Schrijft alles wat over een klacht is vastgelegd, voor een inzageverzoek (AVG art. 15):
  <kenmerk>.json (precies wat "cases show --json" toont) en <kenmerk>.md (leesbaar, in de taal
  van de klacht), en de bijlagen zoals bewaard in <kenmerk>-bijlagen/. Standaard in de huidige map. Het verzoek komt in het register, zonder persoonsgegevens.
`;

/** The words of the readable copy, per language. */
const words = {
  nl: {
    title: 'Inzage in uw klacht',
    intro: 'Dit is alles wat over uw klacht is vastgelegd.',
    fields: 'Gegevens',
    history: 'Verloop',
    messages: 'Berichten',
    answer: 'Ons antwoord (zoals verstuurd)',
    report: 'Verslag',
    questions: 'Vragen en uw antwoorden',
    noAnswer: '(nog geen antwoord)',
  },
  en: {
    title: 'Access to your complaint',
    intro: 'This is everything recorded about your complaint.',
    fields: 'Details',
    history: 'History',
    messages: 'Messages',
    answer: 'Our answer (as sent)',
    report: 'Report',
    questions: 'Questions and your answers',
    noAnswer: '(not answered yet)',
  },
} as const;

/**
 * The readable copy of a case: every field of the record, in the case's language.
 *
 * @example
 * exportMarkdown(record, config) // '# Inzage in uw klacht K-2026-7QF3M9\n…'
 */
export function exportMarkdown(record: Case, config: Pick<Config, 'people'>): string {
  const text = words[record.locale];
  const value = (item: unknown) => (typeof item === 'string' ? item : JSON.stringify(item));
  const { events, notices, messages, answers = [], questions = [], answerDraft: _draft, ...fields } = record;
  const rows = Object.entries(fields).map(([key, item]) => {
    const shown = key === 'handler' ? (findPerson(config.people, String(item))?.name ?? value(item)) : value(item);
    return `- **${key}**: ${shown.replace(/\n/g, '\n  ')}`;
  });
  return [
    `# ${text.title} ${record.reference}`,
    '',
    text.intro,
    '',
    `## ${text.fields}`,
    '',
    ...rows,
    '',
    // The answer and the questions as text, in their own sections, as the complainant read them.
    ...answers.flatMap((answer) => [
      `## ${text.answer}, ${answer.at}`,
      '',
      answer.text,
      '',
      ...(answer.report === undefined ? [] : [`### ${text.report}`, '', answer.report, '']),
    ]),
    ...(questions.length === 0
      ? []
      : [
          `## ${text.questions}`,
          '',
          ...questions.flatMap((question) => [
            `### ${question.id}, ${question.at}`,
            '',
            question.text,
            '',
            question.answer === undefined ? text.noAnswer : `${question.answer.at}: ${question.answer.text}`,
            '',
          ]),
        ]),
    `## ${text.history}`,
    '',
    ...events.map((event) => `- ${event.at}: ${value({ ...event, at: undefined })}`),
    ...notices.map((notice) => `- ${notice.at}: ${notice.key}`),
    '',
    `## ${text.messages}`,
    '',
    ...messages.map((message) => `- ${value(message)}`),
    '',
  ].join('\n');
}

/**
 * `klachten export <ref> [--out <folder>]`: an access request. Exit 2 for an unknown reference.
 *
 * @example
 * await run({ argv: ['K-2026-7QF3M9', '--out', 'inzage'], … }) // 0; inzage/K-2026-7QF3M9.json and .md
 */
export async function run(ctx: CliContext): Promise<number> {
  const parsed = parseRequestArgs(ctx, usage, 'out');
  if (typeof parsed === 'number') return parsed;
  const { reference } = parsed;
  const setup = erasureSetup(ctx);
  const store = typeof setup === 'string' ? servicesOf(ctx).makeStore(ctx) : setup.target;
  const record = await store.getCase(reference);
  if (!record) {
    ctx.stderr(`Geen klacht met kenmerk ${reference} in ${store.description}.\n`);
    return usageExit;
  }
  const out = resolve(ctx.cwd, parsed.value ?? '.');
  await mkdir(out, { recursive: true, mode: 0o700 });
  const files = [
    { name: `${reference}.json`, content: `${JSON.stringify(record, null, 2)}\n` },
    { name: `${reference}.md`, content: exportMarkdown(record, ctx.config) },
  ];
  for (const file of files) await writeFile(join(out, file.name), file.content, { encoding: 'utf8', mode: 0o600 });
  // The files the complainant sent, as kept (cleaned, under our names), in a folder of their own.
  const kept: string[] = [];
  for (const attachment of record.attachments ?? []) {
    const bytes = await store.readFile?.(reference, attachment.name);
    if (bytes === undefined) {
      ctx.stderr(`Bijlage ${attachment.name} van ${reference} niet gevonden in ${store.description}.\n`);
      continue;
    }
    await mkdir(join(out, `${reference}-bijlagen`), { recursive: true, mode: 0o700 });
    const path = join(out, `${reference}-bijlagen`, attachment.name);
    await writeFile(path, bytes, { mode: 0o600 });
    kept.push(path);
  }
  if (typeof setup !== 'string') await setup.target.recordRequest(record, 'inzage', ctx.now().toISOString());
  ctx.stdout(
    `Inzage in ${reference} geschreven:\n${[...files.map((file) => join(out, file.name)), ...kept].map((path) => `  ${relative(ctx.cwd, path) || path}\n`).join('')}` +
      'Deze bestanden bevatten persoonsgegevens: geef ze alleen aan de betrokkene.\n',
  );
  return 0;
}
