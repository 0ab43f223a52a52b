import type { Locale } from '../../cases/locale.ts';

// The site's base path: '/' or, when site.url has one, '/klachten/' (astro.config.mjs sets Astro's
// `base` from it). Read from Astro's build, so every link agrees with where the pages were built;
// outside Astro (plain Node) there is none.
const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** Puts every page of a table under the base path. */
function underBase<T extends Record<string, string>>(table: T): { readonly [K in keyof T]: string } {
  return Object.fromEntries(Object.entries(table).map(([key, path]) => [key, `${base}${path.slice(1)}`])) as {
    [K in keyof T]: string;
  };
}

/**
 * Where each page lives, per language, under the site's base path; the language switch maps a
 * page to its translation.
 *
 * @example
 * paths.nl.form // '/klacht-indienen/', or '/klachten/klacht-indienen/' with a base path
 */
export const paths = {
  nl: underBase({
    home: '/',
    reglement: '/reglement/',
    form: '/klacht-indienen/',
    submit: '/klacht-indienen/verzenden/',
    satisfaction: '/tevredenheid/',
    myComplaint: '/mijn-klacht/',
    reports: '/rapportages/',
    accessibility: '/toegankelijkheid/',
  }),
  en: underBase({
    home: '/en/',
    reglement: '/en/procedure/',
    form: '/en/complaint/',
    submit: '/en/complaint/submit/',
    satisfaction: '/en/satisfaction/',
    myComplaint: '/en/my-complaint/',
    reports: '/en/reports/',
    accessibility: '/en/accessibility/',
  }),
} as const satisfies Record<Locale, Record<string, string>>;

export type PageKey = keyof (typeof paths)['nl'];

/**
 * The base path itself ('/' or '/klachten/'), for files in site/public (the favicon).
 *
 * @example
 * `${basePath}favicon.svg` // '/favicon.svg'
 */
export const basePath = base;

/** The interface text, Dutch first (B1), English second. Organisation names come from the config. */
export const ui = {
  nl: {
    skipLink: 'Naar de inhoud',
    siteName: (org: string) => `Klachtenloket ${org}`,
    // For pages without a description of their own (search engines show it under the title).
    description: (org: string) =>
      `Het klachtenloket van ${org}: dien een klacht in, lees hoe we klachten behandelen en wat we ervan leren.`,
    nav: {
      label: 'Hoofdmenu',
      home: 'Startpagina',
      reglement: 'Klachtenreglement',
      form: 'Klacht indienen',
      myComplaint: 'Mijn klacht',
      reports: 'Rapportages',
    },
    otherLanguage: { label: 'English', lang: 'en', title: 'Read this page in English' },
    footer: {
      accessibility: 'Toegankelijkheid',
      privacy: 'Privacyverklaring',
      contact: 'Vragen? Mail de klachtencoördinator:',
    },
    home: {
      title: 'Een klacht indienen',
      description: (org: string) =>
        `Niet tevreden over ${org}? Dien online een klacht in. U krijgt meteen een kenmerk en binnen 6 weken een antwoord.`,
      lead: (org: string) =>
        `Bent u niet tevreden over ${org}? Dat horen we graag. Elke klacht helpt ons beter te werken.`,
      steps: 'Zo gaat het',
      stepList: [
        'U vult het klachtenformulier in. Dat duurt ongeveer 10 minuten.',
        'U krijgt meteen een kenmerk, en per e-mail een link naar uw eigen pagina. Daar ziet u hoe het met uw klacht staat.',
        'Binnen 7 werkdagen krijgt u een bevestiging. Daarin staat wie uw klacht behandelt en wanneer u uiterlijk antwoord krijgt.',
        'Binnen 6 weken krijgt u een gemotiveerd antwoord.',
      ],
      start: 'Klacht indienen',
      readFirst: 'Wilt u eerst weten hoe we klachten behandelen?',
      readReglement: 'Lees het klachtenreglement',
    },
    reglement: {
      toc: 'Inhoud',
      toForm: 'Klacht indienen',
      toFormText: 'Wilt u een klacht indienen? Gebruik het klachtenformulier.',
    },
    form: {
      title: 'Klacht indienen',
      description:
        'Het klachtenformulier: vertel wat er is gebeurd en wat u van ons verwacht. Het duurt ongeveer 10 minuten.',
      intro: 'Vul het formulier in. Velden met "(niet verplicht)" mag u leeg laten.',
      errorTitle: 'Er is een probleem',
      errorPrefix: 'Fout:',
      titlePrefix: 'Fout: ',
      optional: '(niet verplicht)',
      maxChars: (n: number) => `Hoogstens ${n.toLocaleString('nl-NL')} tekens.`,
      // Templates for the live count; the browser fills in {n}.
      charsLeft: 'Nog {n} tekens over.',
      charsOver: '{n} tekens te veel.',
      sections: { you: 'Over u', complaint: 'Over uw klacht', consent: 'Toestemming' },
      role: {
        legend: 'Wie bent u?',
        bewoner: 'Bewoner',
        'pand-eigenaar': 'Pand eigenaar',
        opdrachtgever: 'Opdrachtgever',
      },
      name: { label: 'Naam' },
      email: { label: 'E-mailadres', hint: 'We sturen de ontvangstbevestiging en ons antwoord naar dit adres.' },
      phone: { label: 'Telefoonnummer', hint: 'Voor als we u willen bellen over uw klacht.' },
      address: {
        label: 'Over welk adres of complex gaat uw klacht?',
        hint: 'Bijvoorbeeld: Lindenlaan 12, Utrecht, of de naam van het complex.',
      },
      category: { legend: 'Waar gaat uw klacht over?' },
      complaint: { label: 'Uw klacht', hint: 'Beschrijf wat er is gebeurd, wanneer, en wat het voor u betekent.' },
      expectation: {
        label: 'Wat verwacht u van ons?',
        hint: 'Bijvoorbeeld: dat iets wordt gerepareerd, een excuus, of een gesprek.',
      },
      concerns: {
        label: 'Over wie of welke afdeling gaat uw klacht?',
        hint: 'Dan zorgen we dat iemand anders uw klacht behandelt.',
      },
      earlier: { legend: 'Heeft u hier al eerder over geklaagd?', nee: 'Nee', ja: 'Ja' },
      whatIsNew: {
        label: 'Wat is er nieuw sinds uw vorige klacht?',
        hint: 'Alleen invullen als u "Ja" koos. Een klacht die al is behandeld, nemen we alleen opnieuw in behandeling als er nieuwe feiten zijn.',
      },
      consent: {
        label: 'Ik geef toestemming om mijn gegevens te gebruiken voor de behandeling van mijn klacht.',
        hint: 'Lees in de privacyverklaring wat we met uw gegevens doen:',
        link: 'privacyverklaring',
        // The retention terms of klachten.config.ts (docs/retention.md), as the privacy statement must name them.
        retention: (months: number, days: number) =>
          `We bewaren uw gegevens tot ${months} maanden nadat uw klacht is afgehandeld en wissen ze daarna; verstuurde berichten hoogstens ${days} dagen. Voor de rapportage tellen we uw klacht zonder uw naam of gegevens.`,
      },
      submit: 'Klacht versturen',
      sending: 'Bezig met versturen…',
      failedTitle: 'Uw klacht is nog niet verstuurd',
      failedText:
        'Er ging iets mis bij het opslaan van uw klacht. Uw tekst staat hieronder nog. Probeer het over een paar minuten opnieuw.',
      failedMail: 'Lukt het dan nog niet? Mail uw klacht naar',
      // The honeypot's label, for whoever reads the page without its styles.
      honeypot: 'Laat dit veld leeg',
      limitedTitle: 'U heeft al veel klachten verstuurd',
      limitedText: (minutes: number) =>
        `Vanaf uw internetaansluiting zijn het afgelopen uur al veel klachten verstuurd. Daarom nemen we er nu even geen nieuwe aan. Uw klacht is nog niet verstuurd; uw tekst staat hieronder nog. Probeer het over ${minutes === 1 ? '1 minuut' : `${minutes} minuten`} opnieuw.`,
      limitedMail: 'Is het dringend? Mail uw klacht naar',
      // A post over the size limit (413): what is wrong and what to do, never "try again later".
      tooLargeTitle: 'Uw klacht is te groot om te versturen',
      tooLargeText:
        'Het bericht is te lang of de bestanden zijn te groot. Maak de tekst korter of kies kleinere bestanden, en verstuur het formulier dan opnieuw.',
      tooLargeKept: 'Wat we van uw klacht konden lezen, staat hieronder nog. Vul de rest opnieuw in.',
      tooLargeNothingKept: 'We konden niets van uw klacht bewaren. Vul het formulier opnieuw in.',
      tooLargeMail: 'Lukt het niet? Mail uw klacht naar',
    },
    receipt: {
      title: 'Uw klacht is ontvangen',
      referenceLabel: 'Uw kenmerk',
      keep: 'Bewaar dit kenmerk. Noem het als u contact met ons opneemt.',
      duplicate: 'Deze klacht hadden we al ontvangen. Hieronder staat hetzelfde kenmerk als de eerste keer.',
      nextTitle: 'Wat gebeurt er nu?',
      mail: (email: string) => `We sturen een ontvangstbevestiging naar ${email}.`,
      confirmBy: (date: string) =>
        `U ontvangt uiterlijk ${date} een bevestiging. Daarin staat wie uw klacht behandelt.`,
      answerBy: (date: string) => `We streven ernaar u uiterlijk ${date} een gemotiveerd antwoord te geven.`,
      why: 'Hoe berekenen we deze data?',
      ics: 'Zet de antwoorddatum in uw agenda (.ics)',
      external: 'U kunt zich altijd ook wenden tot een andere geschikte externe instantie.',
      summaryTitle: 'Wat u ons stuurde',
      print:
        'U kunt deze pagina afdrukken of opslaan. Later bekijkt u uw klacht via de link in de ontvangstbevestiging die we u mailen.',
      again: 'Nog een klacht indienen',
    },
    yes: 'Ja',
    no: 'Nee',
    notFilled: '(niet ingevuld)',
    satisfaction: {
      title: 'Is uw klacht naar tevredenheid afgehandeld?',
      intro: (reference: string) => `Dit gaat over uw klacht met kenmerk ${reference}.`,
      why: 'Uw antwoord helpt ons te leren van klachten. Het kost ongeveer een minuut.',
      answer: { legend: 'Is uw klacht naar tevredenheid afgehandeld?', ja: 'Ja', deels: 'Gedeeltelijk', nee: 'Nee' },
      remark: { label: 'Toelichting', hint: 'Wat ging goed, of wat had beter gekund?' },
      errors: {
        answer: 'Kies ja, gedeeltelijk of nee.',
        remarkTooLong: (max: number) =>
          `Uw toelichting is te lang: gebruik hoogstens ${max.toLocaleString('nl-NL')} tekens.`,
      },
      submit: 'Antwoord versturen',
      thanksTitle: 'Bedankt voor uw antwoord',
      thanks: {
        ja: 'Fijn dat uw klacht naar tevredenheid is afgehandeld.',
        deels:
          'Jammer dat uw klacht maar gedeeltelijk naar tevredenheid is afgehandeld. We gebruiken uw antwoord om beter te worden.',
        nee: 'Jammer dat uw klacht niet naar tevredenheid is afgehandeld. De klachtencoördinator krijgt hier bericht van en neemt contact met u op.',
      },
      external:
        'U kunt zich altijd ook wenden tot een andere geschikte externe instantie. Dat is voor uw eigen rekening.',
      refusedTitle: {
        invalid: 'Deze link werkt niet',
        expired: 'Deze link is verlopen',
        used: 'U heeft deze vraag al beantwoord',
        unavailable: 'Dit lukt nu niet',
      },
      refused: {
        invalid: 'Gebruik de hele link uit de e-mail. Soms valt een deel van de link weg als u hem kopieert.',
        expired: 'De link in de e-mail werkt maar een beperkte tijd.',
        used: 'Bedankt voor uw antwoord. U kunt de vraag maar één keer beantwoorden.',
        unavailable: 'Er ging bij ons iets mis. Probeer het later opnieuw.',
      },
      mailUs: 'Wilt u ons nog iets laten weten? Mail de klachtencoördinator:',
      failedTitle: 'Uw antwoord is nog niet verstuurd',
      failedText:
        'Er ging iets mis bij het opslaan. Uw antwoord staat hieronder nog. Probeer het over een paar minuten opnieuw.',
    },
  },
  en: {
    skipLink: 'Skip to content',
    siteName: (org: string) => `${org} complaints`,
    description: (org: string) =>
      `The complaints desk of ${org}: file a complaint, read how we handle complaints and what we learn from them.`,
    nav: {
      label: 'Main menu',
      home: 'Home page',
      reglement: 'Complaints procedure',
      form: 'File a complaint',
      myComplaint: 'My complaint',
      reports: 'Reports',
    },
    otherLanguage: { label: 'Nederlands', lang: 'nl', title: 'Lees deze pagina in het Nederlands' },
    footer: {
      accessibility: 'Accessibility',
      privacy: 'Privacy statement',
      contact: 'Questions? E-mail the complaints coordinator:',
    },
    home: {
      title: 'File a complaint',
      description: (org: string) =>
        `Not satisfied with ${org}? File a complaint online. You get a reference number at once and an answer within 6 weeks.`,
      lead: (org: string) =>
        `Are you not satisfied with ${org}? We want to hear about it. Every complaint helps us do better.`,
      steps: 'How it works',
      stepList: [
        'You fill in the complaint form. It takes about 10 minutes.',
        'You get a reference number at once, and by email a link to your own page. There you can see where your complaint stands.',
        'Within 7 working days you get a confirmation. It says who handles your complaint and the latest date of our answer.',
        'Within 6 weeks you get a reasoned answer.',
      ],
      start: 'File a complaint',
      readFirst: 'Would you like to know first how we handle complaints?',
      readReglement: 'Read the complaints procedure',
    },
    reglement: {
      toc: 'Contents',
      toForm: 'File a complaint',
      toFormText: 'Do you want to file a complaint? Use the complaint form.',
    },
    form: {
      title: 'File a complaint',
      description: 'The complaint form: tell us what happened and what you expect from us. It takes about 10 minutes.',
      intro: 'Fill in the form. You may leave fields marked "(optional)" empty.',
      errorTitle: 'There is a problem',
      errorPrefix: 'Error:',
      titlePrefix: 'Error: ',
      optional: '(optional)',
      maxChars: (n: number) => `At most ${n.toLocaleString('en-GB')} characters.`,
      charsLeft: '{n} characters left.',
      charsOver: '{n} characters too many.',
      sections: { you: 'About you', complaint: 'About your complaint', consent: 'Consent' },
      role: { legend: 'Who are you?', bewoner: 'Resident', 'pand-eigenaar': 'Property owner', opdrachtgever: 'Client' },
      name: { label: 'Name' },
      email: { label: 'Email address', hint: 'We send the receipt and our answer to this address.' },
      phone: { label: 'Phone number', hint: 'In case we want to call you about your complaint.' },
      address: {
        label: 'Which address or complex is your complaint about?',
        hint: 'For example: Lindenlaan 12, Utrecht, or the name of the complex.',
      },
      category: { legend: 'What is your complaint about?' },
      complaint: { label: 'Your complaint', hint: 'Describe what happened, when, and what it means for you.' },
      expectation: {
        label: 'What do you expect from us?',
        hint: 'For example: a repair, an apology, or a conversation.',
      },
      concerns: {
        label: 'Whom or which department is your complaint about?',
        hint: 'Then we make sure someone else handles your complaint.',
      },
      earlier: { legend: 'Have you complained about this before?', nee: 'No', ja: 'Yes' },
      whatIsNew: {
        label: 'What is new since your previous complaint?',
        hint: 'Only fill this in if you chose "Yes". We only handle a complaint again when there are new facts.',
      },
      consent: {
        label: 'I consent to the use of my data for handling my complaint.',
        hint: 'Read in the privacy statement what we do with your data:',
        link: 'privacy statement',
        retention: (months: number, days: number) =>
          `We keep your details until ${months} months after your complaint was dealt with, then erase them; sent messages at most ${days} days. For our reports we count your complaint without your name or details.`,
      },
      submit: 'Send complaint',
      sending: 'Sending…',
      failedTitle: 'Your complaint has not been sent yet',
      failedText:
        'Something went wrong while saving your complaint. Your text is still below. Please try again in a few minutes.',
      failedMail: 'Still not working? E-mail your complaint to',
      honeypot: 'Leave this field empty',
      limitedTitle: 'You have already sent many complaints',
      limitedText: (minutes: number) =>
        `Many complaints have been sent from your internet connection in the past hour, so we are not taking new ones for a while. Your complaint has not been sent yet; your text is still below. Please try again in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.`,
      limitedMail: 'Is it urgent? E-mail your complaint to',
      tooLargeTitle: 'Your complaint is too large to send',
      tooLargeText:
        'The message is too long or the files are too large. Make the text shorter or choose smaller files, then send the form again.',
      tooLargeKept: 'What we could read of your complaint is still below. Please fill in the rest again.',
      tooLargeNothingKept: 'We could not keep anything of your complaint. Please fill in the form again.',
      tooLargeMail: 'Not working? E-mail your complaint to',
    },
    receipt: {
      title: 'We have received your complaint',
      referenceLabel: 'Your reference number',
      keep: 'Keep this reference number. Mention it when you contact us.',
      duplicate: 'We had already received this complaint. Below is the same reference number as the first time.',
      nextTitle: 'What happens next?',
      mail: (email: string) => `We send a receipt to ${email}.`,
      confirmBy: (date: string) =>
        `You will receive a confirmation by ${date} at the latest. It says who handles your complaint.`,
      answerBy: (date: string) => `We aim to give you a reasoned answer by ${date} at the latest.`,
      why: 'How do we work out these dates?',
      ics: 'Add the answer date to your calendar (.ics)',
      external: 'You can always also turn to another appropriate external body.',
      summaryTitle: 'What you sent us',
      print:
        'You can print or save this page. Later, you can look at your complaint through the link in the receipt we email you.',
      again: 'File another complaint',
    },
    yes: 'Yes',
    no: 'No',
    notFilled: '(not filled in)',
    satisfaction: {
      title: 'Was your complaint resolved to your satisfaction?',
      intro: (reference: string) => `This is about your complaint with reference ${reference}.`,
      why: 'Your answer helps us learn from complaints. It takes about a minute.',
      answer: { legend: 'Was your complaint resolved to your satisfaction?', ja: 'Yes', deels: 'Partly', nee: 'No' },
      remark: { label: 'Remark', hint: 'What went well, or what could have been better?' },
      errors: {
        answer: 'Choose yes, partly or no.',
        remarkTooLong: (max: number) =>
          `Your remark is too long: use at most ${max.toLocaleString('en-GB')} characters.`,
      },
      submit: 'Send answer',
      thanksTitle: 'Thank you for your answer',
      thanks: {
        ja: 'We are glad your complaint was resolved to your satisfaction.',
        deels:
          'We are sorry your complaint was only partly resolved to your satisfaction. We use your answer to do better.',
        nee: 'We are sorry your complaint was not resolved to your satisfaction. The complaints coordinator is told and will contact you.',
      },
      external: 'You can always also turn to another appropriate external body. This is at your own expense.',
      refusedTitle: {
        invalid: 'This link does not work',
        expired: 'This link has expired',
        used: 'You have already answered this question',
        unavailable: 'This is not possible right now',
      },
      refused: {
        invalid: 'Use the whole link from the e-mail. Part of a link sometimes gets lost when you copy it.',
        expired: 'The link in the e-mail only works for a limited time.',
        used: 'Thank you for your answer. You can answer the question only once.',
        unavailable: 'Something went wrong on our side. Please try again later.',
      },
      mailUs: 'Is there anything else you want to tell us? E-mail the complaints coordinator:',
      failedTitle: 'Your answer has not been sent yet',
      failedText: 'Something went wrong while saving. Your answer is still below. Please try again in a few minutes.',
    },
  },
} as const;

/** The text of one language. */
export type Ui = (typeof ui)['nl'] | (typeof ui)['en'];
