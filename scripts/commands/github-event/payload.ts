import { z } from 'zod';

// What GitHub Actions puts in GITHUB_EVENT_PATH, checked before anything is read from it.

const userSchema = z.object({ login: z.string(), type: z.string().optional() });

/** The issue as the Actions event carries it: only what the handler reads. */
const issueSchema = z.object({
  number: z.number().int().positive(),
  body: z.string().nullish(),
  labels: z.array(z.union([z.string(), z.object({ name: z.string() })])).default([]),
  pull_request: z.unknown().optional(),
});

/**
 * An `issue_comment` event.
 *
 * @example
 * const parsed = commentEventSchema.safeParse(payload); // parsed.data.comment.user.login
 */
export const commentEventSchema = z.object({
  action: z.string(),
  issue: issueSchema,
  comment: z.object({ body: z.string().nullish(), user: userSchema }),
});

/**
 * An `issues` event (the handler acts on `assigned`).
 *
 * @example
 * const parsed = issuesEventSchema.safeParse(payload); // parsed.data.assignee?.login
 */
export const issuesEventSchema = z.object({
  action: z.string(),
  issue: issueSchema,
  assignee: userSchema.nullish(),
  sender: userSchema,
});

/**
 * The names of an issue's labels, which the event gives as strings or as objects.
 *
 * @example
 * labelNames({ number: 1, labels: ['klacht', { name: 'status: ontvangen' }] }) // ['klacht', 'status: ontvangen']
 */
export function labelNames(issue: z.output<typeof issueSchema>): string[] {
  return issue.labels.map((label) => (typeof label === 'string' ? label : label.name));
}
