import { describe, expect, it } from 'vitest';
import { concernsPerson, findPerson, handlerConflict, type Person } from './people.ts';

const pieter: Person = { id: 'pieter-de-boer', name: 'Pieter de Boer', login: 'pdeboer', department: 'Onderhoud' };
const zoe: Person = { id: 'zoe', name: 'Zoë Çelik', login: 'ZCelik' };
const people = [pieter, zoe];

describe('findPerson', () => {
  it('finds a person by id, by login with or without @, in any case', () => {
    expect(findPerson(people, 'pieter-de-boer')).toBe(pieter);
    expect(findPerson(people, '@zcelik')).toBe(zoe);
    expect(findPerson(people, 'PDEBOER')).toBe(pieter);
  });

  it('finds nobody for an unknown or empty name', () => {
    expect(findPerson(people, 'kees')).toBeUndefined();
    expect(findPerson(people, '@')).toBeUndefined();
  });
});

describe('concernsPerson', () => {
  it('matches the full name, ignoring case and accents', () => {
    expect(concernsPerson('mevrouw zoe celik', zoe)).toBe(true);
  });

  it('matches the family name with its tussenvoegsel', () => {
    expect(concernsPerson('Meneer De Boer, de opzichter', pieter)).toBe(true);
  });

  it('matches the GitHub login and the department', () => {
    expect(concernsPerson('@pdeboer', pieter)).toBe(true);
    expect(concernsPerson('de afdeling onderhoud', pieter)).toBe(true);
  });

  it('matches whole words only', () => {
    expect(concernsPerson('de boerderij van Jansen', pieter)).toBe(false);
    expect(concernsPerson('onderhoudsbedrijf Smit', pieter)).toBe(false);
  });

  it('matches nothing when the complaint names nobody', () => {
    expect(concernsPerson(undefined, pieter)).toBe(false);
    expect(concernsPerson('   ', pieter)).toBe(false);
    expect(concernsPerson('de huismeester', zoe)).toBe(false);
  });
});

describe('handlerConflict', () => {
  it('explains in Dutch why the person complained about cannot handle the case', () => {
    expect(handlerConflict({ concerns: 'Pieter' + ' de Boer' }, pieter)).toMatch(
      /^Pieter de Boer kan deze klacht niet behandelen/,
    );
  });

  it('finds no conflict for someone else', () => {
    expect(handlerConflict({ concerns: 'Pieter de Boer' }, zoe)).toBeUndefined();
  });
});
