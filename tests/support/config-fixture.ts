import { parseConfig, type Config, type ConfigInput } from '../../cases/config.ts';

/** Two handlers from different departments, so "not the person complained about" can be tested. */
export const jan = { id: 'jan', name: 'Jan de Vries', login: 'jdevries', department: 'Onderhoud' };
export const els = { id: 'els', name: 'Els Bakker', login: 'ebakker', department: 'Klantcontact' };

/**
 * A small, valid organisation configuration for tests: one category, a coordinator with the GitHub
 * login `coord`, and the people given (by default Jan and Els).
 *
 * @example
 * const config = aConfig({ people: [{ id: 'jan', name: 'Jan de Vries', login: 'jdevries' }] });
 */
export function aConfig(overrides: Partial<ConfigInput> = {}): Config {
  return parseConfig({
    organisation: { name: 'Livable', website: 'https://livable.nl' },
    site: { url: 'https://klachten.example.nl/' },
    coordinators: { name: 'Coördinator', email: 'klachten@example.nl', logins: ['coord'] },
    privacyStatementUrl: 'https://example.nl/privacy',
    categories: [{ id: 'onderhoud', label: { nl: 'Onderhoud', en: 'Maintenance' } }],
    people: [jan, els],
    externalBodies: [
      { name: 'Huurcommissie', url: 'https://www.huurcommissie.nl/', description: { nl: 'Huur.', en: 'Rent.' } },
    ],
    ...overrides,
  });
}
