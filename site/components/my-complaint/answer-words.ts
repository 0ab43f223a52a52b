// The words of the complainant's page about the answer and the handler's questions, Dutch first
// (B1), then English. Beside words.ts so the page's other words stay as they were.

/**
 * The words by language.
 *
 * @example
 * answerWords.nl.answer // 'Ons antwoord'
 */
export const answerWords = {
  nl: {
    answer: 'Ons antwoord',
    answerSent: (date: string) => `Dit antwoord hebben we u op ${date} gestuurd.`,
    report: 'Verslag',
    questions: 'Vragen van uw behandelaar',
    questionsIntro:
      'Uw behandelaar heeft een vraag aan u. Met uw antwoord kunnen we uw klacht beter beoordelen. ' +
      'We wachten niet op uw antwoord: u krijgt ons antwoord op uw klacht op tijd, ook als u de vraag niet beantwoordt.',
    asked: (date: string) => `Gevraagd op ${date}`,
    answeredOn: (date: string) => `U antwoordde op ${date}:`,
    answerLabel: 'Uw antwoord',
    answerHint: 'Schrijf uw antwoord in uw eigen woorden. Uw behandelaar leest het.',
    answerSubmit: 'Antwoord versturen',
    files: 'Wilt u een foto of een ander bestand meesturen? Dat kan bij',
    filesLink: 'Bestanden toevoegen',
    answered: 'Bedankt. Uw antwoord staat bij uw klacht. Uw behandelaar leest het.',
    errors: {
      required: 'Schrijf uw antwoord in het vak.',
      tooLong: (max: number) => `Uw antwoord is te lang. Gebruik hoogstens ${max} tekens.`,
      closed: 'Deze vraag kan niet meer worden beantwoord.',
      tooMany:
        'U hebt dit uur al veel verstuurd vanaf deze pagina. Probeer het over een uur opnieuw. Uw antwoord staat nog in het vak.',
    },
    steps: {
      asked: 'Uw behandelaar heeft u een vraag gesteld.',
      answered: 'U hebt de vraag van uw behandelaar beantwoord.',
    },
  },
  en: {
    answer: 'Our answer',
    answerSent: (date: string) => `We sent you this answer on ${date}.`,
    report: 'Report',
    questions: 'Questions from the person handling your complaint',
    questionsIntro:
      'The person handling your complaint has a question for you. Your answer helps us judge your complaint. ' +
      'We do not wait for your answer: you will get our answer to your complaint in time, also if you do not answer.',
    asked: (date: string) => `Asked on ${date}`,
    answeredOn: (date: string) => `You answered on ${date}:`,
    answerLabel: 'Your answer',
    answerHint: 'Write your answer in your own words. The person handling your complaint reads it.',
    answerSubmit: 'Send answer',
    files: 'Do you want to send a photo or another file with it? You can do that at',
    filesLink: 'Add files',
    answered: 'Thank you. Your answer is with your complaint. The person handling it will read it.',
    errors: {
      required: 'Write your answer in the box.',
      tooLong: (max: number) => `Your answer is too long. Use at most ${max} characters.`,
      closed: 'This question can no longer be answered.',
      tooMany:
        'You have sent a lot from this page this hour. Please try again in an hour. Your answer is still in the box.',
    },
    steps: {
      asked: 'The person handling your complaint asked you a question.',
      answered: 'You answered the question of the person handling your complaint.',
    },
  },
} as const;
