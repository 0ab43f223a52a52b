/**
 * The values a mail template is filled with, typed by where each came from and what it may
 * become: the type decides escaping, defanging and whether it may be a link or a block.
 */

/** A value for a placeholder, typed by where it came from and what it may become. */
export type TemplateValue =
  /** Text from the configuration or the system (a date, a name of staff): escaped, otherwise as is. */
  | { kind: 'text'; text: string }
  /**
   * Text the complainant typed, inside a sentence (the name in the salutation): escaped, defanged,
   * never a link, and on one line, a line break or format character shown as a visible escape.
   */
  | { kind: 'user'; text: string }
  /** An address of ours: may be a link target (`[text]({{link}})`) and shows as a link. */
  | { kind: 'url'; url: string }
  /**
   * A block: the complainant's fields, each quoted under its label. A `oneLine` field (name,
   * address, …) shows a line break or format character from older data as a visible escape; an
   * `ours` field is our text (the names of the case's files), escaped but not defanged.
   */
  | { kind: 'fields'; fields: readonly { label: string; value: string; oneLine?: boolean; ours?: boolean }[] }
  /** A block: a list of named links with a description (external bodies). */
  | { kind: 'links'; items: readonly { name: string; url: string; description: string }[] }
  /** A block: one quoted text, the complainant's (`user`) or staff's. */
  | { kind: 'quote'; text: string; user: boolean }
  /**
   * A block: staff Markdown already rendered safely (the reasoned answer, `cases/answer/answer-markdown.ts`),
   * as plain text and as HTML; empty text leaves the block out.
   */
  | { kind: 'rendered'; text: string; html: string };

/** The values for one rendering, by placeholder name. */
export type TemplateValues = Readonly<Record<string, TemplateValue>>;
