import { defineConfig } from './cases/config.ts';
import { DEFAULT_TERMS_SETTINGS } from './cases/default-terms.ts';

// The organisation's settings. Another organisation changes this file and the reglement text
// (site/content/reglement/), not code. Secrets (tokens, SMTP password) never go here: they come
// from environment variables (see README).
export default defineConfig({
  organisation: {
    name: 'Livable',
    website: 'https://livable.nl',
  },
  site: {
    url: 'https://klachten.livable.nl/',
  },
  coordinators: {
    name: 'De klachtencoördinator',
    email: 'klachten@livable.nl',
    logins: [],
  },
  privacyStatementUrl: 'https://livable.nl/privacyverklaring/',
  categories: [
    { id: 'onderhoud', label: { nl: 'Onderhoud en reparaties', en: 'Maintenance and repairs' } },
    { id: 'overlast', label: { nl: 'Overlast', en: 'Nuisance' } },
    { id: 'communicatie', label: { nl: 'Bereikbaarheid en communicatie', en: 'Contact and communication' } },
    { id: 'servicekosten', label: { nl: 'Servicekosten en facturen', en: 'Service charges and invoices' } },
    { id: 'gedrag', label: { nl: 'Gedrag van een medewerker', en: 'Conduct of a staff member' } },
    { id: 'overig', label: { nl: 'Iets anders', en: 'Something else' } },
  ],
  // Who can handle cases. Replace with your own staff before going live: the name goes to the
  // complainant in the confirmation; a GitHub `login` (optional) never does. The department is
  // used to refuse a handler from the team a complaint is about.
  people: [{ id: 'klantcontact', name: 'Team Klantcontact', department: 'Klantcontact' }],
  // The reglement's terms (cases/default-terms.ts). To differ, write the key after the spread,
  // e.g. `answerWeeks: 8`.
  terms: {
    ...DEFAULT_TERMS_SETTINGS,
    extraClosingDays: [],
    removedClosingDays: [],
  },
  // Photos and documents with a complaint (docs/attachments.md): per post, per case, and the
  // largest file on the Node server (on Netlify and Vercel a file may be at most 4 MB).
  attachments: { maxFilesPerPost: 5, maxFilesPerCase: 10, maxFileMegabytes: 10 },
  // Where a complainant can turn next (reglement art. 5), named in the answer and on the
  // complainant's page; at least one is required. EXAMPLES TO CHECK: these bodies suit a Dutch
  // resident or owner; check each one and its address for your organisation, then drop `example`.
  externalBodies: [
    {
      name: 'Huurcommissie',
      url: 'https://www.huurcommissie.nl/',
      description: {
        nl: 'Voor huurders en verhuurders: geschillen over de huurprijs, de servicekosten en onderhoudsgebreken. De Huurcommissie doet een uitspraak; daar zijn kosten aan verbonden.',
        en: 'For tenants and landlords: disputes about the rent, service charges and maintenance defects. The Huurcommissie gives a ruling; there is a fee.',
      },
      example: true,
    },
    {
      name: 'Het Juridisch Loket',
      url: 'https://www.juridischloket.nl/',
      description: {
        nl: 'Gratis juridisch advies: wat uw rechten zijn en welke stap u nu kunt zetten.',
        en: 'Free legal advice: what your rights are and which step you can take next.',
      },
      example: true,
    },
    {
      name: 'De kantonrechter (de Rechtspraak)',
      url: 'https://www.rechtspraak.nl/',
      description: {
        nl: 'De rechter voor huurzaken en geschillen tot € 25.000. U hebt geen advocaat nodig; er zijn wel kosten (griffierecht).',
        en: 'The court for tenancy cases and disputes up to € 25,000. You do not need a lawyer; there is a court fee.',
      },
      example: true,
    },
  ],
});
