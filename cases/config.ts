import { z } from 'zod';
import { DEFAULT_TERMS_SETTINGS } from './default-terms.ts';

/** An ISO calendar date, `YYYY-MM-DD`. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht een datum als JJJJ-MM-DD');

const bilingual = z.object({ nl: z.string().min(1), en: z.string().min(1) });

/** A complaint category as the form offers it and the report counts it. */
export const categorySchema = z.object({
  /** Stable key, used in labels (`categorie: <id>`) and reports. */
  id: z.string().regex(/^[a-z0-9-]+$/, 'alleen kleine letters, cijfers en koppeltekens'),
  label: bilingual,
});

/** A person who may handle cases. The name goes to complainants; the login never does. */
export const personSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'alleen kleine letters, cijfers en koppeltekens'),
  name: z.string().min(1),
  /** GitHub login, when the person works the cases on GitHub. */
  login: z.string().optional(),
  email: z.email().optional(),
  /** Department, so a handler is never the person or team a complaint is about. */
  department: z.string().optional(),
});

/** The organisation's configuration: everything that differs between organisations. */
export const configSchema = z.object({
  organisation: z.object({
    name: z.string().min(1),
    website: z.url(),
  }),
  site: z.object({
    /** Public URL of the site, for links in mail and the allowed origin of form posts. */
    url: z.url(),
  }),
  coordinators: z.object({
    name: z.string().min(1),
    email: z.email(),
    /** GitHub logins of the coordinators: mentioned in reminders and escalations. */
    logins: z.array(z.string().min(1)).default([]),
  }),
  privacyStatementUrl: z.url(),
  categories: z.array(categorySchema).min(1),
  people: z.array(personSchema).default([]),
  terms: z
    .object({
      timeZone: z.string().default(DEFAULT_TERMS_SETTINGS.timeZone),
      confirmWorkingDays: z.number().int().positive().default(DEFAULT_TERMS_SETTINGS.confirmWorkingDays),
      answerWeeks: z.number().int().positive().default(DEFAULT_TERMS_SETTINGS.answerWeeks),
      extensionWeeks: z.number().int().positive().default(DEFAULT_TERMS_SETTINGS.extensionWeeks),
      /** Extra closing days on top of the Algemene termijnenwet (e.g. days equated by decree). */
      extraClosingDays: z.array(z.object({ date: isoDate, name: bilingual })).default([]),
      /** Days that are a holiday by law but on which the organisation works after all. */
      removedClosingDays: z.array(isoDate).default([]),
    })
    .prefault({}),
  mail: z
    .object({
      from: z.string().min(1),
      replyTo: z.email().optional(),
    })
    .optional(),
  /** Further procedures and external bodies the complainant may turn to (reglement art. 5). */
  externalBodies: z.array(z.object({ name: z.string().min(1), url: z.url(), description: bilingual })).default([]),
  satisfaction: z.object({ validDays: z.number().int().positive().default(14) }).prefault({}),
  report: z.object({ threshold: z.number().int().min(1).default(5) }).prefault({}),
});

/** The configuration as written in `klachten.config.ts`. */
export type ConfigInput = z.input<typeof configSchema>;
/** The configuration after validation, with defaults filled in. */
export type Config = z.output<typeof configSchema>;

/**
 * Types and validates the configuration file, so a mistake stops the start with the key named.
 *
 * @example
 * export default defineConfig({ organisation: { name: 'Livable', website: 'https://livable.nl' }, … });
 */
export function defineConfig(config: ConfigInput): Config {
  return parseConfig(config);
}

/**
 * Validates the configuration; on error throws one message naming every bad key.
 *
 * @example
 * parseConfig({ organisation: { name: '' } }); // throws "klachten.config.ts is ongeldig: organisation.name: …"
 */
export function parseConfig(input: unknown): Config {
  const result = configSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`klachten.config.ts is ongeldig:\n${lines.join('\n')}`);
}
