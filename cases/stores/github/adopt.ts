import { createHash } from 'node:crypto';
import type { Case } from '../../case.ts';
import type { Log } from '../../log.ts';
import { makeReference } from '../../reference.ts';
import type { CaseIssues } from './case-issues.ts';
import type { IssueItem } from './github-helper.ts';
import { caseFromIssueForm, decodeIssueForm, issueFormReceivedAt } from './issue-form.ts';
import { encodeIssue } from './issue-format.ts';
import type { IssueContext } from './readable-copy.ts';

/**
 * Adoption: a complaint a coordinator registered through GitHub's issue form becomes a case in
 * the issue it is in. The form's fields are read, the case gets a reference and its terms, and
 * the issue is rewritten in the issue format. A form with missing or invalid fields stays as it
 * is, and the fields are named so a coordinator can fill them in.
 */

/** What turning an issue-form issue into a case needs. */
export interface AdoptOptions {
  /** The terms for a receipt moment (ISO 8601), as `computeTerms` gives them. */
  termsFor: (receivedAt: string) => Case['terms'];
  fillRandom: (bytes: Uint8Array) => Uint8Array;
}

/** What became of one issue-form issue. */
export interface AdoptionResult {
  issue: number;
  reference?: string;
  /** Dutch names of missing or invalid fields, when the issue could not become a case. */
  problems?: string[];
}

/** An adoption, with the case it made. */
export interface Adoption extends AdoptionResult {
  case?: Case;
}

/** What adopting needs from the store. */
export interface AdopterOptions {
  context: IssueContext;
  /** Without it no terms can be computed, and no form is adopted. */
  adopt?: AdoptOptions | undefined;
  issues: Pick<CaseIssues, 'write' | 'note'>;
  log: Log;
}

/**
 * Makes the step that adopts one issue-form issue within a deadline.
 *
 * @example
 * const adopt = makeAdopter({ context, adopt: { termsFor, fillRandom }, issues, log });
 * await adopt(issue, deadline) // { issue: 4, reference: 'K-2026-7QF3M9', case: … }
 */
export function makeAdopter(options: AdopterOptions): (issue: IssueItem, deadline: number) => Promise<Adoption> {
  const { context, issues, log } = options;
  return async (issue, deadline) => {
    const decoded = decodeIssueForm(issue.body ?? '', context.categories);
    if (!decoded.ok) return { issue: issue.number, problems: decoded.problems };
    if (!options.adopt)
      return { issue: issue.number, problems: ['(de klachtentool kan hier geen termijnen berekenen)'] };
    const receivedAt = issueFormReceivedAt(decoded.fields, issue.created_at);
    const terms = options.adopt.termsFor(receivedAt);
    const record = caseFromIssueForm(decoded.fields, {
      reference: makeReference(Number(terms.received.slice(0, 4)), options.adopt.fillRandom),
      receivedAt,
      terms,
      fingerprint: `sha256:${createHash('sha256').update(JSON.stringify(decoded.fields)).digest('hex')}`,
      by: issue.user?.login ?? 'onbekend',
    });
    const encoded = encodeIssue(record, context);
    await issues.write(issue, record, encoded, deadline, []);
    await issues.note(record.reference, issue.number);
    log('github.form-adopted', { issue: issue.number, reference: record.reference });
    return { issue: issue.number, reference: record.reference, case: record };
  };
}
