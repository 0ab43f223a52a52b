import { statuses, type Status } from '../../case.ts';
import type { Config } from '../../config.ts';
import { isOverdueLabel, overdueLabels } from '../../deadlines.ts';

/**
 * The labels of the issue format: the case label, one per status, one per category and the overdue
 * labels. They mirror the machine block for people and filters; the case is never read from them.
 */

/** The label every case carries: the way tools and people find cases among other issues. */
export const caseLabel = 'klacht';

/**
 * The label that mirrors a status.
 *
 * @example
 * statusLabel('ontvangen') // 'status: ontvangen'
 */
export function statusLabel(status: Status): string {
  return `status: ${status}`;
}

/**
 * The label that mirrors a category.
 *
 * @example
 * categoryLabel('onderhoud') // 'categorie: onderhoud'
 */
export function categoryLabel(categoryId: string): string {
  return `categorie: ${categoryId}`;
}

/**
 * Whether a label is one the tooling writes (and so may replace); other labels are the coordinators'.
 *
 * @example
 * isOwnLabel('status: bevestigd') // true
 * isOwnLabel('spoed') // false
 */
export function isOwnLabel(name: string): boolean {
  return (
    name === caseLabel ||
    name === holdLabel ||
    name.startsWith('status: ') ||
    name.startsWith('categorie: ') ||
    isOverdueLabel(name)
  );
}

/** A label as `klachten setup` keeps it in the repository. */
export interface LabelDefinition {
  name: string;
  color: string;
  description: string;
}

const statusDescriptions: Record<Status, string> = {
  ontvangen: 'Klacht ontvangen, nog niet bevestigd / received',
  bevestigd: 'Ontvangst bevestigd, behandelaar bekend / confirmed',
  verdaagd: 'Antwoordtermijn eenmaal verlengd / term extended',
  beantwoord: 'Gemotiveerd antwoord verstuurd / answered',
  heropend: 'Heropend: niet naar tevredenheid, nieuw antwoord volgt / reopened',
  afgesloten: 'Klacht afgehandeld / closed',
  'niet-in-behandeling': 'Niet in behandeling genomen (herhaalde klacht) / not taken up',
};
const statusColors: Record<Status, string> = {
  ontvangen: 'fbca04',
  bevestigd: '0e8a16',
  verdaagd: 'd93f0b',
  beantwoord: '1d76db',
  heropend: 'e99695',
  afgesloten: '6a737d',
  'niet-in-behandeling': 'b60205',
};

/**
 * Every label the tooling uses, for `klachten setup`: the case label, one per status and one per
 * category of the configuration. Descriptions carry no personal data (labels are visible to
 * everyone with read access, and GitHub caps descriptions at 100 characters).
 *
 * @example
 * labelDefinitions(config.categories)[0] // { name: 'klacht', color: '5319e7', description: 'Een klacht …' }
 */
export function labelDefinitions(categories: Config['categories']): LabelDefinition[] {
  return [
    { name: caseLabel, color: '5319e7', description: 'Een klacht volgens het klachtenreglement / a complaint' },
    ...statuses.map((status) => ({
      name: statusLabel(status),
      color: statusColors[status],
      description: statusDescriptions[status],
    })),
    ...categories.map((category) => ({
      name: categoryLabel(category.id),
      color: 'c5def5',
      description: truncate(`Categorie: ${category.label.nl} / ${category.label.en}`, 100),
    })),
    // Set by the daily deadlines job while a term is overdue (cases/deadlines.ts).
    {
      name: overdueLabels.confirm,
      color: 'b60205',
      description: 'Bevestigingstermijn verlopen / confirmation overdue',
    },
    { name: overdueLabels.answer, color: 'b60205', description: 'Antwoordtermijn verlopen / answer overdue' },
    { name: holdLabel, color: '5319e7', description: 'Bewaren: niet wissen (geschil of procedure) / on hold' },
  ];
}

/**
 * The label of a case on hold (`klachten cases hold`): nothing of it is erased while a dispute or
 * a legal procedure runs. It mirrors the machine block's `hold`, like the status label.
 */
export const holdLabel = 'bewaren';

/** The label that marks an issue as an action point of the half-yearly reports (`klachten report`). */
export const actionPointLabel = 'actiepunt';

/**
 * Every label `klachten setup` creates: those of the cases and the action-point label, which marks
 * other issues and is never replaced on a case (so not one of the own labels).
 *
 * @example
 * setupLabelDefinitions(config.categories).at(-1)?.name // 'actiepunt'
 */
export function setupLabelDefinitions(categories: Config['categories']): LabelDefinition[] {
  return [
    ...labelDefinitions(categories),
    {
      name: actionPointLabel,
      color: '0075ca',
      description: 'Actiepunt uit een halfjaarrapportage / action point of a report',
    },
    {
      name: workloadLabel,
      color: 'bfd4f2',
      description: 'De werkvoorraad: alle open klachten op termijn (vastgezet) / the workload',
    },
  ];
}

/** The label of the pinned workload issue (cases/stores/github/workload-issue.ts). */
export const workloadLabel = 'werkvoorraad';

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
