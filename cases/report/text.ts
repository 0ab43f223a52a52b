/**
 * The words of the report, Dutch (B1) first, English second. Every number is passed in already
 * formatted, so one set of numbers gives both reports.
 */
import type { Role } from '../complaint.ts';
import type { Period } from './period.ts';
import type { Ending, SatisfactionAnswer } from './stats.ts';

export type ReportLocale = 'nl' | 'en';

/** How action points reached the report. */
export type ActionPointOrigin =
  { kind: 'previous-report'; period: Period } | { kind: 'github'; label: string } | { kind: 'none' };

/** The state of an action point: still to do, done, or dropped. */
export type ActionPointState = 'open' | 'afgerond' | 'vervallen';

const placeholderMark = '✎';

/**
 * The text that starts every placeholder for the coordinator; a report that still contains it is
 * not finished.
 *
 * @example
 * markdown.includes(placeholderPrefix.nl); // true in a fresh draft
 */
export const placeholderPrefix: Record<ReportLocale, string> = {
  nl: `${placeholderMark} Voor de klachtencoördinator:`,
  en: `${placeholderMark} For the complaints coordinator:`,
};

function dateParts(date: string, locale: ReportLocale, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const [year, month, day] = date.split('-').map(Number);
  const moment = new Date(0);
  moment.setUTCFullYear(year ?? 0, (month ?? 1) - 1, day ?? 1);
  const format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { ...options, timeZone: 'UTC' });
  return Object.fromEntries(format.formatToParts(moment).map((part) => [part.type, part.value]));
}

/**
 * "1 juli 2026" / "1 July 2026": the parts from Intl, the order ours (stable across ICU versions).
 *
 * @example
 * longDate('2026-07-01', 'en'); // "1 July 2026"
 */
export function longDate(date: string, locale: ReportLocale): string {
  const parts = dateParts(date, locale, { day: 'numeric', month: 'long', year: 'numeric' });
  return `${parts['day']} ${parts['month']} ${parts['year']}`;
}

/**
 * "juli 2026" / "July 2026" for a month key `2026-07`.
 *
 * @example
 * monthName('2026-07', 'nl'); // "juli 2026"
 */
export function monthName(key: string, locale: ReportLocale): string {
  const parts = dateParts(`${key}-01`, locale, { month: 'long', year: 'numeric' });
  return `${parts['month']} ${parts['year']}`;
}

/**
 * A short month name for a chart's axis: "jul", or "jul 2026" when `withYear` (a period that
 * spans more than one year, where "jan" alone would be two months).
 *
 * @example
 * shortMonthName('2026-07', 'en', false); // "Jul"
 */
export function shortMonthName(key: string, locale: ReportLocale, withYear: boolean): string {
  const parts = dateParts(`${key}-01`, locale, { month: 'short', year: 'numeric' });
  const month = (parts['month'] ?? '').replace(/\.$/, '');
  return withYear ? `${month} ${parts['year']}` : month;
}

/**
 * The name of a period for people: "tweede halfjaar 2026", "1 maart tot en met 31 mei 2026".
 *
 * @example
 * periodName({ label: '2026-H2', from: '2026-07-01', to: '2026-12-31' }, 'en'); // "second half of 2026"
 */
export function periodName(period: Period, locale: ReportLocale): string {
  const half = /^(\d{4})-H([12])$/.exec(period.label);
  if (half) {
    const first = half[2] === '1';
    return locale === 'nl'
      ? `${first ? 'eerste' : 'tweede'} halfjaar ${half[1]}`
      : `${first ? 'first' : 'second'} half of ${half[1]}`;
  }
  return `${longDate(period.from, locale)} ${locale === 'nl' ? 'tot en met' : 'to'} ${longDate(period.to, locale)}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "1 klacht", "2 klachten": the count comes formatted, so "1" is the only singular. */
const klachten = (count: string) => `${count} ${count === '1' ? 'klacht' : 'klachten'}`;
const complaints = (count: string) => `${count} ${count === '1' ? 'complaint' : 'complaints'}`;

/** Everything the report says in one language. Functions take numbers already formatted. */
export type ReportText = {
  title: (period: string) => string;
  exampleTitle: (period: string) => string;
  description: (from: string, to: string) => string;
  exampleNotice: string;
  intro: (from: string, to: string) => string;
  protectionIntro: (threshold: number) => string;
  summary: {
    heading: string;
    received: (count: string, previous: string) => string;
    confirmed: (onTime: string, due: string, share: string) => string;
    answered: (within: string, due: string, share: string, extended: string, weeks: number) => string;
    open: (count: string, end: string) => string;
  };
  volume: {
    heading: string;
    perMonth: string;
    perMonthIntro: string;
    month: string;
    received: string;
    total: string;
    compared: string;
    comparedIntro: (previous: string) => string;
    period: string;
    thisPeriod: (name: string) => string;
    difference: string;
    chartAlt: (list: string) => string;
    chartTitle: string;
  };
  nature: {
    heading: string;
    perCategory: string;
    category: string;
    unknownCategory: string;
    perRole: string;
    role: string;
    roles: Record<Role, string>;
    count: string;
    chartAlt: (list: string) => string;
    chartTitle: string;
  };
  handling: {
    heading: string;
    confirmation: (days: number) => string;
    confirmationColumn: string;
    confirmationIntro: (days: number) => string;
    onTime: string;
    lateConfirmed: string;
    notConfirmed: string;
    dueTotal: string;
    share: string;
    confirmSpread: (median: string, p90: string, measured: string) => string;
    answer: (weeks: number) => string;
    answerColumn: string;
    answerIntro: (weeks: number, extension: number) => string;
    withinTerm: string;
    withinExtendedTerm: string;
    lateAnswered: string;
    notAnswered: string;
    extended: (count: string, due: string) => string;
    answerSpread: (median: string, p90: string, measured: string) => string;
    noValue: string;
    notTakenUpHeading: string;
    notTakenUp: (count: string) => string;
    openHeading: string;
    waiting: string;
    band: (from: string, to: string | undefined) => string;
    overdue: (count: string) => string;
    oldest: (days: string) => string;
    answeredNotClosed: (count: string) => string;
  };
  endings: { heading: string; intro: string; ending: string; labels: Record<Ending, string> };
  satisfaction: { heading: string; intro: string; answer: string; labels: Record<SatisfactionAnswer, string> };
  previousActions: {
    heading: string;
    intro: (origin: ActionPointOrigin) => string;
    action: string;
    state: string;
    states: Record<ActionPointState, string>;
    none: (origin: ActionPointOrigin) => string;
    check: string;
  };
  evaluation: { heading: string; placeholder: string };
  actions: { heading: string; intro: string; placeholder: string };
  totalHidden: string;
  notes: {
    protection: (threshold: number) => string;
    asOf: (end: string) => string;
    received: (previous: string, from: string, to: string) => string;
    nature: string;
    confirmation: (days: number) => string;
    spread: string;
    answer: (weeks: number) => string;
    extension: string;
    open: string;
    endings: string;
    satisfaction: string;
    actions: (origin: ActionPointOrigin) => string;
  };
};

export const reportText: Record<ReportLocale, ReportText> = {
  nl: {
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
        `In de tabellen over onderwerp, klager, afloop en tevredenheid staat een aantal van 1 tot en met ${threshold - 1} als "< ${threshold}". ` +
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
      actions: (origin) =>
        origin.kind === 'github'
          ? `De actiepunten zijn de issues met het label "${origin.label}" die aan het eind van de periode open stonden of in de periode zijn afgesloten.`
          : origin.kind === 'previous-report'
            ? `De actiepunten komen uit de vorige rapportage (${periodName(origin.period, 'nl')}). Daarin is een afgevinkt actiepunt afgerond en een doorgestreept actiepunt vervallen.`
            : 'Er is geen vorige rapportage gevonden om actiepunten uit te halen.',
    },
  },
  en: {
    title: (period) => `Complaints report, ${period}`,
    exampleTitle: (period) => `Example: complaints report, ${period}`,
    description: (from, to) =>
      `The nature and volume of complaints from ${from} to ${to}, with the evaluation and the action points.`,
    exampleNotice:
      'This is an example. The complaints in this report are made up. This is what a report looks like once there are real complaints.',
    intro: (from, to) =>
      `Twice a year we make an overview of the nature and volume of complaints (complaints procedure, article 7). ` +
      `This overview covers ${from} to ${to}. The evaluation and the action points follow.`,
    protectionIntro: (threshold) =>
      `This report contains no names or other personal data. We do not show small numbers: ` +
      `in tables about complainants a number below ${threshold} is shown as "< ${threshold}".`,
    summary: {
      heading: 'In brief',
      received: (count, previous) => `We received ${complaints(count)} (previous period: ${previous}).`,
      confirmed: (onTime, due, share) => `${onTime} of ${complaints(due)} confirmed in time (${share}).`,
      answered: (within, due, share, extended, weeks) =>
        `${within} of ${complaints(due)} answered within ${weeks} weeks (${share}); ${extended} within the extended term.`,
      open: (count, end) =>
        `On ${end}, ${complaints(count)} ${count === '1' ? 'was' : 'were'} still waiting for an answer.`,
    },
    volume: {
      heading: 'Volume',
      perMonth: 'Complaints received per month',
      perMonthIntro: 'The number of complaints per month in which we received them.',
      month: 'Month',
      received: 'Received',
      total: 'Total',
      compared: 'Compared with the previous period',
      comparedIntro: (previous) => `We compare with the previous period: ${previous}.`,
      period: 'Period',
      thisPeriod: (name) => `${capitalise(name)} (this period)`,
      difference: 'Difference',
      chartAlt: (list) => `Bar chart of the number of complaints received per month: ${list}.`,
      chartTitle: 'Complaints received per month',
    },
    nature: {
      heading: 'Nature',
      perCategory: 'By subject',
      category: 'Subject',
      unknownCategory: 'Subject no longer on the form',
      perRole: 'Who complained',
      role: 'Complainant',
      roles: { bewoner: 'Resident', 'pand-eigenaar': 'Property owner', opdrachtgever: 'Client' },
      count: 'Number',
      chartAlt: (list) => `Bar chart of the number of complaints received per subject: ${list}.`,
      chartTitle: 'Complaints received per subject',
    },
    handling: {
      heading: 'Handling',
      confirmation: (days) => `Confirmation within ${days} working days`,
      confirmationColumn: 'Confirmation',
      confirmationIntro: (days) =>
        `Within ${days} working days of receipt the complainant gets a confirmation. It says who handles the complaint and when the answer will come at the latest.`,
      onTime: 'Confirmed in time',
      lateConfirmed: 'Confirmed late',
      notConfirmed: 'Not yet confirmed',
      dueTotal: 'Total (term ended in this period)',
      share: 'Share',
      confirmSpread: (median, p90, measured) =>
        `Working days to the confirmation: half within ${median}, 90% within ${p90} (of ${measured} confirmed complaints).`,
      answer: (weeks) => `Answer within ${weeks} weeks`,
      answerColumn: 'Answer',
      answerIntro: (weeks, extension) =>
        `Within ${weeks} weeks of receipt the complainant gets a reasoned answer. We can extend that term once by ${extension} weeks.`,
      withinTerm: 'Answered within the term',
      withinExtendedTerm: 'Answered within the extended term',
      lateAnswered: 'Answered late',
      notAnswered: 'Not yet answered',
      extended: (count, due) => `The term was extended for ${count} of these ${due} complaints.`,
      answerSpread: (median, p90, measured) =>
        `Working days to the answer: half within ${median}, 90% within ${p90} (of ${measured} answered complaints).`,
      noValue: '–',
      notTakenUpHeading: 'Not taken up',
      notTakenUp: (count) =>
        `Not taken up because the complaint had been dealt with before and there were no new facts: ${count}.`,
      openHeading: 'Not yet answered at the end of the period',
      waiting: 'Waiting since receipt',
      band: (from, to) =>
        to === undefined ? `more than ${Number(from) - 1} working days` : `${from} to ${to} working days`,
      overdue: (count) => `For ${count} of these complaints the answer term has passed.`,
      oldest: (days) => `The complaint that has waited longest has waited ${days} working days.`,
      answeredNotClosed: (count) => `Answered but not yet closed: ${count}.`,
    },
    endings: {
      heading: 'Outcome',
      intro: 'How the complaints that ended in this period turned out.',
      ending: 'Outcome',
      labels: {
        gegrond: 'Upheld',
        'deels-gegrond': 'Partly upheld',
        ongegrond: 'Not upheld',
        'opgelost-in-overleg': 'Resolved by agreement',
        ingetrokken: 'Withdrawn',
        'niet-vastgelegd': 'Closed without a recorded outcome',
        'niet-in-behandeling': 'Not taken up',
      },
    },
    satisfaction: {
      heading: 'Satisfaction',
      intro: 'Afterwards we ask the complainant: was your complaint resolved to your satisfaction?',
      answer: 'Answer',
      labels: { ja: 'Yes', deels: 'Partly', nee: 'No', 'geen-reactie': 'No reply' },
    },
    previousActions: {
      heading: 'Action points from the previous report',
      intro: (origin) =>
        origin.kind === 'github'
          ? 'How far we got with the action points that were still open.'
          : `How far we got with the action points from the previous report${origin.kind === 'previous-report' ? ` (${periodName(origin.period, 'en')})` : ''}.`,
      action: 'Action point',
      state: 'State',
      states: { open: 'Not done yet', afgerond: 'Done', vervallen: 'Dropped' },
      none: (origin) =>
        origin.kind === 'github'
          ? `There are no action points (issues labelled "${origin.label}") that are open or were completed in this period.`
          : origin.kind === 'previous-report'
            ? `The previous report (${periodName(origin.period, 'en')}) had no action points.`
            : 'There is no previous report with action points.',
      check: `${placeholderPrefix.en} check the state of each action point and correct it where needed.`,
    },
    evaluation: {
      heading: 'Evaluation',
      placeholder: `${placeholderPrefix.en} replace this paragraph with the evaluation. What do the numbers show? What went well, what can be better, and why?`,
    },
    actions: {
      heading: 'Action points',
      intro: 'What we will do in the coming period. The next report says how far we got.',
      placeholder: `${placeholderPrefix.en} replace this line with an action point (one per line). No action points? Then say so.`,
    },
    totalHidden: 'not shown',
    notes: {
      protection: (threshold) =>
        `In the tables on subject, complainant, outcome and satisfaction a number from 1 to ${threshold - 1} is shown as "< ${threshold}". ` +
        `So "< ${threshold}" means: 0 to ${threshold - 1}. The totals are real. ` +
        `Where a hidden number could still be worked out (the total minus the numbers shown), we also hide the smallest other number in that table; ` +
        `if that is ${threshold} or more, it shows as "≥ ${threshold}". So no hidden number can be derived exactly. ` +
        'Where even hiding every number of a table is not enough, the total of that table is not shown either. ' +
        `The numbers per month and on our terms say something about our work only, not about complainants: we show them in full.`,
      asOf: (end) =>
        `All numbers describe the state on ${end}, the end of the period. Anything recorded in a case file later does not count. ` +
        'A date is the calendar date in Dutch time. Everything comes from the case files: the date of receipt, the terms and the recorded steps with their dates.',
      received: (previous, from, to) =>
        `A complaint counts in the period of its date of receipt. The previous period: ${previous}, ${from} to ${to}.`,
      nature: 'The subject and role the complainant chose on the form, for the complaints received in the period.',
      confirmation: (days) =>
        `Counted are the complaints whose confirmation term ended in this period: the latest date in the case file, ${days} working days after receipt. ` +
        'Complaints not taken up are left out. In time: the first step "bevestigd" (confirmed) fell on or before that date. ' +
        'Working days are Monday to Friday, without the public holidays of the Algemene termijnenwet (General Time Limits Act). The day of receipt does not count.',
      spread:
        'Half within: the middle value (the median; for an even number the lower of the two middle ones). ' +
        '90% within: the 90th percentile, the ⌈0.9 × n⌉-th value from small to large. ' +
        'Only complaints already confirmed or answered at the end of the period count.',
      answer: (weeks) =>
        `Counted are the complaints whose answer term ended in this period: ${weeks} weeks after receipt, or the extended date where the term was extended. ` +
        'Complaints not taken up are left out. The answer is the first step "beantwoord" (answered). ' +
        'A complaint closed without that step (for example withdrawn) counts as answered on the day it was closed. ' +
        'Within the extended term: after the normal date, but no later than the extended date.',
      extension:
        'Extended: the step "verdaagd" (extended) fell on or before the normal answer date. An extension recorded later does not count as an extension.',
      open:
        'All complaints received up to the end of the period that had no answer by then (complaints not taken up left out). ' +
        'Waiting time: working days from the date of receipt up to and including the end of the period. ' +
        'Term passed: the answer date (the extended one where the term was extended) was before the end of the period.',
      endings:
        'The complaints that ended in this period: closed (the step "afgesloten", with the outcome recorded with it) ' +
        'or not taken up (the step "niet-in-behandeling": the complaint had been dealt with before and there were no new facts, complaints procedure article 5).',
      satisfaction:
        'The complaints closed in this period, with the answer to the question whether the complaint was resolved to satisfaction, ' +
        'as far as that answer had come in by the end of the period. No reply: no answer was recorded.',
      actions: (origin) =>
        origin.kind === 'github'
          ? `The action points are the issues labelled "${origin.label}" that were open at the end of the period or were closed during it.`
          : origin.kind === 'previous-report'
            ? `The action points come from the previous report (${periodName(origin.period, 'en')}). There, a ticked action point is done and a struck-through one dropped.`
            : 'No previous report was found to take action points from.',
    },
  },
};
