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
  externalBodies: [],
});
