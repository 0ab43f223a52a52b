/** The stand-in's call log: every call it answered, per operation id, for counting in tests. */
import type { FaultKind } from './faults.ts';
import type { StandInOperation } from './operations.ts';

/** One call the stand-in answered. */
export interface CallRecord {
  operation: string;
  method: string;
  path: string;
  query: string;
  status: number | 'reset' | 'aborted';
  fault?: FaultKind;
  /** Refused by the secondary limit on writes (`limits.ts`). */
  limited?: boolean;
  /** For `graphql`: the root field asked for (`deleteIssue`, `pinIssue`, `updateProjectV2ItemFieldValue`, …). */
  field?: string;
}

/** The call log of a stand-in. */
export interface Calls {
  readonly all: CallRecord[];
  /** Calls of one operation (or all; `graphql` for `POST /graphql`), injected faults included. */
  count(operation?: StandInOperation | 'graphql'): number;
  reset(): void;
}

/**
 * Makes an empty call log; the server pushes onto `all`.
 *
 * @example
 * const calls = makeCalls();
 * calls.all.push({ operation: 'issues/create', method: 'POST', path: '/repos/o/r/issues', query: '', status: 201 });
 * calls.count('issues/create') // 1
 */
export function makeCalls(): Calls {
  const all: CallRecord[] = [];
  return {
    all,
    count: (operation) => all.filter((call) => operation === undefined || call.operation === operation).length,
    reset: () => void all.splice(0),
  };
}
