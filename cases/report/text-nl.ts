/**
 * The words of the report in Dutch (B1).
 */
import { capitalise, periodName } from './date-names.ts';
import { placeholderPrefix } from './placeholder.ts';
import type { ReportText } from './report-text.ts';

/** "1 klacht", "2 klachten": the count comes formatted, so "1" is the only singular. */
const klachten = (count: string) => `${count} ${count === '1' ? 'klacht' : 'klachten'}`;

/**
 * Everything the Dutch report says.
 *
 * @example
 * nl.summary.received('17', '12'); // "We ontvingen 17 klachten (vorige periode: 12)."
 */
export const nl: ReportText = {
  title: (period) => `Klachtenrapportage ${period}`,
  exampleTitle: (period) => `Voorbeeld: klachtenrapportage ${period}`,
  description: (from, to) =>
    `Aard en omvang van de klachten van ${from} tot en met ${to}, met de evaluatie en de actiepunten.`,
  exampleNotice:
    'Dit is een voorbeeld. De klachten in deze rapportage zijn verzonnen. Zo ziet een rapportage eruit zodra er echte klachten zijn.',
  intro: (from, to) =>
    `Twee keer per jaar maken we een overzicht van de aard en de omvang van de klachten (klachtenreglement, artikel 7). ` +
    `Dit overzicht gaat over ${from} tot en met ${to}. Daarna volgen de evaluatie en de actiepunten.`,
  protectionIntro: (threshold) =>
    `Er staan geen namen of andere persoonsgegevens in deze rapportage. Kleine aantallen tonen we niet: ` +
    `in tabellen over klagers staat een aantal onder de ${threshold} als "< ${threshold}".`,
  summary: {
    heading: 'In het kort',
    received: (count, previous) => `We ontvingen ${klachten(count)} (vorige periode: ${previous}).`,
    confirmed: (onTime, due, share) => `${onTime} van de ${klachten(due)} kreeg op tijd een bevestiging (${share}).`,
    answered: (within, due, share, extended, weeks) =>
      `${within} van de ${klachten(due)} kreeg binnen ${weeks} weken antwoord (${share}); ${extended} binnen de verlengde termijn.`,
    open: (count, end) => `Op ${end} wachtte${count === '1' ? '' : 'n'} ${klachten(count)} nog op antwoord.`,
  },
  volume: {
    heading: 'Omvang',
    perMonth: 'Ontvangen klachten per maand',
    perMonthIntro: 'Het aantal klachten per maand waarin we ze ontvingen.',
    month: 'Maand',
    received: 'Ontvangen',
    total: 'Totaal',
    compared: 'Vergeleken met de vorige periode',
    comparedIntro: (previous) => `We vergelijken met de vorige periode: ${previous}.`,
    period: 'Periode',
    thisPeriod: (name) => `${capitalise(name)} (deze periode)`,
    difference: 'Verschil',
    chartAlt: (list) => `Staafdiagram van het aantal ontvangen klachten per maand: ${list}.`,
    chartTitle: 'Ontvangen klachten per maand',
  },
  nature: {
    heading: 'Aard',
    perCategory: 'Per onderwerp',
    category: 'Onderwerp',
    unknownCategory: 'Onderwerp dat niet meer op het formulier staat',
    perRole: 'Wie klaagde',
    role: 'Klager',
    roles: { bewoner: 'Bewoner', 'pand-eigenaar': 'Pand eigenaar', opdrachtgever: 'Opdrachtgever' },
    count: 'Aantal',
    chartAlt: (list) => `Staafdiagram van het aantal ontvangen klachten per onderwerp: ${list}.`,
    chartTitle: 'Ontvangen klachten per onderwerp',
  },
  handling: {
    heading: 'Behandeling',
    confirmation: (days) => `Bevestiging binnen ${days} werkdagen`,
    confirmationColumn: 'Bevestiging',
    confirmationIntro: (days) =>
      `Binnen ${days} werkdagen na ontvangst krijgt de klager een bevestiging. Daarin staat wie de klacht behandelt en wanneer het antwoord uiterlijk komt.`,
    onTime: 'Op tijd bevestigd',
    lateConfirmed: 'Te laat bevestigd',
    notConfirmed: 'Nog niet bevestigd',
    dueTotal: 'Totaal (termijn liep af in deze periode)',
    share: 'Aandeel',
    confirmSpread: (median, p90, measured) =>
      `Werkdagen tot de bevestiging: de helft binnen ${median}, 90% binnen ${p90} (van ${measured} bevestigde klachten).`,
    answer: (weeks) => `Antwoord binnen ${weeks} weken`,
    answerColumn: 'Antwoord',
    answerIntro: (weeks, extension) =>
      `Binnen ${weeks} weken na ontvangst krijgt de klager een gemotiveerd antwoord. We kunnen die termijn één keer met ${extension} weken verlengen.`,
    withinTerm: 'Binnen de termijn beantwoord',
    withinExtendedTerm: 'Binnen de verlengde termijn beantwoord',
    lateAnswered: 'Te laat beantwoord',
    notAnswered: 'Nog niet beantwoord',
    extended: (count, due) => `De termijn is verlengd bij ${count} van deze ${due} klachten.`,
    answerSpread: (median, p90, measured) =>
      `Werkdagen tot het antwoord: de helft binnen ${median}, 90% binnen ${p90} (van ${measured} beantwoorde klachten).`,
    noValue: '–',
    notTakenUpHeading: 'Niet in behandeling genomen',
    notTakenUp: (count) =>
      `Niet in behandeling genomen omdat de klacht al eerder was behandeld en er geen nieuwe feiten waren: ${count}.`,
    openHeading: 'Nog niet beantwoord aan het eind van de periode',
    waiting: 'Wacht sinds ontvangst',
    band: (from, to) =>
      to === undefined ? `meer dan ${Number(from) - 1} werkdagen` : `${from} tot en met ${to} werkdagen`,
    overdue: (count) => `Bij ${count} van deze klachten is de antwoordtermijn verstreken.`,
    oldest: (days) => `De klacht die het langst wacht, wacht ${days} werkdagen.`,
    answeredNotClosed: (count) => `Beantwoord, maar nog niet afgesloten: ${count}.`,
  },
  endings: {
    heading: 'Afloop',
    intro: 'Hoe de klachten afliepen die in deze periode eindigden.',
    ending: 'Afloop',
    labels: {
      gegrond: 'Gegrond',
      'deels-gegrond': 'Deels gegrond',
      ongegrond: 'Ongegrond',
      'opgelost-in-overleg': 'Opgelost in overleg',
      ingetrokken: 'Ingetrokken',
      'niet-vastgelegd': 'Afgesloten zonder vastgelegde afloop',
      'niet-in-behandeling': 'Niet in behandeling genomen',
    },
  },
  satisfaction: {
    heading: 'Tevredenheid',
    intro: 'Na afloop vragen we de klager: is uw klacht naar tevredenheid afgehandeld?',
    answer: 'Antwoord',
    labels: { ja: 'Ja', deels: 'Deels', nee: 'Nee', 'geen-reactie': 'Geen reactie' },
  },
  reopened: {
    heading: 'Heropend',
    intro: 'Klachten die we in deze periode opnieuw hebben behandeld, omdat ze niet naar tevredenheid waren opgelost.',
    state: 'Stand aan het eind van de periode',
    labels: {
      'loopt-nog': 'Nog in behandeling',
      gegrond: 'Opnieuw afgesloten: gegrond',
      'deels-gegrond': 'Opnieuw afgesloten: deels gegrond',
      ongegrond: 'Opnieuw afgesloten: ongegrond',
      'opgelost-in-overleg': 'Opnieuw afgesloten: opgelost in overleg',
      ingetrokken: 'Opnieuw afgesloten: ingetrokken',
      'niet-vastgelegd': 'Opnieuw afgesloten zonder vastgelegde afloop',
    },
  },
  previousActions: {
    heading: 'Actiepunten uit de vorige rapportage',
    intro: (origin) =>
      origin.kind === 'github'
        ? 'Hoe ver we zijn met de actiepunten die nog open stonden.'
        : `Hoe ver we zijn met de actiepunten uit de vorige rapportage${origin.kind === 'previous-report' ? ` (${periodName(origin.period, 'nl')})` : ''}.`,
    action: 'Actiepunt',
    state: 'Stand',
    states: { open: 'Nog niet klaar', afgerond: 'Afgerond', vervallen: 'Vervallen' },
    none: (origin) =>
      origin.kind === 'github'
        ? `Er zijn geen actiepunten (issues met het label "${origin.label}") die open staan of in deze periode zijn afgerond.`
        : origin.kind === 'previous-report'
          ? `De vorige rapportage (${periodName(origin.period, 'nl')}) had geen actiepunten.`
          : 'Er is geen vorige rapportage met actiepunten.',
    check: `${placeholderPrefix.nl} controleer de stand van elk actiepunt en pas hem aan als dat nodig is.`,
  },
  evaluation: {
    heading: 'Evaluatie',
    placeholder: `${placeholderPrefix.nl} vervang deze alinea door de evaluatie. Wat zien we in de cijfers? Wat ging goed, wat kan beter, en waarom?`,
  },
  actions: {
    heading: 'Actiepunten',
    intro: 'Wat we de komende periode gaan doen. In de volgende rapportage staat hoe ver we daarmee zijn.',
    placeholder: `${placeholderPrefix.nl} vervang deze regel door een actiepunt (één per regel). Geen actiepunten? Schrijf dat dan.`,
  },
  totalHidden: 'niet getoond',
  notes: {
    protection: (threshold) =>
      `In de tabellen over onderwerp, klager, afloop, tevredenheid en heropende klachten staat een aantal van 1 tot en met ${threshold - 1} als "< ${threshold}". ` +
      `"< ${threshold}" betekent dus: 0 tot en met ${threshold - 1}. De totalen zijn echt. ` +
      `Zou een verborgen aantal toch uit te rekenen zijn (het totaal min de getoonde aantallen), dan verbergen we ook het kleinste andere aantal in die tabel; ` +
      `is dat ${threshold} of meer, dan staat er "≥ ${threshold}". Zo is geen verborgen aantal precies af te leiden. ` +
      'Lukt dat zelfs niet als alle aantallen van een tabel verborgen zijn, dan tonen we ook het totaal van die tabel niet. ' +
      `De aantallen per maand en over onze termijnen zeggen alleen iets over ons werk, niet over klagers: die tonen we helemaal.`,
    asOf: (end) =>
      `Alle aantallen gaan over de stand op ${end}, het eind van de periode. Wat later in een dossier is vastgelegd, telt niet mee. ` +
      'Een datum is de kalenderdatum in Nederlandse tijd. Alles komt uit de dossiers: de ontvangstdatum, de termijnen en de stappen met hun datum.',
    received: (previous, from, to) =>
      `Een klacht telt mee in de periode van haar ontvangstdatum. De vorige periode: ${previous}, ${from} tot en met ${to}.`,
    nature:
      'Het onderwerp en de rol die de klager op het formulier koos, van de klachten die in de periode zijn ontvangen.',
    confirmation: (days) =>
      `Meegeteld zijn de klachten waarvan de bevestigingstermijn in deze periode afliep: de uiterlijke datum in het dossier, ${days} werkdagen na ontvangst. ` +
      'Klachten die niet in behandeling zijn genomen, tellen niet mee. Op tijd: de eerste stap "bevestigd" viel op of voor die datum. ' +
      'Werkdagen zijn maandag tot en met vrijdag, zonder de feestdagen van de Algemene termijnenwet. De dag van ontvangst telt niet mee.',
    spread:
      'De helft binnen: de middelste waarde (de mediaan; bij een even aantal de lagere van de twee middelste). ' +
      '90% binnen: het 90e percentiel, de ⌈0,9 × n⌉-de waarde van klein naar groot. ' +
      'Alleen klachten die aan het eind van de periode al bevestigd of beantwoord waren, tellen mee.',
    answer: (weeks) =>
      `Meegeteld zijn de klachten waarvan de antwoordtermijn in deze periode afliep: ${weeks} weken na ontvangst, of de verlengde datum als de termijn is verlengd. ` +
      'Klachten die niet in behandeling zijn genomen, tellen niet mee. Het antwoord is de eerste stap "beantwoord". ' +
      'Een klacht die is afgesloten zonder die stap (bijvoorbeeld ingetrokken), telt als beantwoord op de dag van afsluiten. ' +
      'Binnen de verlengde termijn: na de gewone datum, maar uiterlijk op de verlengde datum.',
    extension:
      'Verlengd: de stap "verdaagd" viel op of voor de gewone antwoorddatum. Een verlenging die later is vastgelegd, telt niet als verlenging.',
    open:
      'Alle klachten die tot en met het eind van de periode zijn ontvangen en toen nog geen antwoord hadden (niet in behandeling genomen klachten niet meegeteld). ' +
      'Wachttijd: werkdagen van de ontvangstdatum tot en met het eind van de periode. ' +
      'Termijn verstreken: de antwoorddatum (de verlengde als de termijn is verlengd) lag voor het eind van de periode.',
    endings:
      'De klachten die in deze periode eindigden: afgesloten (de stap "afgesloten", met de afloop die daarbij is vastgelegd) ' +
      'of niet in behandeling genomen (de stap "niet-in-behandeling": de klacht was al eerder behandeld en er waren geen nieuwe feiten, klachtenreglement artikel 5).',
    satisfaction:
      'De klachten die in deze periode zijn afgesloten, met het antwoord op de vraag of de klacht naar tevredenheid is afgehandeld, ' +
      'voor zover dat antwoord aan het eind van de periode binnen was. Geen reactie: er is geen antwoord vastgelegd.',
    reopened:
      'De klachten met de stap "heropend" in deze periode: beantwoord of afgesloten, en daarna opnieuw in behandeling genomen, ' +
      'omdat de klager "nee" antwoordde op de vraag of de klacht naar tevredenheid is afgehandeld, of omdat een coördinator dat besloot. ' +
      'Een klacht telt één keer, in de periode van de eerste heropening. De stand: nog in behandeling, of opnieuw afgesloten met de afloop van die afsluiting.',
    actions: (origin) =>
      origin.kind === 'github'
        ? `De actiepunten zijn de issues met het label "${origin.label}" die aan het eind van de periode open stonden of in de periode zijn afgesloten.`
        : origin.kind === 'previous-report'
          ? `De actiepunten komen uit de vorige rapportage (${periodName(origin.period, 'nl')}). Daarin is een afgevinkt actiepunt afgerond en een doorgestreept actiepunt vervallen.`
          : 'Er is geen vorige rapportage gevonden om actiepunten uit te halen.',
  },
};
