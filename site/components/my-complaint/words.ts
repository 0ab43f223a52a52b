// The words of the complainant's page, Dutch first (B1), then English.
import type { Outcome, Status } from '../../../cases/case.ts';

const outcomesNl: Record<Outcome, string> = {
  gegrond: 'uw klacht is gegrond: u hebt gelijk',
  'deels-gegrond': 'uw klacht is deels gegrond: u hebt voor een deel gelijk',
  ongegrond: 'uw klacht is ongegrond: wij zien het anders',
  'opgelost-in-overleg': 'uw klacht is in overleg opgelost',
  ingetrokken: 'u hebt uw klacht ingetrokken',
};
const outcomesEn: Record<Outcome, string> = {
  gegrond: 'your complaint is upheld: you were right',
  'deels-gegrond': 'your complaint is partly upheld: you were partly right',
  ongegrond: 'your complaint is not upheld: we see it differently',
  'opgelost-in-overleg': 'your complaint was resolved together',
  ingetrokken: 'you withdrew your complaint',
};

/**
 * The page's words by language.
 *
 * @example
 * myComplaintWords.nl.status.ontvangen // 'ontvangen'
 */
export const myComplaintWords = {
  nl: {
    title: 'Mijn klacht',
    reference: (ref: string) => `Kenmerk: ${ref}`,
    statusLabel: 'Hoe staat het ervoor?',
    status: {
      ontvangen: 'ontvangen',
      bevestigd: 'in behandeling',
      verdaagd: 'in behandeling, met meer tijd',
      beantwoord: 'beantwoord',
      heropend: 'opnieuw in behandeling',
      afgesloten: 'afgesloten',
      'niet-in-behandeling': 'niet in behandeling genomen',
    } satisfies Record<Status, string>,
    statusText: (status: string) => `Uw klacht is ${status}.`,
    timeline: 'Wat er is gebeurd',
    steps: {
      received: 'We hebben uw klacht ontvangen.',
      confirmed: (name: string | undefined) =>
        name === undefined ? 'We hebben uw klacht in behandeling genomen.' : `${name} behandelt uw klacht.`,
      extended: 'We hebben meer tijd nodig. De reden:',
      answered: 'We hebben u een gemotiveerd antwoord gestuurd.',
      closed: (outcome: Outcome | undefined) =>
        outcome === undefined
          ? 'We hebben uw klacht afgesloten.'
          : `We hebben uw klacht afgesloten: ${outcomesNl[outcome]}.`,
      notTakenUp: (earlier: string | undefined) =>
        `We nemen deze klacht niet in behandeling: het is dezelfde klacht als ${earlier ?? 'een eerdere klacht'}, zonder nieuwe feiten.`,
      reopened: 'Uw klacht is nog niet opgelost. We bekijken hem opnieuw.',
    },
    dates: 'Belangrijke datums',
    confirmBy: 'Uiterlijk op deze dag krijgt u een bevestiging:',
    answerBy: 'Uiterlijk op deze dag krijgt u antwoord:',
    extendedAnswerBy: 'Door de verdaging krijgt u uiterlijk op deze dag antwoord:',
    howCounted: 'Hoe we deze datum tellen',
    calendar: 'Zet de antwoorddatum in uw agenda (.ics-bestand)',
    next: 'Wat gebeurt er nu?',
    nextText: {
      ontvangen: 'We kijken wie uw klacht het best kan behandelen. U krijgt daarover een bevestiging per e-mail.',
      bevestigd:
        'Uw behandelaar zoekt uit wat er is gebeurd. Misschien neemt die contact met u op. Daarna krijgt u een gemotiveerd antwoord per e-mail.',
      verdaagd:
        'Uw behandelaar heeft meer tijd nodig. U krijgt uiterlijk op de nieuwe datum een gemotiveerd antwoord per e-mail.',
      beantwoord:
        'U hebt ons antwoord gekregen. Bent u het er niet mee eens? Laat het ons weten, of ga naar een van de instanties hieronder.',
      heropend:
        'Uw behandelaar bekijkt uw klacht opnieuw. Misschien neemt die contact met u op. U krijgt uiterlijk op de nieuwe datum een nieuw antwoord per e-mail.',
      afgesloten:
        'Uw klacht is afgesloten. Bent u het niet eens met de uitkomst? Dan kunt u naar een van de instanties hieronder.',
      'niet-in-behandeling':
        'Hebt u nieuwe feiten? Vul ze hieronder aan. Een coördinator bekijkt dan of de klacht toch in behandeling gaat.',
    } satisfies Record<Status, string>,
    external: 'Waar kunt u verder terecht?',
    externalIntro:
      'U kunt zich altijd ook wenden tot een andere geschikte externe instantie. Dat is voor uw eigen rekening.',
    satisfaction: 'Is uw klacht naar tevredenheid opgelost?',
    satisfactionLink: 'Geef uw antwoord',
    add: 'Iets aanvullen',
    addLabel: 'Wat wilt u aanvullen?',
    addHint: 'Bijvoorbeeld iets wat u vergat, of wat er sinds uw klacht is gebeurd. Uw behandelaar leest het.',
    addSubmit: 'Aanvulling versturen',
    addErrors: {
      required: 'Schrijf wat u wilt aanvullen.',
      tooLong: (n: number) => `Uw aanvulling is te lang: hoogstens ${n.toLocaleString('nl-NL')} tekens.`,
      tooMany:
        'U hebt dit uur al veel verstuurd vanaf deze pagina. Probeer het over een uur opnieuw. Uw tekst staat nog in het vak.',
    },
    added: 'Uw aanvulling is toegevoegd aan uw klacht. U krijgt een bevestiging per e-mail.',
    additions: 'Wat u later aanvulde',
    byMail: 'per e-mail',
    keptLabel: 'Uw tekst (niet verstuurd)',
    withdraw: 'Klacht intrekken',
    withdrawText: 'Wilt u niet langer dat we uw klacht behandelen? Dan kunt u hem intrekken.',
    withdrawButton: 'Klacht intrekken',
    confirmTitle: 'Weet u zeker dat u uw klacht wilt intrekken?',
    confirmText: (ref: string) =>
      `Als u klacht ${ref} intrekt, sluiten we hem. U krijgt dan geen antwoord meer op deze klacht. Dat kunt u niet ongedaan maken op deze pagina.`,
    confirmYes: 'Ja, trek mijn klacht in',
    confirmNo: 'Nee, terug naar mijn klacht',
    withdrawn: 'U hebt uw klacht ingetrokken. U krijgt een bevestiging per e-mail.',
    notWithdrawn: 'Deze klacht kan niet meer worden ingetrokken.',
    sent: 'Wat u ons stuurde',
    erased:
      'De gegevens van deze klacht zijn verwijderd, omdat de bewaartermijn voorbij is. We tonen daarom alleen het kenmerk en de stappen.',
    askTitle: 'Mijn klacht bekijken',
    askIntro:
      'In elke e-mail over uw klacht staat een persoonlijke link naar deze pagina. Bent u die kwijt? Vul hieronder uw kenmerk en uw e-mailadres in. Horen ze bij elkaar, dan sturen we een nieuwe link naar het e-mailadres van uw klacht.',
    askReference: 'Kenmerk',
    askReferenceHint: 'Zoals K-2026-7QF3-M9XA. Het staat in de e-mail die u kreeg.',
    askEmail: 'E-mailadres',
    askSubmit: 'Stuur mij een nieuwe link',
    askErrors: { reference: 'Vul uw kenmerk in.', email: 'Vul uw e-mailadres in.' },
    askSent:
      'Bedankt. Horen het kenmerk en het e-mailadres bij elkaar? Dan krijgt u binnen enkele minuten een e-mail met een nieuwe link. Geen e-mail gekregen? Kijk ook in uw map met ongewenste e-mail.',
    askLimited: 'U hebt dit al vaak gevraagd. Probeer het over een uur nog eens.',
    refusedTitle: {
      invalid: 'Deze link werkt niet',
      expired: 'Deze link werkt niet meer',
      revoked: 'Deze link werkt niet meer',
      closed: 'Deze pagina is niet meer te openen',
      ended: 'Er is niets verstuurd: u was te lang weg',
      unavailable: 'Deze pagina werkt nu niet',
    },
    refused: {
      invalid:
        'Deze link is niet goed. Gebruik de link uit de laatste e-mail over uw klacht, of vraag hieronder een nieuwe link aan.',
      expired: 'Deze link is verlopen. Vraag hieronder een nieuwe link aan.',
      revoked:
        'Er is een nieuwere link naar deze klacht gestuurd, of de klacht is ingetrokken of verwijderd. Daarom werkt deze link niet meer. Gebruik de link uit de laatste e-mail over uw klacht, of vraag hieronder een nieuwe link aan.',
      closed: 'Deze klacht is langer dan 60 dagen geleden afgesloten. Daarom is de pagina niet meer te openen.',
      ended:
        'De pagina was langer dan 30 minuten open zonder dat u iets verstuurde. Daarom hebben we niets verstuurd. Uw tekst staat hieronder. Kopieer hem. Open daarna uw klacht opnieuw met de link uit uw e-mail, of vraag hieronder een nieuwe link aan.',
      unavailable: 'Er ging iets mis aan onze kant. Probeer het later nog eens.',
    },
    linkLife: (days: number) => `Een persoonlijke link werkt ${days} dagen na de e-mail waarin hij stond.`,
    openTitle: 'Uw persoonlijke link',
    openText: (ref: string) => `Met de knop hieronder opent u de pagina van uw klacht ${ref}.`,
    openWhy:
      'Waarom een knop? Zo opent alleen u zelf uw klacht, en niet een programma dat de links in uw e-mail controleert.',
    openButton: 'Open mijn klacht',
    askNew: 'Vraag een nieuwe link aan',
    mailUs: 'Vragen? Mail de klachtencoördinator:',
    fields: {
      role: 'Wie u bent',
      name: 'Naam',
      email: 'E-mailadres',
      phone: 'Telefoon',
      address: 'Adres',
      category: 'Onderwerp',
      complaint: 'Uw klacht',
      expectation: 'Wat u van ons verwacht',
      concerns: 'Over wie of welke afdeling',
      earlier: 'Eerder geklaagd',
      whatIsNew: 'Wat is er nieuw',
    },
    yes: 'Ja',
    no: 'Nee',
    notFilled: '(niet ingevuld)',
    roles: { bewoner: 'Bewoner', 'pand-eigenaar': 'Pand eigenaar', opdrachtgever: 'Opdrachtgever' },
  },
  en: {
    title: 'My complaint',
    reference: (ref: string) => `Reference: ${ref}`,
    statusLabel: 'Where does it stand?',
    status: {
      ontvangen: 'received',
      bevestigd: 'being handled',
      verdaagd: 'being handled, with more time',
      beantwoord: 'answered',
      heropend: 'being handled again',
      afgesloten: 'closed',
      'niet-in-behandeling': 'not taken up',
    } satisfies Record<Status, string>,
    statusText: (status: string) => `Your complaint is ${status}.`,
    timeline: 'What has happened',
    steps: {
      received: 'We received your complaint.',
      confirmed: (name: string | undefined) =>
        name === undefined ? 'We started handling your complaint.' : `${name} is handling your complaint.`,
      extended: 'We need more time. The reason:',
      answered: 'We sent you a reasoned answer.',
      closed: (outcome: Outcome | undefined) =>
        outcome === undefined ? 'We closed your complaint.' : `We closed your complaint: ${outcomesEn[outcome]}.`,
      notTakenUp: (earlier: string | undefined) =>
        `We do not take up this complaint: it is the same as ${earlier ?? 'an earlier complaint'}, without new facts.`,
      reopened: 'Your complaint is not resolved yet. We are looking at it again.',
    },
    dates: 'Important dates',
    confirmBy: 'You will get a confirmation by this day at the latest:',
    answerBy: 'You will get an answer by this day at the latest:',
    extendedAnswerBy: 'Because of the extension, you will get an answer by this day at the latest:',
    howCounted: 'How we count this date',
    calendar: 'Add the answer date to your calendar (.ics file)',
    next: 'What happens next?',
    nextText: {
      ontvangen: 'We are finding the best person to handle your complaint. You will get a confirmation by e-mail.',
      bevestigd:
        'Your handler looks into what happened and may contact you. Then you will get a reasoned answer by e-mail.',
      verdaagd: 'Your handler needs more time. You will get a reasoned answer by e-mail by the new date at the latest.',
      beantwoord: 'You have our answer. Do you disagree? Let us know, or turn to one of the bodies below.',
      heropend:
        'Your handler is looking at your complaint again and may contact you. You will get a new answer by e-mail by the new date at the latest.',
      afgesloten:
        'Your complaint is closed. Do you disagree with the outcome? Then you can turn to one of the bodies below.',
      'niet-in-behandeling':
        'Do you have new facts? Add them below. A coordinator will then see whether the complaint is taken up after all.',
    } satisfies Record<Status, string>,
    external: 'Where else can you go?',
    externalIntro: 'You can always also turn to another appropriate external body. This is at your own expense.',
    satisfaction: 'Was your complaint resolved to your satisfaction?',
    satisfactionLink: 'Give your answer',
    add: 'Add information',
    addLabel: 'What do you want to add?',
    addHint: 'For example something you forgot, or what happened since your complaint. Your handler will read it.',
    addSubmit: 'Send what you added',
    addErrors: {
      required: 'Write what you want to add.',
      tooLong: (n: number) => `What you added is too long: ${n.toLocaleString('en-GB')} characters at most.`,
      tooMany:
        'You have sent a lot from this page this hour. Please try again in an hour. Your text is still in the box.',
    },
    added: 'What you added is now part of your complaint. You will get a confirmation by e-mail.',
    additions: 'What you added later',
    byMail: 'by e-mail',
    keptLabel: 'Your text (not sent)',
    withdraw: 'Withdraw your complaint',
    withdrawText: 'Do you no longer want us to handle your complaint? Then you can withdraw it.',
    withdrawButton: 'Withdraw complaint',
    confirmTitle: 'Are you sure you want to withdraw your complaint?',
    confirmText: (ref: string) =>
      `If you withdraw complaint ${ref}, we close it. You will then not get an answer to this complaint. You cannot undo this on this page.`,
    confirmYes: 'Yes, withdraw my complaint',
    confirmNo: 'No, back to my complaint',
    withdrawn: 'You have withdrawn your complaint. You will get a confirmation by e-mail.',
    notWithdrawn: 'This complaint can no longer be withdrawn.',
    sent: 'What you sent us',
    erased:
      'The details of this complaint were removed because the retention period has ended. So we only show the reference and the steps.',
    askTitle: 'See my complaint',
    askIntro:
      'Every e-mail about your complaint has a personal link to this page. Lost it? Fill in your reference and your e-mail address below. If they belong together, we send a new link to the e-mail address of your complaint.',
    askReference: 'Reference',
    askReferenceHint: 'Like K-2026-7QF3-M9XA. It is in the e-mail you got.',
    askEmail: 'E-mail address',
    askSubmit: 'Send me a new link',
    askErrors: { reference: 'Fill in your reference.', email: 'Fill in your e-mail address.' },
    askSent:
      'Thank you. If the reference and the e-mail address belong together, you will get an e-mail with a new link within a few minutes. No e-mail? Please also look in your junk mail folder.',
    askLimited: 'You have asked this many times. Please try again in an hour.',
    refusedTitle: {
      invalid: 'This link does not work',
      expired: 'This link no longer works',
      revoked: 'This link no longer works',
      closed: 'This page can no longer be opened',
      ended: 'Nothing was sent: you were away too long',
      unavailable: 'This page does not work right now',
    },
    refused: {
      invalid:
        'This link is not right. Use the link in the latest e-mail about your complaint, or ask for a new link below.',
      expired: 'This link has expired. Ask for a new link below.',
      revoked:
        'A newer link to this complaint was sent, or the complaint was withdrawn or removed. That is why this link no longer works. Use the link in the latest e-mail about your complaint, or ask for a new link below.',
      closed: 'This complaint was closed more than 60 days ago. That is why its page can no longer be opened.',
      ended:
        'The page was open for more than 30 minutes without you sending anything. That is why nothing was sent. Your text is below. Copy it. Then open your complaint again with the link in your e-mail, or ask for a new link below.',
      unavailable: 'Something went wrong on our side. Please try again later.',
    },
    linkLife: (days: number) => `A personal link works for ${days} days after the e-mail it came in.`,
    openTitle: 'Your personal link',
    openText: (ref: string) => `Use the button below to open the page of your complaint ${ref}.`,
    openWhy: 'Why a button? So that only you open your complaint, not a program that checks the links in your e-mail.',
    openButton: 'Open my complaint',
    askNew: 'Ask for a new link',
    mailUs: 'Questions? Mail the complaints coordinator:',
    fields: {
      role: 'Who you are',
      name: 'Name',
      email: 'E-mail address',
      phone: 'Phone',
      address: 'Address',
      category: 'Subject',
      complaint: 'Your complaint',
      expectation: 'What you expect from us',
      concerns: 'About whom or which department',
      earlier: 'Complained before',
      whatIsNew: 'What is new',
    },
    yes: 'Yes',
    no: 'No',
    notFilled: '(not filled in)',
    roles: { bewoner: 'Resident', 'pand-eigenaar': 'Property owner', opdrachtgever: 'Client' },
  },
} as const;
