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
    /**
     * Public URL of the site, for links in mail and the allowed origin of form posts; its path (if
     * any) is where the pages live (Astro's `base`). Ends in "/", so links resolve under it.
     */
    url: z
      .url()
      .refine((url) => !/[?#]/.test(url), { error: 'geen ? of # in het adres van de site' })
      .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
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
      /** Weeks from reopening (a complaint that was not resolved) to the new answer's latest date. */
      reopenWeeks: z.number().int().positive().default(DEFAULT_TERMS_SETTINGS.reopenWeeks),
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
  externalBodies: z
    .array(
      z.object({
        name: z.string().min(1),
        url: z.url(),
        description: bilingual,
        /** Shipped as an example: check the body and its address before going live, then remove this. */
        example: z.boolean().optional(),
      }),
    )
    .min(1, {
      error:
        'noem minstens één externe instantie of verdere procedure (reglement art. 5): de klager moet weten waar hij verder kan',
    }),
  satisfaction: z.object({ validDays: z.number().int().positive().default(14) }).prefault({}),
  /** The complainant's own page: how long a personal link works, counted from the mail that carried it. */
  myComplaint: z.object({ linkValidDays: z.number().int().positive().default(90) }).prefault({}),
  report: z.object({ threshold: z.number().int().min(1).default(5) }).prefault({}),
  /**
   * Photos and documents with a complaint (docs/attachments.md): at most this many per post and per
   * case, each at most this many megabytes on the Node server (Netlify and Vercel allow 4).
   */
  attachments: z
    .object({
      maxFilesPerPost: z.number().int().min(1).max(20).default(5),
      maxFilesPerCase: z.number().int().min(1).max(50).default(10),
      maxFileMegabytes: z.number().positive().max(50).default(10),
    })
    .refine((value) => value.maxFilesPerPost <= value.maxFilesPerCase, {
      path: ['maxFilesPerPost'],
      error: 'mag niet groter zijn dan maxFilesPerCase',
    })
    .prefault({}),
  /**
   * Replies by mail (docs/mail.md, `KLACHTEN_IMAP_URL`): with `plusAddressing`, where the mail
   * provider delivers `klachten+iets@` to `klachten@`, each mail to a complainant carries a signed
   * reply address with the case's reference (`klachten+K-2026-7QF3-M9XA.q8f2c41d0e@…`).
   */
  inbox: z.object({ plusAddressing: z.boolean().default(false) }).prefault({}),
  /** How long personal data is kept (docs/retention.md); the register record is kept for ever. */
  retention: z
    .object({
      /** Months after a case is closed or not taken up before its personal data is erased. */
      personalDataMonths: z.number().int().positive().default(24),
      /** Days a message stays in the outbox folder. */
      outboxDays: z.number().int().positive().default(30),
    })
    .prefault({}),
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
  return parseConfig(withSiteUrlFrom(globalThis.process?.env ?? {}, config));
}

/**
 * The configuration with `site.url` taken from `KLACHTEN_SITE_URL` when that is set: one build of
 * the same configuration can go to a test address or under a path. Validated like the file's value.
 *
 * @example
 * withSiteUrlFrom({ KLACHTEN_SITE_URL: 'https://klachten.example.nl/klachten/' }, config).site.url
 */
export function withSiteUrlFrom(env: Record<string, string | undefined>, config: ConfigInput): ConfigInput {
  const url = env['KLACHTEN_SITE_URL'];
  return url === undefined || url === '' ? config : { ...config, site: { ...config.site, url } };
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
