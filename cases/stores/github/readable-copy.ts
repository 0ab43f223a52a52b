import { referencePattern, type Case } from '../../case.ts';
import type { Config } from '../../config.ts';
import { DEFAULT_TERMS_SETTINGS } from '../../default-terms.ts';
import { formatDate } from '../../format-date.ts';
import type { TermsExplanation } from '../../terms-explanation.ts';
import { formatSize } from '../../attachments/limits.ts';
import type { StoredFile } from '../../attachments/record.ts';
import { displayText, fence, splitForDisplay } from './inert-text.ts';

/**
 * The readable copy of a case in an issue, in Dutch for the coordinator: an overview, the terms,
 * the history, and every text a person typed, made inert (`inert-text.ts`). It is a mirror: the
 * case is never read back from it.
 */

/** A user field longer than this in the displayed copy is shown in several code blocks. */
const maxDisplayPiece = 30_000;

/** What `encodeIssue` needs from the configuration to write a readable body. */
export interface IssueContext {
  categories: Config['categories'];
  people?: Config['people'];
  terms?: Pick<Config['terms'], 'confirmWorkingDays' | 'answerWeeks' | 'extensionWeeks'>;
  /** One Dutch sentence per term saying how it came about (`explainTerms` with the calendar). */
  explainTerms?: (terms: Case['terms']) => TermsExplanation;
  /** The address of a kept file on GitHub (`case-files.ts`); without it files are listed by name. */
  fileLink?: (reference: string, name: string) => string;
}

const fileKinds: Record<StoredFile['type'], string> = {
  'image/jpeg': 'foto',
  'image/png': 'afbeelding',
  'image/webp': 'afbeelding',
  'application/pdf': 'PDF',
};

/**
 * The files of a case: our names with links that only members of the repository can open,
 * photos shown inline for them, and below, as inert text, the names the sender's device gave.
 */
function filesUnits(record: Case, context: IssueContext): string[] {
  const files = record.attachments ?? [];
  if (files.length === 0) return [];
  const lines = [
    '### Bijlagen',
    '',
    `Opgeslagen op de ref \`bijlagen/${record.reference}\` van deze repository: alleen te openen voor wie er toegang toe heeft. Zonder metadata (geen locatie) en met nieuwe namen.`,
    '',
  ];
  for (const file of files) {
    const link = context.fileLink?.(record.reference, file.name);
    const what = [
      fileKinds[file.type],
      formatSize(file.size, 'nl'),
      file.width !== undefined && file.height !== undefined ? `${file.width} × ${file.height}` : undefined,
      file.pages !== undefined ? `${file.pages} ${file.pages === 1 ? 'pagina' : "pagina's"}` : undefined,
      `ontvangen ${formatDate(file.addedAt.slice(0, 10), 'nl')}`,
    ].filter(Boolean);
    lines.push(`- ${link === undefined ? `\`${file.name}\`` : `[${file.name}](${link})`} (${what.join(', ')})`);
    if (link !== undefined && file.type !== 'application/pdf') lines.push(`  <br>![${file.name}](${link}?raw=true)`);
  }
  const names = files.map((file) => `${file.name}: ${file.originalName}`).join('\n');
  return [lines.join('\n'), ...userTextUnits('#### Oorspronkelijke bestandsnamen (zoals de klager ze stuurde)', names)];
}

/** One heading with the user text below it, split over several blocks when very long. */
function userTextUnits(heading: string, text: string): string[] {
  const pieces = splitForDisplay(displayText(text), maxDisplayPiece);
  return pieces.map((piece, index) => `${index === 0 ? heading : `${heading} (vervolg)`}\n\n${fence(piece)}`);
}

const roleNames: Record<Case['role'], string> = {
  bewoner: 'bewoner',
  'pand-eigenaar': 'pandeigenaar',
  opdrachtgever: 'opdrachtgever',
};
const sourceNames: Record<Case['source'], string> = {
  web: 'het webformulier',
  telefoon: 'de telefoon',
  brief: 'een brief',
  'e-mail': 'e-mail',
  balie: 'de balie',
};
const satisfactionNames = { ja: 'ja', deels: 'deels', nee: 'nee' } as const;

/**
 * The Dutch name of a case's category, as the configuration gives it (else its id).
 *
 * @example
 * categoryName(record, { categories: config.categories }) // 'Onderhoud en reparaties'
 */
export function categoryName(record: Case, context: IssueContext): string {
  return context.categories.find((category) => category.id === record.category)?.label.nl ?? record.category;
}

function handlerName(record: Case, context: IssueContext): string {
  if (record.handler === undefined) return 'nog niet toegewezen';
  return context.people?.find((person) => person.id === record.handler)?.name ?? `\`${record.handler}\``;
}

function overviewUnit(record: Case, context: IssueContext): string {
  const terms = { ...DEFAULT_TERMS_SETTINGS, ...context.terms };
  const lines = [
    `## Klacht ${record.reference}`,
    '',
    '> [!IMPORTANT]',
    '> Vertrouwelijk: deze klacht bevat persoonsgegevens. Deel de inhoud niet buiten deze repository.',
    '> Bewerk deze tekst niet zelf; de klachtentool schrijft hem (zie docs/github.md).',
    '',
    `- **Kenmerk:** ${record.reference}`,
    `- **Status:** ${record.status}`,
    `- **Categorie:** ${categoryName(record, context)}`,
    `- **Ingediend door:** ${roleNames[record.role]}`,
    `- **Ontvangen via:** ${sourceNames[record.source]}, op ${formatDate(record.terms.received, 'nl')}`,
    `- **Taal:** ${record.locale === 'nl' ? 'Nederlands' : 'Engels'}`,
    `- **Eerder geklaagd over hetzelfde:** ${record.earlier}`,
    `- **Behandelaar:** ${handlerName(record, context)}`,
  ];
  if (record.earlierReference !== undefined) {
    const earlier = referencePattern.test(record.earlierReference) ? record.earlierReference : 'zie de gegevens';
    lines.push(`- **Eerdere klacht:** ${earlier}`);
  }
  if (record.outcome !== undefined) lines.push(`- **Uitkomst:** ${record.outcome}`);
  if (record.satisfaction !== undefined) {
    lines.push(`- **Naar tevredenheid opgelost:** ${satisfactionNames[record.satisfaction.answer]}`);
  }
  let explained: TermsExplanation | undefined;
  try {
    explained = context.explainTerms?.(record.terms);
  } catch {
    // A date beyond the calendar's horizon: the plain wording below says enough.
  }
  const term = (date: string, why: string, explanation: string | undefined) =>
    explanation ?? `uiterlijk ${formatDate(date, 'nl')} (${why})`;
  lines.push(
    '',
    '### Termijnen',
    '',
    `- **Bevestiging met naam van de behandelaar:** ${term(record.terms.confirmBy, `${terms.confirmWorkingDays} werkdagen na ontvangst`, explained?.confirmBy)}`,
    `- **Gemotiveerd antwoord${record.extended ? ' (verdaagd, geldt niet meer)' : ''}:** ${term(record.terms.answerBy, `${terms.answerWeeks} weken na ontvangst`, explained?.answerBy)}`,
    `- **Antwoord na verdaging${record.extended ? ' (geldt nu)' : ' (eenmaal, met bericht aan de klager)'}:** ${term(record.terms.extendedAnswerBy, `${terms.extensionWeeks} weken later`, explained?.extendedAnswerBy)}`,
  );
  // A reopening sets the answer term that applies from then on (cases/reopen.ts).
  const reopenTerms = record.events.flatMap((event) =>
    event.status === 'heropend' && event.answerBy !== undefined ? [event.answerBy] : [],
  );
  reopenTerms.forEach((answerBy, index) => {
    const now = index === reopenTerms.length - 1 ? 'geldt nu' : 'geldt niet meer';
    lines.push(`- **Nieuw antwoord na heropenen (${now}):** uiterlijk ${formatDate(answerBy, 'nl')}`);
  });
  if (record.events.length > 0) {
    lines.push('', '### Verloop', '');
    for (const event of record.events) lines.push(`- ${formatDate(event.at.slice(0, 10), 'nl')}: ${event.status}`);
  }
  return lines.join('\n');
}

/**
 * The readable copy as units that are never split over two pages: the overview, then each text a
 * person typed under its heading (in several units when very long).
 *
 * @example
 * displayUnits(record, context).join('\n\n') // '## Klacht K-2026-7QF3M9\n\n> [!IMPORTANT] …'
 */
export function displayUnits(record: Case, context: IssueContext): string[] {
  const units = [overviewUnit(record, context), ...filesUnits(record, context)];
  units.push(...userTextUnits('### De klacht', record.complaint));
  units.push(...userTextUnits('### Wat verwacht de klager van de bemiddeling?', record.expectation));
  if (record.concerns !== undefined) units.push(...userTextUnits('### Over wie of welke afdeling', record.concerns));
  if (record.whatIsNew !== undefined)
    units.push(...userTextUnits('### Wat is er nieuw sinds de eerdere klacht?', record.whatIsNew));
  if (record.satisfaction?.remark !== undefined) {
    units.push(...userTextUnits('### Toelichting bij de tevredenheid', record.satisfaction.remark));
  }
  units.push('### Contactgegevens');
  units.push(...userTextUnits('#### Naam', record.name));
  units.push(...userTextUnits('#### E-mailadres', record.email));
  if (record.phone !== undefined) units.push(...userTextUnits('#### Telefoon', record.phone));
  units.push(...userTextUnits('#### Adres of complex', record.address));
  return units;
}

/**
 * The note that opens every continuation page (a comment), so people leave it alone.
 *
 * @example
 * continuationNote('K-2026-7QF3M9', 2, 3) // '_Vervolg van klacht K-2026-7QF3M9 (deel 2 van 3). …_'
 */
export function continuationNote(reference: string, part: number, parts: number): string {
  return `_Vervolg van klacht ${reference} (deel ${part} van ${parts}). De klachtentool schreef deze reactie; bewerk of verwijder haar niet._`;
}
