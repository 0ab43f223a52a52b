import { errorTag, taggedError } from '../../errors.ts';

/**
 * Sorting failed GitHub calls. What a store may do after a failure depends on one question: did
 * GitHub perhaps carry out the call? After an ambiguous failure a write may have landed, so the
 * store looks before it writes again; after a definite refusal it gives up at once.
 */

/** How a failed call ended, as far as the outcome of a write goes. */
export type FailureKind = 'ambiguous' | 'rate-limited' | 'unauthorized' | 'forbidden' | 'not-found' | 'rejected';

/**
 * Sorts a failed GitHub call: did GitHub perhaps do it (`ambiguous`), or certainly not?
 *
 * @example
 * classifyFailure(error) // 'ambiguous' for a 502, a timeout or a reset connection
 */
export function classifyFailure(error: unknown): FailureKind {
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : undefined;
  const response = typeof error === 'object' && error !== null && 'response' in error ? error.response : undefined;
  // No response at all: a timeout, an abort or a broken connection; the write may have happened.
  if (response === undefined || status === undefined || status >= 500) return 'ambiguous';
  const headers = (response as { headers?: Record<string, string | undefined> }).headers ?? {};
  if (
    status === 429 ||
    (status === 403 && (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0'))
  ) {
    return 'rate-limited';
  }
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  return 'rejected';
}

/**
 * Whether an error came from a call to GitHub (and not from our own checks, which are tagged).
 *
 * @example
 * isCallFailure(requestError) // true for Octokit's error of a 502, or an aborted call
 * isCallFailure(storeError('budget', 'De tijd is op.')) // false
 */
export function isCallFailure(error: unknown): boolean {
  if (!(error instanceof Error) || errorTag(error) !== undefined) return false;
  return 'status' in error || error.name === 'AbortError' || error.name === 'TimeoutError';
}

/**
 * The error a store call ends with: a failure kind as its tag and a status, never a response body
 * or the case. Its area is `github`, so a log line names it `github-unauthorized`, `github-budget`.
 *
 * @example
 * throw storeError('not-found', 'GitHub weigerde de klacht (404).', 404);
 */
export function storeError(kind: FailureKind | 'budget', message: string, status?: number): Error {
  return taggedError(kind, message, { area: 'github', ...(status === undefined ? {} : { status }) });
}

/**
 * The HTTP status of a failed call, or 0 when it has none (a timeout, a broken connection).
 *
 * @example
 * statusOf(requestError) // 502
 */
export function statusOf(error: unknown): number {
  return typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) || 0 : 0;
}
