import { describe, expect, it } from 'vitest';
import { reglementTerms } from '../tests/support/terms-fixture.ts';
import config from '../klachten.config.ts';
import { parseConfig, type ConfigInput } from './config.ts';
import { parseSettings } from './settings.ts';

const minimal: ConfigInput = {
  organisation: { name: 'Woonstichting Voorbeeld', website: 'https://voorbeeld.nl' },
  site: { url: 'https://klachten.voorbeeld.nl/' },
  coordinators: { name: 'Klachtencoördinator', email: 'klachten@voorbeeld.nl' },
  privacyStatementUrl: 'https://voorbeeld.nl/privacy',
  categories: [{ id: 'onderhoud', label: { nl: 'Onderhoud', en: 'Maintenance' } }],
  externalBodies: [
    {
      name: 'Huurcommissie',
      url: 'https://www.huurcommissie.nl/',
      description: { nl: 'Huurgeschillen.', en: 'Rent disputes.' },
    },
  ],
};

describe('the configuration', () => {
  it('fills in the reglement’s terms and the report threshold when they are not given', () => {
    const parsed = parseConfig(minimal);
    expect(parsed.terms).toEqual(reglementTerms);
    expect(parsed.report.threshold).toBe(5);
  });

  it('names every bad key in one message', () => {
    const broken = {
      ...minimal,
      site: { url: 'niet-een-adres' },
      categories: [{ id: 'Met Spatie', label: { nl: 'x' } }],
    };
    expect(() => parseConfig(broken)).toThrow(/site\.url/);
    expect(() => parseConfig(broken)).toThrow(/categories\.0\.id: alleen kleine letters/);
    expect(() => parseConfig(broken)).toThrow(/categories\.0\.label\.en/);
  });

  it('refuses a configuration without categories', () => {
    expect(() => parseConfig({ ...minimal, categories: [] })).toThrow(/categories/);
  });

  it('ships a valid configuration for the organisation', () => {
    expect(config.categories.length).toBeGreaterThan(0);
    expect(new URL(config.site.url).protocol).toBe('https:');
  });
});

describe('the run-time settings', () => {
  it('keeps cases in .data/cases under the working folder by default', () => {
    expect(parseSettings({}, '/srv/app')).toEqual({
      store: 'git',
      dataDir: '/srv/app/.data',
      casesDir: '/srv/app/.data/cases',
      rateLimitPerHour: 10,
    });
  });

  it('takes the data folder and the store from the environment', () => {
    expect(parseSettings({ KLACHTEN_DATA_DIR: '/var/lib/klachten', KLACHTEN_STORE: 'github' }, '/srv/app')).toEqual({
      store: 'github',
      dataDir: '/var/lib/klachten',
      casesDir: '/var/lib/klachten/cases',
      rateLimitPerHour: 10,
    });
    expect(parseSettings({ KLACHTEN_DATA_DIR: 'data' }, '/srv/app').casesDir).toBe('/srv/app/data/cases');
  });

  it('names the variable when a setting is wrong', () => {
    expect(() => parseSettings({ KLACHTEN_STORE: 'postgres' }, '/')).toThrow(/KLACHTEN_STORE: kies "git" of "github"/);
  });
});
