import type { Locale } from '../../cases/locale.ts';

/** The text of the reports pages, Dutch first (B1), English second. The reports bring their own. */
export const reportsUi = {
  nl: {
    title: 'Rapportages',
    description: 'Twee keer per jaar: de aard en de omvang van de klachten, met de evaluatie en de actiepunten.',
    lead: 'Twee keer per jaar maken we een overzicht van de klachten: hoeveel het er waren, waarover, hoe snel we ze behandelden en hoe ze afliepen. Daarna volgen onze evaluatie en de actiepunten. Er staan geen persoonsgegevens in.',
    published: 'Rapportages',
    none: 'Er zijn nog geen rapportages. De eerste verschijnt na afloop van het eerste halfjaar.',
    examples: 'Voorbeeld',
    examplesLead: 'Zo ziet een rapportage eruit. De klachten in het voorbeeld zijn verzonnen.',
    period: (from: string, to: string) => `Over ${from} tot en met ${to}`,
    exampleBadge: 'Voorbeeld met verzonnen klachten',
    back: 'Alle rapportages',
    footnotes: 'Zo tellen we',
    backToReference: (n: number) => `Terug naar verwijzing ${n}`,
    taskOpen: 'Te doen',
    taskDone: 'Afgerond',
    otherLanguage: 'This report in English',
  },
  en: {
    title: 'Reports',
    description: 'Twice a year: the nature and volume of complaints, with the evaluation and the action points.',
    lead: 'Twice a year we make an overview of the complaints: how many there were, what about, how quickly we handled them and how they ended. Our evaluation and the action points follow. They contain no personal data.',
    published: 'Reports',
    none: 'There are no reports yet. The first one appears after the end of the first half-year.',
    examples: 'Example',
    examplesLead: 'This is what a report looks like. The complaints in the example are made up.',
    period: (from: string, to: string) => `From ${from} to ${to}`,
    exampleBadge: 'Example with made-up complaints',
    back: 'All reports',
    footnotes: 'How we count',
    backToReference: (n: number) => `Back to reference ${n}`,
    taskOpen: 'To do',
    taskDone: 'Done',
    otherLanguage: 'Deze rapportage in het Nederlands',
  },
} as const satisfies Record<Locale, Record<string, unknown>>;
