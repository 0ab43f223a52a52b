/**
 * The people who may handle cases (config `people`), and the rule that a handler is never the
 * person or department a complaint is about.
 *
 * Pure: the configured people and the case are parameters.
 */
import type { Case } from './case.ts';
import type { Config } from './config.ts';

/** One configured person. */
export type Person = Config['people'][number];

/**
 * The configured person with this id or GitHub login (`@login` or `login`, any case), or undefined.
 *
 * @example
 * findPerson(config.people, '@jdevries') // { id: 'jan-de-vries', name: 'Jan de Vries', login: 'jdevries', … }
 * findPerson(config.people, 'jan-de-vries') // the same person
 */
export function findPerson(people: readonly Person[], idOrLogin: string): Person | undefined {
  const wanted = idOrLogin.trim().replace(/^@/, '').toLowerCase();
  if (wanted === '') return undefined;
  return (
    people.find((person) => person.id === wanted) ??
    people.find((person) => person.login !== undefined && person.login.toLowerCase() === wanted)
  );
}

/**
 * Lower case, accents off, everything that is not a letter or digit a single space, padded with
 * spaces so that `includes(' jansen ')` is a whole-word match.
 */
function words(text: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${plain} `;
}

/**
 * The phrases in a complaint's "about whom" that point at this person: the full name, the family
 * name with its tussenvoegsel ("de Boer" for "Pieter de Boer"), the GitHub login and the department.
 * A department counts because a handler must be independent of the team complained about too.
 */
function phrasesOf(person: Person): string[] {
  const nameWords = words(person.name).trim().split(' ');
  const familyName = nameWords.length > 1 ? nameWords.slice(1).join(' ') : '';
  return [person.name, familyName, person.login ?? '', person.department ?? '']
    .map((phrase) => words(phrase).trim())
    .filter((phrase) => phrase.length >= 2);
}

/**
 * Whether the complaint's "about whom" (the form's optional `concerns`) names this person or their
 * department, as whole words, ignoring case and accents. Errs on the side of "yes": a refused
 * handler costs the coordinator one other choice, a partial handler costs the complainant a fair hearing.
 *
 * @example
 * concernsPerson('meneer De Boer van Onderhoud', { id: 'pieter', name: 'Pieter de Boer' }) // true
 * concernsPerson('de huismeester', { id: 'pieter', name: 'Pieter de Boer' }) // false
 */
export function concernsPerson(concerns: string | undefined, person: Person): boolean {
  if (concerns === undefined || concerns.trim() === '') return false;
  const text = words(concerns);
  return phrasesOf(person).some((phrase) => text.includes(` ${phrase} `));
}

/**
 * Why this person may not handle this case, in Dutch, or undefined when they may. The reason names
 * the person (staff, not the complainant) but never repeats what the complainant wrote.
 *
 * @example
 * handlerConflict({ concerns: 'Jan de Vries' }, jan) // 'Jan de Vries kan deze klacht niet behandelen: …'
 */
export function handlerConflict(record: Pick<Case, 'concerns'>, person: Person): string | undefined {
  if (!concernsPerson(record.concerns, person)) return undefined;
  return (
    `${person.name} kan deze klacht niet behandelen: de klacht gaat over deze persoon of diens afdeling. ` +
    'Kies een behandelaar die niet bij de klacht betrokken is.'
  );
}
