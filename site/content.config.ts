import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { locales } from '../cases/locale.ts';

// The reglement, one Markdown file per language (nl.md, en.md). Another organisation replaces
// these files, not code.
const reglement = defineCollection({
  loader: glob({ pattern: '*.md', base: './site/content/reglement' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    updated: z.coerce.date().optional(),
  }),
});

// "In het kort" / "In short": the procedure in plain words (B1), at the top of the home page and
// the reglement; one file per language. tests/plain-language.test.ts holds it to Flesch-Douma ≥ 65
// and at most 20 words a sentence.
const summary = defineCollection({
  loader: glob({ pattern: '*.md', base: './site/content/summary' }),
  schema: z.object({ title: z.string() }),
});

// The accessibility statement (toegankelijkheidsverklaring), after the Dutch government's model;
// one file per language.
const accessibility = defineCollection({
  loader: glob({ pattern: '*.md', base: './site/content/accessibility' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    updated: z.coerce.date(),
  }),
});

// The half-yearly reports, as `klachten report` writes them: 2026-h2.md (Dutch) and 2026-h2.en.md,
// each with its SVG charts beside it. An entry's id is its file name without .md.
const isoDate = z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  z.date().transform((date) => date.toISOString().slice(0, 10)),
]);
const reports = defineCollection({
  loader: glob({
    pattern: '*.md',
    base: './site/content/reports',
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
  }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    locale: z.enum(locales),
    period: z.string(),
    from: isoDate,
    to: isoDate,
    'generated-at': z.coerce.date(),
    threshold: z.number().int(),
    example: z.boolean().default(false),
    counts: z.record(z.string(), z.number()).default({}),
  }),
});

export const collections = { reglement, reports, summary, accessibility };
