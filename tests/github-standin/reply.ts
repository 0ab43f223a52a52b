/**
 * What the stand-in answers a call with, and GitHub's error body. Handlers deep in a call may
 * throw a reply (`thrown`); the dispatch turns it back into the answer.
 */

/** An answer: status, JSON body (none for 204), extra headers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Where GitHub's error bodies point. */
export const docs = 'https://docs.github.com/rest';

/**
 * An error answer with GitHub's body: `message`, `documentation_url`, `status`, and any extra fields.
 *
 * @example
 * failed(404, 'Not Found')
 * failed(422, 'Validation Failed', { errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }] })
 */
export function failed(status: number, message: string, extra: Record<string, unknown> = {}): Reply {
  return { status, body: { message, documentation_url: docs, status: String(status), ...extra } };
}

/**
 * An error that carries a reply, for a check deep in a handler that ends the call.
 *
 * @example
 * if (!issue) throw thrown(failed(404, 'Not Found'));
 */
export function thrown(reply: Reply): Error & { reply: Reply } {
  return Object.assign(new Error(`stand-in reply ${reply.status}`), { reply });
}

/**
 * The reply an error carries, if it is one made by {@link thrown}.
 *
 * @example
 * const reply = replyOf(error);
 * if (reply) return reply;
 */
export function replyOf(error: unknown): Reply | undefined {
  return error instanceof Error && 'reply' in error ? (error.reply as Reply) : undefined;
}
