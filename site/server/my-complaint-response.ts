// What the complainant's page answers, as data: the view it shows (the page component renders
// it), its status and its extra headers, or a ready response (a redirect, a calendar file). Shared
// by the page's handler (my-complaint.ts) and its link flow (my-complaint-link.ts).
import type { AdditionError } from './my-complaint-actions.ts';
import type { CaseView } from './my-complaint-view.ts';

/**
 * Why a link or a page cannot be used: a link that is not ours or not whole (`invalid`), past its
 * days (`expired`), revoked by a newer link, a withdrawal or an erasure (`revoked`), a case closed
 * too long ago to show (`closed`), a page form sent after its session ended (`ended`: the cookie
 * lasts `sessionMinutes` (30), so the person may have been writing all that time), or a
 * fault on our side (`unavailable`).
 */
export type RefusalProblem = 'invalid' | 'expired' | 'revoked' | 'closed' | 'ended' | 'unavailable';

/** The refusals after which a new link helps: the page offers the form to ask for one. */
export const refusalsWithNewLink: readonly RefusalProblem[] = ['invalid', 'expired', 'revoked', 'ended'];

/** What the page shows. */
export type MyComplaintView =
  | {
      kind: 'case';
      view: CaseView;
      csrf: string;
      addition: { value: string; error?: AdditionError | undefined };
      notice?: 'added' | 'answered' | 'withdrawn' | 'not-withdrawn' | undefined;
      /** The answer to a question as posted, with its error, shown back in that question's box. */
      questionAnswer?:
        { id: string; value: string; error?: 'required' | 'tooLong' | 'closed' | 'tooMany' | undefined } | undefined;
      satisfactionUrl?: string | undefined;
      calendarUrl?: string | undefined;
    }
  | { kind: 'confirm-withdraw'; reference: string; csrf: string }
  | {
      kind: 'ask-link';
      values: { reference: string; email: string };
      errors: { reference?: boolean; email?: boolean };
      sent: boolean;
      retryAfterSeconds?: number;
    }
  /** The personal link, opened: one button whose POST starts the session. Nothing is set yet. */
  | { kind: 'open-link'; reference: string; token: string }
  /**
   * `reference`: the one a refused link named, for the new-link form; `kept`: what a form sent
   * after its session ended held, given back so nothing typed is lost.
   */
  | { kind: 'refused'; problem: RefusalProblem; reference?: string | undefined; kept?: string | undefined };

/** The view, or a ready response (a redirect, a calendar file), with its status and extra headers. */
export interface MyComplaintResponse {
  status: number;
  view?: MyComplaintView;
  response?: Response;
  headers: Record<string, string>;
}

/**
 * The headers of every answer of the page. No Referer from any of them. The HTML itself asks for
 * `same-origin` (layouts/Base.astro): with `no-referrer` a browser posts the page's forms with
 * "Origin: null", which the CSRF check refuses. The plain address is all a same-origin referrer
 * can carry, but for the one page that shows a link's button, whose own address holds the token:
 * that page posts to the plain address, so the token leaves the address bar with the button.
 */
export const pageHeaders: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

const statusOf: Record<RefusalProblem, number> = {
  invalid: 400,
  expired: 410,
  revoked: 410,
  closed: 410,
  ended: 403,
  unavailable: 503,
};

/**
 * A refusal: why, with its status. It never touches a session the visitor has: a bad or old link
 * leaves the session of another (or the same) case as it was.
 *
 * @example
 * refused('revoked', 'K-2026-7QF3M9') // { status: 410, view: { kind: 'refused', problem: 'revoked', … } }
 */
export function refused(problem: RefusalProblem, reference?: string, status = statusOf[problem]): MyComplaintResponse {
  return { status, view: { kind: 'refused', problem, reference }, headers: { ...pageHeaders } };
}

/**
 * The form that asks for a new link, empty or with what was typed and its errors.
 *
 * @example
 * askLink(422, { values: { reference: '', email: 'zoe@example.nl' }, errors: { reference: true } })
 */
export function askLink(
  status = 200,
  extra: Partial<Extract<MyComplaintView, { kind: 'ask-link' }>> = {},
): MyComplaintResponse {
  return {
    status,
    view: { kind: 'ask-link', values: { reference: '', email: '' }, errors: {}, sent: false, ...extra },
    headers: { ...pageHeaders },
  };
}
