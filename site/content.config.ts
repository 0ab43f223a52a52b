import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

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

export const collections = { reglement };
