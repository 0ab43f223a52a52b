/**
 * Errors a caller acts on carry a tag: a short code that says what went wrong, in the one
 * property `tag`. Callers branch on the tag and log it, never on the message (messages are Dutch,
 * for people, and may quote data). Errors from libraries keep their own fields (Node's and
 * nodemailer's `code`, Octokit's `status`); only our own errors are tagged.
 */

/** An error with its tag, and any extra fields given. */
export type TaggedError<Tag extends string = string, Extra extends object = object> = Error & { tag: Tag } & Extra;

/**
 * Makes an error with a tag (and extra fields, such as an HTTP status, when given).
 *
 * @example
 * throw taggedError('incomplete', 'Klacht K-2026-7QF3M9: deel 2 van 3 ontbreekt.');
 * throw taggedError('not-found', 'GitHub weigerde de klacht (404).', { status: 404 });
 */
export function taggedError<Tag extends string, Extra extends object = object>(
  tag: Tag,
  message: string,
  extra?: Extra,
): TaggedError<Tag, Extra> {
  return Object.assign(new Error(message), extra, { tag }) as TaggedError<Tag, Extra>;
}

/**
 * The tag of an error made by `taggedError`, or undefined for any other value.
 *
 * @example
 * try { decodeIssue(issue) } catch (error) { if (errorTag(error) === 'incomplete') … }
 * errorTag(new Error('x')) // undefined
 */
export function errorTag(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('tag' in error)) return undefined;
  return typeof error.tag === 'string' ? error.tag : undefined;
}

/**
 * The part of the system an error came from, when the code alone would not say: a tag such as
 * `unauthorized` means one thing from GitHub and another from a mail server, so the error carries
 * its `area` and the log line says `github-unauthorized`.
 */
export type ErrorArea = 'github' | 'queue' | 'smtp';

/** What `errorCode` says when nothing better is known: never the bare name `Error`. */
export const unexplained = 'unexplained';

const shortCode = /^[\w.-]{1,48}$/;

/**
 * What a log line says of a failure: a short code for its cause — the tag (with its `area` in
 * front: `github-unauthorized`), else Node's or the library's `code`, else the code of the error
 * it wraps (`cause`, as `fetch failed` wraps `ECONNREFUSED`), else a specific error name
 * (`TypeError`, `ZodError`), else `unexplained` — never the bare name `Error`, and never its
 * message, which may quote a complaint.
 *
 * @example
 * errorCode(taggedError('budget', 'De opslag antwoordde niet op tijd.')) // 'budget'
 * errorCode(taggedError('unauthorized', 'GitHub: 401', { area: 'github' })) // 'github-unauthorized'
 * errorCode(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' })) // 'ECONNREFUSED'
 * errorCode(new TypeError('fetch failed', { cause: Object.assign(new Error(), { code: 'ECONNRESET' }) })) // 'ECONNRESET'
 * errorCode(new Error('zoe@example.nl')) // 'unexplained'
 * errorCode('a string') // 'unknown'
 */
export function errorCode(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const tag = errorTag(error);
  if (tag !== undefined) {
    const area = (error as { area?: unknown }).area;
    return typeof area === 'string' && !tag.startsWith(`${area}-`) ? `${area}-${tag}` : tag;
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number' || (typeof code === 'string' && shortCode.test(code))) return String(code);
  if (error.cause instanceof Error) {
    const inner = errorCode(error.cause);
    if (inner !== unexplained) return inner;
  }
  return error.name !== 'Error' && shortCode.test(error.name) ? error.name : unexplained;
}
