/** GitHub's 422 "Validation Failed", and the length limits it checks. */
import { failed, thrown } from '../reply.ts';

/**
 * Ends the call with GitHub's 422 for one field.
 *
 * @example
 * if (title.trim() === '') invalid('Issue', 'title', 'missing_field');
 */
export function invalid(resource: string, field: string, code: string, message?: string): never {
  throw thrown(
    failed(422, 'Validation Failed', { errors: [{ resource, field, code, ...(message ? { message } : {}) }] }),
  );
}

/**
 * Ends the call with a 422 when a text is longer than GitHub allows, counted in code points.
 *
 * @example
 * checkText('Issue', 'body', input['body'], 65536);
 */
export function checkText(resource: string, field: string, text: unknown, max: number): void {
  if (typeof text === 'string' && [...text].length > max) {
    invalid(resource, field, 'custom', `${field} is too long (maximum is ${max} characters)`);
  }
}
